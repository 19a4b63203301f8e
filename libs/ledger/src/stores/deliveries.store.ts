import { Injectable } from '@nestjs/common';
import type { InvoiceDelivery } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { selectFields } from './columns';

/** What the log of an invoice's deliveries shows of each attempt. */
export const DELIVERY_ATTEMPT_FIELDS = [
  'attempt',
  'url',
  'idempotencyKey',
  'status',
  'httpStatus',
  'error',
  'attemptedAtMs',
] as const satisfies readonly (keyof InvoiceDelivery)[];

/** One attempt, as the log of an invoice's deliveries shows it. */
export type DeliveryAttempt = Pick<InvoiceDelivery, (typeof DELIVERY_ATTEMPT_FIELDS)[number]>;

/** An attempt about to be made: the row written before the request leaves. */
export type NewDeliveryAttempt = Pick<
  InvoiceDelivery,
  'invoiceId' | 'url' | 'idempotencyKey' | 'attemptedAtMs'
>;

/** What an attempt came to. */
export type DeliveryAttemptOutcome = Pick<InvoiceDelivery, 'status' | 'httpStatus' | 'error'>;

/**
 * Deliveries of finalised invoices to a billing system, with their attempts.
 * Tables: invoice_deliveries. It holds the SQL of these tables (its reads may join others').
 */
@Injectable()
export class DeliveryStore {
  constructor(private readonly ledger: Ledger) {}

  /**
   * Ends the invoice's attempt left `pending` by an instance that stopped as failed with
   * `error`: its answer was never recorded. How many it ended (0 or 1).
   */
  failPendingOf(tx: LedgerTx, invoiceId: number, error: string): Promise<number> {
    return this.ledger
      .statement(
        tx,
        `UPDATE invoice_deliveries SET status = 'failed', error = ?
         WHERE invoice_id = ? AND status = 'pending'`,
      )
      .run(error, invoiceId);
  }

  /** The invoices with an attempt still `pending`, by id. */
  async pendingInvoiceIds(): Promise<number[]> {
    const rows = await this.ledger.manager.query<{ invoiceId: number }[]>(
      `SELECT DISTINCT invoice_id AS "invoiceId" FROM invoice_deliveries
       WHERE status = 'pending' ORDER BY "invoiceId"`,
    );
    return rows.map((row) => Number(row.invoiceId));
  }

  /** The invoice's attempts, oldest first. */
  findAttempts(invoiceId: number): Promise<DeliveryAttempt[]> {
    return this.ledger.manager.query<DeliveryAttempt[]>(
      `SELECT ${selectFields(DELIVERY_ATTEMPT_FIELDS)} FROM invoice_deliveries
       WHERE invoice_id = ? ORDER BY attempt`,
      [invoiceId],
    );
  }

  /** The number of the attempt that delivered the invoice, or null when none did. */
  async findDeliveredAttempt(tx: LedgerTx, invoiceId: number): Promise<number | null> {
    const [delivered] = await managerOf(tx).query<{ attempt: number }[]>(
      `SELECT attempt FROM invoice_deliveries WHERE invoice_id = ? AND status = 'delivered'`,
      [invoiceId],
    );
    return delivered?.attempt ?? null;
  }

  /**
   * An attempt recorded as `pending` before its request, so that a crash leaves a trace.
   * Attempt numbers go on across sequences: the log reads as one story per invoice.
   */
  async openAttempt(
    tx: LedgerTx,
    attempt: NewDeliveryAttempt,
  ): Promise<{ id: number; attempt: number }> {
    const opened = await this.ledger
      .statement(
        tx,
        `INSERT INTO invoice_deliveries (invoice_id, url, idempotency_key, attempt, status,
           attempted_at_ms)
         VALUES (?, ?, ?, (SELECT coalesce(max(attempt), 0) + 1 FROM invoice_deliveries
           WHERE invoice_id = ?), 'pending', ?)
         RETURNING id, attempt`,
      )
      .get<{ id: number; attempt: number }>(
        attempt.invoiceId,
        attempt.url,
        attempt.idempotencyKey,
        attempt.invoiceId,
        attempt.attemptedAtMs,
      );
    return opened!;
  }

  /** The attempt's outcome, once its answer (or its failure) is known. */
  async closeAttempt(tx: LedgerTx, id: number, outcome: DeliveryAttemptOutcome): Promise<void> {
    await this.ledger
      .statement(
        tx,
        'UPDATE invoice_deliveries SET status = ?, http_status = ?, error = ? WHERE id = ?',
      )
      .run(outcome.status, outcome.httpStatus, outcome.error, id);
  }
}
