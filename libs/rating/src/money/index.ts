export { currencyExponent, isIsoCurrency } from './currency';
export { formatMinor, toMinor } from './format';
export { roundDiv } from './rounding';
export { formatScaled, isDecimalString, parseDecimal, pow10 } from './exact-decimal';
export type { ExactDecimal } from './exact-decimal';
export { RatioFormatter } from './ratio-format';
