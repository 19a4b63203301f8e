import type { Check } from './field.decorators';

/** rating.md: money and percentages are decimal strings; no sign, exponent, spaces, `.5` or `1.`. */
export const DECIMAL_STRING = /^\d+(\.\d+)?$/;

/** Rates (per minute, per call) and percentages carry up to 6 decimals (rating.md). */
export const RATE_DECIMALS = 6;

/**
 * 12 integer digits: amounts stay far inside Number.MAX_SAFE_INTEGER as minor units, and no
 * phone charge or percentage comes near it, so a longer number is a typo.
 */
const MAX_INTEGER_DIGITS = 12;

export const MUST_BE_DECIMAL_STRING = 'must be a decimal string';

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_STRING.test(value);
}

function places(count: number): string {
  return count === 1 ? '1 decimal place' : `${count} decimal places`;
}

export function decimalPlaces(decimal: string): number {
  const dot = decimal.indexOf('.');
  return dot < 0 ? 0 : decimal.length - dot - 1;
}

/** Compares two decimal strings by value, exactly: `"100.000" == "100"`, `"0100" > "99.9"`. */
export function compareDecimals(a: string, b: string): number {
  const [aInt, aFrac = ''] = a.split('.');
  const [bInt, bFrac = ''] = b.split('.');
  const x = aInt.replace(/^0+/, '');
  const y = bInt.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  const width = Math.max(aFrac.length, bFrac.length);
  const p = aFrac.padEnd(width, '0');
  const q = bFrac.padEnd(width, '0');
  return p === q ? 0 : p < q ? -1 : 1;
}

/**
 * A decimal string with at most `maxDecimals` decimals (any when left out: fees are checked
 * against the plan's currency afterwards) and at most `max`.
 */
export function decimalString(options: { maxDecimals?: number; max?: string } = {}): Check {
  return (value) => {
    if (!isDecimalString(value)) return MUST_BE_DECIMAL_STRING;
    if (value.split('.')[0].replace(/^0+/, '').length > MAX_INTEGER_DIGITS) {
      return `must be less than 1${'0'.repeat(MAX_INTEGER_DIGITS)}`;
    }
    if (options.maxDecimals !== undefined && decimalPlaces(value) > options.maxDecimals) {
      return `must have at most ${places(options.maxDecimals)}`;
    }
    if (options.max !== undefined && compareDecimals(value, options.max) > 0) {
      return `must be at most ${options.max}`;
    }
    return undefined;
  };
}

/** A fee or charge given in more decimals than the currency has minor units (JPY has none). */
export function currencyDecimalsProblem(
  amount: string,
  currency: string,
  exponent: number,
): string | undefined {
  if (decimalPlaces(amount) <= exponent) return undefined;
  return exponent === 0
    ? `must have no decimal places (${currency})`
    : `must have at most ${places(exponent)} (${currency})`;
}
