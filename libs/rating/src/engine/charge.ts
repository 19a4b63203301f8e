import { formatScaled } from '@app/money';
import { roundDiv, toSafeNumber } from '@app/money';
import type { CompiledPlan, PricedRate } from './compiled-plan';
import { InvalidRecordError } from './errors';
import type { TaxAmount } from './rating-result';

/** `ceil(ms / 1000)` without float division (docs/rating.md, "The records"). */
export function ceilSeconds(ms: number, field: string): number {
  if (typeof ms !== 'number' || !(ms >= 0 && ms <= Number.MAX_SAFE_INTEGER)) {
    throw new InvalidRecordError(field, `must be a finite number of milliseconds >= 0, got ${ms}`);
  }
  const rest = ms % 1000;
  return (ms - rest) / 1000 + (rest > 0 ? 1 : 0);
}

/** `ceil(a / b)` for integers a >= 0, b >= 1, without float division. */
export function ceilDiv(a: number, b: number): number {
  const rest = a % b;
  return (a - rest) / b + (rest > 0 ? 1 : 0);
}

/** docs/rating.md, step 5: `d <= f ? f : f + ceil((d - f) / i) * i`. */
export function billedSeconds(talkSeconds: number, first: number, increment: number): number {
  return talkSeconds <= first ? first : first + ceilDiv(talkSeconds - first, increment) * increment;
}

/** Every intermediate of step 5, as numerators over the plan's charge denominator. */
export interface CallCharge {
  billedSeconds: number;
  listUsage: bigint;
  usage: bigint;
  beforeLimits: bigint;
  minimumApplied: boolean;
  maximumApplied: boolean;
  charge: bigint;
  amountMinor: number;
}

export function priceCall(plan: CompiledPlan, rate: PricedRate, talkSeconds: number): CallCharge {
  const billed = billedSeconds(talkSeconds, rate.firstIncrementSeconds, rate.incrementSeconds);
  const seconds = BigInt(billed);
  const usage = rate.usagePerSecond * seconds;
  const beforeLimits = rate.connect + usage;
  let charge = beforeLimits;
  let minimumApplied = false;
  let maximumApplied = false;
  // Minimum first, maximum last, as written: a maximum below the minimum wins (decision 0007).
  if (rate.minimum !== null && charge < rate.minimum) {
    charge = rate.minimum;
    minimumApplied = true;
  }
  if (rate.maximum !== null && charge > rate.maximum) {
    charge = rate.maximum;
    maximumApplied = true;
  }
  return {
    billedSeconds: billed,
    listUsage: rate.listUsagePerSecond * seconds,
    usage,
    beforeLimits,
    minimumApplied,
    maximumApplied,
    charge,
    amountMinor: roundCharge(plan, charge),
  };
}

/** The whole charge rounded once to minor units (docs/rating.md, "Money": never per increment). */
export function roundCharge(plan: CompiledPlan, chargeNumerator: bigint): number {
  return toSafeNumber(
    roundDiv(chargeNumerator * plan.minorFactor, plan.chargeDenominator, plan.rounding),
  );
}

export interface TaxLine extends TaxAmount {
  /** The exact tax before rounding, e.g. "0.09375". */
  exact: string;
}

/** docs/rating.md, step 5: tax_k = round(amount * ratePercent_k / 100), each rounded on its own. */
export function taxesOn(plan: CompiledPlan, amountMinor: number): TaxLine[] {
  const amount = BigInt(amountMinor);
  return plan.taxes.map((tax) => {
    const product = amount * tax.units;
    return {
      name: tax.name,
      ratePercent: tax.ratePercent,
      amountMinor: toSafeNumber(roundDiv(product, tax.denominator, plan.rounding)),
      exact: formatScaled(product, plan.exponent + 2 + tax.scale, plan.exponent),
    };
  });
}
