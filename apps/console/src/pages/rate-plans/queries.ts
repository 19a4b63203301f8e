import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';

export type RatePlan = Schema<'RatePlanView'>;
export type RatePlanVersion = Schema<'RatePlanVersionView'>;
export type QuoteResult = Schema<'QuoteResult'>;

export const planKey = (id: number) => ['rate-plans', 'one', id] as const;

export function usePlan(id: number) {
  return useQuery({
    queryKey: planKey(id),
    queryFn: () => ok(api.GET('/api/v1/rate-plans/{id}', { params: { path: { id } } })),
  });
}

/** The plan document's time zone (every plan has one: its time bands read its wall clock). */
export function planZone(version: RatePlanVersion | undefined): string {
  const zone = (version?.plan as { timezone?: unknown } | undefined)?.timezone;
  return typeof zone === 'string' ? zone : 'UTC';
}

/** The version in force at `now`: the last one that took effect by then (versions oldest first). */
export function versionInForce(
  versions: RatePlanVersion[],
  now = Date.now(),
): RatePlanVersion | undefined {
  return versions
    .filter((version) => Date.parse(version.effectiveFrom) <= now)
    .sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom))
    .at(-1);
}

/**
 * An instant on a zone's wall clock with that zone's offset, as the API reads it:
 * `2026-12-07T04:35:00-07:00`. Intl gives the fields and the offset.
 */
export function wallClockWithOffset(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
