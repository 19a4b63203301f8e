import { currencyExponent, isIsoCurrency } from './currency';

describe('currency', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['BHD', 3],
  ])('%s has %d decimals', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it('knows ISO 4217 codes and refuses others', () => {
    expect(isIsoCurrency('USD')).toBe(true);
    expect(isIsoCurrency('usd')).toBe(false);
    expect(isIsoCurrency('XYZ')).toBe(false);
    expect(() => currencyExponent('XYZ')).toThrow('XYZ is not an ISO 4217 currency code');
  });
});
