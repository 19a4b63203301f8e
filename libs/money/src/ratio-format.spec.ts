import fc from 'fast-check';
import type { RoundingMode } from './rounding';
import { parseDecimal, pow10 } from './exact-decimal';
import { RatioFormatter } from './ratio-format';
import { roundDiv } from './rounding';

describe('RatioFormatter', () => {
  it('writes a terminating value exactly: 897 000 / 600 000 = 1.495', () => {
    expect(new RatioFormatter(600_000n).format(897_000n, 2)).toEqual({
      text: '1.495',
      exact: true,
    });
  });

  it('keeps the currency decimals: 1 920 000 / 600 000 = 3.20', () => {
    expect(new RatioFormatter(600_000n).format(1_920_000n, 2).text).toBe('3.20');
  });

  it('truncates a repeating value after 18 decimals: 0.10 x 61 / 60 = 0.101666…', () => {
    expect(new RatioFormatter(600_000n).format(61_000n, 2)).toEqual({
      text: '0.101666666666666666',
      exact: false,
    });
  });

  it('rounding the written value gives the same minor units as rounding the exact one', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom<RoundingMode>('half-up', 'half-even', 'up'),
        (numerator, denominator, exponent, mode) => {
          const { text } = new RatioFormatter(denominator).format(numerator, exponent);
          const written = parseDecimal(text);
          const fromText = roundDiv(written.units * pow10(exponent), pow10(written.scale), mode);
          const fromExact = roundDiv(numerator * pow10(exponent), denominator, mode);
          expect(fromText).toBe(fromExact);
        },
      ),
      { numRuns: 500 },
    );
  });
});
