import type { NewLineItem, RatePlanVersion } from '@app/ledger';
import { CompiledPlan, RatingReason, RatingResult, rateCall, rateSummary } from './engine';
import type { AccountSummaryRecord, CanonicalCallRecord } from './plan/rate-plan';
import { summaryCallId } from './plan/summary-call-id';

/** A record to rate: a call or an account-code summary, with its ledger id once stored. */
export type RatableRecord =
  | { kind: 'call'; recordId: number | null; record: CanonicalCallRecord }
  | { kind: 'summary'; recordId: number | null; record: AccountSummaryRecord };

/** The version of a plan in force at a record's start, and the engine's form of it. */
export interface PlanInForce {
  version: RatePlanVersion;
  compiled: CompiledPlan;
}

/** What rating needs to know of the source a record came from (none, for a quote). */
export interface RatingSource {
  id: number;
  ratePlanId: number;
  /** Approves what rating leaves pending. */
  autoApprove: boolean;
}

/** A record's rating: the line item to store, or why the record makes none. */
export type RecordRating =
  | { billable: true; result: RatingResult; item: NewLineItem }
  | { billable: false; result: RatingResult; reason: RatingReason };

/** When a record starts: a call's start, a summary's period start. */
export const recordStart = (input: RatableRecord): number =>
  input.kind === 'call' ? input.record.startTimeMs : input.record.periodStartMs;

/**
 * The one way a record becomes a line item, for sync (both report kinds), re-rate and quote:
 * rates it with the plan version in force at its start (docs/rating.md), and makes the ledger
 * row a reviewer reads: everything needed to see why the charge is what it is. A source with
 * `autoApprove` approves what rating left pending. A record rating finds not billable (inbound,
 * internal, not a billing extension) makes no line item: its reason is returned instead.
 */
export function rateRecord(
  input: RatableRecord,
  plan: PlanInForce,
  source: RatingSource,
  nowMs: number,
): RecordRating {
  const result =
    input.kind === 'call'
      ? rateCall(plan.compiled, input.record)
      : rateSummary(plan.compiled, input.record);
  if (result.status === 'not-billable') {
    return { billable: false, result, reason: result.reason! };
  }
  const status = result.status === 'pending' && source.autoApprove ? 'approved' : result.status;
  const call =
    input.kind === 'call'
      ? {
          callRecordId: input.recordId,
          accountSummaryId: null,
          callId: input.record.callId,
          startTimeMs: input.record.startTimeMs,
          extension: input.record.extension,
          accountCode: input.record.accountCode,
          dialedNumber: input.record.dialedNumber,
        }
      : {
          callRecordId: null,
          accountSummaryId: input.recordId,
          callId: summaryCallId(input.record.accountCode, input.record.periodStartMs),
          startTimeMs: input.record.periodStartMs,
          extension: null,
          accountCode: input.record.accountCode,
          dialedNumber: null,
        };
  return {
    billable: true,
    result,
    item: {
      sourceId: source.id,
      ...call,
      billingAccount: result.billingAccount,
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
      ratePlanId: source.ratePlanId,
      ratePlanVersionId: plan.version.id,
      ratePlanVersionNumber: plan.version.version,
      breakdownJson: JSON.stringify(result),
      timekeeperId: result.timekeeper?.id ?? null,
      timekeeperName: result.timekeeper?.name ?? null,
      timekeeperClassification: result.timekeeper?.classification ?? null,
      invoiceId: null,
      version: 1,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    },
  };
}
