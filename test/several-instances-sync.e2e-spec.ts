import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, ServiceInstance } from '@app/common';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { SyncService, XIMA_GATEWAY, XimaClient, XimaGateway } from '@app/xima';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-instances';
const TTL = 60_000;

/** Xima for one instance: each report waits until the test lets it through. */
class GatedXima implements XimaGateway {
  private opened: (() => void) | null = null;
  private gate: Promise<void> = Promise.resolve();
  waiting = 0;

  constructor(private readonly client: XimaClient) {}

  close(): void {
    this.gate = new Promise((resolve) => (this.opened = resolve));
  }

  open(): void {
    this.opened?.();
    this.gate = Promise.resolve();
  }

  async runReport(...args: Parameters<XimaGateway['runReport']>) {
    this.waiting++;
    await this.gate;
    this.waiting--;
    return this.client.runReport(...args);
  }
}

/** An instance's clock: the real time, moved on by the test to play a lease's lapse. */
class OffsetClock extends Clock {
  offsetMs = 0;
  override now(): number {
    return Date.now() + this.offsetMs;
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('two instances on one ledger file: one sync of a source at a time (e2e)', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  let client: XimaClient;
  const adminKey = 'instances-admin-key-0123456789abcdefghijkl';
  const apps: TestApp[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-instances-'));
    sandbox = await startSandbox({ token: TOKEN, seed: 'instances', callsPerDay: 50 });
    client = new XimaClient({ baseUrl: sandbox.url, token: TOKEN });
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await client.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const boot = async (id: string, xima: GatedXima, clock: OffsetClock): Promise<TestApp> => {
    const app = await createTestApp(
      {
        DATABASE_URL: `sqlite:${join(dir, 'ledger.sqlite')}`,
        XIMA_BASE_URL: sandbox.url,
        XIMA_API_KEY: TOKEN,
        ADMIN_API_KEY: adminKey,
      },
      (builder) =>
        builder
          .overrideProvider(XIMA_GATEWAY)
          .useValue(xima)
          .overrideProvider(Clock)
          .useValue(clock)
          .overrideProvider(ServiceInstance)
          .useValue(new ServiceInstance({ id, leaseTtlMs: TTL })),
    );
    apps.push(app);
    return app;
  };

  it('refuses a second run on another instance, and takes the source over once the lease lapses', async () => {
    const [ximaA, ximaB] = [new GatedXima(client), new GatedXima(client)];
    const [clockA, clockB] = [new OffsetClock(), new OffsetClock()];
    const a = await boot('instance-a', ximaA, clockA);
    const plan = await request(a.app.getHttpServer())
      .post('/api/v1/rate-plans')
      .set(...bearer(adminKey))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    const source = await request(a.app.getHttpServer())
      .post('/api/v1/sources')
      .set(...bearer(adminKey))
      .send({
        name: 'Hotel',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    const sourceId = source.body.id as number;
    const window = { startMs: Date.UTC(2026, 2, 2, 7), endMs: Date.UTC(2026, 2, 4, 7) };

    // Instance a starts the sync; Xima holds its first report.
    ximaA.close();
    const first = await a.app.get(SyncService).start(sourceId, 'manual', window);
    await until(() => ximaA.waiting > 0);

    // Instance b starts meanwhile: a's run is live (its lease is held), so b leaves it alone.
    const b = await boot('instance-b', ximaB, clockB);
    const db = b.app.get(DataSource);
    const runsOf = () =>
      db.query<{ id: number; status: string; messages_json: string }[]>(
        'SELECT id, status, messages_json FROM sync_runs ORDER BY id',
      );
    await expect(runsOf()).resolves.toEqual([
      expect.objectContaining({ id: first.run.id, status: 'running' }),
    ]);
    await expect(b.app.get(SyncService).start(sourceId, 'schedule', window)).rejects.toThrow(
      `Source ${sourceId} is already syncing (run ${first.run.id} on instance instance-a)`,
    );

    // a stops renewing (paused, or dead): once its lease has lapsed, b takes the source over.
    clockB.offsetMs = TTL + 1;
    const second = await b.app.get(SyncService).start(sourceId, 'schedule', window);
    await expect(runsOf()).resolves.toEqual([
      {
        id: first.run.id,
        status: 'failed',
        messages_json: '["interrupted: instance instance-a stopped during this run"]',
      },
      expect.objectContaining({ id: second.run.id, status: 'running' }),
    ]);
    await expect(second.done).resolves.toMatchObject({ status: 'succeeded' });

    // a wakes up: its next chunk finds the lease gone and writes nothing.
    ximaA.open();
    await expect(first.done).resolves.toMatchObject({ id: first.run.id, status: 'failed' });
    const [written] = await db.query<{ byA: number; records: number }[]>(
      `SELECT (SELECT count(*) FROM call_records WHERE sync_run_id = ?) AS byA,
              (SELECT count(*) FROM call_records) AS records`,
      [first.run.id],
    );
    expect(written.byA).toBe(0);
    expect(written.records).toBeGreaterThan(0);
    await expect(b.app.get(SyncService).getRun(second.run.id)).resolves.toMatchObject({
      inserted: written.records,
    });
    // The lease is released with the run: a syncs the source again at once.
    await expect(db.query('SELECT name FROM leases')).resolves.toEqual([]);
    clockA.offsetMs = TTL + 1;
    const third = await a.app.get(SyncService).start(sourceId, 'manual', window);
    await expect(third.done).resolves.toMatchObject({ status: 'succeeded', inserted: 0 });
  });

  it('names the instance by INSTANCE_ID, with the lease timing of LEASE_TTL_MS and LEASE_POLL_MS', async () => {
    const app = await createTestApp({
      DATABASE_URL: `sqlite:${join(dir, 'named.sqlite')}`,
      INSTANCE_ID: 'billing-7',
      LEASE_TTL_MS: '9000',
      LEASE_POLL_MS: '700',
    });
    apps.push(app);
    expect(app.app.get(ServiceInstance)).toMatchObject({
      id: 'billing-7',
      leaseTtlMs: 9_000,
      leaseRenewMs: 3_000,
      leasePollMs: 700,
    });
  });
});
