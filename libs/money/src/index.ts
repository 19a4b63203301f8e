/** Money: integer minor units, exact decimals, the currency's exponent, rounding, formatting. */
export { currencyExponent, isIsoCurrency } from './currency';
export { formatMinor, toMinor } from './format';
export { ROUNDING_MODES, roundDiv, toSafeNumber } from './rounding';
export type { RoundingMode } from './rounding';
export { formatScaled, isDecimalString, parseDecimal, pow10 } from './exact-decimal';
export type { ExactDecimal } from './exact-decimal';
export { RatioFormatter } from './ratio-format';
export {
  LINE_AMOUNT_CEILING,
  MAX_CURRENCY_DECIMALS,
  NOT_A_DECIMAL_STRING,
  compareDecimals,
  decimalPlaces,
  decimalTextProblem,
} from './money-text';
export type { DecimalTextRules } from './money-text';
