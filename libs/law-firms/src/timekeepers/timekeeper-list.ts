import { ErrorDetail } from '@app/common';
import type { StoredTimekeeper, TimekeeperFields } from '@app/ledger';
import { ListInput, invalidList, isCalendarDate, textOf } from '../import/list-input';

/** The columns of a firm's timekeeper list, in this order (docs/law-firms.md). */
export const TIMEKEEPER_COLUMNS = [
  'extension',
  'timekeeperId',
  'name',
  'classification',
  'effectiveFrom',
] as const;

const MAX_FIELD = 200;

const key = (extension: string, effectiveFrom: string) => `${extension}\u0000${effectiveFrom}`;

function text(
  values: Readonly<Record<string, unknown>>,
  field: string,
  problems: string[],
): string {
  const value = textOf(values[field]);
  if (value === null) problems.push(`${field} must be text`);
  else if (value === '') problems.push(`${field} is empty`);
  else if (value.length > MAX_FIELD)
    problems.push(`${field} is longer than ${MAX_FIELD} characters`);
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(value)) problems.push(`${field} has control characters`);
  return value ?? '';
}

/**
 * The rows of a timekeeper list, checked whole. A row says who used an extension from a date
 * on (`effectiveFrom` empty: since always), so the list holds the history too; an extension
 * twice from the same date is an error naming both lines. Classifications are upper-cased
 * (`partner` -> `PARTNER`, as LEDES writes them).
 */
export function timekeeperList(input: ListInput): TimekeeperFields[] {
  const errors: ErrorDetail[] = [];
  const rows: TimekeeperFields[] = [];
  const lineOf = new Map<string, string>();
  for (const { where, values } of input.rows) {
    const problems: string[] = [];
    const extension = text(values, 'extension', problems);
    const timekeeperId = text(values, 'timekeeperId', problems);
    const name = text(values, 'name', problems);
    const classification = text(values, 'classification', problems).toUpperCase();
    const raw = values.effectiveFrom;
    const effectiveFrom = raw === undefined || raw === null ? '' : textOf(raw);
    if (effectiveFrom === null) {
      problems.push('effectiveFrom must be a date string (YYYY-MM-DD) or null');
    } else if (effectiveFrom !== '' && !isCalendarDate(effectiveFrom)) {
      problems.push(`effectiveFrom "${effectiveFrom}" is not a date (YYYY-MM-DD, or empty)`);
    }
    if (problems.length > 0) {
      errors.push(...problems.map((message) => ({ field: where, message })));
      continue;
    }
    const k = key(extension, effectiveFrom!);
    const first = lineOf.get(k);
    if (first !== undefined) {
      const since = effectiveFrom === '' ? 'since always' : `from ${effectiveFrom}`;
      errors.push({
        field: where,
        message: `extension ${extension} ${since} is already on ${first}`,
      });
      continue;
    }
    lineOf.set(k, where);
    rows.push({ extension, timekeeperId, name, classification, effectiveFrom: effectiveFrom! });
  }
  if (errors.length > 0) throw invalidList(input.format === 'csv' ? 'file' : 'request', errors);
  return rows;
}

/** What a timekeeper import changes: the file replaces the business's list. */
export interface TimekeeperImportPlan {
  readonly counts: { added: number; removed: number; changed: number; unchanged: number };
  readonly insert: TimekeeperFields[];
  readonly update: StoredTimekeeper[];
  readonly deleteIds: number[];
}

/** Compares the file with the stored rows by (extension, effectiveFrom). */
export function planTimekeeperImport(
  stored: readonly StoredTimekeeper[],
  file: readonly TimekeeperFields[],
): TimekeeperImportPlan {
  const byKey = new Map(stored.map((t) => [key(t.extension, t.effectiveFrom), t]));
  const named = new Set<string>();
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const insert: TimekeeperFields[] = [];
  const update: StoredTimekeeper[] = [];
  for (const row of file) {
    const k = key(row.extension, row.effectiveFrom);
    named.add(k);
    const old = byKey.get(k);
    if (old === undefined) {
      counts.added++;
      insert.push(row);
    } else if (
      old.timekeeperId !== row.timekeeperId ||
      old.name !== row.name ||
      old.classification !== row.classification
    ) {
      counts.changed++;
      update.push({ ...row, id: old.id });
    } else {
      counts.unchanged++;
    }
  }
  const deleteIds = stored
    .filter((t) => !named.has(key(t.extension, t.effectiveFrom)))
    .map((t) => t.id);
  counts.removed = deleteIds.length;
  return { counts, insert, update, deleteIds };
}
