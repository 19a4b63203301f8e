import { DomainError } from '@app/common';

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The most days a daily series or a top list may cover: a year, leap day included. */
export const MAX_DAYS = 366;

/** Days a series covers when `from` is not given: the last 30, `to` included. */
export const DEFAULT_DAYS = 30;

/** Local days, both included, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** A plain date as a day number (days since 1970-01-01); a 400 naming `field` otherwise. */
function dayNumber(text: string, field: string): number {
  const match = PLAIN_DATE.exec(text);
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  const ms = match ? new Date(0).setUTCFullYear(year, month - 1, day) : NaN;
  const date = new Date(ms);
  if (
    !match ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw DomainError.invalid('request', [
      {
        field,
        message: match
          ? `${field} ${text} is not a day of the calendar`
          : `${field} must be a date such as 2026-03-02`,
      },
    ]);
  }
  return Math.round(ms / DAY_MS);
}

const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The days asked for: `to` defaults to `today`, `from` to the 30 days that end with `to`. A day
 * that is not one of the calendar, `to` before `from`, or more than 366 days are a 400 naming
 * the field.
 */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
  today: string,
): DayRange {
  const last = dayNumber(to ?? today, 'to');
  const first = from === undefined ? last - (DEFAULT_DAYS - 1) : dayNumber(from, 'from');
  if (last < first) {
    throw DomainError.invalid('request', [
      { field: 'to', message: `to ${dateOf(last)} is before from ${dateOf(first)}` },
    ]);
  }
  const days = last - first + 1;
  if (days > MAX_DAYS) {
    throw DomainError.invalid('request', [
      {
        field: from === undefined ? 'to' : 'from',
        message: `from ${dateOf(first)} to ${dateOf(last)} is ${days} days: at most ${MAX_DAYS}`,
      },
    ]);
  }
  return { from: dateOf(first), to: dateOf(last) };
}

/** Every day of a range, in order. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = dayNumber(range.from, 'from'); ; day++) {
    const date = dateOf(day);
    days.push(date);
    if (date === range.to) return days;
  }
}
