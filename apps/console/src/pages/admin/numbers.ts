// The admin pages' small rules of display: counts, lags, run lengths, zones, the API's field
// errors. Kept apart from the components so that a unit spec can hold them.
import { ApiError, type Schema } from '../../api/client';
import { formatDuration, zoneName } from '../../ui/format';

/** A whole number for a table cell, grouped as the reader's locale groups it. */
export function count(value: number): string {
  return value.toLocaleString();
}

/** A run's length in whole seconds; null while it runs. */
export function runSeconds(
  run: Pick<Schema<'SyncRunView'>, 'startedAt' | 'finishedAt'>,
): number | null {
  if (!run.finishedAt) return null;
  return Math.max(0, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));
}

/** How far behind a source is: minutes and hours as durations, whole days beyond two. */
export function lagText(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  return days >= 2 ? `${days} days` : formatDuration(seconds);
}

/** A zone as people read it: `America/Denver (MST)`, or `UTC` alone. */
export function zoneLabel(timeZone: string, at = new Date()): string {
  const short = zoneName(at, timeZone);
  return short === timeZone ? timeZone : `${timeZone} (${short})`;
}

/** A date (YYYY-MM-DD) `days` from today in a zone: the default ends of a window. */
export function dayIn(timeZone: string, days: number, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(now + days * 86_400_000));
}

/** The API's 400 details by field (its first path segment), to show beside the fields. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const byField: Record<string, string> = {};
  for (const detail of error.details) {
    const field = detail.field?.split('.')[0];
    if (field && !(field in byField)) byField[field] = detail.message;
  }
  return byField;
}
