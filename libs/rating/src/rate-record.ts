import type { NewLineItem, RatePlanVersion } from '@app/ledger';
import {
  CompiledPlan,
  LawBook,
  RatingReason,
  RatingResult,
  TimekeeperRef,
  applyLawBook,
  rateCall,
  rateSummary,
} from './engine';
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
  /** A law firm's law book (docs/law-firms.md): its codes are checked, its rules applied. */
  lawBook?: LawBookContext | null;
}

/** A firm's law book as rating uses it, with the plans its `rate-plan` rules name. */
export interface LawBookContext {
  book: LawBook;
  /** The version of another plan in force at an instant, or null when it has none then. */
  planInForce(ratePlanId: number, atMs: number): PlanInForce | null;
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
  let inForce = plan;
  let ratePlanId = source.ratePlanId;
  let result = rateWith(input, plan.compiled);
  let timekeeper: TimekeeperRef | null = null;
  const law = source.lawBook;
  if (law && result.status !== 'not-billable') {
    const rated = withLawBook(input, plan, result, law);
    result = rated.result;
    inForce = rated.plan;
    ratePlanId = rated.ratePlanId ?? ratePlanId;
    timekeeper = rated.timekeeper;
  }
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
      ratePlanId,
      ratePlanVersionId: inForce.version.id,
      ratePlanVersionNumber: inForce.version.version,
      breakdownJson: JSON.stringify(result),
      timekeeperId: timekeeper?.id ?? null,
      timekeeperName: timekeeper?.name ?? null,
      timekeeperClassification: timekeeper?.classification ?? null,
      invoiceId: null,
      version: 1,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    },
  };
}

function rateWith(input: RatableRecord, compiled: CompiledPlan): RatingResult {
  return input.kind === 'call'
    ? rateCall(compiled, input.record)
    : rateSummary(compiled, input.record);
}

const ACCOUNT_REASONS: ReadonlySet<string | null> = new Set([
  'missing-account-code',
  'unknown-account-code',
]);

/**
 * A law firm's call or summary (docs/law-firms.md): its timekeeper, its matter's rule (a
 * `rate-plan` rule rates it again with that plan, keeping the account the source's plan read),
 * and the matter list's verdict. The result always carries `matterRule`, so that its JSON is the
 * same on every run; the timekeeper goes to the line item's own columns (a breakdown says why
 * a charge is what it is, and who dialed does not change it).
 */
function withLawBook(
  input: RatableRecord,
  plan: PlanInForce,
  first: RatingResult,
  law: LawBookContext,
): {
  result: RatingResult;
  plan: PlanInForce;
  ratePlanId: number | null;
  timekeeper: TimekeeperRef | null;
} {
  const { book } = law;
  const atMs = recordStart(input);
  const code = first.billingAccount;
  // Only a charge rating left pending has a rule to apply (a no-charge or a call that needs
  // review for its number or its code keeps what rating made of it).
  const rule =
    book.hasRules && code !== null && first.status === 'pending'
      ? book.ruleAt(book.codeEntry(plan.compiled, first.client, first.matter, code), atMs)
      : null;
  let result = first;
  let inForce = plan;
  let ratePlanId: number | null = null;
  if (rule?.kind === 'rate-plan' && first.status === 'pending') {
    const other = law.planInForce(rule.ratePlanId!, atMs);
    if (other !== null && !sameKind(other.compiled, plan.compiled)) {
      // A plan for the firm's other kind of source (per call, account summary) or currency:
      // it rates only the records it fits; this one keeps its source's plan.
      result.explanation += `; ${rule.label} names plan ${rule.ratePlanId}, which rates another kind or currency: not applied`;
    } else if (other === null) {
      result.status = 'needs-review';
      result.reason = 'no-rate';
      result.explanation += `; ${rule.label} names rate plan ${rule.ratePlanId}, which has no version in force then: needs review`;
    } else {
      const again = rateWith(input, other.compiled);
      if (again.status !== 'not-billable') {
        again.billingAccount = first.billingAccount;
        again.client = first.client;
        again.matter = first.matter;
        if (ACCOUNT_REASONS.has(again.reason)) {
          again.status = 'pending';
          again.reason = null;
        }
        again.explanation += `; rated with plan ${rule.ratePlanId} (${rule.label})`;
        result = again;
        inForce = other;
        ratePlanId = rule.ratePlanId;
      }
    }
  }
  applyLawBook(inForce.compiled, result, book, atMs, rule);
  result.matterRule = rule?.label ?? null;
  const timekeeper = input.kind === 'call' ? book.timekeeper(input.record.extension, atMs) : null;
  return { result, plan: inForce, ratePlanId, timekeeper };
}

function sameKind(a: CompiledPlan, b: CompiledPlan): boolean {
  return a.kind === b.kind && a.currency === b.currency;
}
