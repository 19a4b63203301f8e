import type { CompiledPlan } from './compiled-plan';
import type { RateUsed, RatingResult } from './rating-result';

/**
 * A fresh result with every key, in one order, set to "nothing billed": the engine fills in what
 * it finds. One literal (no spreads) keeps rating fast and the JSON byte for byte the same on
 * every run (rating.md, "Versions and re-rating").
 */
export function emptyResult(plan: CompiledPlan, talkSeconds: number, calls: number): RatingResult {
  return {
    status: 'not-billable',
    reason: null,
    billingAccount: null,
    client: null,
    matter: null,
    normalizedNumber: null,
    destinationPrefix: null,
    destinationClass: null,
    timeBand: null,
    talkSeconds,
    billedSeconds: 0,
    calls,
    rate: null,
    currency: plan.currency,
    charge: plan.zeroCharge,
    amountMinor: 0,
    taxes: [],
    taxMinor: 0,
    totalMinor: 0,
    explanation: '',
  };
}

/** A copy of the compiled plan's rate fields, so that no two results share an object. */
export function copyRate(used: RateUsed): RateUsed {
  const copy: RateUsed = {
    connectFee: used.connectFee,
    perMinute: used.perMinute,
    firstIncrementSeconds: used.firstIncrementSeconds,
    incrementSeconds: used.incrementSeconds,
    minimumCharge: used.minimumCharge,
    maximumCharge: used.maximumCharge,
    markupPercent: used.markupPercent,
  };
  if (used.perCall !== undefined) copy.perCall = used.perCall;
  return copy;
}
