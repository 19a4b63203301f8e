import type { RoundingMode } from './rounding';
import { currencyExponent } from './currency';
import { parseDecimal, pow10 } from './exact-decimal';
import { roundDiv, toSafeNumber } from './rounding';

/** Integer minor units as the currency writes them: (150, 'USD') -> "1.50", (5, 'JPY') -> "5". */
export function formatMinor(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  }
  const exponent = currencyExponent(currency);
  // A safe integer's digits are exact as a string: no bigint (an export writes millions).
  const digits = String(Math.abs(amountMinor));
  if (exponent === 0) return amountMinor < 0 ? `-${digits}` : digits;
  const padded = digits.length > exponent ? digits : digits.padStart(exponent + 1, '0');
  const point = padded.length - exponent;
  return `${amountMinor < 0 ? '-' : ''}${padded.slice(0, point)}.${padded.slice(point)}`;
}

/**
 * A decimal string rounded to the currency's minor unit, as an integer count of minor units:
 * ("1.495", 'USD', 'half-up') -> 150. Exact: the string is never read as a float.
 */
export function toMinor(decimal: string, currency: string, mode: RoundingMode = 'half-up'): number {
  const { units, scale } = parseDecimal(decimal);
  const exponent = currencyExponent(currency);
  return toSafeNumber(roundDiv(units * pow10(exponent), pow10(scale), mode));
}
