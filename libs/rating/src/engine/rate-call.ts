import type { CanonicalCallRecord, Destination } from '../plan/rate-plan';
import { ExtensionAccounts, accountOutcome } from './billing-account';
import { ceilSeconds, priceCall, taxesOn } from './charge';
import type { CompiledPerCallPlan, CompiledPlan, PricedRate } from './compiled-plan';
import { InvalidRecordError } from './errors';
import { explainCall } from './explain';
import { copyRate, emptyResult } from './line-result';
import type { RatingReason, RatingResult } from './rating-result';
import { bandCovers, describeMinuteOfWeek } from './time-bands';

/**
 * Rates one call record with a per-call plan (rating.md steps 1 to 5 and "Which outcome wins").
 * Pure: the same plan and record give the same result, byte for byte.
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
    case 'internal':
      result.reason = record.direction;
      result.explanation = `${record.direction} call: not billable`;
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

  // Steps 2 and 3. No digit at all: the destination cannot be known, and `""` must not price
  // junk as international (decision 0007).
  const normalizedNumber = plan.normalizer.normalize(record.dialedNumber);
  const destination = normalizedNumber ? plan.destinations.lookup(normalizedNumber) : null;
  const classRate = destination === null ? undefined : plan.rates.get(destination.class);
  result.normalizedNumber = normalizedNumber;
  if (destination !== null) {
    result.destinationPrefix = destination.prefix;
    result.destinationClass = destination.class;
  }
  if (destination === null || classRate === undefined) {
    result.status = 'needs-review';
    result.reason = 'no-rate';
    if (!normalizedNumber) {
      result.explanation = 'no digits in the dialed number: destination unknown, needs review';
    } else if (destination === null) {
      result.explanation = `no destination prefix matches ${normalizedNumber}: needs review`;
    } else {
      result.explanation = `destination ${destination.prefix} (${destination.class}) has no rate in the plan: needs review`;
    }
    return result;
  }

  // Step 4: the band in force at the start prices the whole call.
  let rate: PricedRate = classRate.base;
  let minuteOfWeek = -1;
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
  result.rate = copyRate(rate.used);

  // Step 5, in the order written.
  const noCharge = noChargeReason(plan, rate, talkSeconds, destination);
  if (noCharge !== null) {
    result.status = 'no-charge';
    result.reason = noCharge.reason;
    result.explanation = noCharge.explanation;
    return result;
  }

  const charge = priceCall(plan, rate, talkSeconds);
  const taxes = taxesOn(plan, charge.amountMinor);
  let taxMinor = 0;
  for (const tax of taxes) taxMinor += tax.amountMinor;
  const outcome = accountOutcome(account);
  result.status = outcome.status;
  result.reason = outcome.reason;
  result.billedSeconds = charge.billedSeconds;
  result.charge = plan.chargeFormatter.format(charge.charge, plan.exponent).text;
  result.amountMinor = charge.amountMinor;
  result.taxes = taxes.map((tax) => ({
    name: tax.name,
    ratePercent: tax.ratePercent,
    amountMinor: tax.amountMinor,
  }));
  result.taxMinor = taxMinor;
  result.totalMinor = charge.amountMinor + taxMinor;
  result.explanation = explainCall({
    plan,
    rate,
    start: minuteOfWeek >= 0 ? describeMinuteOfWeek(minuteOfWeek) : '',
    talkSeconds,
    charge,
    taxes,
    totalMinor: result.totalMinor,
  });
  if (outcome.note !== null) result.explanation += `; ${outcome.note}`;
  return result;
}

function noChargeReason(
  plan: CompiledPerCallPlan,
  rate: PricedRate,
  talkSeconds: number,
  destination: Destination,
): { reason: RatingReason; explanation: string } | null {
  if (talkSeconds === 0) {
    return { reason: 'unanswered', explanation: '0 s talk: unanswered, no charge' };
  }
  if (talkSeconds < plan.gracePeriodSeconds) {
    return {
      reason: 'grace',
      explanation: `${talkSeconds} s < ${plan.gracePeriodSeconds} s grace period: no charge`,
    };
  }
  if (rate.free) {
    return {
      reason: 'free-destination',
      explanation: `${destination.class} (prefix ${destination.prefix || '""'}) is a free destination: no charge`,
    };
  }
  return null;
}
