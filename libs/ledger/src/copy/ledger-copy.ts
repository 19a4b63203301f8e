import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import { type LedgerLocation, redactDatabaseUrl } from '../database-url';
import { initializeLedgerDataSource, ledgerDataSourceOptions } from '../ledger-options';
import { type CopyEnd, copyEnd, keyOf } from './copy-ends';
import { type CopyTable, copyTables } from './copy-tables';

/**
 * Rows read from the source a page (and written a statement), unless the caller says
 * otherwise. Measured copying a million items into PostgreSQL: 500 to 1,000 rows a page is
 * fastest; 5,000 is a quarter slower, 20,000 a third.
 */
export const DEFAULT_COPY_PAGE_SIZE = 1_000;

export interface LedgerCopyOptions {
  /** Rows read from the source a page (keyset, in primary key order). */
  pageSize?: number;
  /** Called after each page written and once a table is done. An error it throws stops the copy. */
  onProgress?: (progress: LedgerCopyProgress) => void;
}

export interface LedgerCopyProgress {
  table: string;
  copied: number;
  /** The table's rows in the source. */
  total: number;
  /** Since the table's first page. */
  elapsedMs: number;
  done: boolean;
}

/** One number the check compares: a table's rows, or per currency its rows or a money sum. */
export interface LedgerCheckMeasure {
  /** Null for the whole table (or a table without a currency). */
  currency: string | null;
  /** `rows`, or a money column (`amount_minor`): its sum, in minor units. */
  measure: string;
  source: number;
  target: number;
}

export interface LedgerTableCheck {
  table: string;
  measures: LedgerCheckMeasure[];
  equal: boolean;
}

export interface LedgerCopyResult {
  /** Rows written, every table. */
  rows: number;
  ms: number;
  /** Per table, in the order copied: what the source and the target hold. */
  check: LedgerTableCheck[];
}

/** The copy was written but its check found the target different: it was rolled back. */
export class LedgerCopyMismatchError extends DomainError {
  constructor(readonly check: LedgerTableCheck[]) {
    const tables = check.filter((table) => !table.equal).map((table) => table.table);
    super(
      'conflict',
      `the copy differs from the source in ${tables.join(', ')}: nothing was kept, the target is as it was`,
    );
  }
}

/**
 * Copies the whole ledger at `from` into the empty ledger at `to` (SQLite or PostgreSQL, either
 * way): every table's rows, their ids kept, then each id sequence moved past the ids the
 * source gave. All or nothing: the target is written in one transaction, which commits only
 * when the check (row counts and money sums per currency, per table) finds both sides equal;
 * any failure leaves the target as it was (migrated, empty). The source is read in one
 * snapshot, so that a service still writing to it cannot make the two differ.
 */
export async function copyLedger(
  from: LedgerLocation,
  to: LedgerLocation,
  options: LedgerCopyOptions = {},
): Promise<LedgerCopyResult> {
  if (sameLedger(from, to)) {
    throw new DomainError('bad-request', 'the source and the target are the same ledger');
  }
  if (from.kind === 'sqlite' && (from.path === ':memory:' || !existsSync(from.path))) {
    throw new DomainError('not-found', `there is no ledger file at ${from.path}`);
  }
  const source = await opening(from, () => openSource(from));
  try {
    const target = await opening(to, () =>
      initializeLedgerDataSource(new DataSource({ ...ledgerDataSourceOptions(to), ...QUIET })),
    );
    try {
      return await copyLedgerBetween(source, target, options);
    } finally {
      await target.destroy();
    }
  } finally {
    await source.destroy();
  }
}

/**
 * A copy's statements are large and slow by design, and every failure is thrown to the caller:
 * the service's query log (slow queries, refusals, migrations) would only drown its progress
 * and its check. TypeORM's own logger obeys `logging: false`; the service's prints regardless.
 */
const QUIET = {
  logger: 'simple-console',
  logging: false,
  maxQueryExecutionTime: undefined,
} as const;

