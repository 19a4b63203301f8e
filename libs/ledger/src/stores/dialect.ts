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
}

const SQLITE: SqlDialect = {
  jsonText: (column, ...keys) => `json_extract(${column}, '$.${keys.join('.')}')`,
  utcDateOfSeconds: (seconds) => `date(${seconds}, 'unixepoch')`,
  like: 'LIKE',
};

const POSTGRES: SqlDialect = {
  jsonText: (column, ...keys) => `(${column}::jsonb #>> '{${keys.join(',')}}')`,
  utcDateOfSeconds: (seconds) =>
    `to_char(to_timestamp(${seconds}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  like: 'ILIKE',
};

/** The SQL dialect of a ledger's database. */
export const sqlDialect = (dialect: LedgerDialect): SqlDialect =>
  dialect === 'postgres' ? POSTGRES : SQLITE;
