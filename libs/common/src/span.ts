import { DateTime } from 'luxon';
import { DomainError } from './domain-error';

/** The longest invoice period or sync window. */
export const MAX_SPAN_DAYS = 400;

/** How far past now a sync window may end: two machines' clocks disagree by about that much. */
export const CLOCK_SKEW_MS = 60_000;

/** `[startMs, endMs)` in epoch milliseconds: an invoice period or a sync window. */
export interface Span {
  startMs: number;
  endMs: number;
}

export interface SpanRule {
  /** What the request calls the start and the end: `periodStart`/`periodEnd`, `from`/`to`. */
  start: string;
  end: string;
  /** The zone whose calendar days count (a daylight-saving change makes a day 23 or 25 hours). */
  zone?: string;
  /**
   * Now, from the injectable Clock, for a span that may not end in the future (a sync window:
   * calls not yet made cannot be fetched). Left out for an invoice period.
   */
  nowMs?: number;
}

/**
 * The one rule of invoice periods and sync windows: the end after the start, at most 400 days
 * (calendar days of `zone`, UTC by default) after it, and, when `nowMs` is given, not more than
 * a minute of clock skew after now. Refused with a 400 naming the end.
 */
export function checkSpan(span: Span, rule: SpanRule, subject = 'request'): Span {
  const refuse = (message: string) =>
    DomainError.invalid(subject, [{ field: rule.end, message: `${rule.end} ${message}` }]);
  if (!(span.endMs > span.startMs)) throw refuse(`must be after ${rule.start}`);
  const latestEndMs = DateTime.fromMillis(span.startMs, { zone: rule.zone ?? 'UTC' })
    .plus({ days: MAX_SPAN_DAYS })
    .toMillis();
  if (span.endMs > latestEndMs) {
    throw refuse(`must be at most ${MAX_SPAN_DAYS} days after ${rule.start}`);
  }
  if (rule.nowMs !== undefined && span.endMs > rule.nowMs + CLOCK_SKEW_MS) {
    throw refuse('must not be in the future (a minute of clock skew is allowed)');
  }
  return span;
}
