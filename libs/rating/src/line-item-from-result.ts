import type { LineItem } from '@app/ledger';
import type { RatingResult } from './engine';

export interface LineItemOrigin {
  sourceId: number;
  callRecordId: number | null;
  accountSummaryId: number | null;
  callId: string;
  startTimeMs: number;
  extension: string | null;
  accountCode: string | null;
  dialedNumber: string | null;
  ratePlanId: number;
  ratePlanVersionId: number;
  ratePlanVersionNumber: number;
  autoApprove: boolean;
  nowMs: number;
}

/**
 * The ledger row of a rated record (rating.md step 6): everything a reviewer needs to see why
 * the charge is what it is. A source with `autoApprove` approves what rating left pending.
 */
export function lineItemFromResult(
  result: RatingResult,
  origin: LineItemOrigin,
): Partial<LineItem> {
  const status = result.status === 'pending' && origin.autoApprove ? 'approved' : result.status;
  if (status === 'not-billable') throw new Error('a not-billable record makes no line item');
  return {
    sourceId: origin.sourceId,
    callRecordId: origin.callRecordId,
    accountSummaryId: origin.accountSummaryId,
    callId: origin.callId,
    billingAccount: result.billingAccount,
    startTimeMs: origin.startTimeMs,
    extension: origin.extension,
    accountCode: origin.accountCode,
    dialedNumber: origin.dialedNumber,
    normalizedNumber: result.normalizedNumber,
    destinationPrefix: result.destinationPrefix,
    destinationClass: result.destinationClass,
    timeBand: result.timeBand,
    talkSeconds: result.talkSeconds,
    billedSeconds: result.billedSeconds,
    calls: result.calls,
    currency: result.currency,
    ratedAmountMinor: result.amountMinor,
    adjustedAmountMinor: null,
    amountMinor: result.amountMinor,
    taxesJson: JSON.stringify(result.taxes),
    taxMinor: result.taxMinor,
    totalMinor: result.totalMinor,
    status,
    reason: result.reason,
    reviewReason: null,
    ratePlanId: origin.ratePlanId,
    ratePlanVersionId: origin.ratePlanVersionId,
    ratePlanVersionNumber: origin.ratePlanVersionNumber,
    breakdownJson: JSON.stringify(result),
    invoiceId: null,
    version: 1,
    createdAtMs: origin.nowMs,
    updatedAtMs: origin.nowMs,
  };
}

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

/** A line item field's column, as the ledger's naming strategy makes it: `taxMinor` -> `tax_minor`. */
export const lineItemColumn = (field: keyof LineItem): string =>
  field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
