import {
  LINE_AMOUNT_CEILING,
  MAX_CURRENCY_DECIMALS,
  compareDecimals,
  decimalTextProblem,
} from './money-text';
import { currencyExponent } from './currency';

describe('money text', () => {
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

  const usd = { decimals: 2, currency: 'USD', max: '10000.00' };

  it.each<[unknown, string]>([
    [12.5, 'must be a decimal string such as "12.50"'],
    [null, 'must be a decimal string such as "12.50"'],
    ['', 'must be a decimal string such as "12.50"'],
    ['12,50', 'must be a decimal string such as "12.50"'],
    ['1e3', 'must be a decimal string such as "12.50"'],
    ['+1', 'must be a decimal string such as "12.50"'],
    [' 1', 'must be a decimal string such as "12.50"'],
    ['.5', 'must be a decimal string such as "12.50"'],
    ['1.', 'must be a decimal string such as "12.50"'],
    ['-', 'must be a decimal string such as "12.50"'],
    ['-0.00', 'must be a decimal string such as "12.50"'],
    ['-1', 'must not be negative'],
    ['-0.01', 'must not be negative'],
    ['1.255', 'has more than 2 decimals (USD)'],
    ['1.250', 'has more than 2 decimals (USD)'],
    ['10000.01', 'is larger than 10000.00'],
    ['99999999999999999999', 'is larger than 10000.00'],
  ])('%j: %s', (value, message) => {
    expect(decimalTextProblem(value, usd)).toBe(message);
  });

  it.each(['0', '0.00', '10000', '10000.00', '00012.5'])('%j is fine', (value) => {
    expect(decimalTextProblem(value, usd)).toBeUndefined();
  });

  it('says what the maximum is, and that a currency without decimals has none', () => {
    expect(decimalTextProblem('5.01', { max: '5.00', maxIs: 'the limit' })).toBe(
      'is larger than 5.00, the limit',
    );
    expect(decimalTextProblem('1.5', { decimals: 0, currency: 'JPY' })).toBe(
      'has decimals (JPY has none)',
    );
    expect(decimalTextProblem('1.1234567', { decimals: 6 })).toBe('has more than 6 decimals');
  });

  it('lets trailing zeros be when told: "1.2500" is 1.25 exactly', () => {
    const exact = { ...usd, trailingZeros: true };
    expect(decimalTextProblem('1.2500', exact)).toBeUndefined();
    expect(decimalTextProblem('100', exact)).toBeUndefined();
    expect(decimalTextProblem('100.000', exact)).toBeUndefined();
    expect(decimalTextProblem('1.2550', exact)).toBe('has more than 2 decimals (USD)');
    expect(decimalTextProblem('10000.000', exact)).toBeUndefined();
    expect(decimalTextProblem('10000.0010', exact)).toBe('has more than 2 decimals (USD)');
  });

  it('judges a megabyte of digits in linear time', () => {
    const started = performance.now();
    expect(decimalTextProblem('9'.repeat(1_000_000), usd)).toBe('is larger than 10000.00');
    expect(decimalTextProblem(`1.${'0'.repeat(1_000_000)}`, usd)).toBe(
      'has more than 2 decimals (USD)',
    );
    expect(decimalTextProblem(`${'1'.repeat(1_000_000)}x`, usd)).toBe(
      'must be a decimal string such as "12.50"',
    );
    const zeros = { ...usd, trailingZeros: true };
    expect(decimalTextProblem(`0.${'0'.repeat(1_000_000)}1`, zeros)).toBe(
      'has more than 2 decimals (USD)',
    );
    expect(decimalTextProblem(`1.${'0'.repeat(1_000_000)}`, zeros)).toBeUndefined();
    // Quadratic work on a megabyte would take hours; linear takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('keeps a line at the ceiling, taxed 100 %, safe in 4,500 lines of the finest currency', () => {
    const finest = Math.max(...Intl.supportedValuesOf('currency').map(currencyExponent));
    expect(finest).toBeLessThanOrEqual(MAX_CURRENCY_DECIMALS);
    const ceilingMinor = BigInt(LINE_AMOUNT_CEILING) * 10n ** BigInt(MAX_CURRENCY_DECIMALS);
    expect(ceilingMinor * 2n * 4500n).toBeLessThanOrEqual(BigInt(Number.MAX_SAFE_INTEGER));
  });
});
