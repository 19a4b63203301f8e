import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BillingSystemClient } from '../libs/invoice-export/src/delivery/billing-system-client';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };
const SECRET = 'receiver-shared-secret-7f3a9c';
const MAX_ATTEMPTS = 3;
/** Tiny waits: 20, 40 ms between attempts; an attempt's answer is awaited 1 s. */
const DELIVERY_ENV = {
  DELIVERY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  DELIVERY_BACKOFF_MS: '20',
  DELIVERY_BACKOFF_MAX_MS: '40',
  DELIVERY_TIMEOUT_MS: '1000',
};

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface DeliveryLog {
  state: string;
  attempts: {
    attempt: number;
    status: string;
    httpStatus: number | null;
    error: string | null;
    url: string;
    idempotencyKey: string;
  }[];
}

/** A billing system on 127.0.0.1 whose answers each test scripts. */
class Receiver {
  readonly requests: Received[] = [];
  /** Answers in order; once they run out, `otherwise`. */
  script: { status: number; delayMs?: number }[] = [];
  otherwise = 200;
  /** 2xx answers given, by idempotency key. */
  readonly accepted = new Map<string, number>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.requests.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const answer = this.script.shift() ?? { status: this.otherwise };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        const key = String(req.headers['idempotency-key']);
        if (answer.status < 300) this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end('{"ok":1}');
      }, answer.delayMs ?? 0);
      this.timers.add(timer);
    });
  });
  /** Slow answers still to give: dropped at close. */
  private readonly timers = new Set<NodeJS.Timeout>();

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/invoices`;
  }

  reset(): void {
    this.requests.length = 0;
    this.script = [];
    this.otherwise = 200;
  }

  close(): Promise<void> {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds (5 s at most). */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

describe('invoice delivery to a billing system (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let receiver: Receiver;
  let receiverUrl: string;
  let hotel: Seeded;
  let accounts = 0;

  const http = () => request(t.app.getHttpServer());
  const admin = () => bearer(t.adminKey);

  async function configure(sourceId: number, body: object): Promise<void> {
    await http()
      .patch(`/api/v1/sources/${sourceId}`)
      .set(...admin())
      .send(body)
      .expect(200);
  }

  /** A draft of one approved item on an account of its own. */
  async function draft(seeded: Seeded = hotel): Promise<{ id: number }> {
    const billingAccount = `ROOM-${++accounts}`;
    await seedItems(db, seeded, [{ startTimeMs: T0, billingAccount, status: 'approved' }]);
    const res = await http()
      .post('/api/v1/invoices')
      .set(...admin())
      .send({ billingAccount, ...PERIOD })
      .expect(201);
    return res.body;
  }

  async function finalized(seeded: Seeded = hotel): Promise<{ id: number; number: string }> {
    const { id } = await draft(seeded);
    const res = await http()
      .post(`/api/v1/invoices/${id}/finalize`)
      .set(...admin())
      .expect(200);
    return res.body;
  }

  const deliveries = async (id: number): Promise<DeliveryLog> =>
    (
      await http()
        .get(`/api/v1/invoices/${id}/deliveries`)
        .set(...admin())
        .expect(200)
    ).body;

  /** The log once the delivery has ended (polled, 5 s at most). */
  async function settled(id: number): Promise<DeliveryLog> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const log = await deliveries(id);
      if (log.state === 'delivered' || log.state === 'failed') return log;
      if (Date.now() > deadline) throw new Error(`delivery of ${id} still ${log.state}`);
      await sleep(10);
    }
  }

  beforeAll(async () => {
    receiver = new Receiver();
    receiverUrl = await receiver.listen();
    t = await createTestApp(DELIVERY_ENV);
    db = t.app.get(DataSource);
    hotel = await seedSource(t);
    await configure(hotel.sourceId, { deliveryUrl: receiverUrl, deliverySecret: SECRET });
  });

  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  beforeEach(() => receiver.reset());

  it('closes the attempt an unexpected error left open: the log reads failed, not in progress', async () => {
    const kept = { t, db, hotel };
    t = await createTestApp(DELIVERY_ENV, (builder) =>
      builder.overrideProvider(BillingSystemClient).useValue({
        post: () => Promise.reject(new Error('a defect in the client')),
        onApplicationShutdown: () => undefined,
      }),
    );
    try {
      db = t.app.get(DataSource);
      hotel = await seedSource(t);
      await configure(hotel.sourceId, { deliveryUrl: receiverUrl, deliverySecret: SECRET });
      const invoice = await finalized();
      const log = await settled(invoice.id);
      expect(log.state).toBe('failed');
      expect(log.attempts).toEqual([
        expect.objectContaining({
          attempt: 1,
          status: 'failed',
          httpStatus: null,
          error: 'stopped by an unexpected error',
        }),
      ]);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await t.close();
      ({ t, db, hotel } = kept);
    }
  });

  it('delivers a finalised invoice once: its json export byte for byte, signed, keyed by its number', async () => {
    const invoice = await finalized();
    const log = await settled(invoice.id);

    expect(log).toEqual({
      invoiceId: invoice.id,
      number: invoice.number,
      state: 'delivered',
      attempts: [
        {
          attempt: 1,
          status: 'delivered',
          httpStatus: 200,
          error: null,
          url: receiverUrl,
          idempotencyKey: invoice.number,
          attemptedAt: expect.any(String),
        },
      ],
    });
    expect(receiver.requests).toHaveLength(1);
    const [received] = receiver.requests;
    const exported = await http()
      .get(`/api/v1/invoices/${invoice.id}/export?format=json`)
      .set(...admin())
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(received.body, exported.body as Buffer)).toBe(0);
    expect(received.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': invoice.number,
      'user-agent': 'xima-billing',
    });
    const timestamp = Number(received.headers['x-billing-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', SECRET)
      .update(`${timestamp}.${received.body.toString('utf8')}`)
      .digest('hex');
    expect(received.headers['x-billing-signature']).toBe(`sha256=${expected}`);
  });

  it('retries a 500 with the same key and body, and stops once delivered', async () => {
    receiver.script = [{ status: 500 }];
    const invoice = await finalized();
    const log = await settled(invoice.id);

    expect(log.state).toBe('delivered');
    expect(log.attempts.map((a) => [a.attempt, a.status, a.httpStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'delivered', 200],
    ]);
    expect(log.attempts[0].error).toBe('the billing system answered 500');
    await sleep(150); // longer than any backoff: a third request would have come
    expect(receiver.requests).toHaveLength(2);
    const [first, second] = receiver.requests;
    expect(second.headers['idempotency-key']).toBe(invoice.number);
    expect(first.headers['idempotency-key']).toBe(invoice.number);
    expect(Buffer.compare(first.body, second.body)).toBe(0);
    expect(receiver.accepted.get(invoice.number)).toBe(1);
  });

  it('gives up after DELIVERY_MAX_ATTEMPTS; a later POST /deliveries delivers it, same key, attempts counting on', async () => {
    receiver.otherwise = 503;
    const invoice = await finalized();
    const failed = await settled(invoice.id);

    expect(failed.state).toBe('failed');
    expect(failed.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(failed.attempts.every((a) => a.status === 'failed' && a.httpStatus === 503)).toBe(true);
    expect(receiver.requests).toHaveLength(MAX_ATTEMPTS);

    receiver.otherwise = 200;
    const accepted = await http()
      .post(`/api/v1/invoices/${invoice.id}/deliveries`)
      .set(...admin())
      .expect(202);
    expect(accepted.body.state).toBe('in-progress');
    const delivered = await settled(invoice.id);
    expect(delivered.state).toBe('delivered');
    expect(delivered.attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
      [4, 'delivered'],
    ]);
    const keys = new Set(receiver.requests.map((r) => r.headers['idempotency-key']));
    expect([...keys]).toEqual([invoice.number]);
    expect(receiver.requests).toHaveLength(MAX_ATTEMPTS + 1);

    const [event] = await db.query<{ action: string; new_json: string }[]>(
      `SELECT action, new_json FROM audit_events WHERE action = 'invoice.deliver' AND entity_id = ?`,
      [String(invoice.id)],
    );
    expect(JSON.parse(event.new_json)).toEqual({ number: invoice.number, url: receiverUrl });
    // Delivered once is enough: no second manual delivery.
    const again = await http()
      .post(`/api/v1/invoices/${invoice.id}/deliveries`)
      .set(...admin())
      .expect(409);
    expect(again.body.message).toContain('already delivered');
  });

  it('gives up on an answer slower than DELIVERY_TIMEOUT_MS and retries', async () => {
    receiver.script = [{ status: 200, delayMs: 1_500 }];
    const invoice = await finalized();
    const log = await settled(invoice.id);

    expect(log.attempts.map((a) => [a.status, a.httpStatus, a.error])).toEqual([
      ['failed', null, 'no answer within 1000 ms'],
      ['delivered', 200, null],
    ]);
  });

  it('does not retry a 400 by itself', async () => {
    receiver.otherwise = 400;
    const invoice = await finalized();
    const log = await settled(invoice.id);

    await sleep(150);
    expect(receiver.requests).toHaveLength(1);
    expect(log.state).toBe('failed');
    expect(log.attempts).toEqual([
      expect.objectContaining({
        attempt: 1,
        status: 'failed',
        httpStatus: 400,
        error: 'the billing system answered 400',
      }),
    ]);
  });

  it('refuses a second delivery of an invoice while one runs', async () => {
    receiver.script = [{ status: 200, delayMs: 300 }];
    const invoice = await finalized();
    const res = await http()
      .post(`/api/v1/invoices/${invoice.id}/deliveries`)
      .set(...admin())
      .expect(409);
    expect(res.body.message).toContain('is being delivered');
    expect((await settled(invoice.id)).state).toBe('delivered');
    expect(receiver.requests).toHaveLength(1);
  });

  it('finalises promptly when the billing system is down; the log then shows the failed attempts', async () => {
    const down = await seedSource(t, 'Harbour Inn');
    const port = await closedPort();
    await configure(down.sourceId, {
      deliveryUrl: `http://127.0.0.1:${port}/x`,
      deliverySecret: SECRET,
    });
    const { id } = await draft(down);

    const started = Date.now();
    const res = await http()
      .post(`/api/v1/invoices/${id}/finalize`)
      .set(...admin())
      .expect(200);
    // Finalising does not wait on the billing system; the margin is for a loaded machine.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(res.body.status).toBe('finalized');

    const log = await settled(id);
    expect(log.state).toBe('failed');
    expect(log.attempts).toHaveLength(MAX_ATTEMPTS);
    for (const attempt of log.attempts) {
      expect(attempt).toMatchObject({ status: 'failed', httpStatus: null });
      expect(attempt.error).toBe('network error (ECONNREFUSED)');
    }
  });

  it('never shows the secret: not in the source, the log, the stored rows or the service log', async () => {
    // A password in the URL is refused (it belongs in deliverySecret), and not echoed.
    const [scheme, rest] = receiverUrl.split('//');
    const refused = await http()
      .patch(`/api/v1/sources/${hotel.sourceId}`)
      .set(...admin())
      .send({ deliveryUrl: `${scheme}//:url-password@${rest}` })
      .expect(400);
    expect(JSON.stringify(refused.body)).not.toContain('url-password');
    receiver.script = [{ status: 500 }];
    const invoice = await finalized();
    const log = await settled(invoice.id);

    expect(log.attempts.map((a) => a.url)).toEqual([receiverUrl, receiverUrl]);
    const source = await http()
      .get(`/api/v1/sources/${hotel.sourceId}`)
      .set(...admin())
      .expect(200);
    expect(source.body.deliverySecretSet).toBe(true);
    const rows = await db.query<object[]>('SELECT url, error FROM invoice_deliveries');
    for (const text of [JSON.stringify(source.body), JSON.stringify(log), JSON.stringify(rows)]) {
      expect(text).not.toContain(SECRET);
    }
    expect(JSON.stringify(rows)).not.toContain('url-password');
    expect(t.logs.text).toContain(`Delivery of ${invoice.number}, attempt 1`);
    expect(t.logs.text).not.toContain(SECRET);
    expect(t.logs.text).not.toContain('url-password');
  });

  it('refuses a delivery of a draft, of an invoice without a billing system, of no invoice, and by a viewer', async () => {
    const post = (id: number, key = t.adminKey) =>
      http()
        .post(`/api/v1/invoices/${id}/deliveries`)
        .set(...bearer(key));

    const drafted = await draft();
    expect((await post(drafted.id).expect(409)).body.message).toContain(
      'it is draft; only a finalized invoice is delivered',
    );

    const plain = await seedSource(t, 'No Billing System Inn');
    const unsent = await finalized(plain);
    expect((await deliveries(unsent.id)).state).toBe('none');
    expect((await post(unsent.id).expect(409)).body.message).toContain(
      `source ${plain.sourceId} has no deliveryUrl`,
    );

    await post(999_999).expect(404);
    await http()
      .get('/api/v1/invoices/999999/deliveries')
      .set(...admin())
      .expect(404);

    const viewer = await http()
      .post('/api/v1/api-keys')
      .set(...admin())
      .send({ name: 'Auditor', role: 'viewer' })
      .expect(201);
    await post(unsent.id, viewer.body.key).expect(403);
    await http()
      .get(`/api/v1/invoices/${unsent.id}/deliveries`)
      .set(...bearer(viewer.body.key))
      .expect(200);
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('invoice delivery across a restart (e2e, ledger file kept)', () => {
  let dir: string;
  let file: string;
  let receiver: Receiver;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-delivery-'));
    file = join(dir, 'ledger.sqlite');
    receiver = new Receiver();
    url = await receiver.listen();
  });

  afterAll(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const boot = (env: Record<string, string> = {}) =>
    createTestApp({ ...DELIVERY_ENV, DATABASE_URL: `sqlite:${file}`, ...env });

  const rows = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db
        .prepare('SELECT attempt, status, http_status, error FROM invoice_deliveries ORDER BY id')
        .all() as { attempt: number; status: string; http_status: number | null; error: string }[];
    } finally {
      db.close();
    }
  };

  it('at shutdown, drops the retry waiting for its timer and cuts off the attempt in flight, at once', async () => {
    // A minute between attempts and 10 s per attempt: closing must wait for neither.
    const t = await boot({
      DELIVERY_BACKOFF_MS: '60000',
      DELIVERY_BACKOFF_MAX_MS: '60000',
      DELIVERY_TIMEOUT_MS: '10000',
    });
    const http = () => request(t.app.getHttpServer());
    const seeded = await seedSource(t);
    await http()
      .patch(`/api/v1/sources/${seeded.sourceId}`)
      .set(...bearer(t.adminKey))
      .send({ deliveryUrl: url, deliverySecret: SECRET })
      .expect(200);
    const finalize = async (billingAccount: string) => {
      const db = t.app.get(DataSource);
      await seedItems(db, seeded, [{ startTimeMs: T0, billingAccount, status: 'approved' }]);
      const drafted = await http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .send({ billingAccount, ...PERIOD })
        .expect(201);
      await http()
        .post(`/api/v1/invoices/${drafted.body.id}/finalize`)
        .set(...bearer(t.adminKey))
        .expect(200);
    };
    receiver.script = [{ status: 500 }, { status: 200, delayMs: 5_000 }];
    await finalize('ROOM-1');
    await until(() => rows().length === 1 && rows()[0].status === 'failed');
    await finalize('ROOM-2');
    await until(() => receiver.requests.length === 2);

    const closing = Date.now();
    await t.close();
    // The receiver holds the second delivery for 5 s: closing must not wait for it.
    expect(Date.now() - closing).toBeLessThan(4_000);
    await sleep(100);
    expect(receiver.requests).toHaveLength(2);
    expect(rows()).toEqual([
      { attempt: 1, status: 'failed', http_status: 500, error: 'the billing system answered 500' },
      { attempt: 1, status: 'failed', http_status: null, error: 'interrupted by shutdown' },
    ]);
  });

  it('at start, goes on with the sequences a stop cut off: an attempt left pending is failed, interrupted, the next has the same key', async () => {
    const db = new Database(file);
    db.prepare(`UPDATE invoice_deliveries SET status = 'pending', error = NULL WHERE id = 2`).run();
    const numbers = db
      .prepare('SELECT DISTINCT idempotency_key AS key FROM invoice_deliveries ORDER BY id')
      .all() as { key: string }[];
    db.close();
    receiver.reset();

    const t = await boot();
    try {
      expect(rows()[1]).toEqual({
        attempt: 1,
        status: 'failed',
        http_status: null,
        error: expect.stringMatching(/^interrupted: instance \S+ stopped during this attempt$/),
      });
      // Both sequences the shutdown cut off go on: one more attempt each, delivered.
      await until(() => rows().filter((row) => row.status === 'delivered').length === 2);
      expect(rows().slice(2)).toEqual([
        { attempt: 2, status: 'delivered', http_status: 200, error: null },
        { attempt: 2, status: 'delivered', http_status: 200, error: null },
      ]);
      expect(receiver.requests.map((r) => r.headers['idempotency-key']).sort()).toEqual(
        numbers.map((n) => n.key).sort(),
      );
    } finally {
      await t.close();
    }
  });

  it('a pending attempt without a lease (written before leases) is failed, interrupted, and left at that', async () => {
    const db = new Database(file);
    db.prepare(`UPDATE invoice_deliveries SET status = 'pending', error = NULL WHERE id = 1`).run();
    db.close();
    receiver.reset();

    const t = await boot();
    try {
      expect(rows()[0]).toMatchObject({ status: 'failed', error: 'interrupted' });
      await sleep(100);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
