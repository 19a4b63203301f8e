import { DateTime } from 'luxon';
import { FIRST_SYNC_LOOKBACK_MS, chunksOf, requestedWindow, scheduledWindow } from './sync-window';

const denver = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'America/Denver' }).toISO();

describe('sync window', () => {
  it('is [watermark - overlap, now - settle)', () => {
    expect(
      scheduledWindow(
        { watermarkMs: 10_000_000, overlapMinutes: 60, settleMinutes: 15 },
        20_000_000,
      ),
    ).toEqual({
      startMs: 10_000_000 - 3_600_000,
      endMs: 20_000_000 - 900_000,
    });
  });

  it('reaches back a week for a source that never synced', () => {
    const window = scheduledWindow(
      { watermarkMs: null, overlapMinutes: 60, settleMinutes: 0 },
      1_000_000_000_000,
    );
    expect(window.endMs - window.startMs).toBe(FIRST_SYNC_LOOKBACK_MS);
  });
});

describe('chunks', () => {
  it('splits at local midnights, the first and last chunks partial', () => {
    const chunks = chunksOf(
      { startMs: denver('2026-03-02T15:00'), endMs: denver('2026-03-04T09:30') },
      'America/Denver',
      1,
    );
    expect(chunks.map((c) => [local(c.startMs), local(c.endMs)])).toEqual([
      ['2026-03-02T15:00:00.000-07:00', '2026-03-03T00:00:00.000-07:00'],
      ['2026-03-03T00:00:00.000-07:00', '2026-03-04T00:00:00.000-07:00'],
      ['2026-03-04T00:00:00.000-07:00', '2026-03-04T09:30:00.000-07:00'],
    ]);
  });

  it('keeps local days whole across DST: 2026-03-08 is 23 hours, 2026-11-01 is 25', () => {
    const spring = chunksOf(
      { startMs: denver('2026-03-08T00:00'), endMs: denver('2026-03-09T00:00') },
      'America/Denver',
      1,
    );
    expect(spring).toHaveLength(1);
    expect(spring[0].endMs - spring[0].startMs).toBe(23 * 3_600_000);
    const autumn = chunksOf(
      { startMs: denver('2026-11-01T00:00'), endMs: denver('2026-11-02T00:00') },
      'America/Denver',
      1,
    );
    expect(autumn[0].endMs - autumn[0].startMs).toBe(25 * 3_600_000);
  });

  it('takes several days a chunk when asked, and nothing for an empty window', () => {
    const chunks = chunksOf(
      { startMs: denver('2026-03-01T00:00'), endMs: denver('2026-03-08T00:00') },
      'America/Denver',
      3,
    );
    expect(chunks.map((c) => local(c.startMs)!.slice(0, 10))).toEqual([
      '2026-03-01',
      '2026-03-04',
      '2026-03-07',
    ]);
    expect(chunksOf({ startMs: 5, endMs: 5 }, 'UTC', 1)).toEqual([]);
  });

  it('covers the window exactly, without gaps or overlaps', () => {
    const window = { startMs: denver('2026-02-27T13:17'), endMs: denver('2026-03-12T02:44') };
    const chunks = chunksOf(window, 'America/Denver', 2);
    expect(chunks[0].startMs).toBe(window.startMs);
    expect(chunks[chunks.length - 1].endMs).toBe(window.endMs);
    chunks.slice(1).forEach((chunk, i) => expect(chunk.startMs).toBe(chunks[i].endMs));
  });
});

describe('requested window', () => {
  const NOW = Date.parse('2026-12-01T00:00:00Z');

  it("reads plain dates as midnights in the source's zone: Denver's 2026-03-08 is 23 hours", () => {
    const window = requestedWindow('2026-03-08', '2026-03-09', 'America/Denver', NOW)!;
    expect([local(window.startMs), local(window.endMs)]).toEqual([
      '2026-03-08T00:00:00.000-07:00',
      '2026-03-09T00:00:00.000-06:00',
    ]);
    expect(window.endMs - window.startMs).toBe(23 * 3_600_000);
  });

  it('takes instants with an offset as they are, and one of each', () => {
    expect(requestedWindow('2026-03-08T07:00:00Z', '2026-03-09', 'America/Denver', NOW)).toEqual({
      startMs: Date.parse('2026-03-08T07:00:00Z'),
      endMs: Date.parse('2026-03-09T06:00:00Z'),
    });
  });

  it('refuses an impossible date naming the field and both forms (the CLI has no DTO before it)', () => {
    expect(() => requestedWindow('2026-02-30', '2026-03-09', 'America/Denver', NOW)).toThrow(
      'Invalid request: from: from 2026-02-30 is not a day of the calendar: send a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)',
    );
    expect(() => requestedWindow('2026-03-01', '2026-03-09T10:00', 'America/Denver', NOW)).toThrow(
      'Invalid request: to: to has no offset (Z or ±hh:mm), so it names no instant: send a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)',
    );
  });
});
