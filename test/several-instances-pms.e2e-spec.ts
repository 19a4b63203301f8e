import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Clock, ServiceInstance } from '@app/common';
import { LinkSupervisor } from '@app/postings';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const ADMIN_KEY = 'instances-pms-admin-key-0123456789abcdefghij';

/** An instance's clock: the real time, moved on by the test to play a lease's lapse. */
class OffsetClock extends Clock {
  offsetMs = 0;
  override now(): number {
    return Date.now() + this.offsetMs;
  }
}

/** A loopback port nothing listens on: each runner keeps trying it, which is all this test needs. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two instances on one ledger file: each PMS link runs on exactly one (e2e)', () => {
  let dir: string;
  const apps: TestApp[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-instances-pms-'));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const boot = async (settings: ServiceInstance, clock: Clock): Promise<TestApp> => {
    const app = await createTestApp(
      {
        DATABASE_URL: `sqlite:${join(dir, 'ledger.sqlite')}`,
        ADMIN_API_KEY: ADMIN_KEY,
        PMS_LINKS_ENABLED: 'true',
      },
      (builder) =>
        builder
          .overrideProvider(Clock)
          .useValue(clock)
          .overrideProvider(ServiceInstance)
          .useValue(settings),
    );
    apps.push(app);
    return app;
  };

  it('runs a link where its lease is; another instance takes it over when renewals stop, or at once after a shutdown', async () => {
    // a renews every 3 s (a stall of 6 s would still not lose the link); b looks every 50 ms.
    const a = await boot(
      new ServiceInstance({ id: 'instance-a', leaseTtlMs: 9_000, leasePollMs: 50 }),
      new Clock(),
    );
    const clockB = new OffsetClock();
    const b = await boot(
      new ServiceInstance({ id: 'instance-b', leaseTtlMs: 9_000, leasePollMs: 50 }),
      clockB,
    );
    const http = (t: TestApp) => request(t.app.getHttpServer());
    const plan = await http(a)
      .post('/api/v1/rate-plans')
      .set(...bearer(ADMIN_KEY))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    const source = await http(a)
      .post('/api/v1/sources')
      .set(...bearer(ADMIN_KEY))
      .send({
        name: 'Grand Hotel',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    const created = await http(a)
      .post('/api/v1/pms-links')
      .set(...bearer(ADMIN_KEY))
      .send({
        name: 'Grand Hotel OPERA',
        host: '127.0.0.1',
        port: await closedPort(),
        sourceIds: [source.body.id],
        postingMode: 'on-rating',
      })
      .expect(201);
    const linkId = created.body.id as number;
    const runsOn = () =>
      [a, b].filter((t) => t.app.get(LinkSupervisor).isRunning(linkId)).map((t) => apps.indexOf(t));

    // Created on a: it runs there, and only there; b's API says where.
    expect(created.body.instance).toBe('instance-a');
    await new Promise((resolve) => setTimeout(resolve, 200)); // b has looked a few times
    expect(runsOn()).toEqual([0]);
    const seenFromB = await http(b)
      .get(`/api/v1/pms-links/${linkId}`)
      .set(...bearer(ADMIN_KEY))
      .expect(200);
    expect(seenFromB.body).toMatchObject({ state: 'elsewhere', instance: 'instance-a' });
    await http(b)
      .post(`/api/v1/pms-links/${linkId}/resync`)
      .set(...bearer(ADMIN_KEY))
      .expect(409)
      .expect(({ body }) =>
        expect(body.message).toContain('runs on instance instance-a: ask that instance'),
      );

    // b's clock passes a's lease (as if a had stopped renewing): b takes the link over, and a's
    // next renewal fails, which stops a's runner at once.
    clockB.offsetMs = 60_000;
    await until(() => runsOn().join() === '1', 15_000);
    clockB.offsetMs = 0;

    // b shuts down: it releases the lease, and a takes the link back at its next look.
    await b.close();
    await until(() => a.app.get(LinkSupervisor).isRunning(linkId));
    const back = await http(a)
      .get(`/api/v1/pms-links/${linkId}`)
      .set(...bearer(ADMIN_KEY))
      .expect(200);
    expect(back.body.instance).toBe('instance-a');
  });
});
