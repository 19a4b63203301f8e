import { Injectable } from '@nestjs/common';
import type { LineItem } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, assertOpen } from '../ledger-tx';

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

/** Inserts new line items, one at a time, inside one transaction (see `LineItemStore.inserter`). */
export interface LineItemInserter {
  /** Stores a line item as rating made it; its new id. */
  insert(item: NewLineItem): number;
}

const INSERT_LINE_ITEM = `INSERT INTO line_items (${LINE_ITEM_FIELDS.map(lineItemColumn).join(', ')})
  VALUES (${LINE_ITEM_FIELDS.map(() => '?').join(', ')})`;

/**
 * Line items: the rated charges, their review state and their tie to an invoice.
 * Table: line_items. The only code that holds its SQL.
 */
@Injectable()
export class LineItemStore {
  constructor(private readonly ledger: Ledger) {}

  /**
   * An inserter on a prepared statement, for a sync chunk's new items (decision 0010). Make it
   * inside the transaction it writes in, and use it there.
   */
  inserter(tx: LedgerTx): LineItemInserter {
    assertOpen(tx);
    const statement = this.ledger.statement(INSERT_LINE_ITEM);
    return {
      insert: (item) =>
        Number(statement.run(...LINE_ITEM_FIELDS.map((field) => item[field])).lastInsertRowid),
    };
  }
}
