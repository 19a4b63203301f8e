import { DomainError } from './domain-error';

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
