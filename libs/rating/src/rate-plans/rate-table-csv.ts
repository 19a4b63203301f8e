import { parse } from 'csv-parse/sync';
import { ErrorDetail } from '@app/common';
import type { Destination, PerCallPlan, Rate } from '../plan/rate-plan';

/** The columns of a carrier's rate table, in this order (issue 3). */
export const RATE_TABLE_COLUMNS = [
  'prefix',
  'class',
  'connectFee',
  'perMinute',
  'firstIncrementSeconds',
  'incrementSeconds',
  'minimumCharge',
  'maximumCharge',
] as const;

const MONEY_COLUMNS = ['connectFee', 'perMinute', 'minimumCharge', 'maximumCharge'] as const;
const SECONDS_COLUMNS = ['firstIncrementSeconds', 'incrementSeconds'] as const;

/** At most this many rows: a world rate table has a few thousand prefixes. */
export const MAX_RATE_TABLE_ROWS = 100_000;

type RateTableColumn = (typeof RATE_TABLE_COLUMNS)[number];

/**
 * Reads a carrier's rate table (CSV with a header row) into destinations and rates. Each row
 * maps a prefix to a class; rows of one class must agree on its rate fields. Errors name the
 * line (`line 7: perMinute must be a decimal string`); the plan's own validation runs after.
 */
export function parseRateTable(
  csv: string,
):
  | { ok: true; destinations: Destination[]; rates: Record<string, Rate> }
  | { ok: false; errors: ErrorDetail[] } {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return { ok: false, errors: [{ field: 'csv', message: (error as Error).message }] };
  }
  const errors: ErrorDetail[] = [];
  const header = rows[0] ?? [];
  if (header.join(',') !== RATE_TABLE_COLUMNS.join(',')) {
    return {
      ok: false,
      errors: [
        {
          field: 'line 1',
          message: `the header must be ${RATE_TABLE_COLUMNS.join(',')} (found ${header.join(',') || 'nothing'})`,
        },
      ],
    };
  }
  if (rows.length < 2) return { ok: false, errors: [{ field: 'line 2', message: 'no rates' }] };
  if (rows.length - 1 > MAX_RATE_TABLE_ROWS) {
    return {
      ok: false,
      errors: [{ field: 'csv', message: `more than ${MAX_RATE_TABLE_ROWS} rows` }],
    };
  }

  const destinations: Destination[] = [];
  const rates: Record<string, Rate> = {};
  const firstLineOfClass = new Map<string, number>();
  const lineOfPrefix = new Map<string, number>();
  rows.slice(1).forEach((cells, index) => {
    const line = `line ${index + 2}`;
    if (cells.length !== RATE_TABLE_COLUMNS.length) {
      errors.push({
        field: line,
        message: `has ${cells.length} fields, expected ${RATE_TABLE_COLUMNS.length}`,
      });
      return;
    }
    const row = Object.fromEntries(RATE_TABLE_COLUMNS.map((c, i) => [c, cells[i]])) as Record<
      RateTableColumn,
      string
    >;
    const before = errors.length;
    if (!/^\d*$/.test(row.prefix)) errors.push({ field: line, message: 'prefix must be digits' });
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/.test(row.class)) {
      errors.push({ field: line, message: 'class must be letters, digits, spaces, _ . or -' });
    }
    const rate: Rate = {};
    for (const column of MONEY_COLUMNS) {
      if (row[column] === '') continue;
      if (!/^\d+(\.\d+)?$/.test(row[column])) {
        errors.push({ field: line, message: `${column} must be a decimal string such as 0.45` });
      } else rate[column] = row[column];
    }
    for (const column of SECONDS_COLUMNS) {
      if (row[column] === '') continue;
      if (!/^\d+$/.test(row[column])) {
        errors.push({ field: line, message: `${column} must be a whole number of seconds` });
      } else rate[column] = Number(row[column]);
    }
    if (errors.length > before) return;
    const previousPrefixLine = lineOfPrefix.get(row.prefix);
    if (previousPrefixLine !== undefined) {
      errors.push({
        field: line,
        message: `prefix "${row.prefix}" is already on line ${previousPrefixLine}`,
      });
      return;
    }
    lineOfPrefix.set(row.prefix, index + 2);
    destinations.push({ prefix: row.prefix, class: row.class });
    const known = rates[row.class];
    if (!known) {
      rates[row.class] = rate;
      firstLineOfClass.set(row.class, index + 2);
    } else if (JSON.stringify(known) !== JSON.stringify(rate)) {
      errors.push({
        field: line,
        message: `class "${row.class}" has other rates on line ${firstLineOfClass.get(row.class)}`,
      });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, destinations, rates };
}

/**
 * The plan with the rate table's destinations and rates. A class that was already in the plan
 * keeps its `free` flag and its time bands; classes the table does not name are dropped.
 */
export function withRateTable(
  plan: PerCallPlan,
  table: { destinations: Destination[]; rates: Record<string, Rate> },
): PerCallPlan {
  const rates: Record<string, Rate> = {};
  for (const [name, rate] of Object.entries(table.rates)) {
    const previous = plan.rates[name];
    rates[name] = {
      ...(previous?.free !== undefined ? { free: previous.free } : {}),
      ...rate,
      ...(previous?.timeBands ? { timeBands: previous.timeBands } : {}),
    };
  }
  return { ...plan, destinations: table.destinations, rates };
}
