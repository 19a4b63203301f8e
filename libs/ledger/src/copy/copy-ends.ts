import type { Database, Statement } from 'better-sqlite3';
import type { DataSource, QueryRunner } from 'typeorm';
import type { LedgerDialect } from '../ledger';
import type { CopyColumn, CopyTable } from './copy-tables';

/**
 * One side of a copy: a ledger's database in one transaction (a snapshot to read, or the
 * writes that commit together), read a page at a time and written many rows a statement.
 * Rows are arrays of a table's columns' values, in its columns' order.
 */
export interface CopyEnd {
  readonly dialect: LedgerDialect;
  /** Starts the transaction: a consistent snapshot to read, or every write of the copy. */
  begin(mode: 'read' | 'write'): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Rows of a query, `?` parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Up to `limit` rows after the key `after` (from the start: undefined), in key order. */
  page(table: CopyTable, after: unknown[] | undefined, limit: number): Promise<unknown[][]>;
  insert(table: CopyTable, rows: unknown[][]): Promise<void>;
  /**
   * Drops what only checks or speeds up the table's rows one at a time and can be made again
   * for all of them at once: its plain (not unique) indexes and, on PostgreSQL, its foreign
   * keys. Answers the statements that make them again, as they were; a foreign key made again
   * checks every row.
   */
  dropRebuildable(table: CopyTable): Promise<string[]>;
  /** The highest id the table's sequence has given (0: none), used or not. */
  idsGiven(table: CopyTable): Promise<number>;
  /** Makes the table's sequence give ids after `highest` from now on. */
  idsAfter(table: CopyTable, highest: number): Promise<void>;
  release(): Promise<void>;
}

