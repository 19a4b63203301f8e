import type { LedgerDialect } from '../ledger';

/**
 * The few pieces of SQL the two databases spell differently. The stores write everything else
 * once, in SQL both read (`?` parameters: the PostgreSQL data source numbers them).
 */
export interface SqlDialect {
  /** The text at `keys` of a JSON document held in a text column, or NULL. */
  jsonText(column: string, ...keys: string[]): string;
  /** The UTC calendar date, `YYYY-MM-DD`, of an integer expression of epoch seconds. */
  utcDateOfSeconds(seconds: string): string;
  /** Case-insensitive LIKE (SQLite's LIKE already is, for ASCII). */
  readonly like: string;
  /** The greater of two values (SQLite's two-argument max). */
  greatest(a: string, b: string): string;
  /** A text column holding a JSON array, with the JSON value of one `?` parameter appended. */
  jsonAppend(column: string): string;
  /** A subquery of the integers in one `?` parameter, a JSON array: `id IN (…)` for any number of ids. */
  readonly idsOfJsonParam: string;
}

const SQLITE: SqlDialect = {
  jsonText: (column, ...keys) => `json_extract(${column}, '$.${keys.join('.')}')`,
  utcDateOfSeconds: (seconds) => `date(${seconds}, 'unixepoch')`,
  like: 'LIKE',
  greatest: (a, b) => `max(${a}, ${b})`,
  jsonAppend: (column) => `json_insert(${column}, '$[#]', json(?))`,
  idsOfJsonParam: 'SELECT value FROM json_each(?)',
};

const POSTGRES: SqlDialect = {
  jsonText: (column, ...keys) => `(${column}::jsonb #>> '{${keys.join(',')}}')`,
  utcDateOfSeconds: (seconds) =>
    `to_char(to_timestamp(${seconds}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  like: 'ILIKE',
  greatest: (a, b) => `greatest(${a}, ${b})`,
  jsonAppend: (column) => `(CAST(${column} AS jsonb) || jsonb_build_array(CAST(? AS jsonb)))::text`,
  idsOfJsonParam: 'SELECT CAST(value AS bigint) FROM jsonb_array_elements_text(CAST(? AS jsonb))',
};

/** The SQL dialect of a ledger's database. */
export const sqlDialect = (dialect: LedgerDialect): SqlDialect =>
  dialect === 'postgres' ? POSTGRES : SQLITE;
