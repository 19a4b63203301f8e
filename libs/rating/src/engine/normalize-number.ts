import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import type { DialPlan } from '../plan/rate-plan';
import { InvalidPlanError } from './errors';

/** Bound on memoised numbers per plan; the cache is dropped whole when full. */
const CACHE_LIMIT = 100_000;

/** What step 2 makes of a dialed value. */
export interface DialedDigits {
  /**
   * The normalised digits: E.164 without `+` for a routable number, the digits as they are
   * otherwise (`""` when the value holds none). For a feature code, the digits it holds.
   */
  readonly digits: string;
  /** A real number (a `+` number, or one libphonenumber-js finds possible): the `""` prefix matches it. */
  readonly routable: boolean;
  /** The value holds `*` or `#`: a feature code or keyed sequence, never priced (step 2.1). */
  readonly featureCode: boolean;
}

const frozen = (digits: string, routable: boolean, featureCode: boolean): DialedDigits =>
  Object.freeze({ digits, routable, featureCode });

/**
 * The dialed number as docs/rating.md, step 2, normalises it. libphonenumber-js compiles
 * regular expressions on every parse (~20 µs); its answer depends only on the digits and the
 * country, so answers are memoised per plan twice, which changes no result: by raw value (the
 * common hit, no work at all) and by digits (`9 (212) 555-0100` and `9-212-555-0100` parse once).
 */
export class DialedNumberNormalizer {
  private readonly country: CountryCode | null;
  private readonly accessCode: string | null;
  /** The home area code, only for a NANP country (`5550100` -> `3035550100`). */
  private readonly areaCode: string | null;
  private readonly cache = new Map<string, DialedDigits>();
  private readonly parsed = new Map<string, DialedDigits>();

  constructor(dialPlan: DialPlan | undefined) {
    const country = dialPlan?.country;
    if (country !== undefined && !isSupportedCountry(country)) {
      throw new InvalidPlanError(
        'dialPlan.country',
        `"${country}" is not a country libphonenumber-js knows`,
      );
    }
    this.country = country ?? null;
    const accessCode = dialPlan?.accessCode;
    if (accessCode !== undefined && accessCode !== '' && !/^\d+$/.test(accessCode)) {
      throw new InvalidPlanError('dialPlan.accessCode', `"${accessCode}" must be digits only`);
    }
    this.accessCode = accessCode ? accessCode : null;
    const areaCode = dialPlan?.areaCode;
    if (areaCode !== undefined) {
      if (!/^[2-9]\d\d$/.test(areaCode)) {
        throw new InvalidPlanError(
          'dialPlan.areaCode',
          `"${areaCode}" must be 3 digits, the first 2 to 9`,
        );
      }
      if (country === undefined || getCountryCallingCode(country) !== '1') {
        throw new InvalidPlanError(
          'dialPlan.areaCode',
          `is only for a country of the North American Numbering Plan (calling code 1)`,
        );
      }
    }
    this.areaCode = areaCode ?? null;
  }

  /** Step 2 for a raw value; null when there is none. */
  normalize(raw: string | null): DialedDigits | null {
    if (raw === null || raw === undefined) return null;
    let normalized = this.cache.get(raw);
    if (normalized === undefined) {
      normalized = this.normalizeUncached(raw);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(raw, normalized);
    }
    return normalized;
  }

  /**
   * normalize without the memo by raw value, for a caller that memoises the value itself (rateCall
   * keeps each value's whole route); answers are still memoised by digits.
   */
  normalizeUncached(raw: string): DialedDigits {
    let digits = raw.replace(/[^0-9]/g, '');
    if (raw.includes('*') || raw.includes('#')) return frozen(digits, false, true);
    // A `+` number is already international: nobody dials the access code before a `+`, and
    // stripping a `9` from `+91…` (India) would price it as North America (decision 0007).
    if (raw.trimStart().startsWith('+')) return frozen(digits, digits !== '', false);
    const access = this.accessCode;
    if (access !== null && digits.startsWith(access) && digits.length - access.length >= 3) {
      digits = digits.slice(access.length);
    }
    if (this.areaCode !== null && digits.length === 7 && digits.charCodeAt(0) >= 50) {
      digits = this.areaCode + digits;
    }
    if (this.country === null || digits === '') return frozen(digits, false, false);
    let answer = this.parsed.get(digits);
    if (answer === undefined) {
      const parsed = parsePhoneNumberFromString(digits, this.country);
      answer =
        parsed !== undefined && parsed.isPossible()
          ? frozen(parsed.number.slice(1), true, false)
          : frozen(digits, false, false);
      if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
      this.parsed.set(digits, answer);
    }
    return answer;
  }
}
