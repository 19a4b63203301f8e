import { Injectable } from '@nestjs/common';
import type { LineItem } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { selectList } from './columns';

/** The fields rating decides (what a re-rate rewrites), in a fixed order for statements. */
export const RATED_LINE_ITEM_FIELDS = [
  'billingAccount',
  'normalizedNumber',
  'destinationPrefix',
  'destinationClass',
  'timeBand',
  'talkSeconds',
  'billedSeconds',
  'calls',
  'currency',
  'ratedAmountMinor',
  'adjustedAmountMinor',
  'amountMinor',
  'taxesJson',
  'taxMinor',
  'totalMinor',
  'status',
  'reason',
  'reviewReason',
  'ratePlanId',
  'ratePlanVersionId',
  'ratePlanVersionNumber',
  'breakdownJson',
] as const satisfies readonly (keyof LineItem)[];

/** Every field a new line item is inserted with, in a fixed order for statements. */
export const LINE_ITEM_FIELDS = [
  'sourceId',
  'callRecordId',
  'accountSummaryId',
  'callId',
  'startTimeMs',
  'extension',
  'accountCode',
  'dialedNumber',
  ...RATED_LINE_ITEM_FIELDS,
  'invoiceId',
  'version',
  'createdAtMs',
  'updatedAtMs',
] as const satisfies readonly (keyof LineItem)[];

/** A line item as rating makes it, before the ledger gives it an id. */
export type NewLineItem = Pick<LineItem, (typeof LINE_ITEM_FIELDS)[number]>;

/** The fields a re-rate rewrites. */
export type RatedLineItemFields = Pick<LineItem, (typeof RATED_LINE_ITEM_FIELDS)[number]>;

/** A line item field's column, as the ledger's naming strategy makes it: `taxMinor` -> `tax_minor`. */
export const lineItemColumn = (field: keyof LineItem): string =>
  field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Line items: the rated charges, their review state and their tie to an invoice.
 * Table: line_items. The only code that holds its SQL.
 */
@Injectable()
export class LineItemStore {
  constructor(private readonly ledger: Ledger) {}

  // --- used by invoices

  /**
   * The approved items no invoice holds yet of one billing account, started in
   * `[startMs, endMs)` and within `scope`, in start-time order: what a draft takes.
   */
  findInvoiceable(
    tx: LedgerTx,
    billingAccount: string,
    period: { startMs: number; endMs: number },
    scope: InvoiceableScope,
  ): Promise<InvoiceableItem[]> {
    const { where, params } = invoiceableScope(scope);
    return managerOf(tx).query<InvoiceableItem[]>(
      `SELECT ${selectList(INVOICEABLE_ITEM_FIELDS, 'li')}, s.business_id AS "businessId",
         -- an account-summary plan may name no zone: its local times are UTC
         coalesce(json_extract(v.plan_json, '$.timezone'), 'UTC') AS "timezone"
       FROM line_items li JOIN rate_plan_versions v ON v.id = li.rate_plan_version_id
         JOIN sources s ON s.id = li.source_id
       WHERE li.billing_account = ? AND li.status = 'approved' AND li.invoice_id IS NULL
         AND li.start_time_ms >= ? AND li.start_time_ms < ? ${where}
       ORDER BY li.start_time_ms, li.id`,
      [billingAccount, period.startMs, period.endMs, ...params],
    );
  }

  /**
   * Each business and billing account with approved items no invoice holds yet, started in
   * `[startMs, endMs)` and within `scope`: one draft each, in business then account order.
   */
  findAccountsToInvoice(
    tx: LedgerTx,
    period: { startMs: number; endMs: number },
    scope: InvoiceableScope,
  ): Promise<{ businessId: number; billingAccount: string }[]> {
    const { where, params } = invoiceableScope(scope);
    return managerOf(tx).query<{ businessId: number; billingAccount: string }[]>(
      `SELECT DISTINCT s.business_id AS "businessId", li.billing_account AS "billingAccount"
       FROM line_items li JOIN sources s ON s.id = li.source_id
       WHERE li.status = 'approved' AND li.invoice_id IS NULL AND li.billing_account IS NOT NULL
         AND li.start_time_ms >= ? AND li.start_time_ms < ? ${where}
       ORDER BY s.business_id, li.billing_account`,
      [period.startMs, period.endMs, ...params],
    );
  }

  /**
   * Ties items to a draft, one prepared update per item: `take` is false when the item is on
   * an invoice already (and is left there).
   */
  invoiceClaimer(tx: LedgerTx, invoiceId: number): { take(itemId: number): boolean } {
    const claim = this.ledger.statement(
      'UPDATE line_items SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL',
    );
    return { take: (itemId) => claim.run(invoiceId, itemId).changes === 1 };
  }

  /** A draft's items let go: no invoice holds them, their status unchanged (approved). */
  releaseFromDraft(tx: LedgerTx, invoiceId: number): void {
    this.ledger
      .statement('UPDATE line_items SET invoice_id = NULL WHERE invoice_id = ?')
      .run(invoiceId);
  }

  /** A finalised invoice's items become `invoiced` (then the ledger freezes them). */
  markInvoiced(tx: LedgerTx, invoiceId: number, nowMs: number): void {
    this.ledger
      .statement(
        `UPDATE line_items SET status = 'invoiced', version = version + 1, updated_at_ms = ?
         WHERE invoice_id = ?`,
      )
      .run(nowMs, invoiceId);
  }

  /**
   * A void invoice's items go back to `approved`, on no invoice: they can be invoiced again.
   * The ledger lets them go only once the invoice is void.
   */
  returnFromVoidInvoice(tx: LedgerTx, invoiceId: number, nowMs: number): void {
    this.ledger
      .statement(
        `UPDATE line_items SET status = 'approved', invoice_id = NULL, version = version + 1,
           updated_at_ms = ? WHERE invoice_id = ?`,
      )
      .run(nowMs, invoiceId);
  }
}

/** What an invoice's lines are made of, of each item a draft takes. */
const INVOICEABLE_ITEM_FIELDS = [
  'id',
  'callId',
  'startTimeMs',
  'extension',
  'dialedNumber',
  'normalizedNumber',
  'destinationClass',
  'talkSeconds',
  'billedSeconds',
  'calls',
  'ratedAmountMinor',
  'amountMinor',
  'taxesJson',
  'taxMinor',
  'totalMinor',
  'breakdownJson',
  'currency',
  'sourceId',
  'ratePlanId',
  'accountSummaryId',
] as const satisfies readonly (keyof LineItem)[];

/** An item a draft can take, with its business and the zone of the plan that rated it. */
export interface InvoiceableItem extends Pick<LineItem, (typeof INVOICEABLE_ITEM_FIELDS)[number]> {
  /** The business of the item's source: an invoice is one business's. */
  businessId: number;
  /** The zone of the plan version that rated the item (UTC when it names none). */
  timezone: string;
}

/** Which approved items an invoice may take, besides its account and period (null: any). */
export interface InvoiceableScope {
  sourceId: number | null;
  businessId: number | null;
}

function invoiceableScope(scope: InvoiceableScope): { where: string; params: number[] } {
  const clauses: string[] = [];
  const params: number[] = [];
  if (scope.sourceId !== null) {
    clauses.push('AND li.source_id = ?');
    params.push(scope.sourceId);
  }
  if (scope.businessId !== null) {
    clauses.push('AND s.business_id = ?');
    params.push(scope.businessId);
  }
  return { where: clauses.join(' '), params };
}
