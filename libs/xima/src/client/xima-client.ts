import { isUtf8 } from 'node:buffer';
import { Agent, Dispatcher } from 'undici';
import { parseReportText } from '../report/report-text';
import { ReportRequestBody } from './report-request';
import { backoffDelayMs, resolveRetryPolicy, retryAfterMs, RetryPolicy } from './retry-policy';
import { sanitiseExcerpt, XimaError, XimaErrorCode } from './xima-error';

export interface XimaClientOptions {
  /** e.g. https://abc-medical.xima.cloud */
  baseUrl: string;
  /** The service user's Bearer token. */
  token: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Longest silence while the body streams, ms. */
  bodyTimeoutMs?: number;
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected by tests; the default timer is cancelled by the abort signal. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface ReportResult {
  /** The parsed JSON report. */
  body: unknown;
  bytes: number;
  attempts: number;
  retries: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Xima may think for a long time before it answers 202. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 120_000;
export const DEFAULT_BODY_TIMEOUT_MS = 300_000;
/** 256 MiB: half of V8's longest string, which the body is decoded into before JSON.parse. */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
export const HISTORIC_DATA_PATH = '/rest/api/v1/historic-data/';

/** Enough of an error body for Xima's message; the rest is not read. */
const ERROR_BODY_MAX_BYTES = 4096;
/** The first buffer a report is read into; it doubles as the bytes come. */
const FIRST_BUFFER_BYTES = 64 * 1024;
const REDACTED = '[redacted]';

type Attempt =
  | { kind: 'report'; body: unknown; bytes: number }
  | { kind: 'accepted'; code: 'gave-up'; status: 202; what: string; ximaMessage?: null }
  | {
      kind: 'fault';
      code: 'gave-up' | 'invalid-response';
      status: number | null;
      what: string;
      ximaMessage?: string | null;
      retryAfterMs?: number | null;
    }
  | {
      kind: 'fatal';
      code: XimaErrorCode;
      status: number | null;
      what: string;
      ximaMessage?: string | null;
    };

const FATAL_STATUSES: Readonly<Record<number, XimaErrorCode>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  509: 'transfer-cap',
};

/** The only class that talks to Xima's Historical Data API; one pooled connection Agent. */
export class XimaClient {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly basePath: string;
  // A private field: neither JSON.stringify nor util.inspect of the client shows the token.
  readonly #headers: Record<string, string>;
  private readonly policy: RetryPolicy;
  private readonly maxResponseBytes: number;
  private readonly timeouts: { connect: number; headers: number; body: number };
  private readonly sleep: ((ms: number) => Promise<void>) | undefined;
  private readonly random: () => number;
  private readonly now: () => number;
  readonly #redact: (text: string) => string;
  private closed = false;

  constructor(options: XimaClientOptions) {
    const url = parseBaseUrl(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    const token = options.token;
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
      throw new TypeError('XimaClient token must be non-empty printable ASCII without spaces');
    }
    this.#redact = (text) => text.split(token).join(REDACTED);
    this.#headers = {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
    };
    this.timeouts = {
      connect: positive('connectTimeoutMs', options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
      headers: positive('headersTimeoutMs', options.headersTimeoutMs, DEFAULT_HEADERS_TIMEOUT_MS),
      body: positive('bodyTimeoutMs', options.bodyTimeoutMs, DEFAULT_BODY_TIMEOUT_MS),
    };
    this.maxResponseBytes = positive(
      'maxResponseBytes',
      options.maxResponseBytes,
      DEFAULT_MAX_RESPONSE_BYTES,
    );
    this.policy = resolveRetryPolicy(options.retry);
    this.sleep = options.sleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.agent = new Agent({
      connectTimeout: this.timeouts.connect,
      headersTimeout: this.timeouts.headers,
      bodyTimeout: this.timeouts.body,
    });
  }

