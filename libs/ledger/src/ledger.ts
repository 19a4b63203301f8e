import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Database, Statement } from 'better-sqlite3';
import { DataSource, EntityManager } from 'typeorm';
import { LedgerTx, assertOpen, beginTx, endTx, managerOf, settleTx } from './ledger-tx';

/** The database behind the ledger: SQLite embedded (better-sqlite3) or a PostgreSQL server. */
export type LedgerDialect = 'sqlite' | 'postgres';

/** A statement of one open transaction; see `Ledger.statement`. Positional `?` parameters. */
export interface LedgerStatement {
  /** Runs a write: how many rows it changed. */
  run(...params: unknown[]): Promise<number>;
  /** The first row the statement returns (e.g. `INSERT … RETURNING id`), or undefined. */
  get<T>(...params: unknown[]): Promise<T | undefined>;
  /** Every row the statement returns. */
  all<T>(...params: unknown[]): Promise<T[]>;
}

/** What a query runner's structured answer holds (TypeORM's `QueryResult`). */
interface StructuredResult {
  records: unknown[];
  affected?: number;
}

/**
 * The one way to write to the ledger. A service process runs its transactions one after another,
 * in the order they were asked for: on SQLite because better-sqlite3 gives TypeORM a single
 * connection (two overlapping transactions would share it, and one's ROLLBACK would undo the
 * other's work); on PostgreSQL so that the service's own writes keep the order they have on
 * SQLite. Several processes on one PostgreSQL database coordinate through the database only
 * (row locks and leases, docs/postgres.md). Keep transactions short and free of network or timer
 * waits: every other writer of the process waits for them.
 */
