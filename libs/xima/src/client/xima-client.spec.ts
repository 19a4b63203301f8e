import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { FaultConfig, RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { reportRequestBody } from './report-request';
import { XimaClient, XimaClientOptions } from './xima-client';
import { XimaError } from './xima-error';
import { RawRow } from '../report/report-text';

const TOKEN = 'sandbox-token-LEAKMARKER-7f3a';
const WRONG_TOKEN = 'wrong-token-LEAKMARKER-9c1e';
const DAY = reportRequestBody('2024-03-05T00:00:00.000-07:00', '2024-03-05T23:59:59.000-07:00');
const FAST = { baseDelayMs: 1, maxDelayMs: 5, acceptedDelayMs: 1, maxAttempts: 3 };

let sandbox: RunningSandbox;
const clients: XimaClient[] = [];
let dayCounter = 0;

/** A body no other test used: the 202-then-200 fault remembers bodies it answered 202. */
function freshBody() {
  dayCounter++;
  const day = String(dayCounter).padStart(2, '0');
  return reportRequestBody(
    `2024-01-${day}T00:00:00.000-07:00`,
    `2024-01-${day}T23:59:59.000-07:00`,
  );
}

function client(options: Partial<XimaClientOptions> = {}): XimaClient {
  const { retry, ...rest } = options;
  const created = new XimaClient({
    baseUrl: sandbox.url,
    token: TOKEN,
    retry: { ...FAST, ...retry },
    ...rest,
  });
  clients.push(created);
  return created;
}

/** A fake sleep that records what it was asked to wait. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
}

async function requestsDuring<T>(run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const before = sandbox.requests;
  const value = await run();
  return { value, requests: sandbox.requests - before };
}

async function failure(
  run: () => Promise<unknown>,
): Promise<{ error: XimaError; requests: number }> {
  const { value, requests } = await requestsDuring(() =>
    run().then(
      () => undefined,
      (error: unknown) => error,
    ),
  );
  expect(value).toBeInstanceOf(XimaError);
  return { error: value as XimaError, requests };
}

function faults(config: FaultConfig | FaultConfig[]): void {
  sandbox.setFaults(config);
}

beforeAll(async () => {
  sandbox = await startSandbox({ token: TOKEN, callsPerDay: 40 });
});

afterEach(async () => {
  sandbox.setFaults(undefined);
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

afterAll(() => sandbox.close());

describe('XimaClient against the sandbox', () => {
  it('200: parses the report in one request', async () => {
    const { value, requests } = await requestsDuring(() => client().runReport('CALLDTL1', DAY));
    expect(requests).toBe(1);
    expect(value.attempts).toBe(1);
    expect(value.retries).toBe(0);
    expect(value.bytes).toBeGreaterThan(1000);
    expect(value.body).toMatchObject({
      reportId: 101,
      title: 'Call Details',
      timeframe: { start: '2024-03-05T00:00:00-07:00', end: '2024-03-05T23:59:59-07:00' },
    });
    expect((value.body as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });

  it('202-then-200: repeats the identical body after acceptedDelayMs (the sandbox keys the 202 on the body bytes)', async () => {
    faults({ mode: '202-then-200' });
    const { sleep, waits } = recordingSleep();
    const { value, requests } = await requestsDuring(() =>
      client({ sleep, retry: { acceptedDelayMs: 5_000 } }).runReport('CALLDTL1', freshBody()),
    );
    expect(requests).toBe(2);
    expect(value).toMatchObject({ attempts: 2, retries: 1 });
    expect(value.body).toMatchObject({ title: 'Call Details' });
    expect(waits).toEqual([5_000]);
  });

  it('202 forever: gives up after maxAcceptedAttempts, never as data', async () => {
    faults({ mode: '202' });
    const { error, requests } = await failure(() =>
      client({ retry: { maxAcceptedAttempts: 4 } }).runReport('CALLDTL1', DAY),
    );
    expect(requests).toBe(4);
    expect(error).toMatchObject({ code: 'gave-up', status: 202, attempts: 4, retries: 3 });
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('still answered 202 (report running) after 4 requests');
  });

  it.each([
    ['429', 2, 1],
    ['503', 1, 3],
  ] as const)(
    '%s with Retry-After, %i times: waits exactly Retry-After (%i s) and then succeeds',
    async (mode, times, retryAfterSeconds) => {
      faults({ mode, times, retryAfterSeconds });
      const { sleep, waits } = recordingSleep();
      const { value, requests } = await requestsDuring(() =>
        client({ sleep, retry: { maxAttempts: 6 } }).runReport('CALLDTL1', DAY),
      );
      expect(requests).toBe(times + 1);
      expect(value).toMatchObject({ attempts: times + 1, retries: times });
      expect(waits).toEqual(Array<number>(times).fill(retryAfterSeconds * 1000));
    },
  );

  it('429 with a Retry-After beyond the remaining budget: gives up at once, saying why', async () => {
    faults({ mode: '429', retryAfterSeconds: 30 });
    const { sleep, waits } = recordingSleep();
    const { error, requests } = await failure(() =>
      client({ sleep, retry: { maxTotalMs: 5_000 } }).runReport('CALLDTL1', DAY),
    );
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ code: 'gave-up', status: 429, attempts: 1, retries: 0 });
    expect(error.message).toContain('Xima asked to retry after 30 s, beyond the 5 s left');
  });

  it('500 twice then 200: exponential backoff with full jitter (random 0.5, base 100 -> 50, 100 ms)', async () => {
    faults({ mode: '500', times: 2 });
    const { sleep, waits } = recordingSleep();
    const { value, requests } = await requestsDuring(() =>
      client({
        sleep,
        random: () => 0.5,
        retry: { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 6 },
      }).runReport('CALLDTL1', DAY),
    );
    expect(requests).toBe(3);
    expect(value).toMatchObject({ attempts: 3, retries: 2 });
    expect(waits).toEqual([50, 100]);
  });

  it('backoff that would outlast maxTotalMs: gives up when the budget is spent', async () => {
    faults({ mode: '500' });
    let clock = 0;
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    };
    const { error, requests } = await failure(() =>
      client({
        sleep,
        now: () => clock,
        random: () => 0.99,
        retry: { maxAttempts: 100, maxTotalMs: 1_000, baseDelayMs: 400, maxDelayMs: 10_000 },
      }).runReport('CALLDTL1', DAY),
    );
    // 396 ms waited, 604 ms left, the next backoff is 792 ms
    expect(waits).toEqual([396]);
    expect(requests).toBe(2);
    expect(error).toMatchObject({ code: 'gave-up', status: 500, attempts: 2, retries: 1 });
    expect(error.message).toContain('Xima answered 500; the retry budget of 1000 ms is spent');
  });

  it('a refused connection is retried, then gave-up naming it', async () => {
    const refused = new XimaClient({
      baseUrl: 'http://127.0.0.1:1',
      token: TOKEN,
      retry: { ...FAST, maxAttempts: 2 },
    });
    clients.push(refused);
    await expect(refused.runReport('CALLDTL1', DAY)).rejects.toMatchObject({
      code: 'gave-up',
      status: null,
      attempts: 2,
      message: expect.stringContaining('network error (ECONNREFUSED'),
    });
  });

  it('500 for good: gave-up after maxAttempts with the last status and Xima message', async () => {
    faults({ mode: '500' });
    const { error, requests } = await failure(() => client().runReport('CALLDTL1', DAY));
    expect(requests).toBe(3);
    expect(error).toMatchObject({ code: 'gave-up', status: 500, attempts: 3, retries: 2 });
    expect(error.retryable).toBe(true);
    expect(error.ximaMessage).toContain('Internal server error');
    expect(error.message).toContain('Xima answered 500; gave up after 3 failed attempts');
  });

  it('400: Xima refused the body; no retry, with its message', async () => {
    const startAfterEnd = reportRequestBody(
      '2024-03-06T00:00:00.000-07:00',
      '2024-03-05T00:00:00.000-07:00',
    );
    const { error, requests } = await failure(() => client().runReport('CALLDTL1', startAfterEnd));
    expect(requests).toBe(1);
    expect(error).toMatchObject({ code: 'bad-request', status: 400, attempts: 1, retries: 0 });
    expect(error.retryable).toBe(false);
    expect(error.ximaMessage).toContain('"status":400');
    expect(error.message).toContain('Xima refused the request body');
  });

  it('401: a wrong token is not retried and says what to do', async () => {
    const { error, requests } = await failure(() =>
      client({ token: WRONG_TOKEN }).runReport('CALLDTL1', DAY),
    );
    expect(requests).toBe(1);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, attempts: 1, retries: 0 });
    expect(error.message).toContain(
      "The service user's token was rejected; it may have been refreshed in Xima: update XIMA_API_KEY",
    );
    expect(error.ximaMessage).toContain('refreshing a service user token invalidates the old one');
  });

  it('403: an agent the service user may not see; no retry', async () => {
    const body = reportRequestBody(DAY.parameters[0].value.start, DAY.parameters[0].value.end, [
      {
        name: 'Rows (Agent)',
        valueType: 'PBX_USERS',
        value: { type: 'PBX_USERS', pbxUsers: [{ key: 'Nobody(999)' }] },
      },
    ]);
    const { error, requests } = await failure(() => client().runReport('CALLDTL1', body));
    expect(requests).toBe(1);
    expect(error).toMatchObject({ code: 'forbidden', status: 403, attempts: 1 });
    expect(error.ximaMessage).toContain('Nobody(999)');
    expect(error.message).toContain('The service user may not see some requested agents or groups');
  });

  it('404: an unknown report key; no retry', async () => {
    const { error, requests } = await failure(() => client().runReport('NOPE1234', DAY));
    expect(requests).toBe(1);
    expect(error).toMatchObject({ code: 'not-found', status: 404, attempts: 1 });
    expect(error.message).toContain(
      "No API-enabled report with this key: check the source's historicDataKey",
    );
    expect(error.message).toContain('Xima report "NOPE1234"');
  });

  it('509: transfer cap; no tight retry', async () => {
    faults({ mode: '509' });
    const { sleep, waits } = recordingSleep();
    const { error, requests } = await failure(() => client({ sleep }).runReport('CALLDTL1', DAY));
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ code: 'transfer-cap', status: 509, attempts: 1 });
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("The tenant's 5-day data-transfer cap was reached");
  });

  it.each(['malformed-json', 'truncated', 'reset'] as const)(
    '%s on the first 2 requests: retried, then the report',
    async (mode) => {
      faults({ mode, times: 2 });
      const { value, requests } = await requestsDuring(() =>
        client({ retry: { maxAttempts: 3 } }).runReport('CALLDTL1', DAY),
      );
      expect(requests).toBe(3);
      expect(value).toMatchObject({ attempts: 3, retries: 2 });
      expect(value.body).toMatchObject({ title: 'Call Details' });
    },
  );

  it.each([
    ['malformed-json', 'invalid-response', 200, 'not valid JSON'],
    ['truncated', 'invalid-response', 200, 'the body was cut off after'],
    ['reset', 'gave-up', null, 'the connection was reset or closed'],
  ] as const)('%s for good: %s after maxAttempts', async (mode, code, status, what) => {
    faults({ mode });
    const { error, requests } = await failure(() => client().runReport('CALLDTL1', DAY));
    expect(requests).toBe(3);
    expect(error).toMatchObject({ code, status, attempts: 3, retries: 2, retryable: true });
    expect(error.message).toContain(what);
  });

  it('latency beyond headersTimeout: timed out, retried, then the report', async () => {
    // undici checks these timeouts on a clock of about 1 s, so the delay is well beyond it.
    faults({ mode: 'latency', latencyMs: 3_000, times: 1 });
    const { value, requests } = await requestsDuring(() =>
      client({ headersTimeoutMs: 150 }).runReport('CALLDTL1', DAY),
    );
    expect(requests).toBe(2);
    expect(value).toMatchObject({ attempts: 2, retries: 1 });
  });

  it('latency beyond headersTimeout for good: gave-up naming the headers timeout', async () => {
    faults({ mode: 'latency', latencyMs: 3_000 });
    const { error, requests } = await failure(() =>
      client({ headersTimeoutMs: 100, retry: { maxAttempts: 2 } }).runReport('CALLDTL1', DAY),
    );
    expect(requests).toBe(2);
    expect(error).toMatchObject({ code: 'gave-up', status: null, attempts: 2 });
    expect(error.message).toContain('no response headers within 100 ms (headers timeout)');
  });

  it('a report over maxResponseBytes stops reading: too-large, not retried', async () => {
    const { error, requests } = await failure(() =>
      client({ maxResponseBytes: 2_000 }).runReport('CALLDTL1', DAY),
    );
    expect(requests).toBe(1);
    expect(error).toMatchObject({ code: 'too-large', status: 200, attempts: 1, retryable: false });
    expect(error.message).toContain('exceeds maxResponseBytes (2000 bytes)');
  });

  describe('AbortSignal', () => {
    it('aborting while Xima is slow rejects promptly with the reason', async () => {
      faults({ mode: 'latency', latencyMs: 10_000 });
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(new Error('shutting down')), 100);
      await expect(client().runReport('CALLDTL1', DAY, controller.signal)).rejects.toThrow(
        'shutting down',
      );
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('aborting during a Retry-After wait rejects promptly', async () => {
      faults({ mode: '503', retryAfterSeconds: 60 });
      const controller = new AbortController();
      const started = Date.now();
      const { value: outcome, requests } = await requestsDuring(() => {
        setTimeout(() => controller.abort(new Error('shutting down')), 100);
        return client()
          .runReport('CALLDTL1', DAY, controller.signal)
          .catch((e: unknown) => e);
      });
      expect(outcome).toEqual(new Error('shutting down'));
      expect(requests).toBe(1);
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('an already aborted signal sends nothing', async () => {
      const { value: outcome, requests } = await requestsDuring(() =>
        client()
          .runReport('CALLDTL1', DAY, AbortSignal.abort(new Error('gone')))
          .catch((e: unknown) => e),
      );
      expect(outcome).toEqual(new Error('gone'));
      expect(requests).toBe(0);
    });
  });

  it('the token never appears in any error, its stack, its JSON, or the client', async () => {
    const errors: XimaError[] = [];
    const collect = async (run: () => Promise<unknown>) => errors.push((await failure(run)).error);
    await collect(() => client({ token: WRONG_TOKEN }).runReport('CALLDTL1', DAY));
    await collect(() => client().runReport('NOPE1234', DAY));
    await collect(() => client({ maxResponseBytes: 100 }).runReport('CALLDTL1', DAY));
    for (const mode of [
      '500',
      '509',
      '403',
      '202',
      'malformed-json',
      'truncated',
      'reset',
    ] as const) {
      faults({ mode });
      await collect(() =>
        client({ retry: { maxAttempts: 1, maxAcceptedAttempts: 1 } }).runReport('CALLDTL1', DAY),
      );
    }
    faults({ mode: 'latency', latencyMs: 3_000 });
    await collect(() =>
      client({ headersTimeoutMs: 50, retry: { maxAttempts: 1 } }).runReport('CALLDTL1', DAY),
    );
    sandbox.setFaults(undefined);
    expect(new Set(errors.map((e) => e.code))).toEqual(
      new Set([
        'unauthorized',
        'not-found',
        'too-large',
        'gave-up',
        'transfer-cap',
        'forbidden',
        'invalid-response',
      ]),
    );
    for (const error of errors) {
      for (const text of [
        error.message,
        String(error),
        error.stack,
        JSON.stringify(error),
        inspect(error),
      ]) {
        expect(text).not.toContain('LEAKMARKER');
      }
    }
    const used = client();
    const result = await used.runReport('CALLDTL1', DAY);
    expect(JSON.stringify(result)).not.toContain('LEAKMARKER');
    expect(inspect(used, { depth: 4 })).not.toContain('LEAKMARKER');
  });
});

describe('XimaClient against a recording server (what the sandbox cannot do)', () => {
  interface Seen {
    url: string;
    headers: IncomingHttpHeaders;
    body: string;
  }
  type Reply = {
    status: number;
    headers?: Record<string, string>;
    body?: string | Buffer;
    stall?: true;
  };
  let server: Server;
  let url: string;
  let seen: Seen[];
  let replies: Reply[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const reply = replies.shift() ?? { status: 200, body: '{"ok":true}' };
        res.writeHead(reply.status, reply.headers);
        if (reply.stall) res.write(reply.body);
        else res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tenant/`;
  });

  beforeEach(() => {
    seen = [];
    replies = [];
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function recorded(options: Partial<XimaClientOptions> = {}): XimaClient {
    return client({ baseUrl: url, ...options });
  }

  it('sends POST with the headers, the encoded key under the base path, and the identical bytes on every retry', async () => {
    replies = [{ status: 503 }, { status: 502 }];
    const result = await recorded().runReport('LT39 K5/C5', DAY);
    expect(result).toEqual({ body: { ok: true }, bytes: 11, attempts: 3, retries: 2 });
    expect(seen.map((s) => s.url)).toEqual(
      Array<string>(3).fill('/tenant/rest/api/v1/historic-data/LT39%20K5%2FC5'),
    );
    expect(seen[0].headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(new Set(seen.map((s) => s.body))).toEqual(new Set([JSON.stringify(DAY)]));
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    replies = [{ status: 429, headers: { 'Retry-After': 'Thu, 01 Jan 2026 00:00:42 GMT' } }];
    const { sleep, waits } = recordingSleep();
    await recorded({ sleep, now: () => now }).runReport('K', DAY);
    expect(waits).toEqual([42_000]);
  });

  it.each([302, 418, 204])('%i is an invalid-response, not retried', async (status) => {
    replies = [{ status, headers: status === 302 ? { Location: '/elsewhere' } : {} }];
    const { error } = await failure(() => recorded().runReport('K', DAY));
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ code: 'invalid-response', status, attempts: 1, retryable: true });
    expect(error.message).toContain(`unexpected status ${status}`);
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    replies = [{ status: 200, body: JSON.stringify({ rows: 'x'.repeat(5_000) }) }];
    const { error } = await failure(() =>
      recorded({ maxResponseBytes: 4_096 }).runReport('K', DAY),
    );
    expect(error).toMatchObject({ code: 'too-large' });
  });

  it('a lying Content-Length takes no memory before the bytes arrive (decision 0015)', async () => {
    // 200 MB declared (under the 256 MiB limit), 9 bytes sent, then silence.
    replies = [
      { status: 200, headers: { 'Content-Length': '200000000' }, body: '{"rows":[', stall: true },
    ];
    const allocations = jest.spyOn(Buffer, 'allocUnsafe');
    try {
      const { error } = await failure(() =>
        recorded({ bodyTimeoutMs: 200, retry: { maxAttempts: 1 } }).runReport('K', DAY),
      );
      expect(error).toMatchObject({ code: 'gave-up' });
      const largest = Math.max(0, ...allocations.mock.calls.map(([size]) => size));
      expect(largest).toBeLessThanOrEqual(64 * 1024);
    } finally {
      allocations.mockRestore();
    }
  });

  it('a report read in many chunks comes out whole, with or without a Content-Length', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ i, text: `row ${i} é` }));
    const text = JSON.stringify({ rows });
    for (const headers of [{ 'Content-Length': String(Buffer.byteLength(text)) }, undefined]) {
      replies = [{ status: 200, headers, body: text }];
      const { body, bytes } = await recorded().runReport('K', DAY);
      expect(bytes).toBe(Buffer.byteLength(text));
      expect((body as { rows: RawRow[] }).rows).toHaveLength(20_000);
      expect((body as { rows: RawRow[] }).rows[19_999]).toEqual(
        new RawRow(JSON.stringify(rows[19_999])),
      );
    }
  });

  it('a body that stalls beyond bodyTimeout is a timeout, retried like one', async () => {
    replies = [{ status: 200, body: '{"rows":[', stall: true }];
    const result = await recorded({ bodyTimeoutMs: 100 }).runReport('K', DAY);
    expect(result).toMatchObject({ body: { ok: true }, attempts: 2, retries: 1 });
  });

  it('reads a body with a UTF-8 byte-order mark; refuses one that is not UTF-8', async () => {
    replies = [{ status: 200, body: Buffer.from('\ufeff{"rows":[{"a":"é"}]}') }];
    const { body } = await recorded().runReport('K', DAY);
    expect(body).toEqual({ rows: [new RawRow('{"a":"é"}')] });
    replies = [{ status: 200, body: Buffer.from([0x7b, 0xff, 0x7d]) }];
    const { error } = await failure(() =>
      recorded({ retry: { maxAttempts: 1 } }).runReport('K', DAY),
    );
    expect(error).toMatchObject({ code: 'invalid-response', status: 200 });
    expect(error.message).toContain('not UTF-8');
  });

  it('JSON that is not an object is an invalid-response', async () => {
    replies = [{ status: 200, body: '[1,2]' }];
    const { error } = await failure(() =>
      recorded({ retry: { maxAttempts: 1 } }).runReport('K', DAY),
    );
    expect(error).toMatchObject({ code: 'invalid-response', status: 200 });
    expect(error.message).toContain('not a report object');
  });

  it('redacts the token when Xima echoes it, and strips control characters', async () => {
    replies = [{ status: 400, body: `bad header\r\n\u0007Authorization: Bearer ${TOKEN}\n` }];
    const { error } = await failure(() => recorded().runReport('K', DAY));
    expect(error.ximaMessage).toBe('bad header Authorization: Bearer [redacted]');
    expect(`${error.stack} ${JSON.stringify(error)}`).not.toContain('LEAKMARKER');
  });

  it('keeps only the first 500 characters of an error body', async () => {
    replies = [{ status: 500, body: 'e'.repeat(10_000) }];
    const { error } = await failure(() =>
      recorded({ retry: { maxAttempts: 1 } }).runReport('K', DAY),
    );
    expect(error.ximaMessage).toBe(`${'e'.repeat(500)}…`);
  });
});

describe('XimaClient options', () => {
  it.each([
    [{ baseUrl: 'not a url' }, 'baseUrl must be an absolute http(s) URL'],
    [{ baseUrl: 'ftp://x' }, 'baseUrl must be an absolute http(s) URL'],
    [{ token: '' }, 'token must be non-empty printable ASCII'],
    [{ token: 'has LEAKMARKER space' }, 'token must be non-empty printable ASCII'],
    [{ headersTimeoutMs: 0 }, 'headersTimeoutMs must be a whole number of at least 1, got 0'],
    [{ maxResponseBytes: -1 }, 'maxResponseBytes must be a whole number'],
    [{ retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
  ])('refuses %j', (options, message) => {
    const build = () => new XimaClient({ baseUrl: 'http://127.0.0.1:1', token: TOKEN, ...options });
    expect(build).toThrow(message);
    try {
      build();
    } catch (error) {
      expect(String((error as Error).stack)).not.toContain('LEAKMARKER');
    }
  });

  it('a closed client refuses to run', async () => {
    const closed = new XimaClient({ baseUrl: 'http://127.0.0.1:1', token: TOKEN });
    await closed.close();
    await expect(closed.runReport('K', DAY)).rejects.toThrow('XimaClient is closed');
  });
});
