/**
 * A decimal string read exactly: `units / 10^scale` ("0.45" is 45 / 10^2). Money and rates are
 * parsed once into integers so that no float ever touches them (docs/rating.md, "Money").
 */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

const powers: bigint[] = [1n];

/** 10^n as a bigint, cached. */
export function pow10(n: number): bigint {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pow10 needs an integer >= 0, got ${n}`);
  for (let i = powers.length; i <= n; i++) powers.push(powers[i - 1] * 10n);
  return powers[n];
}

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

/** Reads `"12.50"`, `"0"`, `"-3.5"`; refuses exponents, a lone `.`, spaces, `+` and numbers. */
export function parseDecimal(text: string): ExactDecimal {
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!match) throw new Error(`${JSON.stringify(text)} is not a decimal string`);
  const [, sign, whole, fraction = ''] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

/** `units / 10^scale` written out, with at least `minDecimals` decimals: (1495n, 3, 2) -> "1.495". */
export function formatScaled(units: bigint, scale: number, minDecimals = 0): string {
  if (units === 0n) return minDecimals > 0 ? `0.${'0'.repeat(minDecimals)}` : '0';
  const negative = units < 0n;
  const text = (negative ? -units : units).toString();
  // Drop trailing zeros beyond minDecimals, or add zeros up to it.
  let end = text.length;
  let decimals = scale;
  while (decimals > minDecimals && text.charCodeAt(end - 1) === 48) {
    end--;
    decimals--;
  }
  let digits = end === text.length ? text : text.slice(0, end);
  if (decimals < minDecimals) {
    digits += '0'.repeat(minDecimals - decimals);
    decimals = minDecimals;
  }
  if (decimals > 0) {
    if (digits.length <= decimals) digits = '0'.repeat(decimals + 1 - digits.length) + digits;
    const point = digits.length - decimals;
    digits = `${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return negative ? `-${digits}` : digits;
}