@Injectable()
export class Ledger implements OnApplicationBootstrap {
  readonly dialect: LedgerDialect;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly prepared = new Map<string, Statement<unknown[], unknown>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /**
   * Runs `work` in a transaction of its own, after every transaction asked for before it. When
   * the work returns, what a store's writer left for the end (`beforeCommit`) is written, then
   * the transaction commits; when it throws, nothing is.
   */
  transaction<T>(work: (tx: LedgerTx) => Promise<T>): Promise<T> {
    const once = () =>
      this.dataSource.transaction(async (manager) => {
        const tx = beginTx(manager);
        try {
          const result = await work(tx);
          await settleTx(tx);
          return result;
        } finally {
          endTx(tx);
        }
      });
    const result = this.tail.then(() => (this.dialect === 'postgres' ? retried(once) : once()));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * `transaction` for a hot path whose work uses only statements (`statement`) and store
   * writers, such as a PMS link's sender (a transaction a posting). On SQLite it skips the
   * entity manager's transaction around the work (about a millisecond a transaction): its `tx`
   * refuses the entity manager (`managerOf`). On PostgreSQL it is `transaction`.
   */
  preparedTransaction<T>(work: (tx: LedgerTx) => T | Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.transaction(async (tx) => work(tx));
    const result = this.tail.then(async () => {
      const connection = this.connection();
      const tx = beginTx(null);
      connection.exec('BEGIN');
      try {
        const value = await work(tx);
        await settleTx(tx);
        connection.exec('COMMIT');
        return value;
      } catch (error) {
        if (connection.inTransaction) connection.exec('ROLLBACK');
        throw error;
      } finally {
        endTx(tx);
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * A statement inside the open transaction `tx`, for hot paths that write thousands of rows (a
   * sync's chunk), where building each query through the entity manager would cost more than
   * the database's own work. On SQLite it is prepared once on the ledger's one connection and
   * kept; on PostgreSQL it runs on the transaction's connection. Once the transaction's work has
   * ended it throws.
   */
  statement(tx: LedgerTx, sql: string): LedgerStatement {
    assertOpen(tx);
    if (this.dialect === 'postgres') {
      const runner = managerOf(tx).queryRunner;
      if (!runner) throw new Error('A ledger transaction has a query runner');
      const query = async (params: unknown[]): Promise<StructuredResult> => {
        assertOpen(tx);
        return (await runner.query(sql, params, true)) as StructuredResult;
      };
      return {
        run: async (...params) => (await query(params)).affected ?? 0,
        get: async <T>(...params: unknown[]) => (await query(params)).records[0] as T | undefined,
        all: async <T>(...params: unknown[]) => (await query(params)).records as T[],
      };
    }
    const prepared = this.prepare(sql);
    return {
      run: (...params) => {
        assertOpen(tx);
        return Promise.resolve(prepared.run(...params).changes);
      },
      get: <T>(...params: unknown[]) => {
        assertOpen(tx);
        return Promise.resolve(prepared.get(...params) as T | undefined);
      },
      all: <T>(...params: unknown[]) => {
        assertOpen(tx);
        return Promise.resolve(prepared.all(...params) as T[]);
      },
    };
  }

  /**
   * The rows of a read, each as an array of its columns in the SELECT's order: for reads of
   * many rows (an export's page), where the entity manager's objects cost twice the read
   * itself. On SQLite prepared once and kept; it may run at any time, like `manager`'s reads.
   */
  async rows(sql: string, ...params: unknown[]): Promise<unknown[][]> {
    if (this.dialect === 'postgres') {
      const records = await this.dataSource.query<Record<string, unknown>[]>(
        refuseWrite(sql),
        params,
      );
      return records.map((record) => Object.values(record));
    }
    let reader = this.prepared.get(`rows:${sql}`);
    if (!reader) {
      reader = this.connection().prepare<unknown[], unknown>(sql);
      // `reader` alone would let `UPDATE … RETURNING` through: it returns rows, and writes.
      if (!reader.reader || !reader.readonly) {
        throw new Error('Ledger.rows reads; use Ledger.transaction to write');
      }
      reader.raw(true);
      this.prepared.set(`rows:${sql}`, reader);
    }
    return reader.all(...params) as unknown[][];
  }

  private prepare(sql: string): Statement<unknown[], unknown> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.connection().prepare<unknown[], unknown>(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  private connection(): Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database })
      .databaseConnection;
  }

  /** Query-planner statistics for every table, once the migrations have run. */
  async onApplicationBootstrap(): Promise<void> {
    await this.optimize(true);
  }

  /**
   * Refreshes SQLite's query-planner statistics where they are stale (`PRAGMA optimize`;
   * `ANALYSIS_LIMIT` keeps it to a fraction of a second on a million items). Without them SQLite guesses, and a room's
   * pending items were read through the status index: 300 ms instead of 1 ms on a million
   * items. Called at start (`all`: every table) and after each sync run. PostgreSQL's
   * autovacuum keeps its own statistics: nothing to do there.
   */
  optimize(all = false): Promise<unknown> {
    if (this.dialect === 'postgres') return Promise.resolve();
    return this.transaction((tx) =>
      managerOf(tx).query(all ? 'PRAGMA optimize = 0x10002' : 'PRAGMA optimize'),
    );
  }

  /** For reads: they may run at any time (WAL), but see an open transaction's writes. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

/**
 * PostgreSQL's answers that mean "this transaction lost a race with another instance's, run it
 * again": a deadlock (one of the two is rolled back) and a serialization failure.
 */
const RETRYABLE = new Set(['40P01', '40001']);
/** Runs of one transaction at most: the first and two more. */
const RUNS = 3;

/**
 * Runs `once` again, after a short random wait, when PostgreSQL rolled it back for a race with
 * another instance's transaction. Its work is the ledger's only (no network, no timers), so
 * running it again is running it once: its first run left nothing.
 */
async function retried<T>(once: () => Promise<T>): Promise<T> {
  for (let run = 1; ; run++) {
    try {
      return await once();
    } catch (error) {
      const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
      if (run >= RUNS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * run));
    }
  }
}

/** `Ledger.rows` reads only: on PostgreSQL a statement that is not a SELECT is refused. */
function refuseWrite(sql: string): string {
  if (!/^\s*(SELECT|WITH)\b/i.test(sql) || /\b(INSERT|UPDATE|DELETE)\b/i.test(sql)) {
    throw new Error('Ledger.rows reads; use Ledger.transaction to write');
  }
  return sql;
}
