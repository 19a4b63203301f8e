import { decimalTextProblem, LINE_AMOUNT_CEILING } from '@app/money';
import type { Check } from './field.decorators';

/**
 * Money and percentages are decimal strings (docs/rating.md, "Money"): no sign, exponent, spaces,
 * `.5` or `1.`.
 */
export const DECIMAL_STRING = /^\d+(\.\d+)?$/;

/** Rates (per minute, per call) and percentages: up to 6 decimals (docs/rating.md, "Money"). */
export const RATE_DECIMALS = 6;

/**
 * 12 integer digits: rates stay far inside Number.MAX_SAFE_INTEGER as minor units, and no
 * phone rate comes near it, so a longer number is a typo.
 */
export const LARGEST_RATE = '999999999999.999999';

/**
 * A rate or percentage: a decimal string with at most `maxDecimals` decimals and at most `max`
 * (LARGEST_RATE unless given).
 */
export function decimalString(options: { maxDecimals: number; max?: string }): Check {
  const rules = { decimals: options.maxDecimals, max: options.max ?? LARGEST_RATE };
  return (value) => decimalTextProblem(value, rules);
}

/**
 * A fee or charge (connect fee, minimum, maximum): money, at most the most a line may hold
 * (LINE_AMOUNT_CEILING). Its decimals are judged against the plan's currency in plan-rules.ts.
 */
export const feeString: Check = (value) => decimalTextProblem(value, { max: LINE_AMOUNT_CEILING });
