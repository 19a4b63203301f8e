import { Readable } from 'node:stream';
import { DomainError } from '@app/common';
import type { BusinessKind, Invoice } from '@app/ledger';
import { disbursementExport } from '../disbursements/disbursement-exporter';
import type { DisbursementTemplate } from '../disbursements/disbursement-template';
import {
  DISBURSEMENT_TEMPLATES,
  DISBURSEMENT_TEMPLATE_NAMES,
} from '../disbursements/disbursement-templates';
import { csvExport } from './csv-exporter';
import type { InvoiceDocument } from './invoice-document';
import { jsonExport } from './json-exporter';
import { ledesExport, ledesLawFirmId } from './ledes-exporter';
import { pdfExport } from './pdf-exporter';
import { MAX_POSTING, pmsExport } from './pms-exporter';

export const EXPORT_FORMATS = ['csv', 'json', 'ledes1998b', 'pms', 'pdf', 'disbursements'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Each format's content type, file extension and writer. Only `disbursements` is given a
 * template (`exportTemplate` made sure it has one).
 */
const WRITERS: Record<
  ExportFormat,
  {
    contentType: string;
    extension: string;
    write: (document: InvoiceDocument, template: DisbursementTemplate | null) => Readable;
  }
> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', write: csvExport },
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    write: (document) => Readable.from(jsonExport(document)),
  },
  ledes1998b: {
    contentType: 'text/plain; charset=us-ascii',
    extension: 'txt',
    write: (document) => Readable.from(ledesExport(document)),
  },
  pms: {
    contentType: 'text/plain; charset=utf-8',
    extension: 'fias',
    write: (document) => Readable.from(pmsExport(document)),
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf', write: pdfExport },
  disbursements: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    write: (document, template) => {
      if (!template) throw new Error('A disbursement file is written only with its template');
      return disbursementExport(document, template);
    },
  },
};

/**
 * The template an export is written with: one of DISBURSEMENT_TEMPLATE_NAMES for
 * `disbursements`, which needs one, and none for any other format. Otherwise a 400 naming
 * `template` and the templates there are, before anything is read.
 */
export function exportTemplate(
  format: ExportFormat,
  name: string | undefined,
): DisbursementTemplate | null {
  const known = `one of ${DISBURSEMENT_TEMPLATE_NAMES.join(', ')}`;
  if (format !== 'disbursements') {
    if (name === undefined) return null;
    throw DomainError.invalid('export', [
      { field: 'template', message: `goes only with format=disbursements, not ${format}` },
    ]);
  }
  if (name === undefined) {
    throw DomainError.invalid('export', [
      { field: 'template', message: `format=disbursements needs a template: ${known}` },
    ]);
  }
  const template = DISBURSEMENT_TEMPLATES.get(name);
  if (!template) {
    throw DomainError.invalid('export', [
      { field: 'template', message: `${JSON.stringify(name)} is not a template: ${known}` },
    ]);
  }
  return template;
}

/** Each format's content type, as the API docs list the answers of an export. */
export const EXPORT_CONTENT_TYPES = Object.fromEntries(
  EXPORT_FORMATS.map((format) => [format, WRITERS[format].contentType]),
) as Record<ExportFormat, string>;

/** An invoice as a file: what it is, its download name, and its bytes as they are written. */
export interface InvoiceFile {
  contentType: string;
  fileName: string;
  body: Readable;
}

/** An opened invoice as a file; its body starts reading when it is first read (PDF: at once). */
export function fileOf(
  document: InvoiceDocument,
  format: ExportFormat,
  template: DisbursementTemplate | null = null,
): InvoiceFile {
  const { contentType, write } = WRITERS[format];
  return {
    contentType,
    fileName: exportFileName(document.invoice, format, template),
    body: write(document, template),
  };
}

/** `GH-2026-000001.pdf`; a draft `draft-42.json`; a disbursement file `PL-2026-000001-generic.csv`. */
export function exportFileName(
  invoice: Invoice,
  format: ExportFormat,
  template: DisbursementTemplate | null = null,
): string {
  const name = invoice.number ?? `draft-${invoice.id}`;
  return `${name}${template ? `-${template.name}` : ''}.${WRITERS[format].extension}`;
}

/**
 * Why `format` does not fit the invoice, or null when it does: every rule that refuses an
 * export by its format is here, so that a caller can check invoices before writing a byte (one
 * file, or many into one archive). A format that passes is then written whole.
 */