  /**
   * Runs one API-enabled report. Resolves with the parsed report; rejects with XimaError, or
   * with `signal.reason` once the signal aborts.
   */
  async runReport(
    historicDataKey: string,
    body: ReportRequestBody,
    signal?: AbortSignal,
  ): Promise<ReportResult> {
    if (this.closed) throw new Error('XimaClient is closed');
    signal?.throwIfAborted();
    const path = `${this.basePath}${HISTORIC_DATA_PATH}${encodeURIComponent(historicDataKey)}`;
    // Serialised once: Xima serves a report it answered 202 for only to the identical request.
    const payload = Buffer.from(JSON.stringify(body));
    const started = this.now();
    const label = `Xima report ${JSON.stringify(sanitiseExcerpt(historicDataKey, 40))}`;
    let attempts = 0;
    let faults = 0;
    let accepted = 0;
    for (;;) {
      attempts++;
      const outcome = await this.attempt(path, payload, signal);
      if (outcome.kind === 'report') {
        return { body: outcome.body, bytes: outcome.bytes, attempts, retries: attempts - 1 };
      }
      const fail = (what: string = outcome.what): XimaError =>
        new XimaError(outcome.code, this.#redact(`${label}: ${what}`), {
          status: outcome.status,
          attempts,
          retries: attempts - 1,
          ximaMessage: outcome.ximaMessage ? this.#redact(outcome.ximaMessage) : null,
        });
      let delayMs: number;
      let asked: number | null = null;
      if (outcome.kind === 'fatal') {
        throw fail();
      } else if (outcome.kind === 'accepted') {
        accepted++;
        if (accepted >= this.policy.maxAcceptedAttempts) {
          throw fail(`Xima still answered 202 (report running) after ${accepted} requests`);
        }
        delayMs = this.policy.acceptedDelayMs;
      } else {
        faults++;
        if (faults >= this.policy.maxAttempts) {
          throw fail(`${outcome.what}; gave up after ${faults} failed attempts`);
        }
        asked = outcome.retryAfterMs ?? null;
        delayMs = asked ?? backoffDelayMs(this.policy, faults, this.random);
      }
      const remaining = this.policy.maxTotalMs - (this.now() - started);
      if (delayMs > remaining) {
        throw fail(
          asked === null
            ? `${outcome.what}; the retry budget of ${this.policy.maxTotalMs} ms is spent`
            : `${outcome.what}; Xima asked to retry after ${Math.ceil(asked / 1000)} s, ` +
                `beyond the ${Math.max(0, Math.round(remaining / 1000))} s left of the retry budget`,
        );
      }
      await this.wait(delayMs, signal);
    }
  }

