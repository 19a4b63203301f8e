/** How a charge is rounded to the currency's minor unit. */
export const ROUNDING_MODES = ['half-up', 'half-even', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * `numerator / denominator` rounded to an integer with the plan's mode (docs/rating.md, "Money"):
 * `half-up` and `up` round away from zero, `half-even` to the even neighbour on a tie. Exact for
 * any size: bigint arithmetic only.
 */
export function roundDiv(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new RangeError('roundDiv needs a positive denominator');
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  switch (mode) {
    case 'up':
      return away;
    case 'half-up':
      return twice >= denominator ? away : quotient;
    case 'half-even':
      if (twice > denominator) return away;
      if (twice < denominator) return quotient;
      return quotient % 2n === 0n ? quotient : away;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A bigint count of minor units as a JS number; refuses what a number cannot hold exactly. */
export function toSafeNumber(value: bigint): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new RangeError(`${value} minor units is too large to hold exactly`);
  }
  return Number(value);
}
