import { STATUS_CODES } from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

const T0 = Date.parse('2026-03-02T07:00:00Z');
/** The app's clock in this spec: sync windows may not end more than a minute after it. */
const NOW = Date.parse('2026-03-20T12:00:00Z');
const INVERTED = { minAmount: '5.00', maxAmount: '4.999' };

/**
 * Issue 12, part 4: every limit and message, with its exact status and message, and nothing
 * changed by a refused request (the item, its version, the audit trail, the invoices, the runs).
 */
describe('limits and messages (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let seeded: Seeded;

  beforeAll(async () => {
    t = await createTestApp({}, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => NOW }),
    );
    db = t.app.get(DataSource);
    seeded = await seedSource(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const api = (method: 'get' | 'post' | 'patch', path: string) =>
    http()
      [method](`/api/v1/${path}`)
      .set(...bearer(t.adminKey));
  /** Everything a refused request must leave as it was. */
  const ledger = () =>
    db.query(`SELECT
      (SELECT json_group_array(json_array(id, status, amount_minor, tax_minor, total_minor,
         adjusted_amount_minor, version, updated_at_ms)) FROM line_items) AS items,
      (SELECT count(*) FROM audit_events) AS events,
      (SELECT count(*) FROM invoices) AS invoices,
      (SELECT count(*) FROM sync_runs) AS runs,
      (SELECT count(*) FROM rate_plans) AS plans,
      (SELECT json_group_array(json_array(id, name, version)) FROM sources) AS sources`);
  const pendingItem = async () =>
    (await seedItems(db, seeded, [{ startTimeMs: T0, status: 'pending', amountMinor: 150 }]))[0];

  /** The answer must be exactly this error, and the ledger as it was. */
  async function refused(
    send: () => request.Test,
    statusCode: number,
    message: string,
    details?: { field: string; message: string }[],
  ): Promise<void> {
    const before = await ledger();
    const res = await send().expect(statusCode);
    expect(res.body).toEqual({
      statusCode,
      error: STATUS_CODES[statusCode],
      message,
      ...(details ? { details } : {}),
    });
    await expect(ledger()).resolves.toEqual(before);
  }

  describe('adjustments', () => {
    const adjust = (id: number, amount: unknown) =>
      api('post', `line-items/${id}/adjust`).send({ amount, reason: 'Checked' });

    it.each<[string, unknown, string]>([
      [
        'over the limit',
        '10000.01',
        'amount is larger than 10000.00, the adjustment limit (ADJUSTMENT_LIMIT)',
      ],
      [
        'far over the limit',
        '99999999999999999999',
        'amount is larger than 10000.00, the adjustment limit (ADJUSTMENT_LIMIT)',
      ],
      ['negative', '-1.00', 'amount must not be negative'],
      ['finer than cents', '1.255', 'amount has more than 2 decimals (USD)'],
      ['a JSON number', 1.5, 'amount must be a decimal string such as "12.50"'],
      ['junk', '1,50', 'amount must be a decimal string such as "12.50"'],
      ['missing', undefined, 'amount must be a decimal string such as "12.50"'],
    ])('%s (%j): 400 naming what is wrong, nothing changed', async (_label, amount, message) => {
      const id = await pendingItem();
      await refused(() => adjust(id, amount), 400, `Invalid request: amount: ${message}`, [
        { field: 'amount', message },
      ]);
    });

    it('up to the limit itself is billed', async () => {
      const id = await pendingItem();
      const res = await adjust(id, '10000.00').expect(200);
      expect(res.body).toMatchObject({ amount: '10000.00', total: '10625.00', version: 2 });
    });

    it('follows ADJUSTMENT_LIMIT', async () => {
      const other = await createTestApp({ ADJUSTMENT_LIMIT: '250' });
      try {
        const otherDb = other.app.get(DataSource);
        const [id] = await seedItems(otherDb, await seedSource(other), [{ startTimeMs: T0 }]);
        const send = (amount: string) =>
          request(other.app.getHttpServer())
            .post(`/api/v1/line-items/${id}/adjust`)
            .set(...bearer(other.adminKey))
            .send({ amount, reason: 'Checked' });
        const res = await send('250.01').expect(400);
        expect(res.body.message).toBe(
          'Invalid request: amount: amount is larger than 250, the adjustment limit (ADJUSTMENT_LIMIT)',
        );
        await expect(
          otherDb.query('SELECT amount_minor, version FROM line_items WHERE id = ?', [id]),
        ).resolves.toEqual([{ amount_minor: 150, version: 1 }]);
        await send('250.00').expect(200);
      } finally {
        await other.close();
      }
    });
  });

  describe('line item filters', () => {
    it.each<[Record<string, string>, string, string]>([
      [{ minAmount: '-1' }, 'minAmount', 'minAmount must not be negative'],
      [{ maxAmount: '1e3' }, 'maxAmount', 'maxAmount must be a decimal string such as "12.50"'],
      [{ minAmount: '1.1234567' }, 'minAmount', 'minAmount has more than 6 decimals'],
      [{ maxAmount: '1000000000000' }, 'maxAmount', 'maxAmount is larger than 999999999999.999999'],
    ])('%j: 400 with the exact message', async (query, field, message) => {
      await refused(
        () => api('get', 'line-items').query(query),
        400,
        `Invalid request: ${field}: ${message}`,
        [{ field, message }],
      );
    });

    it.each<[string, () => request.Test]>([
      ['a list', () => api('get', 'line-items').query(INVERTED)],
      [
        'a bulk action',
        () => api('post', 'line-items/bulk').send({ action: 'approve', filter: INVERTED }),
      ],
      ['a re-rate', () => api('post', 'line-items/re-rate').send({ filter: INVERTED })],
    ])('minAmount above maxAmount is a 400 like from after to, in %s', async (_label, send) => {
      await pendingItem();
      const message = 'maxAmount must not be less than minAmount';
      await refused(send, 400, `Invalid filter: maxAmount: ${message}`, [
        { field: 'maxAmount', message },
      ]);
    });

    it('equal bounds are one amount (5 equals 5.00)', async () => {
      await api('get', 'line-items').query({ minAmount: '5', maxAmount: '5.00' }).expect(200);
    });
  });

  describe('bodies that are not JSON', () => {
    it.each([
      [
        'text/plain',
        'reason=late',
        'The request body has Content-Type text/plain: send application/json',
      ],
      [
        'application/x-www-form-urlencoded',
        'reason=late',
        'The request body has Content-Type application/x-www-form-urlencoded: send application/json',
      ],
      [
        'text/plain; charset=utf-8',
        '{"reason":"late"}',
        'The request body has Content-Type text/plain: send application/json',
      ],
    ])('%s on approve: 415, and nothing is approved', async (type, body, message) => {
      const id = await pendingItem();
      await refused(
        () => api('post', `line-items/${id}/approve`).set('Content-Type', type).send(body),
        415,
        message,
      );
    });

    it('a form on a PATCH or a create: 415, nothing changes', async () => {
      await refused(
        () => api('patch', `sources/${seeded.sourceId}`).type('form').send({ name: 'Renamed' }),
        415,
        'The request body has Content-Type application/x-www-form-urlencoded: send application/json',
      );
      await refused(
        () =>
          api('post', 'rate-plans')
            .set('Content-Type', 'text/plain')
            .send(JSON.stringify(samplePlan('grand-hotel'))),
        415,
        'The request body has Content-Type text/plain: send application/json',
      );
    });

    it('a 415 carries the security headers as every answer does', async () => {
      const id = await pendingItem();
      const res = await api('post', `line-items/${id}/approve`)
        .set('Content-Type', 'text/plain')
        .send('x')
        .expect(415);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('a body without a Content-Type: 415', async () => {
      const id = await pendingItem();
      await refused(
        () =>
          api('post', `line-items/${id}/approve`).set('Content-Type', '').send(Buffer.from('{}')),
        415,
        'The request body has no Content-Type: send application/json',
      );
    });

    it('a body-less POST still works (approve with no body)', async () => {
      const id = await pendingItem();
      const res = await api('post', `line-items/${id}/approve`).expect(200);
      expect(res.body).toMatchObject({ status: 'approved', version: 2 });
    });

    it('JSON with its charset still works', async () => {
      const id = await pendingItem();
      await api('post', `line-items/${id}/approve`)
        .set('Content-Type', 'application/json; charset=utf-8')
        .send('{"reason":"ok"}')
        .expect(200);
    });
  });

  describe('rate plans', () => {
    it('a minimum above the maximum: 400 naming the field, nothing stored', async () => {
      const plan = samplePlan<{ rates: Record<string, Record<string, unknown>> }>('grand-hotel');
      plan.rates.uk.maximumCharge = '2.99';
      const field = 'rates.uk.minimumCharge';
      const message = 'is larger than maximumCharge (2.99)';
      await refused(
        () => api('post', 'rate-plans').send(plan),
        400,
        `Invalid rate plan: ${field}: ${message}`,
        [{ field, message }],
      );
    });

    it('a markup over 1,000 %: 400, nothing stored', async () => {
      const plan = { ...samplePlan('grand-hotel'), markupPercent: '1000.5' };
      await refused(
        () => api('post', 'rate-plans').send(plan),
        400,
        'Invalid rate plan: markupPercent: is larger than 1000',
        [{ field: 'markupPercent', message: 'is larger than 1000' }],
      );
    });
  });

  describe('invoice periods', () => {
    const period = { periodStart: '2026-01-01T00:00:00Z' };

    it.each([
      ['invoices', { billingAccount: 'ROOM-1012' }],
      ['invoices/batch', {}],
    ])('POST /%s: a period over 400 days is a 400, nothing drafted', async (path, body) => {
      const message = 'periodEnd must be at most 400 days after periodStart';
      await refused(
        () => api('post', path).send({ ...body, ...period, periodEnd: '2027-02-05T00:00:00.001Z' }),
        400,
        `Invalid period: periodEnd: ${message}`,
        [{ field: 'periodEnd', message }],
      );
      const message2 = 'periodEnd must be after periodStart';
      await refused(
        () => api('post', path).send({ ...body, ...period, periodEnd: '2026-01-01T00:00:00Z' }),
        400,
        `Invalid period: periodEnd: ${message2}`,
        [{ field: 'periodEnd', message: message2 }],
      );
    });

    it('400 days exactly is a period', async () => {
      const res = await api('post', 'invoices/batch')
        .send({ ...period, periodEnd: '2027-02-05T00:00:00Z' })
        .expect(201);
      expect(res.body.items).toEqual(expect.any(Array));
    });
  });

  describe('sync windows', () => {
    const sync = (body: object) => api('post', `sources/${seeded.sourceId}/sync`).send(body);

    it.each<[string, object, string]>([
      [
        'ending more than a minute from now',
        { from: '2026-03-19T00:00:00Z', to: '2026-03-20T12:01:00.001Z' },
        'to must not be in the future (a minute of clock skew is allowed)',
      ],
      [
        'ending tomorrow, as a plain date',
        { from: '2026-03-19', to: '2026-03-21' },
        'to must not be in the future (a minute of clock skew is allowed)',
      ],
      [
        'over 400 days',
        { from: '2025-01-01', to: '2026-02-06' },
        'to must be at most 400 days after from',
      ],
      [
        'ending before it starts',
        { from: '2026-03-05', to: '2026-03-04' },
        'to must be after from',
      ],
    ])('%s: 400 with the exact message, no run', async (_label, window, message) => {
      await refused(() => sync(window), 400, `Invalid request: to: ${message}`, [
        { field: 'to', message },
      ]);
    });
  });
});
