import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  resolveRetryPolicy,
  retryAfterMs,
} from './retry-policy';

describe('resolveRetryPolicy', () => {
  it('applies the defaults: 6 attempts, 10 min, 1 s base, 60 s max, 202 every 5 s up to 30 times', () => {
    expect(resolveRetryPolicy()).toEqual({
      maxAttempts: 6,
      maxTotalMs: 600_000,
      baseDelayMs: 1_000,
      maxDelayMs: 60_000,
      acceptedDelayMs: 5_000,
      maxAcceptedAttempts: 30,
    });
  });

  it('keeps the defaults for settings left undefined', () => {
    expect(resolveRetryPolicy({ maxAttempts: 2, baseDelayMs: undefined })).toEqual({
      ...DEFAULT_RETRY_POLICY,
      maxAttempts: 2,
    });
  });

  it.each([
    [{ maxAttempts: 0 }, 'retry.maxAttempts must be a whole number of at least 1, got 0'],
    [{ maxAcceptedAttempts: 0 }, 'retry.maxAcceptedAttempts must be a whole number of at least 1'],
    [{ baseDelayMs: -1 }, 'retry.baseDelayMs must be a whole number of at least 0, got -1'],
    [{ maxTotalMs: 1.5 }, 'retry.maxTotalMs'],
    [{ maxDelayMs: Number.NaN }, 'retry.maxDelayMs'],
  ])('refuses %j', (overrides, message) => {
    expect(() => resolveRetryPolicy(overrides)).toThrow(message);
  });
});

describe('backoffDelayMs (full jitter)', () => {
  const policy = resolveRetryPolicy({ baseDelayMs: 1_000, maxDelayMs: 60_000 });

  it('doubles the ceiling per retry: random 0.5 -> 500, 1000, 2000, 4000 ms', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(policy, retry, () => 0.5))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
  });

  it('never exceeds maxDelayMs: retry 20 with random 0.999 -> below 60 s', () => {
    expect(backoffDelayMs(policy, 20, () => 0.999)).toBe(59_940);
  });

  it('can be 0 (random 0)', () => {
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds: "7" -> 7000 ms', () => {
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date: 90 s after now -> 90000 ms', () => {
    expect(retryAfterMs('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90_000);
  });

  it('a date in the past means now', () => {
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });

  it('absent, empty or unreadable -> null (backoff applies)', () => {
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('', now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
  });

  it('takes the first of repeated headers', () => {
    expect(retryAfterMs(['2', '9'], now)).toBe(2_000);
  });
});
