import { parse } from 'csv-parse/sync';
import { ErrorDetail } from '@app/common';
import { decimalTextProblem } from '@app/money';
import { Destination, PerCallPlan, RATE_FIELDS, Rate } from '../plan/rate-plan';

/** The columns of a carrier's rate table, in this order (issue 3). */
export const RATE_TABLE_COLUMNS = ['prefix', 'class', ...RATE_FIELDS] as const;

const MONEY_COLUMNS = ['connectFee', 'perMinute', 'minimumCharge', 'maximumCharge'] as const;
const SECONDS_COLUMNS = ['firstIncrementSeconds', 'incrementSeconds'] as const;

/** At most this many rows: a world rate table has a few thousand prefixes. */
export const MAX_RATE_TABLE_ROWS = 100_000;

type RateTableColumn = (typeof RATE_TABLE_COLUMNS)[number];

/** A carrier's table, with the line each destination and class came from. */
export interface RateTable {
  destinations: Destination[];
  /** Class name -> its rate fields; a Map, so that no class name can meet Object.prototype. */
  rates: Map<string, Rate>;
  /** CSV line of each destination, by index. */
  destinationLines: number[];
  /** CSV line where each class first appears. */
  classLines: Map<string, number>;
}

const lineOf = (line: number): string => `line ${line}`;

/**
 * Reads a carrier's rate table (CSV with a header row). Each row maps a prefix to a class;
 * rows of one class must agree on its rate fields. Errors name the line
 * (`line 7: perMinute must not be negative`).
 */
export function parseRateTable(
  csv: string,
): { ok: true; table: RateTable } | { ok: false; errors: ErrorDetail[] } {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return { ok: false, errors: [{ field: 'csv', message: (error as Error).message }] };
  }
  const header = rows[0] ?? [];
  if (header.join(',') !== RATE_TABLE_COLUMNS.join(',')) {
    const found = header.join(',') || 'nothing';
    const message = `the header must be ${RATE_TABLE_COLUMNS.join(',')} (found ${found})`;
    return { ok: false, errors: [{ field: lineOf(1), message }] };
  }
  if (rows.length < 2) return { ok: false, errors: [{ field: lineOf(2), message: 'no rates' }] };
  if (rows.length - 1 > MAX_RATE_TABLE_ROWS) {
    const message = `more than ${MAX_RATE_TABLE_ROWS} rows`;
    return { ok: false, errors: [{ field: 'csv', message }] };
  }

  const errors: ErrorDetail[] = [];
  const table: RateTable = {
    destinations: [],
    rates: new Map(),
    destinationLines: [],
    classLines: new Map(),
  };
  const lineOfPrefix = new Map<string, number>();
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const field = lineOf(line);
    if (cells.length !== RATE_TABLE_COLUMNS.length) {
      const message = `has ${cells.length} fields, expected ${RATE_TABLE_COLUMNS.length}`;
      errors.push({ field, message });
      return;
    }
    const row = Object.fromEntries(RATE_TABLE_COLUMNS.map((c, i) => [c, cells[i]])) as Record<
      RateTableColumn,
      string
    >;
    const before = errors.length;
    if (!/^\d*$/.test(row.prefix)) errors.push({ field, message: 'prefix must be digits' });
    if (!/^[A-Za-z0-9][A-Za-z0-9 _-]*$/.test(row.class)) {
      errors.push({ field, message: 'class must be letters, digits, spaces, _ or -' });
    }
    const rate: Rate = {};
    for (const column of MONEY_COLUMNS) {
      if (row[column] === '') continue;
      // Decimals and size are plan validation's, which names the line and class of each error.
      const problem = decimalTextProblem(row[column]);
      if (problem !== undefined) errors.push({ field, message: `${column} ${problem}` });
      else rate[column] = row[column];
    }
    for (const column of SECONDS_COLUMNS) {
      if (row[column] === '') continue;
      if (!/^\d{1,9}$/.test(row[column])) {
        errors.push({ field, message: `${column} must be a whole number of seconds` });
      } else rate[column] = Number(row[column]);
    }
    if (errors.length > before) return;
    const previousLine = lineOfPrefix.get(row.prefix);
    if (previousLine !== undefined) {
      errors.push({ field, message: `prefix "${row.prefix}" is already on line ${previousLine}` });
      return;
    }
    lineOfPrefix.set(row.prefix, line);
    table.destinations.push({ prefix: row.prefix, class: row.class });
    table.destinationLines.push(line);
    const known = table.rates.get(row.class);
    if (known === undefined) {
      table.rates.set(row.class, rate);
      table.classLines.set(row.class, line);
    } else if (JSON.stringify(known) !== JSON.stringify(rate)) {
      const first = table.classLines.get(row.class);
      errors.push({ field, message: `class "${row.class}" has other rates on line ${first}` });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, table };
}

/**
 * The plan with the rate table's destinations and rates. A class that was already in the plan
 * keeps its `free` flag and its time bands; classes the table does not name are dropped.
 */
export function withRateTable(plan: PerCallPlan, table: RateTable): PerCallPlan {
  const rates: Record<string, Rate> = {};
  for (const [name, rate] of table.rates) {
    const previous = Object.hasOwn(plan.rates, name) ? plan.rates[name] : undefined;
    // defineProperty: a class name is data, never a setter on the object.
    Object.defineProperty(rates, name, {
      value: {
        ...(previous?.free !== undefined ? { free: previous.free } : {}),
        ...rate,
        ...(previous?.timeBands ? { timeBands: previous.timeBands } : {}),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { ...plan, destinations: table.destinations, rates };
}

/**
 * A plan validation error on the merged plan, told as the CSV line it came from when it came
 * from the table (`rates.uk.connectFee` -> the line where class uk first appears).
 */
export function onTableLine(table: RateTable, error: ErrorDetail): ErrorDetail {
  const [head, key, ...rest] = error.field.split('.');
  const detail = rest.length > 0 ? `${rest.join('.')} ${error.message}` : error.message;
  if (head === 'rates' && key !== undefined && table.classLines.has(key)) {
    return { field: lineOf(table.classLines.get(key)!), message: `${detail} (class ${key})` };
  }
  if (head === 'destinations' && key !== undefined && /^\d+$/.test(key)) {
    const line = table.destinationLines[Number(key)];
    if (line !== undefined) return { field: lineOf(line), message: detail };
  }
  return error;
}
