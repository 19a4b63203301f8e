import { formatScaled } from '@app/money';
import type { CallCharge, TaxLine } from './charge';
import type { CompiledPerCallPlan, CompiledPlan, PricedRate, SummaryPrice } from './compiled-plan';

/**
 * One sentence per result that a person can check by hand against docs/rating.md, e.g.
 * `61 s talk, 66 s billed: 60 s first increment + 1 x 6 s; 0.45/min -> 0.495; + 1.00 connect =
 * 1.495 -> 1.50 (half-up); State sales tax 6.25% = 0.09375 -> 0.09; total 1.59 USD`.
 * A value followed by `…` repeats forever and is shown truncated.
 */

function exact(plan: CompiledPlan, numerator: bigint): string {
  const { text, exact: isExact } = plan.chargeFormatter.format(numerator, plan.exponent);
  return isExact ? text : `${text}…`;
}

function minor(plan: CompiledPlan, amountMinor: number): string {
  return formatScaled(BigInt(amountMinor), plan.exponent, plan.exponent);
}

function billedBreakdown(first: number, increment: number, billed: number): string {
  const increments = (billed - first) / increment;
  if (first > 0 && billed === first) return `${first} s first increment`;
  const steps = `${increments} x ${increment} s`;
  return first > 0 ? `${first} s first increment + ${steps}` : steps;
}

function taxesAndTotal(
  plan: CompiledPlan,
  amountMinor: number,
  taxes: TaxLine[],
  totalMinor: number,
): string {
  const parts = [`-> ${minor(plan, amountMinor)} (${plan.rounding})`];
  for (const tax of taxes) {
    parts.push(
      `; ${tax.name} ${tax.ratePercent}% = ${tax.exact} -> ${minor(plan, tax.amountMinor)}`,
    );
  }
  parts.push(`; total ${minor(plan, totalMinor)} ${plan.currency}`);
  return parts.join('');
}

/**
 * A per-call explanation is `${talk} s talk, ` + head + band + tail: head and tail depend only on
 * the rate and the billed seconds, so they are written once per pricing (see CallPricing); the
 * talk seconds and the band's start time are added per call.
 */
export function explainPricing(
  plan: CompiledPerCallPlan,
  rate: PricedRate,
  charge: CallCharge,
  taxes: TaxLine[],
  totalMinor: number,
): { head: string; tail: string } {
  const used = rate.used;
  const first = rate.firstIncrementSeconds;
  // `talk <= first` (with first > 0) is exactly `billed === first`: a longer call bills at least
  // one increment more.
  const head = `${charge.billedSeconds} s billed: ${billedBreakdown(first, rate.incrementSeconds, charge.billedSeconds)}; ${used.perMinute}/min`;
  const parts = [` -> ${exact(plan, charge.listUsage)}`];
  if (plan.hasMarkup)
    parts.push(`; + ${plan.markupPercent}% markup -> ${exact(plan, charge.usage)}`);
  if (rate.connect !== 0n) {
    parts.push(`; + ${used.connectFee} connect = ${exact(plan, charge.beforeLimits)}`);
  }
  if (charge.minimumApplied)
    parts.push(`; below the ${used.minimumCharge} minimum: ${used.minimumCharge}`);
  if (charge.maximumApplied)
    parts.push(`; above the ${used.maximumCharge} maximum: ${used.maximumCharge}`);
  parts.push(' ', taxesAndTotal(plan, charge.amountMinor, taxes, totalMinor));
  return { head, tail: parts.join('') };
}

/** The band part of a per-call explanation: ` (band sat,sun 00:00-24:00, start Sat 10:15 America/Denver)`. */
export function explainBand(plan: CompiledPerCallPlan, bandLabel: string, start: string): string {
  return ` (band ${bandLabel}, start ${start} ${plan.clock.timezone})`;
}

export function explainSummary(input: {
  plan: CompiledPlan;
  price: SummaryPrice;
  calls: number;
  talkSeconds: number;
  billedSeconds: number;
  callsPart: bigint;
  usagePart: bigint;
  charge: bigint;
  amountMinor: number;
  taxes: TaxLine[];
  totalMinor: number;
}): string {
  const { plan, price } = input;
  const source = price.account === null ? '' : `rates of account ${price.account}: `;
  const increments = input.billedSeconds / price.incrementSeconds;
  const callsPart = exact(plan, input.callsPart);
  const usagePart = exact(plan, input.usagePart);
  return [
    `${source}${input.calls} calls x ${price.used.perCall} = ${callsPart}; `,
    `${input.talkSeconds} s talk, ${input.billedSeconds} s billed: ${increments} x ${price.incrementSeconds} s; `,
    `${price.used.perMinute}/min -> ${usagePart}; `,
    `${callsPart} + ${usagePart} = ${exact(plan, input.charge)} `,
    taxesAndTotal(plan, input.amountMinor, input.taxes, input.totalMinor),
  ].join('');
}
