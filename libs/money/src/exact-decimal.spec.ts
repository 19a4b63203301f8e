import { formatScaled, isDecimalString, parseDecimal, pow10 } from './exact-decimal';

describe('parseDecimal', () => {
  it.each([
    ['0.45', 45n, 2],
    ['0', 0n, 0],
    ['12', 12n, 0],
    ['0.023456', 23456n, 6],
    ['150.00', 15000n, 2],
    ['-3.5', -35n, 1],
  ])('%s -> %d / 10^%d', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale });
  });

  it.each([['1e5'], ['.5'], ['1.'], [' 1'], ['+1'], ['1,5'], [''], ['0x10'], ['Infinity']])(
    'refuses %j',
    (text) => {
      expect(() => parseDecimal(text)).toThrow('is not a decimal string');
      expect(isDecimalString(text)).toBe(false);
    },
  );

  it('refuses a number', () => {
    expect(() => parseDecimal(0.45 as unknown as string)).toThrow('is not a decimal string');
    expect(isDecimalString(0.45)).toBe(false);
  });
});

describe('formatScaled', () => {
  it.each([
    [1495n, 3, 2, '1.495'],
    [320n, 2, 2, '3.20'],
    [32n, 1, 2, '3.20'],
    [3200000n, 6, 2, '3.20'],
    [5n, 3, 2, '0.005'],
    [0n, 6, 2, '0.00'],
    [0n, 6, 0, '0'],
    [114n, 0, 0, '114'],
    [-5n, 2, 2, '-0.05'],
    [1000n, 0, 0, '1000'],
    [1000n, 3, 0, '1'],
  ])('%d / 10^%d with at least %d decimals -> %s', (units, scale, min, text) => {
    expect(formatScaled(units, scale, min)).toBe(text);
  });
});

describe('pow10', () => {
  it('is exact beyond what a float holds', () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(30)).toBe(1_000_000_000_000_000_000_000_000_000_000n);
  });
});
