import { Injectable } from '@nestjs/common';
import type { Timekeeper } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, assertOpen } from '../ledger-tx';
import { bumpLawBookVersion } from './law-book-version';

/** What a firm's timekeeper list says of an extension from a date on. */
export type TimekeeperFields = Pick<
  Timekeeper,
  'extension' | 'timekeeperId' | 'name' | 'classification' | 'effectiveFrom'
>;

export interface StoredTimekeeper extends TimekeeperFields {
  readonly id: number;
}

/** The writes of one timekeeper import: the list is replaced row by row. */
export interface TimekeeperChanges {
  readonly insert: readonly TimekeeperFields[];
  readonly update: readonly StoredTimekeeper[];
  readonly deleteIds: readonly number[];
}

const SELECT_ALL = `SELECT id, extension, timekeeper_id AS "timekeeperId", name, classification,
  effective_from AS "effectiveFrom" FROM timekeepers WHERE business_id = ?`;
const INSERT = `INSERT INTO timekeepers (business_id, extension, timekeeper_id, name,
  classification, effective_from, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`;
const UPDATE = `UPDATE timekeepers SET timekeeper_id = ?, name = ?, classification = ? WHERE id = ?`;
const DELETE = `DELETE FROM timekeepers WHERE id = ?`;

/** Writes of a firm's timekeepers (table timekeepers; LawBookStore has the reads). */
@Injectable()
export class TimekeeperStore {
  constructor(private readonly ledger: Ledger) {}

  /** Every timekeeper row of the business, as `tx` sees them. */
  allOf(tx: LedgerTx, businessId: number): Promise<StoredTimekeeper[]> {
    return this.ledger.statement(tx, SELECT_ALL).all<StoredTimekeeper>(businessId);
  }

  /**
   * Deletes, updates and inserts the rows (in that order, so that a row replaced under the
   * same extension and date never meets its unique index), then bumps the business's law book
   * version; nothing when there is nothing to write. Returns the version after the writes.
   */
  async apply(
    tx: LedgerTx,
    businessId: number,
    changes: TimekeeperChanges,
    nowMs: number,
  ): Promise<number | null> {
    assertOpen(tx);
    const { insert, update, deleteIds } = changes;
    if (insert.length === 0 && update.length === 0 && deleteIds.length === 0) return null;
    const remove = this.ledger.statement(tx, DELETE);
    for (const id of deleteIds) await remove.run(id);
    const change = this.ledger.statement(tx, UPDATE);
    for (const t of update) await change.run(t.timekeeperId, t.name, t.classification, t.id);
    const add = this.ledger.statement(tx, INSERT);
    for (const t of insert) {
      await add.run(
        businessId,
        t.extension,
        t.timekeeperId,
        t.name,
        t.classification,
        t.effectiveFrom,
        nowMs,
      );
    }
    return bumpLawBookVersion(this.ledger, tx, businessId);
  }
}
