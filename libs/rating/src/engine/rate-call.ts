import type { CanonicalCallRecord } from '../plan/rate-plan';
import { ExtensionAccounts, accountOutcome } from './billing-account';
import { billedSeconds, ceilSeconds, priceCall, taxesOn } from './charge';
import type {
  CallPricing,
  CompiledPerCallPlan,
  CompiledPlan,
  PricedRate,
  Route,
} from './compiled-plan';
import { InvalidRecordError } from './errors';
import { explainBand, explainPricing } from './explain';
import { NO_TAXES, emptyResult } from './line-result';
import type { RatingResult, TaxAmount } from './rating-result';
import { bandCovers, describeMinuteOfWeek } from './time-bands';

/** Bound on memoised routes and pricings per plan (and rate); each is dropped whole when full. */
const MEMO_LIMIT = 100_000;

/** No dialed number at all: `unroutable-number`, normalizedNumber null (decision 0017). */
const NO_NUMBER: Route = Object.freeze({
  normalizedNumber: null,
  destination: null,
  problem: 'unroutable-number',
  classRate: undefined,
  explanation: 'no dialed number: not a number that can be routed, needs review',
});

/**
 * Rates one call record with a per-call plan (docs/rating.md, steps 1 to 5 and "Which outcome
 * wins").
 * Pure: the same plan and record give the same result, byte for byte.
 *
 * Rating is memoised per compiled plan (so a fresh compile starts with nothing remembered): the
 * route of each dialed value (steps 2 and 3), and the pricing of each (rate, billed seconds)
 * (step 5, with its explanation); each depends only on the plan and its key, so no result
 * changes. Objects that results share (`rate`, `taxes`) are frozen.
 */
export function rateCall(plan: CompiledPlan, record: CanonicalCallRecord): RatingResult {
  if (plan.kind !== 'per-call') {
    throw new Error(
      `rateCall needs a per-call plan; "${plan.name}" is ${plan.kind}: use rateSummary`,
    );
  }
  const talkSeconds = ceilSeconds(record.talkMs, 'talkMs');
  if (typeof record.startTimeMs !== 'number' || !Number.isFinite(record.startTimeMs)) {
    throw new InvalidRecordError(
      'startTimeMs',
      `must be epoch milliseconds, got ${record.startTimeMs}`,
    );
  }
  const result = emptyResult(plan, talkSeconds, 1);

  // Step 1: only outbound calls make line items.
  switch (record.direction) {
    case 'inbound':
      result.reason = 'inbound';
      result.explanation = 'inbound call: not billable';
      return result;
    case 'internal':
      result.reason = 'internal';
      result.explanation = 'internal call: not billable';
      return result;
    case 'outbound':
      break;
    default:
      throw new InvalidRecordError(
        'direction',
        `must be outbound, inbound or internal, got ${String(record.direction)}`,
      );
  }
  const account =
    plan.billing instanceof ExtensionAccounts
      ? plan.billing.resolve(record.extension)
      : plan.billing.resolve(record.accountCode);
  if (account.kind === 'not-a-billing-extension') {
    const extension = record.extension?.trim();
    result.reason = 'not-a-billing-extension';
    result.explanation = `${extension ? `extension ${extension}` : 'no extension'}: not a billing extension, not billable`;
    return result;
  }
  if (account.kind !== 'missing-account-code') result.billingAccount = account.account;
  if (account.kind === 'billed') {
    result.client = account.client;
    result.matter = account.matter;
  }

  // Steps 2 and 3. What they find is applied in the order of "Which outcome wins": a call
  // that was not answered, or ended inside the grace period, billed nothing, so nobody needs to
  // review what was dialed.
  const route = routeOf(plan, record.dialedNumber);
  const destination = route.destination;
  const classRate = route.classRate;
  result.normalizedNumber = route.normalizedNumber;
  if (destination !== null) {
    result.destinationPrefix = destination.prefix;
    result.destinationClass = destination.class;
  }

  // Step 4: the band in force at the start prices the whole call.
  let rate: PricedRate | null = null;
  let minuteOfWeek = -1;
  if (classRate !== undefined) {
    rate = classRate.base;
    if (classRate.bands.length > 0) {
      minuteOfWeek = plan.clock.minuteOfWeek(record.startTimeMs);
      for (const candidate of classRate.bands) {
        if (bandCovers(candidate.band, minuteOfWeek)) {
          rate = candidate.rate;
          break;
        }
      }
    }
    result.timeBand = rate.bandLabel;
    result.rate = rate.used;
  }

  // Step 5, in the order written.
  if (talkSeconds === 0) {
    result.status = 'no-charge';
    result.reason = 'unanswered';
    result.explanation = '0 s talk: unanswered, no charge';
    return result;
  }
  if (talkSeconds < plan.gracePeriodSeconds) {
    result.status = 'no-charge';
    result.reason = 'grace';
    result.explanation = `${talkSeconds} s < ${plan.gracePeriodSeconds} s grace period: no charge`;
    return result;
  }
  if (route.problem !== null || rate === null) {
    result.status = 'needs-review';
    result.reason = route.problem ?? 'no-rate';
    result.explanation = route.explanation;
    return result;
  }
  if (rate.free) {
    result.status = 'no-charge';
    result.reason = 'free-destination';
    result.explanation = route.explanation;
    return result;
  }

  const pricing = pricingOf(plan, rate, talkSeconds);
  const outcome = accountOutcome(account);
  result.status = outcome.status;
  result.reason = outcome.reason;
  result.billedSeconds = pricing.billedSeconds;
  result.charge = pricing.charge;
  result.amountMinor = pricing.amountMinor;
  result.taxes = pricing.taxes;
  result.taxMinor = pricing.taxMinor;
  result.totalMinor = pricing.totalMinor;
  let explanation = `${talkSeconds} s talk, ${pricing.head}`;
  if (rate.bandLabel !== null) explanation += bandNote(plan, rate, rate.bandLabel, minuteOfWeek);
  explanation += pricing.tail;
  if (outcome.note !== null) explanation += `; ${outcome.note}`;
  result.explanation = explanation;
  return result;
}

