import type { CompiledPlan } from './compiled-plan';
import type { RatingResult, TaxAmount } from './rating-result';

/**
 * No taxes, shared by every result that has none. Frozen, as every object results share (the
 * `rate`, a pricing's taxes): no caller can change one result through another.
 */
export const NO_TAXES = Object.freeze([]) as readonly TaxAmount[] as TaxAmount[];

/**
 * A fresh result with every key, in one order, set to "nothing billed": the engine fills in what
 * it finds. One literal (no spreads) keeps rating fast and the JSON byte for byte the same on
 * every run (docs/rating.md, "Versions and re-rating").
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
    taxes: NO_TAXES,
    taxMinor: 0,
    totalMinor: 0,
    explanation: '',
    // A law firm's (docs/law-firms.md); an undefined key is not written by JSON.stringify, so
    // other results stay byte for byte as they were, while every result keeps one shape.
    matterRule: undefined,
  };
}
