/** ISO 4217 codes this runtime knows (Node's ICU), upper case. */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isIsoCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

const exponents = new Map<string, number>();

/**
 * The currency's minor-unit exponent from ISO 4217 (USD 2, JPY 0, BHD 3), as ICU knows it.
 * Money of this currency is integer units of 10^-exponent.
 */
export function currencyExponent(code: string): number {
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    if (!isIsoCurrency(code)) throw new Error(`${code} is not an ISO 4217 currency code`);
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    exponents.set(code, exponent);
  }
  return exponent;
}
