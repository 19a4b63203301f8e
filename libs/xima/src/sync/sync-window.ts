import { DateTime } from 'luxon';
import { DomainError, checkSpan, instantOrLocalDate } from '@app/common';
import { ReportRequestBody, reportRequestBody } from '../client';

/** `[startMs, endMs)`: one request to Xima, committed in one transaction. */
export interface Chunk {
  startMs: number;
  endMs: number;
}

/** How far back a source's first scheduled sync reaches. */
export const FIRST_SYNC_LOOKBACK_MS = 7 * 86_400_000;

export interface WindowSettings {
  watermarkMs: number | null;
  overlapMinutes: number;
  settleMinutes: number;
}

/**
 * A scheduled sync's window: `[watermark - overlap, now - settle)`, or the last week for a
 * source that never synced. The overlap takes again what Xima may have added late to time
 * already pulled (its duplicates cost nothing); the settle time leaves alone what Xima may
 * still be writing. Empty (start >= end) when nothing has settled yet.
 */
export function scheduledWindow(settings: WindowSettings, nowMs: number): Chunk {
  const endMs = nowMs - settings.settleMinutes * 60_000;
  const startMs =
    settings.watermarkMs === null
      ? endMs - FIRST_SYNC_LOOKBACK_MS
      : settings.watermarkMs - settings.overlapMinutes * 60_000;
  return { startMs, endMs };
}

/**
 * Splits `[startMs, endMs)` at midnights in the source's time zone, `chunkDays` days a chunk, so
 * that no request to Xima is huge and each day is committed on its own. Midnight is local: a
 * day across a DST change is 23 or 25 hours long.
 */
export function chunksOf(window: Chunk, timezone: string, chunkDays: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = window.startMs;
  while (start < window.endMs) {
    const localDay = DateTime.fromMillis(start, { zone: timezone }).startOf('day');
    const boundary = localDay.plus({ days: chunkDays }).toMillis();
    const end = Math.min(boundary, window.endMs);
    chunks.push({ startMs: start, endMs: end });
    start = end;
  }
  return chunks;
}

/**
 * A window asked for by a person (`{ from, to }`, API or CLI) in epoch ms; a plain date is
 * midnight in the source's zone. Undefined when neither is given (the scheduled window). It
 * follows the rule of invoice periods (checkSpan: at most 400 days) and may not end in the
 * future, `nowMs` being the Clock's now.
 */
export function requestedWindow(
  from: string | undefined,
  to: string | undefined,
  timezone: string,
  nowMs: number,
): Chunk | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined || to === undefined) {
    const missing = from === undefined ? 'from' : 'to';
    throw DomainError.invalid('request', [
      { field: missing, message: `${missing} is required with the other` },
    ]);
  }
  const window = {
    startMs: instantOrLocalDate(from, 'from', timezone),
    endMs: instantOrLocalDate(to, 'to', timezone),
  };
  return checkSpan(window, { start: 'from', end: 'to', zone: timezone, nowMs });
}

/**
 * Xima's request for one chunk: its timeframe in the source's zone with the source's extra
 * parameters. Xima's timeframe is inclusive at both ends: the chunk's last millisecond ends it.
 */
export function chunkRequestBody(
  chunk: Chunk,
  timezone: string,
  parameters: readonly unknown[],
): ReportRequestBody {
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).toISO()!;
  return reportRequestBody(local(chunk.startMs), local(chunk.endMs - 1), parameters);
}
