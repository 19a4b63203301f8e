import { IANAZone } from 'luxon';
import { DomainError } from './domain-error';
import { ZonedTime } from './zoned-time';

/** An instant (epoch milliseconds) as ISO-8601 in UTC: how the API writes stored times. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** An ISO-8601 date-time (already checked for its shape) as epoch ms; a 400 naming `field`. */
export function instantOf(text: string, field: string): number {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) {
    throw DomainError.invalid('request', [
      { field, message: `${field} must be a date-time such as 2026-03-01T00:00:00Z` },
    ]);
  }
  return ms;
}

const zonedTimes = new Map<string, ZonedTime>();

/** The zone's `ZonedTime`, made once per zone (it remembers the offsets it has looked up). */
export function zonedTime(zone: string): ZonedTime {
  let zoned = zonedTimes.get(zone);
  if (zoned === undefined) {
    zoned = new ZonedTime(zone);
    zonedTimes.set(zone, zoned);
  }
  return zoned;
}

/**
 * An instant as the wall clock of `zone` shows it, with its offset:
 * `2026-03-02T00:00:00.000-07:00`. The same text as every export's local times.
 */
export function localIsoTime(ms: number, zone: string): string {
  return zonedTime(zone).iso(ms);
}

/** The date of an instant on the wall clock of `zone`: `2026-03-02`. */
export function localDate(ms: number, zone: string): string {
  return zonedTime(zone).localDate(ms);
}

/** The two forms a date filter or period bound takes, as error messages show them. */
export const DATE_OR_INSTANT =
  'a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
/** A date-time with a space where its offset's `+` was: a `+` in a query string is a space. */
const PLUS_AS_SPACE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)? \d{2}:\d{2}$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Is it a plain date (`2026-11-30`), whose instant depends on a time zone? */
export function isPlainDate(text: string | undefined): boolean {
  return text !== undefined && PLAIN_DATE.test(text);
}

/** Midnight UTC of a date, any year (`Date.UTC` reads years 0-99 as 1900-1999). */
function utcMidnight(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const daysInMonth = new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/**
 * The first instant of a local day: its midnight. When the clocks skip midnight (a DST gap, as
 * America/Havana's each March), the day begins where the gap ends; when they repeat it
 * (Havana each November), at the first midnight. Either way a day ends where the next begins.
 */
function startOfLocalDay(year: number, month: number, day: number, zone: string): number {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new Error(`${zone} is not an IANA time zone`);
  const offsetAt = (ms: number) => iana.offset(ms);
  const wall = utcMidnight(year, month, day); // the wall clock's midnight, read as if in UTC
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  const midnights = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((ms) => offsetAt(ms) * MINUTE_MS === wall - ms);
  if (midnights.length > 0) return Math.min(...midnights);
  // No instant reads midnight: the offset changes from `before` to `after` (later) in between;
  // find the change to the minute.
  let low = wall - after * MINUTE_MS;
  let high = wall - before * MINUTE_MS;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(middle) === after) high = middle;
    else low = middle;
  }
  return high;
}

/** Epoch ms, or why the text is neither form (a sentence after the field's name). */
function read(text: string, zone: string): number | string {
  const date = PLAIN_DATE.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1, 4).map(Number);
    if (!isCalendarDay(year, month, day))
      return `${text} is not a day of the calendar: send ${DATE_OR_INSTANT}`;
    return startOfLocalDay(year, month, day, zone);
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = dateTime
      .slice(1, 9)
      .map((part) => (part === undefined ? 0 : Number(part)));
    if (
      !isCalendarDay(year, month, day) ||
      hour > 23 ||
      minute > 59 ||
      second > 59 ||
      offsetHours > 23 ||
      offsetMinutes > 59
    ) {
      return `${text} is not a date and time of the calendar: send ${DATE_OR_INSTANT}`;
    }
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return ms;
  }
  if (PLUS_AS_SPACE.test(text)) {
    return `has a space before its offset (in a URL, write the offset's + as %2B): send ${DATE_OR_INSTANT}`;
  }
  if (NO_OFFSET.test(text)) {
    return `has no offset (Z or ±hh:mm), so it names no instant: send ${DATE_OR_INSTANT}`;
  }
  return `must be ${DATE_OR_INSTANT}`;
}

/**
 * A date filter or period bound as people type it, as epoch ms: a date-time with an offset is
 * that instant; a plain date (`2026-11-30`) is the start of that day in `zone` (its midnight:
 * see `startOfLocalDay`). As an end bound, a plain date is excluded: `to=2026-12-01` ends
 * November. Anything else is a 400 naming `field` and both forms.
 */
export function instantOrLocalDate(text: string, field: string, zone: string): number {
  const ms = read(text, zone);
  if (typeof ms === 'string') {
    throw DomainError.invalid('request', [{ field, message: `${field} ${ms}` }]);
  }
  return ms;
}

/** Why a value is not a plain date or a date-time with an offset, for validators; else null. */
export function dateOrInstantProblem(value: unknown, field: string): string | null {
  if (typeof value !== 'string') return `${field} must be ${DATE_OR_INSTANT}`;
  // The zone moves a plain date's instant, never whether it is one.
  const ms = read(value, 'UTC');
  return typeof ms === 'string' ? `${field} ${ms}` : null;
}

/**
 * The optional `from` (included) and `to` (excluded) of a filter, each a date or a date-time
 * (see instantOrLocalDate); `to` not after `from` is a 400 on `subject` naming `to`.
 */
export function optionalRange(
  from: string | undefined,
  to: string | undefined,
  zone: string,
  subject: string,
): { fromMs: number | undefined; toMs: number | undefined } {
  const fromMs = from === undefined ? undefined : instantOrLocalDate(from, 'from', zone);
  const toMs = to === undefined ? undefined : instantOrLocalDate(to, 'to', zone);
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) {
    throw DomainError.invalid(subject, [{ field: 'to', message: 'to must be after from' }]);
  }
  return { fromMs, toMs };
}
