import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningSandbox, generateCalls, startSandbox } from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-sync-tests';
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const FROM = '2026-03-02T00:00:00-07:00';
const TO = '2026-03-04T00:00:00-07:00';

/** Sync against the sandbox as a real HTTP server. */
describe('sync (e2e, real sandbox)', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let db: DataSource;
  let sourceId: number;
  // The production client; a test may swap in one with another token (Xima refreshed it).
  const gateway = {
    client: undefined as unknown as XimaClient,
    /** Called before each request to Xima with its number in the test, from 1. */
    beforeRequest: undefined as ((n: number) => void) | undefined,
    requests: 0,
    runReport(...args: Parameters<XimaClient['runReport']>) {
      this.beforeRequest?.(++this.requests);
      return this.client.runReport(...args);
    },
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'sync-e2e', callsPerDay: 400 });
    // The production client with a short retry budget, so that permanent faults end quickly.
    const client = new XimaClient({
      baseUrl: sandbox.url,
      token: TOKEN,
      retry: {
        maxAttempts: 3,
        baseDelayMs: 20,
        maxDelayMs: 100,
        maxTotalMs: 10_000,
        acceptedDelayMs: 20,
      },
    });
    gateway.client = client;
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN }, (builder) =>
      builder.overrideProvider(XIMA_GATEWAY).useValue(gateway),
    );
    db = t.app.get(DataSource);
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    const source = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Grand Hotel',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    sourceId = source.body.id;
  });

  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  const http = () => request(t.app.getHttpServer());
  const sync = (body: object = { from: FROM, to: TO }) =>
    http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send(body);
  const ledger = async () =>
    (
      await db.query(`SELECT (SELECT count(*) FROM call_records) AS records,
                             (SELECT count(*) FROM line_items) AS items,
                             (SELECT count(*) FROM record_errors) AS errors,
                             (SELECT count(*) FROM call_records WHERE direction = 'outbound') AS outbound`)
    )[0] as { records: number; items: number; errors: number; outbound: number };

  it('pulls two days: every row a record or a counted error; counts equal the ledger', async () => {
    const res = await sync().expect(200);
    const expected = generateCalls(
      { seed: 'sync-e2e', callsPerDay: 400, timezone: 'America/Denver' },
      Date.parse(FROM),
      Date.parse(TO) - 1,
    );
    const run = res.body;
    expect(run).toMatchObject({
      status: 'succeeded',
      sourceId,
      fetched: expected.length,
      duplicates: 0,
      retries: 0,
    });
    const counts = await ledger();
    expect(run.inserted + run.errors).toBe(expected.length);
    expect(counts.records).toBe(run.inserted);
    expect(counts.items).toBe(run.rated);
    expect(counts.errors).toBe(run.errors);
    // Every outbound call from a room is a line item; house phones make none.
    const outbound: { extension: string | null }[] = await db.query(
      `SELECT extension FROM call_records WHERE direction = 'outbound'`,
    );
    const fromRooms = outbound.filter(({ extension }) => {
      const room = (extension ?? '').trim();
      return /^[0-9]+$/.test(room) && Number(room) >= 1001 && Number(room) <= 1999;
    });
    expect(counts.items).toBe(fromRooms.length);
    const source = await http()
      .get(`/api/v1/sources/${sourceId}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    // The first committed time a source has: the schedule goes on from the end of it.
    expect(source.body.watermark).toBe('2026-03-04T07:00:00.000Z');
  });

  it('pulls the same window again: nothing twice', async () => {
    const before = await ledger();
    const res = await sync().expect(200);
    expect(res.body).toMatchObject({ status: 'succeeded', inserted: 0, rated: 0 });
    expect(res.body.duplicates + res.body.errors).toBe(res.body.fetched);
    await expect(ledger()).resolves.toEqual(before);
  });

  it('pulls an overlapping window: only the new day is new', async () => {
    const before = await ledger();
    const res = await sync({
      from: '2026-03-03T00:00:00-07:00',
      to: '2026-03-05T00:00:00-07:00',
    }).expect(200);
    const newDay = generateCalls(
      { seed: 'sync-e2e', callsPerDay: 400, timezone: 'America/Denver' },
      Date.parse('2026-03-04T00:00:00-07:00'),
      Date.parse('2026-03-05T00:00:00-07:00') - 1,
    );
    const after = await ledger();
    expect(res.body.inserted + (after.errors - before.errors)).toBe(newDay.length);
    expect(after.records - before.records).toBe(res.body.inserted);
  });

  it('lists and reads runs; 404 for an unknown run or source; 400 for a bad window', async () => {
    const list = await http()
      .get(`/api/v1/sync-runs?sourceId=${sourceId}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(3);
    await http()
      .get(`/api/v1/sync-runs/${list.body.items[0].id}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    await http()
      .get('/api/v1/sync-runs/99999')
      .set(...bearer(t.adminKey))
      .expect(404);
    await http()
      .post('/api/v1/sources/99999/sync')
      .set(...bearer(t.adminKey))
      .send({ from: FROM, to: TO })
      .expect(404);
    const bad = await sync({ from: TO, to: FROM }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'to', message: 'to must be after from' }]);
  });

  it("lists a run's unreadable rows, each with why and the row as Xima sent it", async () => {
    // A plan in force only from 2027: every call of March 2026 is a row no version covers.
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({
        ...samplePlan<object>('grand-hotel'),
        name: 'Not yet',
        effectiveFrom: '2027-01-01T00:00:00-07:00',
      })
      .expect(201);
    const source = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Grand Hotel, plan not yet in force',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    const run = (
      await http()
        .post(`/api/v1/sources/${source.body.id}/sync`)
        .set(...bearer(t.adminKey))
        .send({ from: FROM, to: '2026-03-03T00:00:00-07:00' })
        .expect(200)
    ).body as { id: number; errors: number };
    expect(run.errors).toBeGreaterThan(1);
    const errors = await http()
      .get(`/api/v1/sync-runs/${run.id}/errors?limit=1000`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(errors.body.items).toHaveLength(run.errors);
    expect(errors.body.items[0].reason).toMatch(/^no version of rate plan \d+ is in force at /);
    const stored: { reason: string; raw_json: string }[] = await db.query(
      'SELECT reason, raw_json FROM record_errors WHERE sync_run_id = ? ORDER BY id',
      [run.id],
    );
    expect(
      (errors.body.items as { reason: string; rawJson: string }[]).map((e) => [
        e.reason,
        e.rawJson,
      ]),
    ).toEqual(stored.map((e) => [e.reason, e.raw_json]));
    const first = await http()
      .get(`/api/v1/sync-runs/${run.id}/errors`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(first.body.items).toEqual(errors.body.items.slice(0, 100));
    await http()
      .get('/api/v1/sync-runs/99999/errors')
      .set(...bearer(t.adminKey))
      .expect(404);
    await http()
      .get(`/api/v1/sync-runs/${run.id}/errors?limit=0`)
      .set(...bearer(t.adminKey))
      .expect(400);
  });

  it('syncs an account-code summary: one row per code per day, rated with the summary plan, once', async () => {
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send(samplePlan('porter-lane-summary'))
      .expect(201);
    const source = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Firm codes',
        kind: 'account-summary',
        historicDataKey: 'ACCTSUM1',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    const syncSummary = () =>
      http()
        .post(`/api/v1/sources/${source.body.id}/sync`)
        .set(...bearer(t.adminKey))
        .send({ from: '2026-03-02', to: '2026-03-04' })
        .expect(200);
    const first = await syncSummary();
    expect(first.body).toMatchObject({ status: 'succeeded', duplicates: 0 });
    expect(first.body.inserted).toBeGreaterThan(0);
    const rows: { n: number; periods: number }[] = await db.query(
      `SELECT count(*) AS n, count(DISTINCT period_start_ms) AS periods FROM account_summaries WHERE source_id = ?`,
      [source.body.id],
    );
    expect(rows[0]).toEqual({ n: first.body.inserted, periods: 2 });
    const items: { n: number }[] = await db.query(
      `SELECT count(*) AS n FROM line_items WHERE source_id = ? AND account_summary_id IS NOT NULL`,
      [source.body.id],
    );
    expect(items[0].n).toBe(first.body.rated);
    const again = await syncSummary();
    expect(again.body).toMatchObject({
      status: 'succeeded',
      inserted: 0,
      duplicates: first.body.inserted,
    });
  });

  describe('Xima faults', () => {
    afterEach(() => sandbox.setFaults(undefined));

    it('503 with Retry-After: retried, counted, then succeeds', async () => {
      sandbox.setFaults({ mode: '503', times: 1, retryAfterSeconds: 1 });
      const res = await sync({
        from: '2026-03-10T00:00:00-06:00',
        to: '2026-03-11T00:00:00-06:00',
      }).expect(200);
      expect(res.body).toMatchObject({ status: 'succeeded', retries: 1 });
      expect(res.body.inserted).toBeGreaterThan(0);
    });

    it("403: the run fails with Xima's message, without retrying, and stores nothing", async () => {
      sandbox.setFaults({ mode: '403' });
      const before = await ledger();
      const requests = sandbox.requests;
      const res = await sync({
        from: '2026-03-12T00:00:00-06:00',
        to: '2026-03-13T00:00:00-06:00',
      }).expect(200);
      expect(res.body.status).toBe('failed');
      expect(res.body.retries).toBe(0);
      expect(res.body.messages.join(' ')).toMatch(/403|may not/i);
      expect(sandbox.requests - requests).toBe(1);
      await expect(ledger()).resolves.toEqual(before);
    });

    it('a truncated body fails the chunk, leaves the ledger as it was; the next run takes it again', async () => {
      sandbox.setFaults({ mode: 'truncated' });
      const window = { from: '2026-03-14T00:00:00-06:00', to: '2026-03-15T00:00:00-06:00' };
      const before = await ledger();
      const failed = await sync(window).expect(200);
      expect(failed.body.status).toBe('failed');
      await expect(ledger()).resolves.toEqual(before);
      sandbox.setFaults(undefined);
      const again = await sync(window).expect(200);
      expect(again.body).toMatchObject({ status: 'succeeded', duplicates: 0 });
      expect(again.body.inserted).toBeGreaterThan(0);
    }, 60_000);

    it.each([
      ['429 with Retry-After', { mode: '429', times: 1, retryAfterSeconds: 1 }, '2026-03-18'],
      ['202 then 200 (the identical body again)', { mode: '202-then-200' }, '2026-03-19'],
      ['a malformed body once', { mode: 'malformed-json', times: 1 }, '2026-03-20'],
    ] as const)('%s: retried, counted, then succeeds', async (_label, fault, day) => {
      sandbox.setFaults(fault);
      const res = await sync({ from: day, to: nextDay(day) }).expect(200);
      expect(res.body).toMatchObject({ status: 'succeeded', retries: 1 });
      expect(res.body.inserted).toBeGreaterThan(0);
    });

    it('a malformed body every time: the run fails after its retries, the ledger as it was', async () => {
      sandbox.setFaults({ mode: 'malformed-json' });
      const before = await ledger();
      const requests = sandbox.requests;
      const res = await sync({ from: '2026-03-21', to: '2026-03-22' }).expect(200);
      expect(res.body.status).toBe('failed');
      expect(res.body.retries).toBe(sandbox.requests - requests - 1);
      await expect(ledger()).resolves.toEqual(before);
    });

    it('a chunk refused after one was stored: the run stops there, keeps the stored day, asks for no more; a re-run finishes', async () => {
      const window = { from: '2026-03-24', to: '2026-03-27' }; // three days, three chunks
      const before = await ledger();
      const requests = sandbox.requests;
      gateway.requests = 0;
      gateway.beforeRequest = (n) => {
        if (n === 2) sandbox.setFaults({ mode: '403', times: 1 }); // Xima refuses the 2nd day
      };
      try {
        const res = await sync(window).expect(200);
        expect(res.body.status).toBe('failed');
        expect(res.body.messages.join(' ')).toContain('chunk 2026-03-25T06:00:00.000Z');
        // Day 3 was never asked for: the next chunk is only requested once this one is in hand.
        expect(sandbox.requests - requests).toBe(2);
        const stored = await ledger();
        expect(stored.records - before.records).toBe(res.body.inserted);
        expect(res.body.inserted).toBeGreaterThan(0);
      } finally {
        gateway.beforeRequest = undefined;
        sandbox.setFaults(undefined);
      }
      const again = await sync(window).expect(200);
      expect(again.body.status).toBe('succeeded');
      expect(again.body.duplicates).toBeGreaterThan(0); // day 1, already stored
      expect(again.body.inserted).toBeGreaterThan(0); // days 2 and 3
      expect((await ledger()).records - before.records).toBe(
        again.body.inserted + again.body.duplicates,
      );
    });

    it('a retried fault on a chunk fetched while the one before is stored: counted once, the run succeeds', async () => {
      const window = { from: '2026-03-28', to: '2026-03-31' }; // three days, three chunks
      gateway.requests = 0;
      gateway.beforeRequest = (n) => {
        if (n === 2) sandbox.setFaults({ mode: '503', times: 1, retryAfterSeconds: 0 });
      };
      try {
        const res = await sync(window).expect(200);
        expect(res.body).toMatchObject({ status: 'succeeded', retries: 1, duplicates: 0 });
        expect(gateway.requests).toBe(3);
      } finally {
        gateway.beforeRequest = undefined;
        sandbox.setFaults(undefined);
      }
    });

    it('a rejected token (401): failed at once, says what to do, never shows the token', async () => {
      const good = gateway.client;
      gateway.client = new XimaClient({ baseUrl: sandbox.url, token: 'refreshed-in-xima-since' });
      try {
        const before = await ledger();
        const requests = sandbox.requests;
        const res = await sync({ from: '2026-03-22', to: '2026-03-23' }).expect(200);
        expect(res.body).toMatchObject({ status: 'failed', retries: 0, inserted: 0 });
        expect(res.body.messages.join(' ')).toContain(
          "The service user's token was rejected; it may have been refreshed in Xima: update XIMA_API_KEY",
        );
        expect(JSON.stringify(res.body)).not.toContain('refreshed-in-xima-since');
        expect(sandbox.requests - requests).toBe(1);
        await expect(ledger()).resolves.toEqual(before);
      } finally {
        await gateway.client.close();
        gateway.client = good;
      }
    });

    it("a request Xima refuses (400): failed at once with Xima's message, the ledger as it was", async () => {
      const bad = await http()
        .post('/api/v1/sources')
        .set(...bearer(t.adminKey))
        .send({
          name: 'Bad parameters',
          kind: 'call-records',
          historicDataKey: 'CALLDTLX',
          ratePlanId: 1,
          timezone: 'America/Denver',
          parameters: [
            {
              name: 'Rows (Agent)',
              valueType: 'PBX_USERS',
              value: { type: 'PBX_USERS', pbxUsers: 'everyone' },
            },
          ],
        })
        .expect(201);
      const before = await ledger();
      const requests = sandbox.requests;
      const res = await http()
        .post(`/api/v1/sources/${bad.body.id}/sync`)
        .set(...bearer(t.adminKey))
        .send({ from: '2026-03-02', to: '2026-03-04' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'failed', retries: 0, inserted: 0 });
      expect(res.body.messages.join(' ')).toContain('pbxUsers must be an array');
      expect(sandbox.requests - requests).toBe(1);
      await expect(ledger()).resolves.toEqual(before);
    });

    it('an unknown report key (404): failed at once, with what to check', async () => {
      const other = await http()
        .post('/api/v1/sources')
        .set(...bearer(t.adminKey))
        .send({
          name: 'Wrong key',
          kind: 'call-records',
          historicDataKey: 'NOSUCHKY',
          ratePlanId: 1,
          timezone: 'America/Denver',
        })
        .expect(201);
      const requests = sandbox.requests;
      const res = await http()
        .post(`/api/v1/sources/${other.body.id}/sync`)
        .set(...bearer(t.adminKey))
        .send({ from: '2026-03-02', to: '2026-03-03' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'failed', retries: 0, inserted: 0 });
      expect(res.body.messages.join(' ')).toMatch(/historicDataKey/);
      expect(sandbox.requests - requests).toBe(1);
    });

    it('two syncs of one source at once: the second gets 409, nothing twice', async () => {
      sandbox.setFaults({ mode: 'latency', latencyMs: 1_000 });
      const window = { from: '2026-03-16T00:00:00-06:00', to: '2026-03-17T00:00:00-06:00' };
      const first = sync(window).then((response) => response); // sends it now
      await new Promise((r) => setTimeout(r, 300));
      const second = await sync(window);
      expect(second.status).toBe(409);
      expect(second.body.message).toMatch(/already syncing/);
      const done = await first;
      expect(done.body).toMatchObject({ status: 'succeeded', duplicates: 0 });
    });
  });
});
