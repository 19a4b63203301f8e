import { parse } from 'csv-parse/sync';
import { DomainError, ErrorDetail } from '@app/common';

/** The most rows a matter or timekeeper list may have: a large firm has tens of thousands. */
export const MAX_IMPORT_ROWS = 100_000;

/** The largest import body, CSV or JSON: 100,000 rows with long names fit. */
export const IMPORT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;

/** `POST /api/v1/businesses/:id/matters/import` and `.../timekeepers/import`: the import routes. */
export const IMPORT_ROUTE = /^\/api\/v1\/businesses\/[^/]+\/(matters|timekeepers)\/import\/?$/;

/** At most this many problems are listed: a wrong file has one on every line. */
const MAX_PROBLEMS = 1_000;

/** One row of a list, as its fields were sent, and where: `line 7` (CSV) or `matters.6` (JSON). */
export interface ListRow {
  readonly where: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** How a list was sent: CSV text (cells are text) or JSON (each field its own type). */
export type ListFormat = 'csv' | 'json';

export interface ListInput {
  readonly format: ListFormat;
  readonly rows: readonly ListRow[];
}

/** What went wrong with a list, every problem with its line; the first `MAX_PROBLEMS`. */
export function invalidList(subject: string, errors: ErrorDetail[]): DomainError {
  if (errors.length <= MAX_PROBLEMS) return DomainError.invalid(subject, errors);
  const more = errors.length - MAX_PROBLEMS;
  return DomainError.invalid(subject, [
    ...errors.slice(0, MAX_PROBLEMS),
    { field: 'file', message: `and ${more} more problems` },
  ]);
}

const tooMany = (rows: string): ErrorDetail => ({
  field: 'file',
  message: `has more than ${MAX_IMPORT_ROWS} ${rows} (the most one import takes): split the list, or ask for the limit to be raised`,
});

/** The header's problems: which columns are missing, which are not ours, and the order. */
function headerProblems(header: string[], columns: readonly string[]): string[] {
  const missing = columns.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !columns.includes(column));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing column ${missing.join(', ')}`);
  if (unknown.length > 0) {
    problems.push(
      `unknown column ${unknown.map((c) => (c === '' ? '(empty)' : `"${c}"`)).join(', ')}`,
    );
  }
  const repeated = header.filter((column, i) => header.indexOf(column) !== i);
  if (repeated.length > 0) problems.push(`column ${[...new Set(repeated)].join(', ')} twice`);
  if (problems.length === 0 && header.join(',') !== columns.join(',')) {
    problems.push('the columns are in another order');
  }
  return problems;
}

/** A record of a CSV file, its cells trimmed, and the line of the file it ends on. */
interface CsvRecord {
  cells: string[];
  line: number;
}

/** The header and one row too many: enough to say the file is too long, no more. */
const MAX_RECORDS = MAX_IMPORT_ROWS + 2;

/**
 * The records of a CSV file, blank lines skipped. csv-parse tells each record's line when asked
 * (`info`), at twice the cost of the parse itself (seconds for 100,000 rows); a file without
 * quotes has a record a line, so its lines are counted here instead. A file with quotes (a
 * cell may then span lines) is read with csv-parse's own line numbers.
 */
function csvRecords(csv: string): CsvRecord[] {
  const options = { bom: true, skip_empty_lines: true, relax_column_count: true, to: MAX_RECORDS };
  if (!csv.includes('"')) {
    const rows: string[][] = parse(csv, options);
    const lines: number[] = [];
    csv.split(/\r\n|\n|\r/).forEach((text, i) => {
      if (text !== '' && lines.length < MAX_RECORDS) lines.push(i + 1);
    });
    if (lines.length === rows.length) {
      return rows.map((cells, i) => ({ cells: cells.map((cell) => cell.trim()), line: lines[i] }));
    }
  }
  const records = parse(csv, { ...options, trim: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
}

/**
 * A CSV list: a header of exactly `columns`, then a row a record; blank lines are skipped and
 * cells trimmed. Each row is named by its line in the file (`line 7`). Throws a 400 naming
 * every problem of the header, of a row's field count, or of the size.
 */
export function readCsvList(csv: string, columns: readonly string[], rowsAre: string): ListInput {
  let records: CsvRecord[];
  try {
    records = csvRecords(csv);
  } catch (error) {
    throw DomainError.invalid('file', [{ field: 'file', message: (error as Error).message }]);
  }
  const [first, ...body] = records;
  const header = first?.cells ?? [];
  const problems = headerProblems(header, columns);
  if (problems.length > 0) {
    throw DomainError.invalid('file', [
      {
        field: `line ${first?.line ?? 1}`,
        message: `the header must be ${columns.join(',')}: ${problems.join('; ')}`,
      },
    ]);
  }
  if (body.length > MAX_IMPORT_ROWS) throw DomainError.invalid('file', [tooMany(rowsAre)]);
  const errors: ErrorDetail[] = [];
  const rows: ListRow[] = [];
  for (const { cells, line } of body) {
    const where = `line ${line}`;
    if (cells.length !== columns.length) {
      const message = `has ${cells.length} fields, expected ${columns.length} (${columns.join(',')})`;
      errors.push({ field: where, message });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, i) => (values[column] = cells[i]));
    rows.push({ where, values });
  }
  if (errors.length > 0) throw invalidList('file', errors);
  return { format: 'csv', rows };
}

/**
 * A JSON list: `{ [key]: [ {...}, ... ] }` with exactly the fields `columns` in each object
 * (those in `optional` may be left out). Each row is named by its place (`matters.6`).
 */
export function readJsonList(
  body: unknown,
  key: string,
  columns: readonly string[],
  optional: readonly string[] = [],
): ListInput {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(body)) {
    throw DomainError.invalid('request', [
      { field: key, message: `send { "${key}": [...] } as JSON, or the list as text/csv` },
    ]);
  }
  const extra = Object.keys(body).filter((name) => name !== key);
  if (extra.length > 0 || !Array.isArray(body[key])) {
    throw DomainError.invalid('request', [
      ...extra.map((name) => ({ field: name, message: `property ${name} should not exist` })),
      ...(Array.isArray(body[key]) ? [] : [{ field: key, message: `${key} must be an array` }]),
    ]);
  }
  const list = body[key] as unknown[];
  if (list.length > MAX_IMPORT_ROWS) throw DomainError.invalid('request', [tooMany(key)]);
  const errors: ErrorDetail[] = [];
  const rows: ListRow[] = [];
  list.forEach((item, index) => {
    const where = `${key}.${index}`;
    if (!isObject(item)) {
      errors.push({ field: where, message: 'must be an object' });
      return;
    }
    const before = errors.length;
    for (const name of Object.keys(item)) {
      if (!columns.includes(name)) {
        errors.push({ field: where, message: `property ${name} should not exist` });
      }
    }
    for (const column of columns) {
      if (!(column in item) && !optional.includes(column)) {
        errors.push({ field: where, message: `${column} is missing` });
      }
    }
    if (errors.length === before) rows.push({ where, values: item });
  });
  if (errors.length > 0) throw invalidList('request', errors);
  return { format: 'json', rows };
}

/** Is it a day of the calendar written `YYYY-MM-DD` (`2026-02-30` is not)? */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A text field of a row: text (a JSON field must be a string), trimmed. */
export function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value.trim() : null;
}