export function copyEnd(dataSource: DataSource): CopyEnd {
  return dataSource.options.type === 'postgres'
    ? new PostgresEnd(dataSource.createQueryRunner())
    : new SqliteEnd(
        (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection,
      );
}

const quote = (name: string) => `"${name}"`;
const columnList = (table: CopyTable) => table.columns.map((c) => quote(c.name)).join(', ');

function pageSql(table: CopyTable, after: boolean): string {
  const key = table.key.map(quote).join(', ');
  const where = after ? `WHERE (${key}) > (${table.key.map(() => '?').join(', ')}) ` : '';
  return `SELECT ${columnList(table)} FROM ${quote(table.name)} ${where}ORDER BY ${key} LIMIT ?`;
}

/** The key of a page's last row, where the next page starts. */
export function keyOf(table: CopyTable, row: unknown[]): unknown[] {
  return table.key.map((name) => row[table.columns.findIndex((c) => c.name === name)]);
}

/** A value as `dialect` stores it: a boolean is 0/1 on SQLite. */
function storable(column: CopyColumn, dialect: LedgerDialect, value: unknown): unknown {
  if (!column.boolean || value === null || value === undefined) return value;
  return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
}

/**
 * PostgreSQL's text form of a one-dimensional array, such as `{1,NULL,"say \"hi\""}`. Every
 * string is quoted (so that `NULL`, a comma or a brace in it stay text), its quotes and
 * backslashes escaped with a backslash; numbers and booleans are written as they print.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) {
      out += 'NULL';
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      out += String(value);
    } else if (typeof value === 'string') {
      out += `"${/["\\]/.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;
    } else {
      throw new TypeError(`the ledger holds no ${typeof value} values: cannot copy one`);
    }
  }
  return `${out}}`;
}

/**
 * SQLite through better-sqlite3's own connection (the DataSource's only one): its statements
 * are prepared once a table, a row inserted a call, which is its fastest way in.
 */
class SqliteEnd implements CopyEnd {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();

  constructor(private readonly db: Database) {}

  private prepared(sql: string): Statement<unknown[], unknown> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async begin(mode: 'read' | 'write'): Promise<void> {
    // A deferred transaction's snapshot starts at its first read; IMMEDIATE takes the write
    // lock now, so that a service writing to the same file is refused at once, not midway.
    this.db.exec(mode === 'read' ? 'BEGIN' : 'BEGIN IMMEDIATE');
    return Promise.resolve();
  }

  async commit(): Promise<void> {
    this.db.exec('COMMIT');
    return Promise.resolve();
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    return Promise.resolve();
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const statement = this.prepared(sql);
    return Promise.resolve(
      statement.reader ? (statement.all(...params) as T[]) : (statement.run(...params), []),
    );
  }

  async page(table: CopyTable, after: unknown[] | undefined, limit: number) {
    const statement = this.prepared(pageSql(table, after !== undefined));
    return Promise.resolve(statement.raw(true).all(...(after ?? []), limit) as unknown[][]).finally(
      () => statement.raw(false),
    );
  }

  async insert(table: CopyTable, rows: unknown[][]): Promise<void> {
    const placeholders = table.columns.map(() => '?').join(', ');
    const statement = this.prepared(
      `INSERT INTO ${quote(table.name)} (${columnList(table)}) VALUES (${placeholders})`,
    );
    const { columns } = table;
    for (const row of rows) {
      statement.run(...row.map((value, index) => storable(columns[index], 'sqlite', value)));
    }
    return Promise.resolve();
  }

  async dropRebuildable(table: CopyTable): Promise<string[]> {
    const indexes = await this.query<{ name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'`,
      [table.name],
    );
    for (const { name } of indexes) this.db.exec(`DROP INDEX ${quote(name)}`);
    // A dropped index's statements are prepared no more.
    this.statements.clear();
    return indexes.map(({ sql }) => sql);
  }

  async idsGiven(table: CopyTable): Promise<number> {
    // Tables of AUTOINCREMENT ids keep the highest id they gave in sqlite_sequence.
    const [row] = await this.query<{ seq: number }>(
      `SELECT seq FROM sqlite_sequence WHERE name = ?`,
      [table.name],
    );
    return row?.seq ?? 0;
  }

  async idsAfter(table: CopyTable, highest: number): Promise<void> {
    if ((await this.idsGiven(table)) >= highest) return;
    const updated = this.prepared(`UPDATE sqlite_sequence SET seq = ? WHERE name = ?`).run(
      highest,
      table.name,
    );
    if (updated.changes === 0) {
      this.prepared(`INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`).run(
        table.name,
        highest,
      );
    }
  }

  async release(): Promise<void> {
    await this.rollback();
  }
}

/**
 * PostgreSQL on one connection of the pool: a page of rows goes in one statement (a round
 * trip a row would be the copy's whole cost).
 */
class PostgresEnd implements CopyEnd {
  readonly dialect = 'postgres' as const;
  private inTransaction = false;
  private readonly types = new Map<string, string[]>();

  constructor(private readonly runner: QueryRunner) {}

  async begin(mode: 'read' | 'write'): Promise<void> {
    await this.runner.connect();
    // One snapshot for every page and the check: a service still writing to the source
    // changes neither.
    await this.runner.query(
      mode === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN',
    );
    this.inTransaction = true;
  }

  async commit(): Promise<void> {
    this.inTransaction = false;
    await this.runner.query('COMMIT');
  }

  async rollback(): Promise<void> {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    await this.runner.query('ROLLBACK');
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.runner.query(sql, params)) as T[];
  }

  async page(table: CopyTable, after: unknown[] | undefined, limit: number) {
    const rows = await this.query<Record<string, unknown>>(pageSql(table, after !== undefined), [
      ...(after ?? []),
      limit,
    ]);
    return rows.map((row) => table.columns.map((column) => row[column.name]));
  }

  /**
   * One statement a page, whatever its size: each column's values as one array parameter,
   * `unnest` turning them back into rows. Measured against multi-row VALUES (one parameter a
   * value, at most 65,535 a statement) it is two to three times faster: the server parses a
   * few arrays instead of planning tens of thousands of expressions. The arrays are written
   * here as PostgreSQL's array literals: `pg`'s own conversion of a JS array costs as much as
   * the server's insert.
   */
  async insert(table: CopyTable, rows: unknown[][]): Promise<void> {
    const types = await this.arrayTypes(table);
    const values = table.columns.map((column, index) =>
      arrayLiteral(rows.map((row) => storable(column, 'postgres', row[index]))),
    );
    await this.runner.query(
      `INSERT INTO ${quote(table.name)} (${columnList(table)})
       SELECT * FROM unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})`,
      values,
    );
  }

  /** Each column's type as the database declares it (`bigint`, `text`, `boolean`…). */
  private async arrayTypes(table: CopyTable): Promise<string[]> {
    let types = this.types.get(table.name);
    if (!types) {
      const declared = await this.query<{ name: string; type: string }>(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
         WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped`,
        [quote(table.name)],
      );
      const byName = new Map(declared.map((column) => [column.name, column.type]));
      types = table.columns.map((column) => {
        const type = byName.get(column.name);
        if (!type) throw new Error(`${table.name}.${column.name} is not in the target's schema`);
        return type;
      });
      this.types.set(table.name, types);
    }
    return types;
  }

  async dropRebuildable(table: CopyTable): Promise<string[]> {
    const indexes = await this.query<{ name: string; definition: string }>(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE i.indrelid = CAST(? AS regclass) AND NOT i.indisunique AND NOT i.indisprimary`,
      [quote(table.name)],
    );
    // A foreign key checks each row as it comes (and locks the row it names); made again at
    // the end, it checks them all in one join.
    const foreignKeys = await this.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = CAST(? AS regclass) AND contype = 'f'`,
      [quote(table.name)],
    );
    for (const { name } of indexes) await this.runner.query(`DROP INDEX ${quote(name)}`);
    for (const { name } of foreignKeys) {
      await this.runner.query(`ALTER TABLE ${quote(table.name)} DROP CONSTRAINT ${quote(name)}`);
    }
    return [
      ...indexes.map(({ definition }) => definition),
      ...foreignKeys.map(
        ({ name, definition }) =>
          `ALTER TABLE ${quote(table.name)} ADD CONSTRAINT ${quote(name)} ${definition}`,
      ),
    ];
  }

  private sequence(table: CopyTable): string {
    return `pg_get_serial_sequence('${quote(table.name)}', '${table.generatedId}')`;
  }

  async idsGiven(table: CopyTable): Promise<number> {
    const [row] = await this.query<{ given: number | null }>(
      `SELECT pg_sequence_last_value(${this.sequence(table)}::regclass) AS given`,
    );
    return row?.given ?? 0;
  }

  async idsAfter(table: CopyTable, highest: number): Promise<void> {
    // setval(…, n, true): the next id is n + 1; (…, 1, false): the next is 1.
    await this.query(`SELECT setval(${this.sequence(table)}, ?, ?)`, [
      Math.max(highest, 1),
      highest > 0,
    ]);
  }

  /** Ends a transaction still open (the source's snapshot) before the pool takes it back. */
  async release(): Promise<void> {
    try {
      await this.rollback();
    } finally {
      if (!this.runner.isReleased) await this.runner.release();
    }
  }
}
