import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Invoice } from '../entities';
import type { InvoiceLine, InvoiceStatus, LineItem } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { columnOf, selectFields } from './columns';
import { readerOf } from './reader';

/** Every field of an invoice (its relations aside): what a read of an invoice returns. */
export const INVOICE_FIELDS = [
  'id',
  'businessId',
  'issuerJson',
  'number',
  'numberYear',
  'sequence',
  'status',
  'billingAccount',
  'sourceId',
  'ratePlanId',
  'timezone',
  'periodStartMs',
  'periodEndMs',
  'currency',
  'subtotalMinor',
  'taxMinor',
  'totalMinor',
  'finalizedAtMs',
  'voidedAtMs',
  'voidReason',
  'createdAtMs',
  'updatedAtMs',
  'version',
] as const satisfies readonly (keyof Invoice)[];

/** Every field a new invoice line is inserted with, in a fixed order for statements. */
export const INVOICE_LINE_FIELDS = [
  'invoiceId',
  'lineNumber',
  'lineItemId',
  'callId',
  'startTimeMs',
  'extension',
  'dialedNumber',
  'normalizedNumber',
  'destinationClass',
  'talkSeconds',
  'billedSeconds',
  'calls',
  'description',
  'ratedAmountMinor',
  'ratedTaxMinor',
  'ratedTotalMinor',
  'adjustmentMinor',
  'amountMinor',
  'taxesJson',
  'taxMinor',
  'totalMinor',
  'timekeeperId',
  'timekeeperName',
  'timekeeperClassification',
  'breakdownJson',
] as const satisfies readonly (keyof InvoiceLine)[];

/** A line as a draft is filled with it, before the ledger gives it an id. */
export type NewInvoiceLine = Pick<InvoiceLine, (typeof INVOICE_LINE_FIELDS)[number]>;

/** A new draft: whose, which period, and what its lines will share. */
export type NewInvoiceDraft = Pick<
  Invoice,
  | 'billingAccount'
  | 'businessId'
  | 'sourceId'
  | 'ratePlanId'
  | 'timezone'
  | 'periodStartMs'
  | 'periodEndMs'
  | 'currency'
  | 'createdAtMs'
  | 'updatedAtMs'
>;

/** What finalisation writes on an invoice: its number and the issuer it names for good. */
export type InvoiceNumbering = Pick<
  Invoice,
  'number' | 'numberYear' | 'sequence' | 'issuerJson' | 'finalizedAtMs'
>;

/**
 * An invoice line as billed, with what a reader may also ask of its line item: the account
 * summary it bills (calls counted together), read only when asked.
 */
export type BilledLine = NewInvoiceLine & Pick<LineItem, 'accountSummaryId'>;
export type BilledLineField = keyof BilledLine;

/** The fields of a line that are not the line's own columns, as SQL over `invoice_lines`. */
const LINE_ITEM_FIELDS_OF_A_LINE: Partial<Record<BilledLineField, string>> = {
  accountSummaryId: `(SELECT account_summary_id FROM line_items
    WHERE line_items.id = invoice_lines.line_item_id)`,
};

/** Reads chosen fields of an invoice's lines, a page at a time in line order. */
export interface LinePageReader<K extends BilledLineField> {
  /** The lines after `afterLineNumber` (0: from the first), at most `limit` (null: all). */
  page(
    invoiceId: number,
    afterLineNumber: number,
    limit: number | null,
  ): Promise<Pick<BilledLine, K | 'lineNumber'>[]>;
}

/** An invoice's lines added up, to check against its totals. */
export interface InvoiceLineTotals {
  lines: number;
  amountMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** The largest line item id on the invoice, 0 without lines. */
  maxLineItemId: number;
}

/** Which invoices: every field narrows; none matches every invoice. */
export interface InvoiceFilter {
  statuses?: readonly InvoiceStatus[];
  businessId?: number;
  sourceId?: number;
  billingAccount?: string;
  /** Periods starting at or after this instant. */
  periodStartFromMs?: number;
  /** Periods starting before this instant. */
  periodStartBeforeMs?: number;
  /** An invoice number or its beginning, as numbers are written (upper case). */
  numberPrefix?: string;
}