export function exportRefusal(document: InvoiceDocument, format: ExportFormat): DomainError | null {
  const { invoice } = document;
  if (invoice.status !== 'finalized' && format !== 'json') {
    return new DomainError(
      'conflict',
      `Invoice ${invoice.id} is ${invoice.status}: only a finalized invoice exports as ${format} (json shows any)`,
      [{ field: 'status', message: invoice.status }],
    );
  }
  switch (format) {
    case 'csv':
    case 'json':
    case 'pdf':
      return null;
    case 'pms':
      return pmsRefusal(document);
    case 'ledes1998b':
      return ledesRefusal(document);
    case 'disbursements':
      return disbursementsRefusal(document);
  }
}

/** Who bills, in a sentence's words. */
const KIND_WORDS: Record<BusinessKind, string> = {
  hotel: 'a hotel',
  'law-firm': 'a law firm',
  other: 'a business of kind other',
};

/** The formats that fit each kind's invoices, the one made for it first. */
const FITTING: Record<BusinessKind, ExportFormat[]> = {
  hotel: ['pms', 'csv', 'json', 'pdf'],
  'law-firm': ['ledes1998b', 'disbursements', 'csv', 'json', 'pdf'],
  other: ['csv', 'json', 'pdf', 'ledes1998b', 'disbursements'],
};

/**
 * The formats an invoice exports as, by its status and the kind of business its issuer was at
 * finalisation: a draft or a void invoice only as json (a preview), a finalised one as what fits
 * its kind (a format can still refuse one invoice for its own reason, such as a missing firm id).
 */
export function exportFormatsOf(invoice: Pick<Invoice, 'status' | 'issuerJson'>): ExportFormat[] {
  if (invoice.status !== 'finalized' || invoice.issuerJson === null) return ['json'];
  const { kind } = JSON.parse(invoice.issuerJson) as { kind: BusinessKind };
  return FITTING[kind];
}

/** `Invoice GH-2026-000001 is billed by Grand Hotel Denver, a hotel: <why>; export it as ...`. */
function kindRefusal({ invoice, issuer }: InvoiceDocument, why: string, hint = ''): DomainError {
  const fitting = FITTING[issuer.kind];
  const formats = `${fitting.slice(0, -1).join(', ')} or ${fitting[fitting.length - 1]}`;
  return new DomainError(
    'conflict',
    `Invoice ${invoice.number ?? invoice.id} is billed by ${issuer.name}, ${KIND_WORDS[issuer.kind]}: ${why}; export it as ${formats}${hint}`,
    [{ field: 'business.kind', message: issuer.kind }],
  );
}

/**
 * FIAS postings go to a hotel's PMS, which posts each to the folio of the room it names: only a
 * hotel's invoice is one (decision 0021), and its posting numbers hold 8 digits.
 */
function pmsRefusal(document: InvoiceDocument): DomainError | null {
  const { issuer, invoice } = document;
  if (issuer.kind !== 'hotel') {
    return kindRefusal(
      document,
      "pms (FIAS postings to a guest's folio) fits only a hotel's invoices",
      issuer.kind === 'other'
        ? `; if the business is a hotel, set its kind to hotel (PATCH /api/v1/businesses/${invoice.businessId}): the invoices it finalises from then on export as pms`
        : '',
    );
  }
  if (document.maxLineItemId > MAX_POSTING) {
    return new DomainError(
      'conflict',
      `Line item ${document.maxLineItemId} has an id too long for a FIAS posting number (8 digits)`,
    );
  }
  return null;
}

/**
 * LEDES 1998B is a law firm's e-bill: refused for a hotel's invoice (decision 0021), and, as
 * e-billing portals reject a file without one, without a firm id (400 naming the setting).
 */
function ledesRefusal(document: InvoiceDocument): DomainError | null {
  const { issuer, invoice } = document;
  if (issuer.kind === 'hotel') {
    return kindRefusal(
      document,
      "ledes1998b (a law firm's e-bill) does not fit a hotel's invoices",
    );
  }
  if (!ledesLawFirmId(document)) {
    return DomainError.invalid('export', [
      {
        field: 'ledes.lawFirmId',
        message:
          "neither the rate plan's ledes.lawFirmId nor the law firm's taxId is set (the firm's tax id): set one to export LEDES",
      },
    ]);
  }
  if (!document.plan) {
    return new DomainError(
      'conflict',
      `Invoice ${invoice.number ?? invoice.id} has no lines: a LEDES file needs at least one`,
    );
  }
  return null;
}

/**
 * A disbursement file is a law firm's import of its cost recovery into time and billing: like
 * LEDES, refused for a hotel's invoice (decision 0031), whose rooms are not client matters.
 */
function disbursementsRefusal(document: InvoiceDocument): DomainError | null {
  if (document.issuer.kind !== 'hotel') return null;
  return kindRefusal(
    document,
    "disbursements (a law firm's cost import into time and billing) does not fit a hotel's invoices",
  );
}

/** The whole file in memory, for a delivery's request body. */
export async function invoiceFileBytes(file: InvoiceFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}
