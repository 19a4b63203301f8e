import { type DisbursementTemplate, parseDisbursementTemplate } from './disbursement-template';
import clioActivities from './templates/clio-activities.json';
import generic from './templates/generic.json';

/**
 * The templates shipped in templates/, by name (the file's name without `.json`). Each is read
 * when the service starts: a malformed one stops the start, naming its problem, rather than
 * failing a clerk's export later (a unit test reads every file of templates/ too).
 */
export const SHIPPED_TEMPLATE_DOCUMENTS: Readonly<Record<string, unknown>> = {
  generic,
  'clio-activities': clioActivities,
};

export const DISBURSEMENT_TEMPLATES: ReadonlyMap<string, DisbursementTemplate> = new Map(
  Object.entries(SHIPPED_TEMPLATE_DOCUMENTS).map(([name, document]) => [
    name,
    parseDisbursementTemplate(document, `${name}.json`, name),
  ]),
);

/** The names `?template=` takes, in the order docs/exports.md lists them. */
export const DISBURSEMENT_TEMPLATE_NAMES: readonly string[] = [...DISBURSEMENT_TEMPLATES.keys()];
