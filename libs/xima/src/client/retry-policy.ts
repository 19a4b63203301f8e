export interface RetryPolicy {
  /** Attempts that may end in a fault (429, 5xx, timeout, reset, unusable 200) before giving up. */
  maxAttempts: number;
  /** Budget for the whole run, ms: no wait is started that would end beyond it. */
  maxTotalMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wait before repeating a request Xima answered 202, ms. */
  acceptedDelayMs: number;
  /** Attempts that may be answered 202 before giving up. */
  maxAcceptedAttempts: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 6,
  maxTotalMs: 10 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  acceptedDelayMs: 5_000,
  maxAcceptedAttempts: 30,
});

const AT_LEAST_ONE: ReadonlySet<keyof RetryPolicy> = new Set([
  'maxAttempts',
  'maxAcceptedAttempts',
]);

/** Applies the defaults; throws RangeError naming the first bad setting. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  for (const key of Object.keys(DEFAULT_RETRY_POLICY) as (keyof RetryPolicy)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    const min = AT_LEAST_ONE.has(key) ? 1 : 0;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new RangeError(`retry.${key} must be a whole number of at least ${min}, got ${value}`);
    }
    policy[key] = value;
  }
  return policy;
}

/**
 * Exponential backoff with full jitter: uniform in [0, min(maxDelay, base * 2^(retry-1))), so
 * clients that failed together do not come back together. `retry` is 1 for the first retry.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | null {
  const text = (Array.isArray(header) ? header[0] : header)?.trim();
  if (text === undefined || text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its month; Date.parse alone would read "-5" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