function sameLedger(a: LedgerLocation, b: LedgerLocation): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') {
    return a.path !== ':memory:' && resolve(a.path) === resolve(b.path);
  }
  if (a.kind === 'postgres' && b.kind === 'postgres') {
    const place = (url: string) => {
      const parsed = new URL(url);
      return `${parsed.hostname}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname)}`;
    };
    return place(a.url) === place(b.url);
  }
  return false;
}

/** Where a ledger is, for a message: a PostgreSQL URL without its password. */
function placeOf(location: LedgerLocation): string {
  return location.kind === 'sqlite' ? location.path : redactDatabaseUrl(location.url);
}

/** Opens a side of the copy; a failure (no server, a wrong password) names that side. */
async function opening(location: LedgerLocation, open: () => Promise<DataSource>) {
  try {
    return await open();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'unavailable',
      `cannot open the ledger at ${placeOf(location)}: ${(error as Error).message}`,
    );
  }
}

/**
 * The source as it is: opened without running migrations (a copy never changes it), and
 * refused unless its schema is this version's.
 */
async function openSource(location: LedgerLocation): Promise<DataSource> {
  const where = placeOf(location);
  const source = await initializeLedgerDataSource(
    new DataSource({ ...ledgerDataSourceOptions(location), ...QUIET, migrationsRun: false }),
  );
  try {
    const expected = source.migrations.map(
      (migration) => migration.name ?? migration.constructor.name,
    );
    const applied = await source
      .query<{ name: string }[]>(`SELECT name FROM migrations`)
      .catch(() => undefined);
    if (!applied) throw new DomainError('not-found', `${where} holds no ledger`);
    const names = new Set(applied.map((row) => row.name));
    const missing = expected.filter((name) => !names.has(name));
    const unknown = [...names].filter((name) => !expected.includes(name));
    if (missing.length > 0 || unknown.length > 0) {
      throw new DomainError(
        'conflict',
        missing.length > 0
          ? `the ledger at ${where} is of an older version than this program: start the service on it once (it brings its ledger up to date), then copy it`
          : `the ledger at ${where} is of a newer version than this program`,
      );
    }
    return source;
  } catch (error) {
    await source.destroy();
    throw error;
  }
}

/**
 * `copyLedger` between two open ledgers of the same schema (the target's migrations run, the
 * source's current).
 */
export async function copyLedgerBetween(
  source: DataSource,
  target: DataSource,
  options: LedgerCopyOptions = {},
): Promise<LedgerCopyResult> {
  const pageSize = options.pageSize ?? DEFAULT_COPY_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new DomainError('bad-request', 'the page size must be a positive integer');
  }
  const started = performance.now();
  const tables = copyTables(target);
  const seeds = await seedRows(tables);
  const from = copyEnd(source);
  const to = copyEnd(target);
  try {
    await from.begin('read');
    await to.begin('write');
    try {
      const seeded = await seededRows(to, tables, seeds);
      for (const table of [...tables].reverse()) {
        for (const key of seeded.get(table.name) ?? []) {
          const where = table.key.map((name) => `"${name}" = ?`).join(' AND ');
          await to.query(`DELETE FROM "${table.name}" WHERE ${where}`, key);
        }
      }
      const drafts = new DraftsFirst();
      const highestIds = new Map<CopyTable, number>();
      let rows = 0;
      for (const table of tables) {
        const copied = await copyTable(from, to, table, pageSize, drafts, options.onProgress);
        rows += copied.rows;
        if (table.generatedId) {
          highestIds.set(table, Math.max(copied.highestId, await from.idsGiven(table)));
        }
      }
      await drafts.finish(to);
      const check = await compare(from, to, tables);
      if (check.some((table) => !table.equal)) throw new LedgerCopyMismatchError(check);
      // Last: PostgreSQL's sequences are not rolled back with the transaction.
      for (const [table, highest] of highestIds) await to.idsAfter(table, highest);
      await to.commit();
      return { rows, ms: performance.now() - started, check };
    } catch (error) {
      await to.rollback();
      throw error;
    }
  } finally {
    await Promise.all([from.release(), to.release()]);
  }
}

