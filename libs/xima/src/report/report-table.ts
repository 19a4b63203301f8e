import { CellProblem, describe } from './cell-problem';
import { ColumnField, ColumnMap, normaliseTitle } from './column-map';
import { ReportShapeError } from './report-shape-error';
import { RawRow } from './report-text';

export interface ReportColumnRef {
  /** The key of the column's cells in each row's `values`. */
  readonly key: string;
  /** The title as the report writes it (trimmed), for messages. */
  readonly title: string;
  /** The key also names a property of Object.prototype (`__proto__`, `toString`). */
  readonly inherited: boolean;
}

export interface ReportTable<F extends ColumnField> {
  readonly rows: readonly unknown[];
  /** For each field, the report's columns that match its titles, in the order the titles are tried. */
  readonly columns: Record<F, ReportColumnRef[]>;
}

const LISTED_TITLES = 50;
// Globals read once per module: inside Jest's vm context every global lookup is slow, which
// made the parser look three times slower under test than it is.
const { isArray } = Array;
const { hasOwn } = Object;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Reads the columnar shape once per report: columns are found by title, never by position or
 * key. When two columns share a title, the first is used and the other ignored: Xima's reports
 * have no duplicate titles, and a later one holds no better claim to the field.
 */
export function readReportTable<R extends ColumnField, O extends ColumnField>(
  body: unknown,
  map: Required<ColumnMap>,
  required: readonly R[],
  optional: readonly O[],
): ReportTable<R | O> {
  if (!isRecord(body))
    throw new ReportShapeError(`the report is not a JSON object (got ${kindOf(body)})`);
  if (!Array.isArray(body.columns)) throw new ReportShapeError('the report has no columns array');
  if (!Array.isArray(body.rows)) throw new ReportShapeError('the report has no rows array');

  const byTitle = new Map<string, ReportColumnRef>();
  const titles: string[] = [];
  for (const column of body.columns as unknown[]) {
    if (!isRecord(column) || typeof column.title !== 'string') continue;
    const key = column.key;
    if (typeof key !== 'string' && !(typeof key === 'number' && Number.isFinite(key))) continue;
    const title = column.title.trim();
    titles.push(title);
    const normalised = normaliseTitle(title);
    if (!byTitle.has(normalised)) {
      byTitle.set(normalised, {
        key: String(key),
        title,
        inherited: String(key) in Object.prototype,
      });
    }
  }

  const columns = {} as Record<R | O, ReportColumnRef[]>;
  const missing: string[] = [];
  for (const field of [...required, ...optional]) {
    const found: ReportColumnRef[] = [];
    for (const title of map[field]) {
      const column = byTitle.get(normaliseTitle(title));
      if (column !== undefined && !found.includes(column)) found.push(column);
    }
    columns[field] = found;
    if (found.length === 0 && (required as readonly string[]).includes(field)) {
      const tried = map[field].map((t) => JSON.stringify(t)).join(', ');
      missing.push(`no column for ${field} (tried ${tried || 'no titles'})`);
    }
  }
  if (missing.length > 0) {
    throw new ReportShapeError(
      `the report has ${missing.join(', ')}; its columns are: ${listTitles(titles)}`,
    );
  }
  return { rows: body.rows as unknown[], columns };
}

function listTitles(titles: string[]): string {
  if (titles.length === 0) return '(none)';
  const shown = titles
    .slice(0, LISTED_TITLES)
    .map((t) => (t.length > 80 ? `${t.slice(0, 80)}…` : t));
  const more = titles.length - shown.length;
  return shown.join(', ') + (more > 0 ? `, … and ${more} more` : '');
}

/** A row as the ledger keeps it (JSON) and its `values`, or why it has none. */
export function readRow(row: unknown): {
  rawJson: string;
  values: Record<string, unknown> | CellProblem;
} {
  if (row instanceof RawRow) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.json);
    } catch {
      return {
        rawJson: JSON.stringify(row.json),
        values: new CellProblem('row is not valid JSON'),
      };
    }
    return { rawJson: row.json, values: rowValues(parsed) };
  }
  return { rawJson: JSON.stringify(row) ?? 'null', values: rowValues(row) };
}

/** A row's `values`, or why the row has none. */
export function rowValues(row: unknown): Record<string, unknown> | CellProblem {
  if (!isRecord(row)) return new CellProblem(`row is ${kindOf(row)}, not an object`);
  const values = row.values;
  if (!isRecord(values)) return new CellProblem(`row's values is ${kindOf(values)}, not an object`);
  return values;
}

const NOT_A_CELL = (cell: unknown) =>
  new CellProblem(`cell is ${describe(cell)}, not an object with a value`);

/**
 * A cell's raw value; undefined when the row has no such cell or the value is null (empty).
 * A column keyed like a prototype property (`__proto__`, `constructor`) reads own properties
 * only; other keys skip that check, which costs more than the rest of a cell's work.
 */
export function cellValue(values: Record<string, unknown>, column: ReportColumnRef): unknown {
  const { key } = column;
  if (column.inherited && !hasOwn(values, key)) return undefined;
  const cell = values[key];
  if (cell === null || cell === undefined) return undefined;
  if (!isRecord(cell)) return NOT_A_CELL(cell);
  // `value` is no property of Object.prototype: a cell without one reads undefined.
  const value = cell.value;
  return value === null ? undefined : value;
}
