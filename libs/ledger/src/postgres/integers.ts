import { types } from 'pg';

/** PostgreSQL's type ids of `bigint` (int8) and `numeric`. */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;

/**
 * A `bigint` read as a JS number, exactly. The ledger's integers (ids, epoch milliseconds,
 * money in minor units, counts) are `bigint` on PostgreSQL; `pg` hands them over as strings,
 * since not every int8 fits a double. Every one the ledger holds does (2^53 minor units is
 * ninety trillion dollars), so the text becomes a number, and one that does not fit is an
 * error, never a rounded amount.
 */
export function exactInteger(text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new RangeError(`the ledger read ${text}, which is not an integer a number holds exactly`);
  }
  return value;
}

/**
 * A `numeric` read as a JS number, when it is a whole number a double holds exactly.
 * PostgreSQL's `sum()` of a `bigint` column is `numeric`: a sum of money reads as an exact
 * integer like the amounts it adds. A fraction (from `avg()`, or a division) is an error: the
 * ledger computes nothing in fractions of a minor unit.
 */
export function exactNumeric(text: string): number {
  return exactInteger(text.replace(/\.0+$/, ''));
}

/**
 * `pg`'s parsers for the ledger's connections only (the pool's `types`), not for the whole
 * process: another `pg` client in the same process keeps its defaults.
 */
export const LEDGER_PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (format !== 'binary') {
      if (oid === INT8_OID) return exactInteger;
      if (oid === NUMERIC_OID) return exactNumeric;
    }
    return types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};