/**
 * Writes one table a page at a time, reading the next page while the target writes the last.
 * Answers the rows written and the highest id among them.
 */
async function copyTable(
  from: CopyEnd,
  to: CopyEnd,
  table: CopyTable,
  pageSize: number,
  drafts: DraftsFirst,
  onProgress: LedgerCopyOptions['onProgress'],
): Promise<{ rows: number; highestId: number }> {
  const [{ n: total }] = await from.query<{ n: number }>(
    `SELECT count(*) AS n FROM "${table.name}"`,
  );
  const started = performance.now();
  let copied = 0;
  let lastKey: unknown[] | undefined;
  const progress = (done: boolean) =>
    onProgress?.({
      table: table.name,
      copied,
      total,
      elapsedMs: performance.now() - started,
      done,
    });
  // As a restore does: the rows first, then the indexes that only speed up reads (and on
  // PostgreSQL the foreign keys), each made in one pass over them instead of updated a row at
  // a time: a million items' eight such indexes outgrow the server's cache long before the
  // copy ends.
  const rebuild = total > 0 ? await to.dropRebuildable(table) : [];
  let page = await from.page(table, undefined, pageSize);
  while (page.length > 0) {
    lastKey = keyOf(table, page[page.length - 1]);
    const writing = to.insert(table, drafts.rows(table, page));
    const reading =
      page.length < pageSize ? Promise.resolve([]) : from.page(table, lastKey, pageSize);
    copied += page.length;
    [, page] = await Promise.all([writing, reading]);
    progress(false);
  }
  for (const statement of rebuild) await to.query(statement);
  progress(true);
  return { rows: copied, highestId: table.generatedId && lastKey ? Number(lastKey[0]) : 0 };
}

/**
 * Lines are added only to a draft invoice (a trigger refuses the rest, on both databases): an
 * invoice is written as a draft, and what makes it final (its status and number) is set once
 * every table is in, as finalising it did.
 */
class DraftsFirst {
  private static readonly TABLE = 'invoices';
  private static readonly FINAL = ['status', 'number', 'number_year', 'sequence'];
  private readonly later: unknown[][] = [];

  rows(table: CopyTable, rows: unknown[][]): unknown[][] {
    if (table.name !== DraftsFirst.TABLE) return rows;
    const at = (name: string) => table.columns.findIndex((column) => column.name === name);
    const id = at('id');
    const final = DraftsFirst.FINAL.map(at);
    return rows.map((row) => {
      if (row[final[0]] === 'draft') return row;
      this.later.push([row[id], ...final.map((index) => row[index])]);
      const draft = [...row];
      draft[final[0]] = 'draft';
      for (const index of final.slice(1)) draft[index] = null;
      return draft;
    });
  }

  /** Each invoice's final columns, many invoices a statement (SQL both databases read). */
  async finish(to: CopyEnd): Promise<void> {
    const perStatement = 1_000;
    for (let start = 0; start < this.later.length; start += perStatement) {
      const batch = this.later.slice(start, start + perStatement);
      const tuple =
        '(CAST(? AS bigint), CAST(? AS text), CAST(? AS text), CAST(? AS bigint), CAST(? AS bigint))';
      await to.query(
        `UPDATE "invoices" SET "status" = v.column2, "number" = v.column3,
           "number_year" = v.column4, "sequence" = v.column5
         FROM (VALUES ${batch.map(() => tuple).join(', ')}) AS v
         WHERE "invoices"."id" = v.column1`,
        batch.flat(),
      );
    }
  }
}

/** A row as compared with a seeded one: its instants left out (they say when it was made). */
function comparable(table: CopyTable, row: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const column of table.columns) {
    if (column.name.endsWith('_at_ms')) continue;
    const value = row[column.name];
    kept[column.name] = column.boolean && value !== null ? Boolean(value) : value;
  }
  return JSON.stringify(kept);
}

