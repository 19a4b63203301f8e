import { Injectable } from '@nestjs/common';
import type { Matter } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, assertOpen } from '../ledger-tx';
import { insertInBatches } from './batch-insert';
import { isTrue } from './columns';
import { bumpLawBookVersion } from './law-book-version';

/** What a firm's matter list says of a matter: everything but the row's own bookkeeping. */
export type MatterFields = Pick<
  Matter,
  | 'clientNumber'
  | 'clientName'
  | 'matterNumber'
  | 'matterName'
  | 'status'
  | 'closedDate'
  | 'billable'
>;

/** A stored matter, as an import compares it with the file's row. */
export interface StoredMatter extends MatterFields {
  readonly id: number;
}

/** The writes of one matter import: new matters, and stored ones with their new fields. */
export interface MatterChanges {
  readonly insert: readonly MatterFields[];
  readonly update: readonly StoredMatter[];
}

const COLUMNS = `client_number, client_name, matter_number, matter_name, status, closed_date, billable`;
const SELECT_ALL = `SELECT id, client_number AS "clientNumber", client_name AS "clientName",
  matter_number AS "matterNumber", matter_name AS "matterName", status, closed_date AS "closedDate",
  billable FROM matters WHERE business_id = ?`;
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Rows a batched INSERT writes at once: 10 parameters a row, far below SQLite's limit. */
const BATCH = 200;
const INSERT_HEAD = `INSERT INTO matters (business_id, ${COLUMNS}, created_at_ms, updated_at_ms)`;
const insertSql = (rows: number) =>
  `${INSERT_HEAD}
   VALUES ${Array.from({ length: rows }, () => ROW).join(', ')}`;
const UPDATE = `UPDATE matters SET client_name = ?, matter_name = ?, status = ?, closed_date = ?,
  billable = ?, updated_at_ms = ? WHERE id = ?`;

/**
 * Writes of a firm's matters (table matters; LawBookStore has the reads for rating and the
 * API). A firm lists up to 100,000 of them: the whole list is read as plain rows, and written
 * with prepared, batched statements inside the caller's transaction.
 */
@Injectable()
export class MatterStore {
  constructor(private readonly ledger: Ledger) {}

  /** Every matter of the business, as `tx` sees them. */
  async allOf(tx: LedgerTx, businessId: number): Promise<StoredMatter[]> {
    const rows = await this.ledger.statement(tx, SELECT_ALL).all<StoredMatter>(businessId);
    for (const row of rows) row.billable = isTrue(row.billable);
    return rows;
  }

  /**
   * Inserts and updates the matters, then bumps the business's law book version; nothing when
   * there is nothing to write. Returns the law book version after the writes.
   */
  async apply(
    tx: LedgerTx,
    businessId: number,
    changes: MatterChanges,
    nowMs: number,
  ): Promise<number | null> {
    assertOpen(tx);
    if (changes.insert.length === 0 && changes.update.length === 0) return null;
    const values = (m: MatterFields) => [
      businessId,
      m.clientNumber,
      m.clientName,
      m.matterNumber,
      m.matterName,
      m.status,
      m.closedDate,
      m.billable ? 1 : 0,
      nowMs,
      nowMs,
    ];
    if (this.ledger.dialect === 'postgres') {
      // Multi-row statements of as many rows as PostgreSQL's parameter limit allows.
      await insertInBatches(this.ledger, tx, INSERT_HEAD, 10, changes.insert.map(values), '');
    }
    const whole = this.ledger.statement(tx, insertSql(BATCH));
    const one = this.ledger.statement(tx, insertSql(1));
    const insert = this.ledger.dialect === 'postgres' ? [] : changes.insert;
    let i = 0;
    for (; i + BATCH <= insert.length; i += BATCH) {
      await whole.run(...insert.slice(i, i + BATCH).flatMap(values));
    }
    for (; i < insert.length; i++) await one.run(...values(insert[i]));
    const update = this.ledger.statement(tx, UPDATE);
    for (const m of changes.update) {
      await update.run(
        m.clientName,
        m.matterName,
        m.status,
        m.closedDate,
        m.billable ? 1 : 0,
        nowMs,
        m.id,
      );
    }
    return bumpLawBookVersion(this.ledger, tx, businessId);
  }
}
