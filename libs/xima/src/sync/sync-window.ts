import { DateTime } from 'luxon';

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
 * A scheduled sync's window (product.md): `[watermark - overlap, now - settle)`, or the last
 * week for a source that never synced. Empty (start >= end) when nothing has settled yet.
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
