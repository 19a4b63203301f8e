import { Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };
const SECRET = 'receiver-shared-secret-7f3a9c';
const TOKEN = 'QUERYTOKEN-LEAKMARKER-5b1d';
const ENV = {
  DELIVERY_MAX_ATTEMPTS: '2',
  DELIVERY_BACKOFF_MS: '20',
  DELIVERY_BACKOFF_MAX_MS: '40',
  DELIVERY_TIMEOUT_MS: '1000',
};

/** A billing system on 127.0.0.1 that answers `status` and remembers the URLs it was asked. */
async function receiver(
  status: number,
): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    req.resume().on('end', () => res.writeHead(status).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 10 (c), decision 0015: a delivery URL's query string may hold a token; no view, audit
 * event or log shows it; a URL needs a secret; hosts can be limited; link-local and metadata
 * addresses are refused.
 */
describe('delivery URLs (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let hotel: Seeded;
  let viewer: string;
  let accounts = 0;
  const http = () => request(t.app.getHttpServer());
  const admin = () => bearer(t.adminKey);
  const patch = (id: number, body: object) =>
    http()
      .patch(`/api/v1/sources/${id}`)
      .set(...admin())
      .send(body);

  beforeAll(async () => {
    t = await createTestApp(ENV);
    db = t.app.get(DataSource);
    hotel = await seedSource(t);
    viewer = (
      await http()
        .post('/api/v1/api-keys')
        .set(...admin())
        .send({ name: 'viewer', role: 'viewer' })
        .expect(201)
    ).body.key;
  });

  afterAll(async () => {
    await t.close();
  });

  async function finalized(): Promise<{ id: number; number: string }> {
    const billingAccount = `ROOM-${++accounts}`;
    await seedItems(db, hotel, [{ startTimeMs: T0, billingAccount, status: 'approved' }]);
    const { id } = (
      await http()
        .post('/api/v1/invoices')
        .set(...admin())
        .send({ billingAccount, ...PERIOD })
        .expect(201)
    ).body;
    return (
      await http()
        .post(`/api/v1/invoices/${id}/finalize`)
        .set(...admin())
        .expect(200)
    ).body;
  }

  async function settled(
    id: number,
  ): Promise<{ state: string; attempts: { url: string; error: string | null }[] }> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const log = (
        await http()
          .get(`/api/v1/invoices/${id}/deliveries`)
          .set(...bearer(viewer))
          .expect(200)
      ).body;
      if (log.state === 'delivered' || log.state === 'failed') return log;
      if (Date.now() > deadline) throw new Error(`delivery of ${id} still ${log.state}`);
      await sleep(10);
    }
  }

  it('no view, audit event, delivery log or log line shows the query string; the request carries it', async () => {
    const billing = await receiver(503); // fails: the failures are logged
    try {
      const url = `${billing.url}?token=${TOKEN}&tenant=7`;
      const saved = await patch(hotel.sourceId, {
        deliveryUrl: url,
        deliverySecret: SECRET,
      }).expect(200);
      expect(saved.body.deliveryUrl).toBe(`${billing.url}?redacted`);
      const shown = await http()
        .get(`/api/v1/sources/${hotel.sourceId}`)
        .set(...bearer(viewer))
        .expect(200);
      expect(shown.body.deliveryUrl).toBe(`${billing.url}?redacted`);

      const invoice = await finalized();
      const log = await settled(invoice.id);
      expect(log.attempts.map((a) => a.url)).toEqual([
        `${billing.url}?redacted`,
        `${billing.url}?redacted`,
      ]);
      await http()
        .post(`/api/v1/invoices/${invoice.id}/deliveries`)
        .set(...admin())
        .expect(202);
      await sleep(100);
      await settled(invoice.id);

      // The receiver got the whole URL: the token still does its job.
      expect(billing.seen[0]).toBe(`/hook?token=${TOKEN}&tenant=7`);

      const listed = await http()
        .get('/api/v1/sources')
        .set(...bearer(viewer))
        .expect(200);
      const audit = await http()
        .get('/api/v1/audit-events?limit=500')
        .set(...admin())
        .expect(200);
      const rows = await db.query('SELECT url FROM invoice_deliveries');
      const auditRows = await db.query('SELECT old_json, new_json FROM audit_events');
      for (const [what, text] of [
        ['source list', JSON.stringify(listed.body)],
        ['audit events API', JSON.stringify(audit.body)],
        ['audit rows', JSON.stringify(auditRows)],
        ['delivery rows', JSON.stringify(rows)],
        ['delivery log', JSON.stringify(log)],
        ['logs', t.logs.text],
      ]) {
        expect({ what, leaks: text.includes(TOKEN) || text.includes('tenant=7') }).toEqual({
          what,
          leaks: false,
        });
      }
      expect(t.logs.text).toContain(`to ${billing.url}?redacted failed`);
      expect(JSON.stringify(audit.body)).toContain(`${billing.url}?redacted`);
    } finally {
      await billing.close();
    }
  });

  const counts = async () =>
    db.query(
      `SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM audit_events) AS audit,
              (SELECT group_concat(coalesce(delivery_url, '-') || coalesce(delivery_secret, '-')) FROM sources) AS delivery`,
    );

  it.each([
    [
      'a URL without a secret',
      { deliveryUrl: 'https://billing.example.com/hook', deliverySecret: null },
    ],
    ['clearing the secret of a source that has a URL', { deliverySecret: null }],
  ])('%s: 400 naming deliverySecret, nothing changed', async (_, body) => {
    const seeded = await seedSource(t, `Secretless ${Object.keys(body).length}`);
    await patch(seeded.sourceId, {
      deliveryUrl: 'https://billing.example.com/hook',
      deliverySecret: SECRET,
    }).expect(200);
    const before = await counts();
    const res = await patch(seeded.sourceId, body).expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'deliverySecret',
        message:
          'is required when deliveryUrl is set: deliveries are signed with it, and a receiver must check the signature',
      },
    ]);
    await expect(counts()).resolves.toEqual(before);
  });

  it('a new source with a URL and no secret: 400, nothing stored', async () => {
    const before = await counts();
    const res = await http()
      .post('/api/v1/sources')
      .set(...admin())
      .send({
        name: 'No secret',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: hotel.planId,
        timezone: 'America/Denver',
        deliveryUrl: 'https://billing.example.com/hook',
      })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['deliverySecret']);
    await expect(counts()).resolves.toEqual(before);
  });

  it.each([
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['https://[fe80::1]/hook', 'fe80::1'],
    ['https://[::ffff:169.254.1.1]/hook', '::ffff:a9fe:101'],
    ['https://100.100.100.200/hook', '100.100.100.200'],
  ])('%s: 400, a link-local or metadata address', async (url, host) => {
    const before = await counts();
    const res = await patch(hotel.sourceId, { deliveryUrl: url, deliverySecret: SECRET }).expect(
      400,
    );
    expect(res.body.details).toEqual([
      {
        field: 'deliveryUrl',
        message: `host ${host} is a link-local or cloud metadata address, where no billing system is`,
      },
    ]);
    await expect(counts()).resolves.toEqual(before);
  });

  it('a link-local URL stored before is refused at send time: failed, nothing sent', async () => {
    await db.query(
      `UPDATE sources SET delivery_url = 'http://169.254.169.254/latest', delivery_secret = ? WHERE id = ?`,
      [SECRET, hotel.sourceId],
    );
    const invoice = await finalized();
    const log = await settled(invoice.id);
    expect(log.state).toBe('failed');
    expect(log.attempts).toEqual([
      expect.objectContaining({
        error:
          'not sent: host 169.254.169.254 is a link-local or cloud metadata address, where no billing system is',
      }),
    ]);
  });
});