/**
 * The rows a new ledger holds before anyone writes to it (the default business), as this
 * version's migrations make them: read from a new in-memory ledger, so that a migration
 * seeding more rows needs no change here.
 */
async function seedRows(tables: CopyTable[]): Promise<Map<string, Set<string>>> {
  const fresh = await initializeLedgerDataSource(
    new DataSource({ ...ledgerDataSourceOptions({ kind: 'sqlite', path: ':memory:' }), ...QUIET }),
  );
  try {
    const seeds = new Map<string, Set<string>>();
    for (const table of tables) {
      const rows = await fresh.query<Record<string, unknown>[]>(`SELECT * FROM "${table.name}"`);
      if (rows.length > 0)
        seeds.set(table.name, new Set(rows.map((row) => comparable(table, row))));
    }
    return seeds;
  } finally {
    await fresh.destroy();
  }
}

/**
 * The keys of the target's rows that the migrations seeded (removed before the copy, which
 * brings the source's own); a target holding any other row is refused.
 */
async function seededRows(
  to: CopyEnd,
  tables: CopyTable[],
  seeds: Map<string, Set<string>>,
): Promise<Map<string, unknown[][]>> {
  const seeded = new Map<string, unknown[][]>();
  for (const table of tables) {
    const allowed = seeds.get(table.name) ?? new Set<string>();
    const rows = await to.query<Record<string, unknown>>(`SELECT * FROM "${table.name}" LIMIT ?`, [
      allowed.size + 1,
    ]);
    const other = rows.some((row) => !allowed.has(comparable(table, row)));
    if (rows.length > allowed.size || other) {
      throw new DomainError(
        'conflict',
        `the target ledger is not empty (${table.name} has rows): ledger copy writes only into a new, empty ledger`,
      );
    }
    if (rows.length > 0) {
      seeded.set(
        table.name,
        rows.map((row) => table.key.map((name) => row[name])),
      );
    }
  }
  return seeded;
}

/**
 * Per table, what each side holds: its rows and, per currency when it has a `currency`
 * column, its rows and every money column's sum; else the sums of the whole table.
 */
async function compare(
  from: CopyEnd,
  to: CopyEnd,
  tables: CopyTable[],
): Promise<LedgerTableCheck[]> {
  const check: LedgerTableCheck[] = [];
  for (const table of tables) {
    const [source, target] = [await measure(from, table), await measure(to, table)];
    const names = [...new Set([...source.keys(), ...target.keys()])];
    const measures = names.map((name) => {
      const { currency, measure } = JSON.parse(name) as {
        currency: string | null;
        measure: string;
      };
      return { currency, measure, source: source.get(name) ?? 0, target: target.get(name) ?? 0 };
    });
    check.push({
      table: table.name,
      measures,
      equal: measures.every((m) => m.source === m.target),
    });
  }
  return check;
}

async function measure(end: CopyEnd, table: CopyTable): Promise<Map<string, number>> {
  const sums = table.money.map((column, index) => `sum("${column}") AS s${index}`);
  const currency = table.hasCurrency ? '"currency" AS currency, ' : 'NULL AS currency, ';
  const rows = await end.query<Record<string, unknown>>(
    `SELECT ${currency}count(*) AS n${sums.map((sum) => `, ${sum}`).join('')}
     FROM "${table.name}"${table.hasCurrency ? ' GROUP BY "currency" ORDER BY "currency"' : ''}`,
  );
  const key = (currency: string | null, name: string) =>
    JSON.stringify({ currency, measure: name });
  const measures = new Map<string, number>([[key(null, 'rows'), 0]]);
  for (const row of rows) {
    const currency = table.hasCurrency ? (row.currency as string) : null;
    measures.set(key(null, 'rows'), measures.get(key(null, 'rows'))! + Number(row.n));
    if (currency !== null) measures.set(key(currency, 'rows'), Number(row.n));
    table.money.forEach((column, index) =>
      measures.set(key(currency, column), Number(row[`s${index}`] ?? 0)),
    );
  }
  return measures;
}
