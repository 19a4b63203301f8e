import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-health-3f9a1c7e5b2d';
const WINDOW = { from: '2026-03-02', to: '2026-03-03' };
/** Short retries, so that a Xima that never answers fails a run quickly. */
const RETRY = { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20, maxTotalMs: 2_000 };

/** A pino line as the capture holds it. */
interface LogLine {
  level: number;
  msg: string;
  context?: string;
  [field: string]: unknown;
}

/** /health and the sync failure log, against the real sandbox and Xima that misbehave. */
describe('/health and failed syncs (e2e)', () => {
  let sandbox: RunningSandbox;
  /** A "Xima" that refuses every report and repeats the request's Authorization header. */
  let echo: Server;
  let t: TestApp;
  let sourceId: number;
  const clients: Record<'sandbox' | 'echo' | 'nobody', XimaClient> = {} as never;
  // The production client, switched between a working Xima, an echoing one and none at all.
  const gateway = {
    client: undefined as unknown as XimaClient,
    requests: 0,
    runReport(...args: Parameters<XimaClient['runReport']>) {
      this.requests++;
      return this.client.runReport(...args);
    },
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'health-e2e', callsPerDay: 50 });
    echo = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            status: 403,
            message: `The service user may not see agent 1012 (request sent ${req.headers.authorization})`,
          }),
        );
      });
    });
    await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
    const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    clients.sandbox = new XimaClient({ baseUrl: sandbox.url, token: TOKEN, retry: RETRY });
    clients.echo = new XimaClient({ baseUrl: echoUrl, token: TOKEN, retry: RETRY });
    // Port 9 (discard) on loopback: nothing listens, every connection is refused.
    clients.nobody = new XimaClient({ baseUrl: 'http://127.0.0.1:9', token: TOKEN, retry: RETRY });
    gateway.client = clients.sandbox;
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN }, (builder) =>
      builder.overrideProvider(XIMA_GATEWAY).useValue(gateway),
    );
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    const source = {
      kind: 'call-records',
      historicDataKey: 'CALLDTLX',
      ratePlanId: plan.body.id,
      timezone: 'America/Denver',
    };
    const created = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({ ...source, name: 'Grand Hotel' })
      .expect(201);
    sourceId = created.body.id;
    await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({ ...source, name: 'Old PBX', enabled: false })
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
    await sandbox.close();
    await new Promise((done) => echo.close(done));
  });

  const http = () => request(t.app.getHttpServer());
  const health = () => http().get('/health').expect(200);
  const sync = async (expected: 'succeeded' | 'failed') => {
    const res = await http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send(WINDOW)
      .expect(200);
    expect(res.body.status).toBe(expected);
    return res.body as { id: number; from: string; to: string };
  };

  it('is ok before any sync: each enabled source with no last sync, Xima not yet asked, and no request to Xima', async () => {
    const before = { sandbox: sandbox.requests, gateway: gateway.requests };
    const res = await health();
    await health();
    expect(res.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up', responseTime: expect.any(Number) } },
      error: {},
      details: { database: { status: 'up', responseTime: expect.any(Number) } },
      xima: { status: 'unknown', checkedAt: null, error: null },
      // The disabled source is not listed.
      sources: [{ id: sourceId, name: 'Grand Hotel', syncing: false, lastSync: null }],
    });
    expect({ sandbox: sandbox.requests, gateway: gateway.requests }).toEqual(before);
  });

  it("turns degraded after a failed sync, with the run and Xima's message; ok again after a good one", async () => {
    sandbox.setFaults({ mode: '403' });
    const failed = await sync('failed');
    sandbox.setFaults(undefined);
    const degraded = await health();
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      info: { database: { status: 'up' } },
      // Xima answered (it refused): reachable; the source is what failed.
      xima: { status: 'reachable', checkedAt: expect.any(String), error: null },
      sources: [
        {
          id: sourceId,
          name: 'Grand Hotel',
          syncing: false,
          lastSync: {
            runId: failed.id,
            status: 'failed',
            trigger: 'manual',
            from: failed.from,
            to: failed.to,
            startedAt: expect.any(String),
            finishedAt: expect.any(String),
            error: expect.stringContaining('Xima answered 403'),
          },
        },
      ],
    });

    const good = await sync('succeeded');
    const ok = await health();
    expect(ok.body).toMatchObject({
      status: 'ok',
      xima: { status: 'reachable', error: null },
      sources: [{ lastSync: { runId: good.id, status: 'succeeded', error: null } }],
    });
  });

  it('turns degraded while Xima does not answer, naming why; ok once it answers again', async () => {
    gateway.client = clients.nobody;
    try {
      await sync('failed');
    } finally {
      gateway.client = clients.sandbox;
    }
    const degraded = await health();
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      xima: { status: 'unreachable', error: expect.stringMatching(/ECONNREFUSED|connection/i) },
      sources: [{ lastSync: { status: 'failed', error: expect.stringContaining('Xima report') } }],
    });

    await sync('succeeded');
    await expect(health().then((res) => res.body)).resolves.toMatchObject({
      status: 'ok',
      xima: { status: 'reachable', error: null },
    });
  });

  it("logs a failed sync at warn with the source, window and Xima's message, never the token", async () => {
    gateway.client = clients.echo;
    let failed: { id: number; from: string; to: string };
    try {
      failed = await sync('failed');
    } finally {
      gateway.client = clients.sandbox;
    }
    const warnings = t.logs.lines
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => line.context === 'SyncService' && line.runId === failed.id);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatchObject({
      level: 40, // pino's warn
      sourceId,
      sourceName: 'Grand Hotel',
      trigger: 'manual',
      from: failed.from,
      to: failed.to,
      reason: expect.stringContaining('Xima answered 403'),
    });
    expect(warning.reason).toContain('The service user may not see agent 1012');
    expect(warning.msg).toBe(
      `Sync of source ${sourceId} "Grand Hotel" failed (run ${failed.id}, manual, window ${failed.from} to ${failed.to}): ${warning.reason as string}`,
    );
    // Xima repeated the token; the client took it out before anyone logged or stored it.
    expect(warning.reason).toContain('[redacted]');
    expect(t.logs.text).not.toContain(TOKEN);
    const res = await health();
    expect(res.body.status).toBe('degraded');
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    await sync('succeeded');
  });

  it('answers 503 as before when the ledger does not answer', async () => {
    const broken = await createTestApp();
    try {
      await broken.app.get(DataSource).destroy();
      const res = await request(broken.app.getHttpServer()).get('/health').expect(503);
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