  /** Closes the pooled connections; waits for requests in flight (abort them first to hurry). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }

  private async attempt(path: string, payload: Buffer, signal?: AbortSignal): Promise<Attempt> {
    let response: Dispatcher.ResponseData;
    try {
      response = await this.agent.request({
        origin: this.origin,
        path,
        method: 'POST',
        headers: this.#headers,
        body: payload,
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return { kind: 'fault', code: 'gave-up', status: null, what: this.transportFault(error) };
    }
    const { statusCode: status, headers, body } = response;
    if (status === 200) return this.readReport(body, headers, signal);
    const ximaMessage = await this.readExcerpt(body, signal);
    if (status === 202) {
      // Xima's 202: the report is still running and will be served to the identical request.
      return {
        kind: 'accepted',
        code: 'gave-up',
        status,
        what: 'Xima answered 202 (report running)',
      };
    }
    const fatal = FATAL_STATUSES[status];
    if (fatal !== undefined) {
      return { kind: 'fatal', code: fatal, status, what: `Xima answered ${status}`, ximaMessage };
    }
    if (status === 429 || (status >= 500 && status <= 599)) {
      return {
        kind: 'fault',
        code: 'gave-up',
        status,
        what: `Xima answered ${status}`,
        ximaMessage,
        retryAfterMs: retryAfterMs(headers['retry-after'], this.now()),
      };
    }
    return {
      kind: 'fatal',
      code: 'invalid-response',
      status,
      what: `Xima answered an unexpected status ${status}`,
      ximaMessage,
    };
  }

  private async readReport(
    body: Dispatcher.ResponseData['body'],
    headers: Dispatcher.ResponseData['headers'],
    signal?: AbortSignal,
  ): Promise<Attempt> {
    const tooLarge = (): Attempt => {
      body.destroy();
      return {
        kind: 'fatal',
        code: 'too-large',
        status: 200,
        what: `the report exceeds maxResponseBytes (${this.maxResponseBytes} bytes)`,
      };
    };
    if (Number(headers['content-length']) > this.maxResponseBytes) return tooLarge();
    const declared = Number(headers['content-length']);
    const length = Number.isSafeInteger(declared) && declared >= 0 ? declared : null;
    // One buffer that grows by doubling as bytes arrive, never beyond the declared length: a
    // Content-Length is a claim, and allocating by it would let a lying answer take memory for
    // bytes that never come (decision 0015).
    let into = Buffer.allocUnsafe(Math.min(length ?? FIRST_BUFFER_BYTES, FIRST_BUFFER_BYTES));
    let bytes = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (bytes + chunk.length > this.maxResponseBytes) return tooLarge();
        if (length !== null && bytes + chunk.length > length) {
          body.destroy();
          const what = `Xima answered 200 with a body longer than its Content-Length (${length} bytes)`;
          return { kind: 'fault', code: 'invalid-response', status: 200, what };
        }
        if (bytes + chunk.length > into.length) {
          const size = Math.min(
            Math.max(into.length * 2, bytes + chunk.length),
            length ?? this.maxResponseBytes,
          );
          const grown = Buffer.allocUnsafe(size);
          into.copy(grown, 0, 0, bytes);
          into = grown;
        }
        chunk.copy(into, bytes);
        bytes += chunk.length;
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (errorCode(error) === 'UND_ERR_BODY_TIMEOUT') {
        return { kind: 'fault', code: 'gave-up', status: 200, what: this.transportFault(error) };
      }
      const what = `Xima answered 200 but the body was cut off after ${bytes} bytes (${this.transportFault(error)})`;
      return { kind: 'fault', code: 'invalid-response', status: 200, what };
    }
    // Decoded at once: one flat string, not a rope of pieces to be copied again on first read.
    const whole = into.subarray(0, bytes);
    if (!isUtf8(whole)) {
      const what = `Xima answered 200 with a body that is not UTF-8 (${bytes} bytes)`;
      return { kind: 'fault', code: 'invalid-response', status: 200, what };
    }
    // A UTF-8 byte-order mark is not part of the JSON (TextDecoder drops it too).
    const bom = whole[0] === 0xef && whole[1] === 0xbb && whole[2] === 0xbf ? 3 : 0;
    const text = whole.toString('utf8', bom);
    let parsed: unknown;
    try {
      // The rows stay text until each is stored: a chunk's memory is its text, not a tree.
      parsed = parseReportText(text);
    } catch {
      return {
        kind: 'fault',
        code: 'invalid-response',
        status: 200,
        what: `Xima answered 200 with a body that is not valid JSON (${bytes} bytes)`,
        ximaMessage: text.slice(0, 200),
      };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return {
        kind: 'fault',
        code: 'invalid-response',
        status: 200,
        what: `Xima answered 200 with JSON that is not a report object (${bytes} bytes)`,
      };
    }
    return { kind: 'report', body: parsed, bytes };
  }

  /** The start of an error body, sanitised; never throws but for an abort. */
  private async readExcerpt(
    body: Dispatcher.ResponseData['body'],
    signal?: AbortSignal,
  ): Promise<string | null> {
    const chunks: Buffer[] = [];
    let bytes = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        bytes += chunk.length;
        if (bytes >= ERROR_BODY_MAX_BYTES) break;
      }
    } catch {
      if (signal?.aborted) throw signal.reason;
    } finally {
      body.destroy();
    }
    const text = sanitiseExcerpt(
      Buffer.concat(chunks).subarray(0, ERROR_BODY_MAX_BYTES).toString(),
    );
    return text === '' ? null : text;
  }

  private transportFault(error: unknown): string {
    const code = errorCode(error) ?? 'unknown';
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return `no connection within ${this.timeouts.connect} ms (connect timeout)`;
      case 'UND_ERR_HEADERS_TIMEOUT':
        return `no response headers within ${this.timeouts.headers} ms (headers timeout)`;
      case 'UND_ERR_BODY_TIMEOUT':
        return `the body stalled for ${this.timeouts.body} ms (body timeout)`;
      case 'UND_ERR_SOCKET':
      case 'ECONNRESET':
      case 'EPIPE':
        return `the connection was reset or closed (${code})`;
      default: {
        const message = error instanceof Error ? error.message : String(error);
        return `network error (${code}: ${sanitiseExcerpt(message, 200)})`;
      }
    }
  }

  private async wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.sleep === undefined) return delay(ms, signal);
    if (signal === undefined) return this.sleep(ms);
    signal.throwIfAborted();
    let onAbort = (): void => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.sleep(ms), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (code === 'UND_ERR_SOCKET' || typeof code !== 'string') {
    const inner = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }) : {};
    if (typeof inner.code === 'string') return inner.code;
  }
  return typeof code === 'string' ? code : undefined;
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError('XimaClient baseUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('XimaClient baseUrl must be an absolute http(s) URL');
  }
  return url;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`XimaClient ${name} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}
