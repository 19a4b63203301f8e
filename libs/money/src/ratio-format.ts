import { formatScaled, pow10 } from './exact-decimal';

/** How many decimals a truncated non-terminating value shows at least. */
const MIN_REPEATING_DECIMALS = 18;

/**
 * Writes `numerator / denominator` as a decimal string for one fixed denominator (prepared once
 * per plan: rating happens per call). Exact when the value has a finite decimal expansion.
 * Otherwise (a per-minute rate times seconds / 60 can repeat: 0.10 * 61 / 60 = 0.10166…) it is
 * truncated after enough digits that rounding the string to any minor unit, in any mode, gives
 * the same result as rounding the exact value (docs/decisions/0007).
 */
export class RatioFormatter {
  /** The denominator is `rest * 2^a * 5^b`; `multiplier = 10^k / (2^a * 5^b)`, k = max(a, b). */
  private readonly rest: bigint;
  private readonly multiplier: bigint;
  private readonly decimals: number;
  private readonly extraDecimals: number;

  constructor(readonly denominator: bigint) {
    if (denominator <= 0n) throw new RangeError('RatioFormatter needs a positive denominator');
    let rest = denominator;
    let twos = 0;
    let fives = 0;
    while (rest % 2n === 0n) {
      rest /= 2n;
      twos++;
    }
    while (rest % 5n === 0n) {
      rest /= 5n;
      fives++;
    }
    this.rest = rest;
    this.decimals = Math.max(twos, fives);
    this.multiplier = pow10(this.decimals) / (2n ** BigInt(twos) * 5n ** BigInt(fives));
    // The repeating part starts after `decimals` digits; its first non-zero digit comes within
    // as many digits as `rest` has, so the truncated string keeps it.
    this.extraDecimals = Math.max(
      MIN_REPEATING_DECIMALS - this.decimals,
      rest.toString().length + 1,
    );
  }

  /** The decimal text and whether it is exact (false: truncated, more digits follow). */
  format(numerator: bigint, minDecimals: number): { text: string; exact: boolean } {
    const scaled = numerator * this.multiplier;
    if (scaled % this.rest === 0n) {
      return { text: formatScaled(scaled / this.rest, this.decimals, minDecimals), exact: true };
    }
    const digits = (scaled * pow10(this.extraDecimals)) / this.rest;
    return {
      text: formatScaled(digits, this.decimals + this.extraDecimals, minDecimals),
      exact: false,
    };
  }
}