describe('DELIVERY_ALLOWED_HOSTS (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let hotel: Seeded;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ ...ENV, DELIVERY_ALLOWED_HOSTS: 'billing.example.com,localhost' });
    db = t.app.get(DataSource);
    hotel = await seedSource(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('a host not in the list is refused when saved (400), one in it is accepted', async () => {
    const before = await db.query('SELECT delivery_url FROM sources');
    const res = await http()
      .patch(`/api/v1/sources/${hotel.sourceId}`)
      .set(...bearer(t.adminKey))
      .send({ deliveryUrl: 'https://evil.example.net/hook', deliverySecret: SECRET })
      .expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'deliveryUrl',
        message:
          'host evil.example.net is not in DELIVERY_ALLOWED_HOSTS (billing.example.com, localhost)',
      },
    ]);
    await expect(db.query('SELECT delivery_url FROM sources')).resolves.toEqual(before);
    await http()
      .patch(`/api/v1/sources/${hotel.sourceId}`)
      .set(...bearer(t.adminKey))
      .send({ deliveryUrl: 'https://Billing.Example.com/hook', deliverySecret: SECRET })
      .expect(200);
  });

  it('a host not in the list is refused when sent (a URL saved before the list changed): nothing sent', async () => {
    const billing = await receiver(200);
    try {
      await db.query(`UPDATE sources SET delivery_url = ?, delivery_secret = ? WHERE id = ?`, [
        billing.url,
        SECRET,
        hotel.sourceId,
      ]);
      const billingAccount = 'ROOM-9';
      await seedItems(db, hotel, [{ startTimeMs: T0, billingAccount, status: 'approved' }]);
      const { id } = (
        await http()
          .post('/api/v1/invoices')
          .set(...bearer(t.adminKey))
          .send({ billingAccount, ...PERIOD })
          .expect(201)
      ).body;
      await http()
        .post(`/api/v1/invoices/${id}/finalize`)
        .set(...bearer(t.adminKey))
        .expect(200);
      const deadline = Date.now() + 5_000;
      let log: { state: string; attempts: { error: string | null }[] };
      do {
        await sleep(10);
        log = (
          await http()
            .get(`/api/v1/invoices/${id}/deliveries`)
            .set(...bearer(t.adminKey))
        ).body;
      } while (log.state !== 'failed' && log.state !== 'delivered' && Date.now() < deadline);
      expect(log.state).toBe('failed');
      expect(log.attempts).toEqual([
        expect.objectContaining({
          error:
            'not sent: host 127.0.0.1 is not in DELIVERY_ALLOWED_HOSTS (billing.example.com, localhost)',
        }),
      ]);
      expect(billing.seen).toEqual([]);
    } finally {
      await billing.close();
    }
  });
});
