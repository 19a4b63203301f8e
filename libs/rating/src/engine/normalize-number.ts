import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import type { DialPlan } from '../plan/rate-plan';
import { InvalidPlanError } from './errors';

/** Bound on memoised numbers per plan; the cache is dropped whole when full. */
const CACHE_LIMIT = 100_000;

/**
 * The dialed number as rating.md step 2 normalises it. libphonenumber-js compiles regular
 * expressions on every parse (~20 µs); its answer depends only on the digits and the country,
 * so answers are memoised per plan twice, which changes no result: by raw value (the common
 * hit, no work at all) and by digits (`9 (212) 555-0100` and `9-212-555-0100` parse once).
 */
export class DialedNumberNormalizer {
  private readonly country: CountryCode | null;
  private readonly accessCode: string | null;
  private readonly cache = new Map<string, string>();
  private readonly parsed = new Map<string, string>();

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
  }

  /** The normalised digits; `""` when the value holds no digit, null when there is none. */
  normalize(raw: string | null): string | null {
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
  normalizeUncached(raw: string): string {
    let digits = raw.replace(/[^0-9]/g, '');
    // A `+` number is already international: nobody dials the access code before a `+`, and
    // stripping a `9` from `+91…` (India) would price it as North America (decision 0007).
    if (raw.trimStart().startsWith('+')) return digits;
    const access = this.accessCode;
    if (access !== null && digits.startsWith(access) && digits.length - access.length >= 3) {
      digits = digits.slice(access.length);
    }
    if (this.country === null || digits === '') return digits;
    let international = this.parsed.get(digits);
    if (international === undefined) {
      const parsed = parsePhoneNumberFromString(digits, this.country);
      international = parsed !== undefined && parsed.isPossible() ? parsed.number.slice(1) : digits;
      if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
      this.parsed.set(digits, international);
    }
    return international;
  }
}
