import { NOT_PRINTABLE_MESSAGE, isPrintable } from '@app/common';
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';
import { IANAZone } from 'luxon';
import { isIsoCurrency } from '@app/money';
import { WEEKDAYS } from '../plan/rate-plan';
import type { Check, ItemCheck } from './field.decorators';
import { MUST_NOT_BE_EMPTY } from './field.decorators';

/**
 * A string with something in it. `trimmed`: for values compared with what the engine trims
 * (extensions, account codes), where a space at either end could never match.
 */
export function text(options: { maxLength?: number; trimmed?: boolean } = {}): Check {
  return (value) => {
    if (typeof value !== 'string') return 'must be a string';
    if (value.trim() === '') return MUST_NOT_BE_EMPTY;
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      return `must be at most ${options.maxLength} characters`;
    }
    if (options.trimmed && value !== value.trim()) return 'must not start or end with a space';
    return undefined;
  };
}

export const anyString: Check = (value) =>
  typeof value === 'string' ? undefined : 'must be a string';

/** Becomes part of a billing account, which invoices and exports show: printable only. */
export const printableString: Check = (value) => {
  if (typeof value !== 'string') return 'must be a string';
  return isPrintable(value) ? undefined : NOT_PRINTABLE_MESSAGE;
};

export function oneOf(
  values: readonly string[],
  message = `must be one of ${values.join(', ')}`,
): Check {
  return (value) => (typeof value === 'string' && values.includes(value) ? undefined : message);
}

export function integer(min: number, max: number): Check {
  return (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be an integer from ${min} to ${max}`;
}

/** Seconds fields are bounded by a day: no increment or grace period is longer than that. */
export const DAY_SECONDS = 86_400;

export const boolean: Check = (value) =>
  typeof value === 'boolean' ? undefined : 'must be true or false';

export const currencyCode: Check = (value) =>
  typeof value === 'string' && isIsoCurrency(value)
    ? undefined
    : 'must be an ISO 4217 currency code in upper case (e.g. USD)';

export function isIanaZone(value: unknown): boolean {
  return typeof value === 'string' && IANAZone.isValidZone(value);
}

/** The engine reads the zone with luxon, so luxon decides what is a zone. */
export const timeZone: Check = (value) =>
  isIanaZone(value) ? undefined : 'must be an IANA time zone (e.g. America/Denver)';

export const dialCountry: Check = (value) =>
  typeof value === 'string' && /^[A-Z]{2}$/.test(value) && isSupportedCountry(value)
    ? undefined
    : 'must be an ISO 3166-1 alpha-2 country code in upper case (e.g. US)';

/** A country of the North American Numbering Plan (calling code 1: US, CA, the Caribbean). */
export function isNanpCountry(country: string): boolean {
  return isSupportedCountry(country) && getCountryCallingCode(country) === '1';
}

export const accessCode: Check = (value) =>
  typeof value === 'string' && /^\d{1,4}$/.test(value) ? undefined : 'must be 1 to 4 digits';

/** A NANP area code (NPA): 3 digits, the first 2 to 9. */
export const areaCode: Check = (value) =>
  typeof value === 'string' && /^[2-9]\d\d$/.test(value)
    ? undefined
    : 'must be 3 digits, the first 2 to 9 (e.g. "303")';

export const destinationPrefix: Check = (value) =>
  typeof value === 'string' && /^\d*$/.test(value)
    ? undefined
    : 'must be digits, or "" to match every number';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const bandStart: Check = (value) =>
  typeof value === 'string' && TIME.test(value)
    ? undefined
    : 'must be a time HH:MM from 00:00 to 23:59';

/** `to` is exclusive and `24:00` ends the day; a band across midnight is written as two. */
export const bandEnd: Check = (value, band) => {
  if (typeof value !== 'string' || !(TIME.test(value) || value === '24:00')) {
    return 'must be a time HH:MM from 00:00 to 24:00';
  }
  const from = band.from;
  if (typeof from === 'string' && TIME.test(from) && value <= from) {
    return `must be after from (${from}); a band across midnight is two bands`;
  }
  return undefined;
};

export const weekday: ItemCheck = (day, index, days) => {
  if (typeof day !== 'string' || !(WEEKDAYS as readonly string[]).includes(day)) {
    return `must be one of ${WEEKDAYS.join(', ')}`;
  }
  return days.indexOf(day) < index ? `repeats "${day}"` : undefined;
};

/** Compared as the engine compares extensions: as numbers when both are digits, else ordinally. */
function compareExtensions(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = a.replace(/^0+/, '');
    const y = b.replace(/^0+/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const extension = text({ trimmed: true });

export const rangeEnd: Check = (value, range) => {
  const problem = extension(value, range);
  if (problem !== undefined || extension(range.from, range) !== undefined) return problem;
  const from = range.from as string;
  return compareExtensions(value as string, from) < 0
    ? `must not be less than from (${from})`
    : undefined;
};

export const lawFirmId: Check = (value) =>
  typeof value === 'string' && /^[A-Za-z0-9-]{1,20}$/.test(value)
    ? undefined
    : 'must be 1 to 20 letters, digits or -';

const description = text({ maxLength: 200 });

/** LEDES 1998B separates fields with `|` and ends lines with `[]`. */
export const invoiceDescription: Check = (value, object) =>
  description(value, object) ??
  (/[|[\]\r\n\u2028\u2029]/.test(value as string)
    ? 'must not contain |, [, ] or a line break'
    : undefined);
