import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to write to the ledger. better-sqlite3 gives TypeORM a single connection, so two
 * transactions that overlap in time would share it: one's ROLLBACK would undo the other's
 * work. Transactions therefore run one after another, in the order they were asked for.
 * Keep them short and free of network or timer waits: every other writer waits for them.
 */
@Injectable()
export class Ledger {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** For reads: they may run at any time (WAL), but see an open transaction's writes. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
