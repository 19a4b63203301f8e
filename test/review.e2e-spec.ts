import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, localDateOf, rebuildTotals, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const STATUSES = ['pending', 'approved', 'rejected', 'no-charge', 'needs-review', 'invoiced'];

/** docs/review.md's table: the status each action leaves, or 409, from each status. */
const TABLE: Record<string, Record<string, string | 409>> = {
  approve: { pending: 'approved', 'needs-review': 'approved' },
  reject: { pending: 'rejected', 'needs-review': 'rejected', approved: 'rejected' },
  adjust: { pending: 'pending', 'needs-review': 'needs-review', approved: 'approved' },
  assign: { pending: 'pending', 'needs-review': 'pending', approved: 'pending' },
  reset: { approved: 'pending', rejected: 'pending' },
};
const BODIES: Record<string, object> = {
  approve: {},
  reject: { reason: 'Guest disputed it' },
  adjust: { amount: '1.25', reason: 'Courtesy rate' },
  assign: { billingAccount: 'ROOM-1013', reason: 'Moved rooms' },
  reset: {},
};

describe('review actions (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let seeded: Seeded;
  let accountantKey: string;
  let viewerKey: string;

  beforeAll(async () => {
    t = await createTestApp({});
    db = t.app.get(DataSource);
    seeded = await seedSource(t);
    const key = async (role: string) =>
      (
        await http()
          .post('/api/v1/api-keys')
          .set(...bearer(t.adminKey))
          .send({ name: `A ${role}`, role })
          .expect(201)
      ).body.key as string;
    accountantKey = await key('accountant');
    viewerKey = await key('viewer');
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const post = (path: string, body: object, key = accountantKey) =>
    http()
      .post(`/api/v1/line-items/${path}`)
      .set(...bearer(key))
      .send(body);
  const itemRow = async (id: number) =>
    (await db.query<Record<string, unknown>[]>(`SELECT * FROM line_items WHERE id = ?`, [id]))[0];
  const events = async (id: number) =>
    db.query<{ action: string; old_json: string; new_json: string; reason: string | null }[]>(
      `SELECT action, old_json, new_json, reason FROM audit_events
       WHERE entity_type = 'line-item' AND entity_id = ? ORDER BY id`,
      [String(id)],
    );
  const seedOne = async (status: string, billingAccount: string | null = 'ROOM-1012') =>
    (
      await seedItems(db, seeded, [{ startTimeMs: T0, status, billingAccount, amountMinor: 150 }])
    )[0];

  describe.each(Object.keys(TABLE))('%s', (action) => {
    it.each(STATUSES)(`from %s`, async (status) => {
      const id = await seedOne(status);
      const before = await itemRow(id);
      const expected = TABLE[action][status] ?? 409;
      const res = await post(`${id}/${action}`, BODIES[action]);
      if (expected === 409) {
        expect(res.status).toBe(409);
        expect(res.body.message).toContain(`is ${status}`);
        expect(res.body.details).toContainEqual({ field: 'status', message: status });
        expect(await itemRow(id)).toEqual(before);
        expect(await events(id)).toEqual([]);
        return;
      }
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, status: expected, version: 2 });
      const [event] = await events(id);
      expect(event.action).toBe(`line-item.${action}`);
      expect(JSON.parse(event.old_json)).toMatchObject({ status, version: 1, amount: '1.50' });
      expect(JSON.parse(event.new_json)).toMatchObject({ status: expected, version: 2 });
    });
  });

  it('adjust: bills the new amount with taxes recomputed by the plan, keeps the rated amount', async () => {
    const id = await seedOne('pending');
    const res = await post(`${id}/adjust`, { amount: '1.25', reason: 'Courtesy rate' }).expect(200);
    // 6.25% of 1.25 = 0.078125 -> 0.08 (half-up)
    expect(res.body).toMatchObject({
      amount: '1.25',
      ratedAmount: '1.50',
      adjusted: true,
      tax: '0.08',
      total: '1.33',
      taxes: [{ name: 'State sales tax', ratePercent: '6.25', amount: '0.08' }],
      reviewReason: 'Courtesy rate',
    });
    const [event] = await events(id);
    expect(JSON.parse(event.old_json)).toMatchObject({ amount: '1.50', total: '1.59' });
    expect(JSON.parse(event.new_json)).toMatchObject({ amount: '1.25', total: '1.33' });
    expect(event.reason).toBe('Courtesy rate');
  });

  it('approve needs a billing account; assign gives one and sends the item back to pending', async () => {
    const id = await seedOne('needs-review', null);
    const refused = await post(`${id}/approve`, {}).expect(409);
    expect(refused.body.message).toContain('no billing account');
    await post(`${id}/assign`, { billingAccount: '10234-001', reason: 'Matter from the timesheet' })
      .expect(200)
      .expect((res) =>
        expect(res.body).toMatchObject({ status: 'pending', billingAccount: '10234-001' }),
      );
    await post(`${id}/approve`, {}).expect(200);
  });

  it('a stale version gets 409 and changes nothing; If-Match and body version both work', async () => {
    const id = await seedOne('pending');
    await post(`${id}/approve`, { version: 1 }).expect(200);
    const before = await itemRow(id);
    const stale = await post(`${id}/reject`, { reason: 'Late', version: 1 }).expect(409);
    expect(stale.body.message).toContain('version 2');
    expect(await itemRow(id)).toEqual(before);
    await http()
      .post(`/api/v1/line-items/${id}/reject`)
      .set(...bearer(accountantKey))
      .set('If-Match', '"1"')
      .send({ reason: 'Late' })
      .expect(409);
    await http()
      .post(`/api/v1/line-items/${id}/reject`)
      .set(...bearer(accountantKey))
      .set('If-Match', '"2"')
      .send({ reason: 'Late', version: 3 })
      .expect(400);
    await http()
      .post(`/api/v1/line-items/${id}/reject`)
      .set(...bearer(accountantKey))
      .set('If-Match', 'W/"2"')
      .send({ reason: 'Late' })
      .expect(200);
  });

  it.each([
    ['reject', { reason: '' }, 'reason'],
    ['reject', {}, 'reason'],
    ['adjust', { amount: 1.5, reason: 'x' }, 'amount'],
    ['adjust', { amount: '-1.00', reason: 'x' }, 'amount'],
    ['adjust', { amount: '1.255', reason: 'x' }, 'amount'],
    ['adjust', { amount: '1.25' }, 'reason'],
    ['assign', { reason: 'x' }, 'billingAccount'],
    ['approve', { note: 'hi' }, 'note'],
    ['approve', { version: 0 }, 'version'],
  ])('%s %j: 400 naming %s, nothing changed', async (action, body, field) => {
    const id = await seedOne('pending');
    const before = await itemRow(id);
    const res = await post(`${id}/${action}`, body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await itemRow(id)).toEqual(before);
  });

  it('a viewer may read but not act (403 on every action); an unknown item is 404', async () => {
    const id = await seedOne('pending');
    for (const action of Object.keys(TABLE)) {
      await post(`${id}/${action}`, BODIES[action], viewerKey).expect(403);
    }
    await post('bulk', { action: 'approve', ids: [id] }, viewerKey).expect(403);
    expect(await events(id)).toEqual([]);
    await post('999999/approve', {}).expect(404);
  });

  it('reset sends an item back to what rating made of it: needs-review without a rate or an account', async () => {
    const noAccount = await seedOne('approved', null);
    await post(`${noAccount}/reset`, {})
      .expect(200)
      .expect((res) => expect(res.body.status).toBe('needs-review'));
    const [noRate] = await seedItems(db, seeded, [{ startTimeMs: T0, status: 'rejected' }]);
    await db.query(`UPDATE line_items SET reason = 'no-rate' WHERE id = ?`, [noRate]);
    await post(`${noRate}/reset`, {})
      .expect(200)
      .expect((res) => expect(res.body.status).toBe('needs-review'));
  });

  it('refuses every action on an item on a draft invoice', async () => {
    const id = await seedOne('approved');
    await db.query(
      `INSERT INTO invoices (id, status, billing_account, business_id, timezone, period_start_ms, period_end_ms,
         currency, subtotal_minor, tax_minor, total_minor, created_at_ms, updated_at_ms)
       VALUES (900, 'draft', 'ROOM-1012', 1, 'America/Denver', 0, 1, 'USD', 0, 0, 0, 1, 1)`,
    );
    await db.query(`UPDATE line_items SET invoice_id = 900 WHERE id = ?`, [id]);
    const before = await itemRow(id);
    for (const action of Object.keys(TABLE)) {
      const res = await post(`${id}/${action}`, BODIES[action]).expect(409);
      expect(res.body.message).toContain('is on invoice 900');
    }
    await post('bulk', { action: 'reject', ids: [id], reason: 'x' }).expect(409);
    expect(await itemRow(id)).toEqual(before);
  });

  it('a malformed If-Match is a 400; null where a value belongs is a 400, not a crash', async () => {
    const id = await seedOne('pending');
    await http()
      .post(`/api/v1/line-items/${id}/approve`)
      .set(...bearer(accountantKey))
      .set('If-Match', 'yesterday')
      .send({})
      .expect(400);
    await post(`${id}/approve`, { version: null }).expect(400);
    for (const filter of [{ status: null }, { q: null }, { minAmount: null }, { from: null }]) {
      await post('bulk', { action: 'approve', filter }).expect(400);
    }
    await post('bulk', { action: 'approve', ids: null }).expect(400);
    expect(await events(id)).toEqual([]);
  });

  describe('bulk', () => {
    it('approves 100,000 items in one request, each audited', async () => {
      await db.query(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
         INSERT INTO call_records (source_id, call_id, start_time_ms, direction, extension,
           dialed_number, talk_ms, raw_json, created_at_ms)
         SELECT ?, 'bulk-' || i, CAST(? AS bigint) + i, 'outbound', '1012', '9 1 303 555 0100', 61000, '{}', 1 FROM n`,
        [seeded.sourceId, T0],
      );
      await db.query(
        `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
           talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, taxes_json,
           tax_minor, total_minor, status, rate_plan_id, rate_plan_version_id,
           rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
         SELECT source_id, id, call_id, 'BULK', start_time_ms, 61, 66, 'USD', 150, 150, '[]', 0,
           150, 'pending', ?, ?, 1, '{}', 1, 1, ?
         FROM call_records WHERE call_id LIKE 'bulk-%'`,
        [seeded.planId, seeded.versionId, await localDateOf(db, seeded.sourceId, T0)],
      );
      await rebuildTotals(db);
      const before = await db.query<{ n: number }[]>(`SELECT count(*) AS n FROM audit_events`);
      const res = await post('bulk', {
        action: 'approve',
        filter: { billingAccount: 'BULK' },
        reason: 'Night audit',
      }).expect(200);
      expect(res.body).toEqual({ action: 'approve', count: 100_000 });
      await expect(
        db.query(
          `SELECT status, count(*) AS n FROM line_items WHERE billing_account = 'BULK' GROUP BY status`,
        ),
      ).resolves.toEqual([{ status: 'approved', n: 100_000 }]);
      const after = await db.query<{ n: number }[]>(`SELECT count(*) AS n FROM audit_events`);
      expect(after[0].n - before[0].n).toBe(100_000);
    }, 60_000);

    it('assigns a billing account to many, then resets them, each audited with old and new', async () => {
      const ids = await seedItems(
        db,
        seeded,
        Array.from({ length: 20 }, (_, i) => ({
          startTimeMs: T0 + i,
          billingAccount: null,
          status: 'needs-review',
          accountCode: 'BAD',
        })),
      );
      const assigned = await post('bulk', {
        action: 'assign',
        filter: { status: 'needs-review', q: 'BAD' },
        billingAccount: '10234-001',
        reason: 'Matter from the timesheet',
      }).expect(200);
      expect(assigned.body.count).toBe(20);
      const rows = await db.query<{ status: string; billing_account: string }[]>(
        `SELECT status, billing_account FROM line_items WHERE id IN (${ids.join(',')})`,
      );
      expect(new Set(rows.map((r) => `${r.status} ${r.billing_account}`))).toEqual(
        new Set(['pending 10234-001']),
      );
      const [event] = await events(ids[0]);
      expect(JSON.parse(event.old_json)).toMatchObject({
        status: 'needs-review',
        billingAccount: null,
      });
      expect(JSON.parse(event.new_json)).toMatchObject({
        status: 'pending',
        billingAccount: '10234-001',
      });
      await post('bulk', { action: 'approve', ids }).expect(200);
      await post('bulk', { action: 'reset', ids }).expect(200);
      const reset = await db.query<{ n: number }[]>(
        `SELECT count(*) AS n FROM line_items WHERE status = 'pending' AND id IN (${ids.join(',')})`,
      );
      expect(reset[0].n).toBe(20);
    });

    it('changes nothing when one item may not make the move (409 naming it), or one id is unknown (404)', async () => {
      const ids = await seedItems(
        db,
        seeded,
        Array.from({ length: 50 }, (_, i) => ({
          startTimeMs: T0 + i,
          billingAccount: 'MIXED',
          status: i === 37 ? 'invoiced' : 'pending',
        })),
      );
      const snapshot = () =>
        db.query(
          `SELECT id, status, version FROM line_items WHERE billing_account = 'MIXED' ORDER BY id`,
        );
      const before = await snapshot();
      const refused = await post('bulk', { action: 'approve', ids }).expect(409);
      expect(refused.body.message).toContain(`line item ${ids[37]} is invoiced`);
      expect(refused.body.message).toContain('1 of 50');
      await post('bulk', { action: 'approve', ids: [...ids.slice(0, 3), 999999] }).expect(404);
      await post('bulk', { action: 'reject', filter: { billingAccount: 'MIXED' } }).expect(400);
      await post('bulk', { action: 'approve' }).expect(400);
      await post('bulk', { action: 'adjust', ids }).expect(400);
      expect(await snapshot()).toEqual(before);
    });
  });
});
