import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ZonedTime } from './zoned-time';

const ZONES = [
  'America/Denver',
  'America/St_Johns', // -03:30 / -02:30
  'Asia/Kathmandu', // +05:45
  'Australia/Lord_Howe', // a 30-minute daylight-saving shift
  'Europe/London', // +00:00 in winter, not Z
  'Pacific/Chatham', // +12:45 / +13:45
  'UTC', // Z
  'Etc/UTC',
];

describe('ZonedTime', () => {
  it.each(ZONES)('formats any instant in %s as luxon does', (zone) => {
    const zoned = new ZonedTime(zone);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        const luxon = DateTime.fromMillis(ms, { zone });
        expect(zoned.iso(ms)).toBe(luxon.toISO());
        expect(zoned.yyyymmdd(ms)).toBe(luxon.toFormat('yyyyMMdd'));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact around a daylight-saving change, minute by minute', () => {
    const zoned = new ZonedTime('America/Denver');
    // 2026-03-08 02:00 MST -> 03:00 MDT (09:00 UTC); 2026-11-01 02:00 MDT -> 01:00 MST.
    for (const change of [Date.UTC(2026, 2, 8, 9), Date.UTC(2026, 10, 1, 8)]) {
      for (let ms = change - 2 * 3_600_000; ms < change + 2 * 3_600_000; ms += 59_999) {
        expect(zoned.iso(ms)).toBe(DateTime.fromMillis(ms, { zone: 'America/Denver' }).toISO());
      }
    }
    expect(zoned.iso(Date.UTC(2026, 2, 8, 8, 59, 59, 999))).toBe('2026-03-08T01:59:59.999-07:00');
    expect(zoned.iso(Date.UTC(2026, 2, 8, 9))).toBe('2026-03-08T03:00:00.000-06:00');
  });
});

describe('ZonedTime.offsetSpans', () => {
  it.each(ZONES)(
    'cuts any stretch of time in %s where the offset changes, and nowhere else',
    (zone) => {
      const zoned = new ZonedTime(zone);
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
          fc.integer({ min: 1, max: 120 * 86_400_000 }),
          fc.integer({ min: 0, max: 999 }),
          (fromMs, length, probe) => {
            const spans = zoned.offsetSpans(fromMs, fromMs + length);
            expect(spans[0].startMs).toBe(fromMs);
            expect(spans.at(-1)!.endMs).toBe(fromMs + length);
            spans.forEach((span, i) => {
              expect(span.endMs).toBeGreaterThan(span.startMs);
              if (i > 0) {
                expect(span.startMs).toBe(spans[i - 1].endMs);
                expect(span.offset).not.toBe(spans[i - 1].offset);
              }
              const ms = span.startMs + Math.floor(((span.endMs - span.startMs - 1) * probe) / 999);
              for (const at of [span.startMs, ms, span.endMs - 1]) {
                expect(span.offset).toBe(DateTime.fromMillis(at, { zone }).offset);
              }
            });
          },
        ),
        { numRuns: 25 },
      );
    },
  );

  it("finds Denver's changes of 2026 to the millisecond", () => {
    const spans = new ZonedTime('America/Denver').offsetSpans(
      Date.UTC(2026, 0, 1),
      Date.UTC(2027, 0, 1),
    );
    expect(spans).toEqual([
      { startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2026, 2, 8, 9), offset: -420 },
      { startMs: Date.UTC(2026, 2, 8, 9), endMs: Date.UTC(2026, 10, 1, 8), offset: -360 },
      { startMs: Date.UTC(2026, 10, 1, 8), endMs: Date.UTC(2027, 0, 1), offset: -420 },
    ]);
  });
});
