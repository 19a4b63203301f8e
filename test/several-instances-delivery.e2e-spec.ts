import { mkdtempSync, rmSync } from 'node:fs';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, ServiceInstance } from '@app/common';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };
const TTL = 60_000;
const ADMIN_KEY = 'instances-delivery-admin-key-0123456789abcdef';

/** An instance's clock: the real time, moved on by the test to play a lease's lapse. */
class OffsetClock extends Clock {
  offsetMs = 0;
  override now(): number {
    return Date.now() + this.offsetMs;
  }
}

/** A billing system that holds its first answer for a minute, then answers 200 at once. */
class Receiver {
  readonly headers: IncomingHttpHeaders[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      this.headers.push(req.headers);
      const timer = setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
        this.headers.length === 1 ? 60_000 : 0,
      );
      this.timers.add(timer);
    });
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/invoices`;
  }

  close(): Promise<void> {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('two instances on one ledger file: an invoice delivery taken over (e2e)', () => {
  let dir: string;
  let receiver: Receiver;
  const apps: TestApp[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-instances-delivery-'));
    receiver = new Receiver();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const boot = async (id: string, clock: Clock, leasePollMs: number): Promise<TestApp> => {
    const app = await createTestApp(
      {
        DATABASE_URL: `sqlite:${join(dir, 'ledger.sqlite')}`,
        ADMIN_API_KEY: ADMIN_KEY,
        DELIVERY_TIMEOUT_MS: '120000',
      },
      (builder) =>
        builder
          .overrideProvider(Clock)
          .useValue(clock)
          .overrideProvider(ServiceInstance)
          .useValue(new ServiceInstance({ id, leaseTtlMs: TTL, leasePollMs })),
    );
    apps.push(app);
    return app;
  };

  it('goes on with the sequence of an instance that stopped renewing: once more, same key', async () => {
    const url = await receiver.listen();
    const a = await boot('instance-a', new Clock(), 600_000);
    const clockB = new OffsetClock();
    const b = await boot('instance-b', clockB, 50);
    const seeded = await seedSource({ ...a, adminKey: ADMIN_KEY });
    await request(a.app.getHttpServer())
      .patch(`/api/v1/sources/${seeded.sourceId}`)
      .set(...bearer(ADMIN_KEY))
      .send({ deliveryUrl: url, deliverySecret: 'receiver-shared-secret-7f3a9c' })
      .expect(200);
    const db = a.app.get(DataSource);
    await seedItems(db, seeded, [
      { startTimeMs: T0, billingAccount: 'ROOM-1', status: 'approved' },
    ]);
    const drafted = await request(a.app.getHttpServer())
      .post('/api/v1/invoices')
      .set(...bearer(ADMIN_KEY))
      .send({ billingAccount: 'ROOM-1', ...PERIOD })
      .expect(201);
    const invoice = await request(a.app.getHttpServer())
      .post(`/api/v1/invoices/${drafted.body.id}/finalize`)
      .set(...bearer(ADMIN_KEY))
      .expect(200);
    const id = invoice.body.id as number;

    // a's first attempt is in flight (the billing system holds its answer).
    await until(() => receiver.headers.length === 1);
    const stateOn = async (app: TestApp) =>
      (
        await request(app.app.getHttpServer())
          .get(`/api/v1/invoices/${id}/deliveries`)
          .set(...bearer(ADMIN_KEY))
          .expect(200)
      ).body as { state: string; attempts: { attempt: number; status: string; error: string }[] };
    // b reads the lease: the delivery is in progress, on another instance.
    await expect(stateOn(b)).resolves.toMatchObject({
      state: 'in-progress',
      attempts: [{ attempt: 1, status: 'pending' }],
    });

    // a stops renewing (dead): once its lease has lapsed, b's next look takes the sequence over.
    clockB.offsetMs = TTL + 1;
    await until(async () => (await stateOn(b)).state === 'delivered');
    await expect(stateOn(b)).resolves.toMatchObject({
      attempts: [
        {
          attempt: 1,
          status: 'failed',
          error: 'interrupted: instance instance-a stopped during this attempt',
        },
        { attempt: 2, status: 'delivered' },
      ],
    });
    expect(receiver.headers.map((headers) => headers['idempotency-key'])).toEqual([
      invoice.body.number,
      invoice.body.number,
    ]);
    await expect(db.query('SELECT name FROM leases')).resolves.toEqual([]);
  });
});
