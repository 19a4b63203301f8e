import { currencyExponent } from './currency';
import { formatScaled } from './exact-decimal';
import { formatMinor, toMinor } from './format';

describe('formatMinor', () => {
  it.each([
    [150, 'USD', '1.50'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [-150, 'USD', '-1.50'],
    [-5, 'USD', '-0.05'],
    [123_456_789, 'EUR', '1234567.89'],
    [114, 'JPY', '114'],
    [0, 'JPY', '0'],
    [623, 'BHD', '0.623'],
    [1, 'BHD', '0.001'],
  ])('%d minor units of %s -> %s', (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
  });

  it('writes what the exact decimal writer writes, for any safe integer and minor unit', () => {
    const samples = [0, 1, -1, 9, 10, 99, 100, 101, -100, Number.MAX_SAFE_INTEGER];
    // A fixed sequence (a linear congruential generator): a failure can be reproduced.
    let state = 20_261_204;
    const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 16);
      samples.push(Math.trunc((random() - 0.5) * 2 * magnitude));
    }
    for (const currency of ['JPY', 'USD', 'BHD']) {
      const exponent = currencyExponent(currency);
      for (const minor of samples) {
        expect(formatMinor(minor, currency)).toBe(formatScaled(BigInt(minor), exponent, exponent));
      }
    }
  });

  it('refuses a fraction of a minor unit and an unknown currency', () => {
    expect(() => formatMinor(1.5, 'USD')).toThrow('amountMinor must be a safe integer, got 1.5');
    expect(() => formatMinor(1, 'XYZ')).toThrow('XYZ is not an ISO 4217 currency code');
  });
});

describe('toMinor', () => {
  it.each([
    ['1.495', 'USD', 'half-up', 150],
    ['0.125', 'USD', 'half-up', 13],
    ['0.125', 'USD', 'half-even', 12],
    ['0.121', 'USD', 'up', 13],
    ['0.121', 'USD', 'half-up', 12],
    ['3', 'USD', 'half-up', 300],
    ['113.75', 'JPY', 'half-up', 114],
    ['113.5', 'JPY', 'half-even', 114],
    ['112.5', 'JPY', 'half-even', 112],
    ['0.6225', 'BHD', 'half-up', 623],
    ['0.6225', 'BHD', 'half-even', 622],
    ['-0.125', 'USD', 'half-up', -13],
  ] as const)('%s %s %s -> %d', (decimal, currency, mode, minor) => {
    expect(toMinor(decimal, currency, mode)).toBe(minor);
  });

  it('defaults to half-up', () => {
    expect(toMinor('0.005', 'USD')).toBe(1);
  });

  it('never reads a float: 0.1 + 0.2 style values stay exact', () => {
    expect(toMinor('0.30000000000000004', 'USD', 'up')).toBe(31);
    expect(toMinor('0.3', 'USD', 'up')).toBe(30);
  });
});
