import fc from 'fast-check';
import Decimal from 'decimal.js';
import type { RoundingMode } from './rounding';
import { roundDiv, toSafeNumber } from './rounding';

describe('roundDiv (docs/rating.md "Money": half-up, half-even, up)', () => {
  it.each([
    // numerator / denominator, mode, result: 0.125 -> 0.13 / 0.12 / 0.13 in cents
    [125n, 10n, 'half-up', 13n],
    [125n, 10n, 'half-even', 12n],
    [125n, 10n, 'up', 13n],
    [135n, 10n, 'half-even', 14n],
    [121n, 10n, 'half-up', 12n],
    [121n, 10n, 'half-even', 12n],
    [121n, 10n, 'up', 13n],
    [129n, 10n, 'half-up', 13n],
    [129n, 10n, 'half-even', 13n],
    [120n, 10n, 'up', 12n],
    [0n, 7n, 'up', 0n],
    [1n, 3n, 'up', 1n],
    [2n, 3n, 'half-up', 1n],
    [1n, 3n, 'half-up', 0n],
  ] as const)('%d / %d %s -> %d', (numerator, denominator, mode, expected) => {
    expect(roundDiv(numerator, denominator, mode)).toBe(expected);
  });

  it.each([
    [-125n, 10n, 'half-up', -13n],
    [-125n, 10n, 'half-even', -12n],
    [-121n, 10n, 'up', -13n],
    [-121n, 10n, 'half-up', -12n],
  ] as const)('negative amounts round symmetrically: %d / %d %s -> %d', (n, d, mode, expected) => {
    expect(roundDiv(n, d, mode)).toBe(expected);
  });

  it('refuses a denominator <= 0', () => {
    expect(() => roundDiv(1n, 0n, 'up')).toThrow('positive denominator');
  });

  it('agrees with decimal.js in every mode', () => {
    const modes: Record<RoundingMode, Decimal.Rounding> = {
      'half-up': Decimal.ROUND_HALF_UP,
      'half-even': Decimal.ROUND_HALF_EVEN,
      up: Decimal.ROUND_UP,
    };
    const Exact = Decimal.clone({ precision: 100 });
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.constantFrom<RoundingMode>('half-up', 'half-even', 'up'),
        (numerator, denominator, mode) => {
          const expected = new Exact(numerator.toString())
            .div(denominator.toString())
            .toDecimalPlaces(0, modes[mode]);
          expect(roundDiv(numerator, denominator, mode).toString()).toBe(expected.toFixed(0));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('toSafeNumber', () => {
  it('converts what a number holds exactly and refuses the rest', () => {
    expect(toSafeNumber(150n)).toBe(150);
    expect(toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow('too large');
  });
});