const INVOICE_SELECT = `SELECT ${selectFields(INVOICE_FIELDS)} FROM invoices`;

/** `%`, `_` and `\` are themselves in a LIKE pattern. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(filter: InvoiceFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.statuses !== undefined) {
    clauses.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.businessId !== undefined) {
    clauses.push('business_id = ?');
    params.push(filter.businessId);
  }
  if (filter.sourceId !== undefined) {
    clauses.push('source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.billingAccount !== undefined) {
    clauses.push('billing_account = ?');
    params.push(filter.billingAccount);
  }
  if (filter.periodStartFromMs !== undefined) {
    clauses.push('period_start_ms >= ?');
    params.push(filter.periodStartFromMs);
  }
  if (filter.periodStartBeforeMs !== undefined) {
    clauses.push('period_start_ms < ?');
    params.push(filter.periodStartBeforeMs);
  }
  if (filter.numberPrefix !== undefined) {
    clauses.push(`number LIKE ? ESCAPE '\\'`);
    params.push(likePrefix(filter.numberPrefix));
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : 'TRUE', params };
}

/**
 * Invoices with their lines, and the gapless numbers they take when finalised.
 * Tables: invoices, invoice_lines, invoice_number_sequences. It holds the SQL of these tables (its reads may join others').
 * Writes use prepared statements (a draft of 100,000 lines is 100,000 inserts); an export's
 * lines are read a page at a time as arrays (`lineReader`, decision 0013).
 */
@Injectable()
export class InvoiceStore {
  constructor(private readonly ledger: Ledger) {}

  // --- used by config (businesses: an invoice prefix names one business for good)

  /** How many invoices of a business carry a number: finalised or void. */
  countNumbered(businessId: number, tx?: LedgerTx): Promise<number> {
    return readerOf(this.ledger, tx).countBy(Invoice, {
      businessId,
      status: In(['finalized', 'void']),
    });
  }

  /** An invoice whose number starts with `prefix-` (of any business), or null. */
  findNumberedWithPrefix(prefix: string, tx?: LedgerTx): Promise<Pick<Invoice, 'number'> | null> {
    return readerOf(this.ledger, tx)
      .createQueryBuilder(Invoice, 'invoice')
      .select('invoice.number', 'number')
      .where('substr(invoice.number, 1, :length) = :start', {
        length: prefix.length + 1,
        start: `${prefix}-`,
      })
      .limit(1)
      .getRawOne<Pick<Invoice, 'number'>>()
      .then((row) => row ?? null);
  }

  /** The invoice, or null; inside `tx`, as the transaction has left it. */
  async findById(id: number, tx?: LedgerTx): Promise<Invoice | null> {
    const manager = tx ? managerOf(tx) : this.ledger.manager;
    const [invoice] = await manager.query<Invoice[]>(`${INVOICE_SELECT} WHERE id = ?`, [id]);
    return invoice ?? null;
  }

  /** A numbered invoice by its number (`GH-2026-000001`), or null. */
  async findByNumber(number: string): Promise<Invoice | null> {
    const [invoice] = await this.ledger.manager.query<Invoice[]>(
      `${INVOICE_SELECT} WHERE number = ?`,
      [number],
    );
    return invoice ?? null;
  }