/** Steps 2 and 3 for a dialed value as recorded, memoised per plan. */
function routeOf(plan: CompiledPerCallPlan, raw: string | null): Route {
  if (raw === null || raw === undefined) return NO_NUMBER;
  let route = plan.routes.get(raw);
  if (route === undefined) {
    route = newRoute(plan, raw);
    if (plan.routes.size >= MEMO_LIMIT) plan.routes.clear();
    plan.routes.set(raw, route);
  }
  return route;
}

function newRoute(plan: CompiledPerCallPlan, raw: string): Route {
  const dialed = plan.normalizer.normalizeUncached(raw);
  if (dialed.featureCode) {
    return Object.freeze({
      normalizedNumber: null,
      destination: null,
      problem: 'feature-code',
      classRate: undefined,
      explanation: `"${raw.trim()}" holds * or #: a feature code or keyed sequence, not a priced call; needs review`,
    });
  }
  const normalizedNumber = dialed.digits;
  const destination = plan.destinations.lookup(normalizedNumber, dialed.routable);
  const classRate = destination === null ? undefined : plan.rates.get(destination.class);
  let problem: Route['problem'] = null;
  let explanation = '';
  if (destination === null) {
    problem = dialed.routable ? 'no-rate' : 'unroutable-number';
    explanation = dialed.routable
      ? `no destination prefix matches ${normalizedNumber}: needs review`
      : `${normalizedNumber ? `"${normalizedNumber}"` : 'no digits'}: not a number that can be routed, and no destination prefix matches it; needs review`;
  } else if (classRate === undefined) {
    problem = 'no-rate';
    explanation = `destination ${destination.prefix} (${destination.class}) has no rate in the plan: needs review`;
  } else if (classRate.base.free) {
    // A band cannot make a free class payable (compilePlan copies `free` to its bands).
    explanation = `${destination.class} (prefix ${destination.prefix || '""'}) is a free destination: no charge`;
  }
  return Object.freeze({ normalizedNumber, destination, problem, classRate, explanation });
}

/** Step 5 for a call that is charged; the same for every call with the same billed seconds. */
function pricingOf(plan: CompiledPerCallPlan, rate: PricedRate, talkSeconds: number): CallPricing {
  const billed = billedSeconds(talkSeconds, rate.firstIncrementSeconds, rate.incrementSeconds);
  let pricing = rate.pricings.get(billed);
  if (pricing === undefined) {
    pricing = newPricing(plan, rate, talkSeconds);
    if (rate.pricings.size >= MEMO_LIMIT) rate.pricings.clear();
    rate.pricings.set(billed, pricing);
  }
  return pricing;
}

function newPricing(plan: CompiledPerCallPlan, rate: PricedRate, talkSeconds: number): CallPricing {
  const charge = priceCall(plan, rate, talkSeconds);
  const taxes = taxesOn(plan, charge.amountMinor);
  let taxMinor = 0;
  for (const tax of taxes) taxMinor += tax.amountMinor;
  const totalMinor = charge.amountMinor + taxMinor;
  const { head, tail } = explainPricing(plan, rate, charge, taxes, totalMinor);
  // Frozen: shared by every result with this pricing (typed mutable, as RatingResult's field is).
  const shared =
    taxes.length === 0
      ? NO_TAXES
      : (Object.freeze(
          taxes.map((tax): TaxAmount =>
            Object.freeze({
              name: tax.name,
              ratePercent: tax.ratePercent,
              amountMinor: tax.amountMinor,
            }),
          ),
        ) as TaxAmount[]);
  return Object.freeze({
    billedSeconds: charge.billedSeconds,
    charge: plan.chargeFormatter.format(charge.charge, plan.exponent).text,
    amountMinor: charge.amountMinor,
    taxes: shared,
    taxMinor,
    totalMinor,
    head,
    tail,
  });
}

/** The band part of the explanation for a local start minute, memoised per rate. */
function bandNote(
  plan: CompiledPerCallPlan,
  rate: PricedRate,
  bandLabel: string,
  minuteOfWeek: number,
): string {
  let note = rate.bandNotes[minuteOfWeek];
  if (note === undefined) {
    note = explainBand(plan, bandLabel, describeMinuteOfWeek(minuteOfWeek));
    rate.bandNotes[minuteOfWeek] = note;
  }
  return note;
}
