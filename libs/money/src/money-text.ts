/**
 * The most one line's amount may be, in any currency's units: the ceiling of the adjustment
 * limit (ADJUSTMENT_LIMIT) and of a plan's fees. As minor units it is at most 10^12 (3 decimals
 * is the most any currency has), so a line's total with taxes of up to 100 % stays below
 * 2 * 10^12 and an invoice of 4,500 such lines (45,000 in a currency of 2 decimals) still sums
 * within Number.MAX_SAFE_INTEGER (docs/decisions/0018-limits-and-messages.md).
 */
export const LINE_AMOUNT_CEILING = '1000000000';

/** The most decimals any currency has (ISO 4217 through ICU: BHD, KWD, OMR ... have 3). */
export const MAX_CURRENCY_DECIMALS = 3;

export const NOT_A_DECIMAL_STRING = 'must be a decimal string such as "12.50"';

const UNSIGNED = /^\d+(\.\d+)?$/;
const SIGNED = /^-\d+(\.\d+)?$/;

/** What a money (or rate) string may be; each rule left out is not checked. */
export interface DecimalTextRules {
  /** The most decimals: the currency's exponent for money, 6 for rates. */
  decimals?: number;
  /** The currency whose exponent `decimals` is, named in the message. */
  currency?: string;
  /** Zeros after the last digit that counts are let be: "12.500" is 12.50 exactly. */
  trailingZeros?: boolean;
  /** The largest value, as the message shows it ("10000.00"). */
  max?: string;
  /** What `max` is, said after it: "the adjustment limit (ADJUSTMENT_LIMIT)". */
  maxIs?: string;
}

export function decimalPlaces(decimal: string): number {
  const dot = decimal.indexOf('.');
  return dot < 0 ? 0 : decimal.length - dot - 1;
}

/** Compares two unsigned decimal strings by value, exactly: `"100.000" == "100"`, `"0100" > "99.9"`. */
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

/** Decimals written, or those that count when trailing zeros are let be (a loop: no regex to backtrack). */
function decimalsOf(value: string, rules: DecimalTextRules): number {
  const written = decimalPlaces(value);
  if (!rules.trailingZeros) return written;
  let end = value.length;
  while (end > value.length - written && value.charCodeAt(end - 1) === 48) end--;
  return written - (value.length - end);
}

function tooManyDecimals(decimals: number, currency: string | undefined): string {
  if (decimals === 0) return currency ? `has decimals (${currency} has none)` : 'has decimals';
  const shown = `has more than ${decimals} ${decimals === 1 ? 'decimal' : 'decimals'}`;
  return currency ? `${shown} (${currency})` : shown;
}

/**
 * What is wrong with a money or rate string, in the words every API and the CLI use (without the
 * field's name): `must be a decimal string such as "12.50"` for a JSON number or junk, `must not
 * be negative`, `has more than 2 decimals (USD)`, `is larger than 10000.00`; undefined if nothing.
 * Linear in the text's length: a long string costs no more than reading it.
 */
export function decimalTextProblem(
  value: unknown,
  rules: DecimalTextRules = {},
): string | undefined {
  if (typeof value !== 'string') return NOT_A_DECIMAL_STRING;
  if (!UNSIGNED.test(value)) {
    // "-0.00" is no amount below zero, only a sign where none belongs.
    return SIGNED.test(value) && /[1-9]/.test(value)
      ? 'must not be negative'
      : NOT_A_DECIMAL_STRING;
  }
  if (rules.decimals !== undefined && decimalsOf(value, rules) > rules.decimals) {
    return tooManyDecimals(rules.decimals, rules.currency);
  }
  if (rules.max !== undefined && compareDecimals(value, rules.max) > 0) {
    return `is larger than ${rules.max}${rules.maxIs ? `, ${rules.maxIs}` : ''}`;
  }
  return undefined;
}
