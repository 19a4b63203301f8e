import { compareDecimals, decimalString } from './decimal-string.validator';

describe('decimal strings', () => {
  it.each([
    ['100', '100.000', 0],
    ['0100', '99.9', 1],
    ['99.99', '100', -1],
    ['100.000001', '100', 1],
    ['0.1', '0.10', 0],
    ['0.09', '0.1', -1],
  ])('compares %s and %s exactly', (a, b, sign) => {
    expect(Math.sign(compareDecimals(a, b))).toBe(sign);
  });

  it('checks format, then size, then decimals, then the maximum', () => {
    const percent = decimalString({ maxDecimals: 2, max: '100' });
    const judge = (value: unknown): string | undefined => percent(value, {});

    expect(judge('100.00')).toBeUndefined();
    expect(judge(1)).toBe('must be a decimal string');
    expect(judge('1e2')).toBe('must be a decimal string');
    expect(judge('0001000000000000')).toBe('must be less than 1000000000000');
    expect(judge('000000000000001')).toBeUndefined();
    expect(judge('1.001')).toBe('must have at most 2 decimal places');
    expect(judge('100.01')).toBe('must be at most 100');
  });
});
