import { CLOCK_SKEW_MS, checkSpan } from './span';
import { DomainError } from './domain-error';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);
const WINDOW = { start: 'from', end: 'to' };

function refusal(run: () => unknown): { message: string; details: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { message: error.message, details: error.details };
    throw error;
  }
  throw new Error('not refused');
}

describe('checkSpan: invoice periods and sync windows share one rule', () => {
  const start = at('2026-01-01T00:00:00Z');

  it('takes a span of up to 400 days', () => {
    const span = { startMs: start, endMs: start + 400 * DAY };
    expect(checkSpan(span, WINDOW)).toEqual(span);
    expect(checkSpan({ startMs: start, endMs: start + 1 }, WINDOW)).toEqual({
      startMs: start,
      endMs: start + 1,
    });
  });

  it.each([
    ['an end before the start', start - 1, 'to must be after from'],
    ['an end at the start', start, 'to must be after from'],
    ['400 days and a millisecond', start + 400 * DAY + 1, 'to must be at most 400 days after from'],
  ])('refuses %s with a 400 naming the end', (_label, endMs, message) => {
    const error = refusal(() => checkSpan({ startMs: start, endMs }, WINDOW));
    expect(error).toEqual({
      message: `Invalid request: to: ${message}`,
      details: [{ field: 'to', message }],
    });
  });

  it('names the fields and the subject it is given', () => {
    const error = refusal(() =>
      checkSpan(
        { startMs: start, endMs: start + 401 * DAY },
        { start: 'periodStart', end: 'periodEnd' },
        'period',
      ),
    );
    expect(error.message).toBe(
      'Invalid period: periodEnd: periodEnd must be at most 400 days after periodStart',
    );
  });

  it("counts the zone's calendar days: 400 days across a daylight-saving change are 400 days", () => {
    // Denver falls back at 02:00 on 2026-11-01: from its midnight (-06:00) to midnight of
    // 2027-12-06 (-07:00) is 400 calendar days, and 400 days and an hour of clock time.
    const zone = 'America/Denver';
    const startMs = at('2026-11-01T00:00:00-06:00');
    const endMs = at('2027-12-06T00:00:00-07:00');
    expect(endMs - startMs).toBe(400 * DAY + 3_600_000);
    expect(checkSpan({ startMs, endMs }, { ...WINDOW, zone })).toEqual({ startMs, endMs });
    expect(() => checkSpan({ startMs, endMs }, WINDOW)).toThrow('at most 400 days');
    expect(() => checkSpan({ startMs, endMs: endMs + 1 }, { ...WINDOW, zone })).toThrow(
      'at most 400 days',
    );
  });

  it('keeps a window from ending in the future, beyond a minute of clock skew', () => {
    const nowMs = at('2026-03-20T12:00:00Z');
    const window = (endMs: number) => ({ startMs: nowMs - DAY, endMs });
    expect(checkSpan(window(nowMs + CLOCK_SKEW_MS), { ...WINDOW, nowMs })).toEqual(
      window(nowMs + CLOCK_SKEW_MS),
    );
    expect(
      refusal(() => checkSpan(window(nowMs + CLOCK_SKEW_MS + 1), { ...WINDOW, nowMs })),
    ).toEqual({
      message:
        'Invalid request: to: to must not be in the future (a minute of clock skew is allowed)',
      details: [
        {
          field: 'to',
          message: 'to must not be in the future (a minute of clock skew is allowed)',
        },
      ],
    });
    // An invoice period says nothing of now: next month may be drafted ahead.
    expect(checkSpan(window(nowMs + 30 * DAY), WINDOW)).toEqual(window(nowMs + 30 * DAY));
  });
});
