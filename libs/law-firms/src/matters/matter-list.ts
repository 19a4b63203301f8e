import { ErrorDetail } from '@app/common';
import type { MatterFields, StoredMatter } from '@app/ledger';
import { ListInput, invalidList, isCalendarDate, textOf } from '../import/list-input';

/** The columns of a firm's matter list, in this order (docs/law-firms.md). */
export const MATTER_COLUMNS = [
  'clientNumber',
  'clientName',
  'matterNumber',
  'matterName',
  'status',
  'closedDate',
  'billable',
] as const;

/** Codes listed per kind of change in an import's summary; the counts are whole. */
export const SUMMARY_LIST_CAP = 50;

const MAX_NUMBER = 64;
const MAX_NAME = 200;

const key = (clientNumber: string, matterNumber: string) => `${clientNumber}\u0000${matterNumber}`;

/** How a matter is named in a summary and in messages: `10234-001`. */
export const matterCode = (m: Pick<MatterFields, 'clientNumber' | 'matterNumber'>): string =>
  `${m.clientNumber}-${m.matterNumber}`;

function text(
  values: Readonly<Record<string, unknown>>,
  field: string,
  max: number,
  problems: string[],
): string {
  const value = textOf(values[field]);
  if (value === null) problems.push(`${field} must be text`);
  else if (value === '') problems.push(`${field} is empty`);
  else if (value.length > max) problems.push(`${field} is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(value)) problems.push(`${field} has control characters`);
  return value ?? '';
}

/**
 * The matters of a list, checked whole: every row's problems and every duplicate (client,
 * matter), each named by its line. Throws a 400 listing them; nothing is stored before.
 */
export function matterList(input: ListInput): MatterFields[] {
  const errors: ErrorDetail[] = [];
  const matters: MatterFields[] = [];
  const lineOf = new Map<string, string>();
  for (const { where, values } of input.rows) {
    const problems: string[] = [];
    const clientNumber = text(values, 'clientNumber', MAX_NUMBER, problems);
    const clientName = text(values, 'clientName', MAX_NAME, problems);
    const matterNumber = text(values, 'matterNumber', MAX_NUMBER, problems);
    const matterName = text(values, 'matterName', MAX_NAME, problems);
    const status = textOf(values.status);
    if (status !== 'open' && status !== 'closed') {
      problems.push(
        status === null || status === ''
          ? 'status is empty (open or closed)'
          : `unknown status "${status}" (open or closed)`,
      );
    }
    const rawDate = values.closedDate;
    const closedDate = rawDate === null || rawDate === undefined ? '' : textOf(rawDate);
    if (closedDate === null) {
      problems.push('closedDate must be a date string (YYYY-MM-DD) or null');
    } else if (closedDate !== '' && !isCalendarDate(closedDate)) {
      problems.push(`closedDate "${closedDate}" is not a date (YYYY-MM-DD)`);
    } else if (status === 'closed' && closedDate === '') {
      problems.push('closedDate is required when status is closed');
    } else if (status === 'open' && closedDate !== '') {
      problems.push('closedDate must be empty when status is open');
    }
    let billable = true;
    if (input.format === 'csv') {
      const cell = textOf(values.billable);
      if (cell !== 'yes' && cell !== 'no') {
        problems.push(`billable must be yes or no (found "${cell ?? ''}")`);
      }
      billable = cell !== 'no';
    } else if (typeof values.billable !== 'boolean') {
      problems.push('billable must be true or false');
    } else {
      billable = values.billable;
    }
    if (problems.length > 0) {
      errors.push(...problems.map((message) => ({ field: where, message })));
      continue;
    }
    const code = key(clientNumber, matterNumber);
    const first = lineOf.get(code);
    if (first !== undefined) {
      errors.push({
        field: where,
        message: `client ${clientNumber} matter ${matterNumber} is already on ${first}`,
      });
      continue;
    }
    lineOf.set(code, where);
    matters.push({
      clientNumber,
      clientName,
      matterNumber,
      matterName,
      status: status as MatterFields['status'],
      closedDate: status === 'closed' ? closedDate : null,
      billable,
    });
  }
  if (errors.length > 0) throw invalidList(input.format === 'csv' ? 'file' : 'request', errors);
  return matters;
}

/** Kinds of change an import counts; a matter may count in several (renamed and closed). */
export const MATTER_CHANGES = [
  'added',
  'closed',
  'reopened',
  'renamed',
  'billableChanged',
] as const;
export type MatterChange = (typeof MATTER_CHANGES)[number];

/** What an import changes, and what it leaves. */
export interface MatterImportPlan {
  /** Counts: `unchanged` and `notInFile` matters are kept as they are; `total` is the file's. */
  readonly counts: Record<MatterChange | 'unchanged' | 'notInFile' | 'total', number>;
  /** The codes of each kind of change (and of the matters not in the file), the first 50. */
  readonly codes: Record<MatterChange | 'notInFile', string[]>;
  readonly insert: MatterFields[];
  readonly update: StoredMatter[];
}

/**
 * Compares the file with the stored matters. The file is the firm's list: each row is added or
 * updated by (client, matter); a stored matter the file does not name is kept unchanged (its
 * items still point at it). A closed matter whose closing date moves counts as closed.
 */
export function planMatterImport(
  stored: readonly StoredMatter[],
  file: readonly MatterFields[],
): MatterImportPlan {
  const counts = {
    added: 0,
    closed: 0,
    reopened: 0,
    renamed: 0,
    billableChanged: 0,
    unchanged: 0,
    notInFile: 0,
    total: file.length,
  };
  const codes: MatterImportPlan['codes'] = {
    added: [],
    closed: [],
    reopened: [],
    renamed: [],
    billableChanged: [],
    notInFile: [],
  };
  const count = (change: MatterChange | 'notInFile', matter: MatterFields) => {
    counts[change]++;
    if (codes[change].length < SUMMARY_LIST_CAP) codes[change].push(matterCode(matter));
  };
  const byKey = new Map(stored.map((m) => [key(m.clientNumber, m.matterNumber), m]));
  const named = new Set<string>();
  const insert: MatterFields[] = [];
  const update: StoredMatter[] = [];
  for (const row of file) {
    const k = key(row.clientNumber, row.matterNumber);
    named.add(k);
    const old = byKey.get(k);
    if (old === undefined) {
      count('added', row);
      insert.push(row);
      continue;
    }
    const changes: MatterChange[] = [];
    if (row.status === 'closed' && (old.status !== 'closed' || old.closedDate !== row.closedDate)) {
      changes.push('closed');
    }
    if (row.status === 'open' && old.status === 'closed') changes.push('reopened');
    if (row.clientName !== old.clientName || row.matterName !== old.matterName) {
      changes.push('renamed');
    }
    if (row.billable !== old.billable) changes.push('billableChanged');
    if (changes.length === 0) {
      counts.unchanged++;
      continue;
    }
    changes.forEach((change) => count(change, row));
    update.push({ ...row, id: old.id });
  }
  const absent = stored
    .filter((m) => !named.has(key(m.clientNumber, m.matterNumber)))
    .sort((a, b) => compareMatters(a, b));
  for (const matter of absent) count('notInFile', matter);
  return { counts, codes, insert, update };
}

function compareMatters(a: MatterFields, b: MatterFields): number {
  if (a.clientNumber !== b.clientNumber) return a.clientNumber < b.clientNumber ? -1 : 1;
  if (a.matterNumber !== b.matterNumber) return a.matterNumber < b.matterNumber ? -1 : 1;
  return 0;
}
