import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Database, Statement } from 'better-sqlite3';
import { DataSource, EntityManager } from 'typeorm';
import { LedgerTx, beginTx, endTx, managerOf, settleTx } from './ledger-tx';

/** A prepared statement of the ledger's connection; see `Ledger.statement`. */
export interface LedgerStatement {
  /** Runs a write; positional parameters. `lastInsertRowid` is the new row's id. */
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  /** The first row the statement returns (e.g. `INSERT … RETURNING`), or undefined. */
  get<T>(...params: unknown[]): T | undefined;
}

/**
 * The one way to write to the ledger. better-sqlite3 gives TypeORM a single connection, so two
 * transactions that overlap in time would share it: one's ROLLBACK would undo the other's
 * work. Transactions therefore run one after another, in the order they were asked for.
 * Keep them short and free of network or timer waits: every other writer waits for them.
 */
@Injectable()
export class Ledger implements OnApplicationBootstrap {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, LedgerStatement>();
  private readonly readers = new Map<string, Statement<unknown[], unknown[]>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction of its own, after every transaction asked for before it. When
   * the work returns, what a store's writer left for the end (`beforeCommit`) is written, then
   * the transaction commits; when it throws, nothing is.
   */
  transaction<T>(work: (tx: LedgerTx) => Promise<T>): Promise<T> {
    const result = this.tail.then(() =>
      this.dataSource.transaction(async (manager) => {
        const tx = beginTx(manager);
        try {
          const result = await work(tx);
          settleTx(tx);
          return result;
        } finally {
          endTx(tx);
        }
      }),
    );
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * `transaction` for a hot path whose work uses only prepared statements (`statement`) and
   * prepared writers, such as a PMS link's sender (a transaction a posting): the same place in
   * the queue and the same commit-or-nothing, without the entity manager's transaction around
   * it (about a millisecond a transaction). Its `tx` refuses the entity manager (`managerOf`).
   */
  preparedTransaction<T>(work: (tx: LedgerTx) => T): Promise<T> {
    const result = this.tail.then(() => {
      const connection = this.connection();
      const tx = beginTx(null);
      connection.exec('BEGIN');
      try {
        const value = work(tx);
        settleTx(tx);
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
   * A prepared statement on the ledger's one connection, prepared once and kept: for hot paths
   * that write thousands of rows (a sync's chunk), where building each query through the
   * entity manager would cost more than SQLite's own work. It runs only inside the work of
   * `transaction`, whose writes it then shares; anywhere else it throws.
   */
  statement(sql: string): LedgerStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      const connection = this.connection();
      const prepared: Statement<unknown[]> = connection.prepare(sql);
      const inTransaction = () => {
        if (!connection.inTransaction) {
          throw new Error('Ledger.statement runs inside Ledger.transaction only');
        }
      };
      statement = {
        run: (...params) => {
          inTransaction();
          return prepared.run(...params);
        },
        get: <T>(...params: unknown[]) => {
          inTransaction();
          return prepared.get(...params) as T | undefined;
        },
      };
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * The rows of a read, each as an array of its columns in the SELECT's order: for reads of
   * many rows (an export's page), where the entity manager's objects cost twice the read
   * itself. Prepared once and kept; it may run at any time, like `manager`'s reads.
   */
  rows(sql: string, ...params: unknown[]): unknown[][] {
    let reader = this.readers.get(sql);
    if (!reader) {
      reader = this.connection().prepare<unknown[], unknown[]>(sql);
      // `reader` alone would let `UPDATE … RETURNING` through: it returns rows, and writes.
      if (!reader.reader || !reader.readonly) {
        throw new Error('Ledger.rows reads; use Ledger.transaction to write');
      }
      reader.raw(true);
      this.readers.set(sql, reader);
    }
    return reader.all(...params);
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
   * items. Called at start (`all`: every table) and after each sync run.
   */
  optimize(all = false): Promise<unknown> {
    return this.transaction((tx) =>
      managerOf(tx).query(all ? 'PRAGMA optimize = 0x10002' : 'PRAGMA optimize'),
    );
  }

  /** For reads: they may run at any time (WAL), but see an open transaction's writes. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