  /** The invoices of these ids that exist, oldest first. */
  findByIds(ids: readonly number[]): Promise<Invoice[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ledger.manager.query<Invoice[]>(
      `${INVOICE_SELECT} WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
      [...ids],
    );
  }

  /**
   * A page of the invoices `filter` matches, newest first, after the invoice `afterId` (keyset
   * on id: no invoice is skipped or repeated however many are added meanwhile); `more` says
   * whether another page follows.
   */
  async findPage(
    filter: InvoiceFilter,
    afterId: number | null,
    limit: number,
  ): Promise<{ items: Invoice[]; more: boolean }> {
    const { where, params } = whereOf(filter);
    const rows = await this.ledger.manager.query<Invoice[]>(
      `${INVOICE_SELECT} WHERE ${where} ${afterId === null ? '' : 'AND id < ?'}
       ORDER BY id DESC LIMIT ?`,
      [...params, ...(afterId === null ? [] : [afterId]), limit + 1],
    );
    return { items: rows.slice(0, limit), more: rows.length > limit };
  }

  /** The first `limit` invoices `filter` matches, oldest first. */
  findMatching(filter: InvoiceFilter, limit: number): Promise<Invoice[]> {
    const { where, params } = whereOf(filter);
    return this.ledger.manager.query<Invoice[]>(
      `${INVOICE_SELECT} WHERE ${where} ORDER BY id LIMIT ?`,
      [...params, limit],
    );
  }

  /** Where the invoice stands in `tx`, or null when it does not exist. */
  async statusOf(tx: LedgerTx, id: number): Promise<InvoiceStatus | null> {
    const row = await this.ledger
      .statement(tx, 'SELECT status FROM invoices WHERE id = ?')
      .get<{ status: InvoiceStatus }>(id);
    return row?.status ?? null;
  }

  /** A new draft without lines (totals 0); returns its id. */
  async insertDraft(tx: LedgerTx, draft: NewInvoiceDraft): Promise<number> {
    const inserted = await this.ledger
      .statement(
        tx,
        `INSERT INTO invoices (status, billing_account, business_id, source_id, rate_plan_id,
           timezone, period_start_ms, period_end_ms, currency, created_at_ms, updated_at_ms)
         VALUES ('draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id`,
      )
      .get<{ id: number }>(
        draft.billingAccount,
        draft.businessId,
        draft.sourceId,
        draft.ratePlanId,
        draft.timezone,
        draft.periodStartMs,
        draft.periodEndMs,
        draft.currency,
        draft.createdAtMs,
        draft.updatedAtMs,
      );
    return inserted!.id;
  }

  /** Adds lines to a draft, one prepared insert per line (the ledger refuses a non-draft's). */
  lineWriter(
    tx: LedgerTx,
    invoiceId: number,
  ): { add(line: Omit<NewInvoiceLine, 'invoiceId'>): Promise<void> } {
    const insert = this.ledger.statement(
      tx,
      `INSERT INTO invoice_lines (${INVOICE_LINE_FIELDS.map(columnOf).join(', ')})
       VALUES (${INVOICE_LINE_FIELDS.map(() => '?').join(', ')})`,
    );
    return {
      add: async (line) => {
        const row: NewInvoiceLine = { ...line, invoiceId };
        await insert.run(...INVOICE_LINE_FIELDS.map((field) => row[field]));
      },
    };
  }

  async setTotals(
    tx: LedgerTx,
    id: number,
    totals: Pick<Invoice, 'subtotalMinor' | 'taxMinor' | 'totalMinor'>,
    nowMs: number,
  ): Promise<void> {
    await this.ledger
      .statement(
        tx,
        `UPDATE invoices SET subtotal_minor = ?, tax_minor = ?, total_minor = ?, updated_at_ms = ?
         WHERE id = ?`,
      )
      .run(totals.subtotalMinor, totals.taxMinor, totals.totalMinor, nowMs, id);
  }

  /** A draft's lines removed (the ledger refuses it for any other invoice). */
  async removeLines(tx: LedgerTx, invoiceId: number): Promise<void> {
    await this.ledger
      .statement(tx, 'DELETE FROM invoice_lines WHERE invoice_id = ?')
      .run(invoiceId);
  }

  /** A draft deleted, once its lines are (the ledger refuses it for any other invoice). */
  async deleteDraft(tx: LedgerTx, id: number): Promise<void> {
    await this.ledger.statement(tx, 'DELETE FROM invoices WHERE id = ?').run(id);
  }

  /**
   * The business's next sequence number of `year`, taken: 1 for its first invoice of the year.
   * Raised and read in one statement of `tx`, which holds the sequence's row until it commits
   * (SQLite: the one writer; PostgreSQL: the row's lock, which a finalisation on another
   * instance waits for), so two finalisations never share or skip a number; a rollback gives
   * the number back.
   */
  async takeNextSequence(tx: LedgerTx, businessId: number, year: number): Promise<number> {
    const row = await this.ledger
      .statement(
        tx,
        `INSERT INTO invoice_number_sequences (business_id, year, last_sequence) VALUES (?, ?, 1)
         ON CONFLICT (year, business_id) DO UPDATE
           SET last_sequence = invoice_number_sequences.last_sequence + 1
         RETURNING last_sequence AS "lastSequence"`,
      )
      .get<{ lastSequence: number }>(businessId, year);
    return row!.lastSequence;
  }

  /** A draft finalised with its number (the ledger refuses any later change but voiding). */
  async markFinalized(tx: LedgerTx, id: number, numbering: InvoiceNumbering): Promise<void> {
    await this.ledger
      .statement(
        tx,
        `UPDATE invoices SET status = 'finalized', number = ?, number_year = ?, sequence = ?,
           issuer_json = ?, finalized_at_ms = ?, updated_at_ms = ?, version = version + 1
         WHERE id = ?`,
      )
      .run(
        numbering.number,
        numbering.numberYear,
        numbering.sequence,
        numbering.issuerJson,
        numbering.finalizedAtMs,
        numbering.finalizedAtMs,
        id,
      );
  }

  /** A finalised invoice voided: its number and totals stay. */
  async markVoid(tx: LedgerTx, id: number, reason: string, nowMs: number): Promise<void> {
    await this.ledger
      .statement(
        tx,
        `UPDATE invoices SET status = 'void', voided_at_ms = ?, void_reason = ?,
           updated_at_ms = ?, version = version + 1 WHERE id = ?`,
      )
      .run(nowMs, reason, nowMs, id);
  }

  /** The invoice's lines added up. */
  async lineTotals(invoiceId: number): Promise<InvoiceLineTotals> {
    const [totals] = await this.ledger.manager.query<InvoiceLineTotals[]>(
      `SELECT COUNT(*) AS "lines", COALESCE(SUM(amount_minor), 0) AS "amountMinor",
         COALESCE(SUM(tax_minor), 0) AS "taxMinor", COALESCE(SUM(total_minor), 0) AS "totalMinor",
         COALESCE(MAX(line_item_id), 0) AS "maxLineItemId"
       FROM invoice_lines WHERE invoice_id = ?`,
      [invoiceId],
    );
    return totals;
  }

  /** The JSON document of the plan version that rated the invoice's first line; null: no lines. */
  async firstLinePlanJson(invoiceId: number): Promise<string | null> {
    const [first] = await this.ledger.manager.query<{ planJson: string }[]>(
      `SELECT v.plan_json AS "planJson" FROM invoice_lines l
         JOIN line_items li ON li.id = l.line_item_id
         JOIN rate_plan_versions v ON v.id = li.rate_plan_version_id
       WHERE l.invoice_id = ? ORDER BY l.line_number LIMIT 1`,
      [invoiceId],
    );
    return first?.planJson ?? null;
  }

  /**
   * A reader of `fields` of invoices' lines (the line number always among them: the key of the
   * next page). Each page is one prepared query of only those columns, its rows read as arrays
   * (`Ledger.rows`): an export of 100,000 lines costs little more than SQLite's own read
   * (decision 0013). It may run at any time, and holds the connection for a page only.
   */
  lineReader<K extends BilledLineField>(fields: readonly K[]): LinePageReader<K> {
    const names: BilledLineField[] = [
      'lineNumber',
      ...fields.filter((field) => field !== 'lineNumber'),
    ];
    const sql = `SELECT ${names
      .map((name) => LINE_ITEM_FIELDS_OF_A_LINE[name] ?? columnOf(name))
      .join(', ')} FROM invoice_lines
      WHERE invoice_id = ? AND line_number > ? ORDER BY line_number LIMIT ?`;
    const line = (row: unknown[]) => {
      const fieldsOf: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) fieldsOf[names[i]] = row[i];
      return fieldsOf as Pick<BilledLine, K | 'lineNumber'>;
    };
    return {
      // No limit: SQLite's LIMIT -1, PostgreSQL's LIMIT NULL.
      page: async (invoiceId, afterLineNumber, limit) =>
        (
          await this.ledger.rows(
            sql,
            invoiceId,
            afterLineNumber,
            limit ?? (this.ledger.dialect === 'postgres' ? null : -1),
          )
        ).map(line),
    };
  }
}
