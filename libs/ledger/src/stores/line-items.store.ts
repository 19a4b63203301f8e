import { Injectable } from '@nestjs/common';
import { LineItem } from '../entities';
import { Ledger } from '../ledger';

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

  // --- used by config (demo data: from when a changed bundled plan is in force)

  /** The start of the earliest line item of these sources, or null when they have none. */
  async earliestStartOf(sourceIds: number[]): Promise<number | null> {
    if (sourceIds.length === 0) return null;
    const row = await this.ledger.manager
      .createQueryBuilder(LineItem, 'item')
      .select('MIN(item.startTimeMs)', 'earliest')
      .where('item.sourceId IN (:...sourceIds)', { sourceIds })
      .getRawOne<{ earliest: number | null }>();
    return row?.earliest ?? null;
  }
}
