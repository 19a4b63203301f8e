import { decimalString, feeString } from './decimal-string.validator';

describe('decimal strings in plans', () => {
  it('checks format, then sign, then decimals, then the maximum', () => {
    const percent = decimalString({ maxDecimals: 2, max: '100' });
    const judge = (value: unknown): string | undefined => percent(value, {});

    expect(judge('100.00')).toBeUndefined();
    expect(judge(1)).toBe('must be a decimal string such as "12.50"');
    expect(judge('1e2')).toBe('must be a decimal string such as "12.50"');
    expect(judge('-1.5')).toBe('must not be negative');
    expect(judge('000000000000001')).toBeUndefined();
    expect(judge('1.001')).toBe('has more than 2 decimals');
    expect(judge('100.01')).toBe('is larger than 100');
  });

  it('keeps rates below 10^12 unless told otherwise', () => {
    const rate = decimalString({ maxDecimals: 6 });
    expect(rate('999999999999.999999', {})).toBeUndefined();
    expect(rate('0001000000000000', {})).toBe('is larger than 999999999999.999999');
  });

  it('keeps fees within what one line may hold', () => {
    expect(feeString('1000000000.00', {})).toBeUndefined();
    expect(feeString('1000000000.01', {})).toBe('is larger than 1000000000');
  });
});
