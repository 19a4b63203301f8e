import request from 'supertest';
import { DataSource } from 'typeorm';
import { localDate } from '@app/common';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-overview-totals';

/**
 * The overview's sums are kept in the same transaction as the items they sum (decision 0026):
 * after every way the product writes line items (sync, each review action, bulk, re-rate,
 * invoicing and voiding, deleting a draft, a source's new zone) the sums equal a GROUP BY over
 * the items, exactly, and the overview's routes answer what the items say.
 */
describe("the overview's sums follow every write of line items (e2e)", () => {
  let sandbox: RunningSandbox;
  let client: XimaClient;
  let t: TestApp;
  let db: DataSource;
  let planId: number;
  let sourceId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'overview-totals', callsPerDay: 300 });
    client = new XimaClient({ baseUrl: sandbox.url, token: TOKEN });
    t = await createTestApp({ XIMA_BASE_URL: sandbox.url, XIMA_API_KEY: TOKEN }, (builder) =>
      builder.overrideProvider(XIMA_GATEWAY).useValue(client),
    );
    db = t.app.get(DataSource);
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({ effectiveFrom: '2026-01-01T00:00:00-07:00', ...samplePlan<object>('grand-hotel') })
      .expect(201);
    planId = plan.body.id;
    const source = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Grand Hotel',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: planId,
        timezone: 'America/Denver',
      })
      .expect(201);
    sourceId = source.body.id;
  });

  afterAll(async () => {
    await t.close();
    await client.close();
    await sandbox.close();
  });

  const http = () => request(t.app.getHttpServer());
  const post = (path: string, body: object = {}) =>
    http()
      .post(`/api/v1${path}`)
      .set(...bearer(t.adminKey))
      .send(body);
  const get = async (path: string) =>
    (
      await http()
        .get(`/api/v1${path}`)
        .set(...bearer(t.adminKey))
        .expect(200)
    ).body as Record<string, unknown>;
  const idsWith = async (where: string, limit: number) =>
    (
      await db.query<{ id: number }[]>(
        `SELECT id FROM line_items WHERE ${where} ORDER BY id LIMIT ?`,
        [limit],
      )
    ).map((row) => row.id);

  const billed = `CASE WHEN status IN ('rejected', 'no-charge') THEN 0 ELSE amount_minor END`;

  /** The three tables of sums, exactly as a GROUP BY over the items makes them. */
  async function expectSumsOfItems(): Promise<void> {
    const pairs: [string, string][] = [
      [
        `SELECT local_date, source_id, status, currency, items, calls, amount_minor
         FROM line_item_daily_totals ORDER BY 1, 2, 3, 4`,
        `SELECT local_date, source_id, status, currency, count(*) AS items, sum(calls) AS calls,
           sum(amount_minor) AS amount_minor
         FROM line_items GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ],
      [
        `SELECT local_date, source_id, billing_account, currency, items, calls, billed_minor
         FROM line_item_account_totals ORDER BY 1, 2, 3, 4`,
        `SELECT local_date, source_id, coalesce(billing_account, '') AS billing_account, currency,
           count(*) AS items, sum(calls) AS calls, sum(${billed}) AS billed_minor
         FROM line_items GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ],
      [
        `SELECT local_date, source_id, destination_class, destination_prefix, currency, items,
           calls, billed_minor
         FROM line_item_destination_totals ORDER BY 1, 2, 3, 4, 5`,
        `SELECT local_date, source_id, coalesce(destination_class, '') AS destination_class,
           coalesce(destination_prefix, '') AS destination_prefix, currency, count(*) AS items,
           sum(calls) AS calls, sum(${billed}) AS billed_minor
         FROM line_items GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      ],
    ];
    for (const [kept, counted] of pairs) {
      const rows = await db.query<object[]>(kept);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await db.query(counted));
    }
  }

  /** Every item's local date is its start's date on its source's wall clock. */
  async function expectLocalDates(zone: string): Promise<void> {
    const items = await db.query<{ start_time_ms: number; local_date: string }[]>(
      'SELECT start_time_ms, local_date FROM line_items',
    );
    const wrong = items.filter((item) => item.local_date !== localDate(item.start_time_ms, zone));
    expect(wrong).toEqual([]);
  }

  it('after a sync of three days', async () => {
    await post(`/sources/${sourceId}/sync`, { from: '2026-03-02', to: '2026-03-05' }).expect(200);
    await expectLocalDates('America/Denver');
    await expectSumsOfItems();
  });

  it('after each review action: approve, reject, adjust, assign, reset', async () => {
    const [approved, rejected, adjusted, adjustedApproved] = await idsWith(
      "status = 'pending' AND amount_minor > 0",
      4,
    );
    await post(`/line-items/${approved}/approve`).expect(200);
    await expectSumsOfItems();
    await post(`/line-items/${rejected}/reject`, { reason: 'Test call' }).expect(200);
    await expectSumsOfItems();
    await post(`/line-items/${adjusted}/adjust`, { amount: '0.10', reason: 'Courtesy' }).expect(
      200,
    );
    await expectSumsOfItems();
    await post(`/line-items/${adjustedApproved}/approve`).expect(200);
    await post(`/line-items/${adjustedApproved}/adjust`, { amount: '9.99', reason: 'Rate' }).expect(
      200,
    );
    await expectSumsOfItems();
    const [assigned] = await idsWith("status IN ('pending', 'needs-review')", 1);
    await post(`/line-items/${assigned}/assign`, {
      billingAccount: 'ROOM-9999',
      reason: 'Moved rooms',
    }).expect(200);
    await expectSumsOfItems();
    for (const id of [approved, rejected]) await post(`/line-items/${id}/reset`).expect(200);
    await expectSumsOfItems();
  });

  it('after bulk actions by filter and by ids', async () => {
    const [{ account }] = await db.query<{ account: string }[]>(
      `SELECT billing_account AS account FROM line_items WHERE status = 'pending'
       GROUP BY billing_account ORDER BY count(*) DESC LIMIT 1`,
    );
    await post('/line-items/bulk', {
      action: 'approve',
      filter: { billingAccount: account, status: 'pending' },
    }).expect(200);
    await expectSumsOfItems();
    const ids = await idsWith("status = 'pending'", 20);
    await post('/line-items/bulk', { action: 'reject', ids, reason: 'Staff calls' }).expect(200);
    await expectSumsOfItems();
    await post('/line-items/bulk', { action: 'reset', ids, reason: 'Not staff' }).expect(200);
    await expectSumsOfItems();
  });

  it('after re-rating with a new plan version, keeping and then resetting reviews', async () => {
    const plan = samplePlan<{ rates: Record<string, Record<string, unknown>> }>('grand-hotel');
    plan.rates['long-distance'].perMinute = '0.60';
    plan.rates.international.perMinute = '2.10';
    await post(`/rate-plans/${planId}/versions`, {
      effectiveFrom: '2026-03-03T00:00:00-07:00',
      ...plan,
    }).expect(201);
    const kept = await post('/line-items/re-rate', { filter: { sourceId } }).expect(200);
    expect(kept.body.changed).toBeGreaterThan(0);
    await expectSumsOfItems();
    await post('/line-items/re-rate', { filter: { sourceId }, resetReview: true }).expect(200);
    await expectSumsOfItems();
  });

  it('after drafting, finalising and voiding an invoice, and deleting a draft', async () => {
    const [{ account }] = await db.query<{ account: string }[]>(
      `SELECT billing_account AS account FROM line_items WHERE status = 'pending'
         AND billing_account IS NOT NULL
       GROUP BY billing_account ORDER BY count(*) DESC LIMIT 1`,
    );
    await post('/line-items/bulk', {
      action: 'approve',
      filter: { billingAccount: account, status: 'pending' },
    }).expect(200);
    const period = { billingAccount: account, periodStart: '2026-03-01', periodEnd: '2026-04-01' };
    const draft = await post('/invoices', period).expect(201);
    await expectSumsOfItems();
    await post(`/invoices/${draft.body.id}/finalize`).expect(200);
    await expect(
      db.query(`SELECT DISTINCT status FROM line_items WHERE invoice_id = ?`, [draft.body.id]),
    ).resolves.toEqual([{ status: 'invoiced' }]);
    await expectSumsOfItems();
    await post(`/invoices/${draft.body.id}/void`, { reason: 'Wrong room' }).expect(200);
    await expectSumsOfItems();
    const again = await post('/invoices', period).expect(201);
    await http()
      .delete(`/api/v1/invoices/${again.body.id}`)
      .set(...bearer(t.adminKey))
      .expect(204);
    await expectSumsOfItems();
  });

  it("after the source's zone changes: every item moves to the new zone's day", async () => {
    await http()
      .patch(`/api/v1/sources/${sourceId}`)
      .set(...bearer(t.adminKey))
      .send({ timezone: 'Asia/Tokyo' })
      .expect(200);
    await expectLocalDates('Asia/Tokyo');
    await expectSumsOfItems();
    await http()
      .patch(`/api/v1/sources/${sourceId}`)
      .set(...bearer(t.adminKey))
      .send({ timezone: 'America/Denver' })
      .expect(200);
    await expectLocalDates('America/Denver');
    await expectSumsOfItems();
  });

  it('after a sync that finds some calls again and adds a day', async () => {
    await post(`/sources/${sourceId}/sync`, { from: '2026-03-04', to: '2026-03-06' }).expect(200);
    await expectLocalDates('America/Denver');
    await expectSumsOfItems();
  });

  it("answers the routes with what the items say: each day's calls and billed amounts, what waits for review", async () => {
    const items = await db.query<
      { local_date: string; calls: number; status: string; amount_minor: number }[]
    >('SELECT local_date, calls, status, amount_minor FROM line_items');
    const daily = (await get(
      `/overview/daily?from=2026-03-01&to=2026-03-07&sourceId=${sourceId}`,
    )) as { days: { date: string; calls: number; byCurrency: { amountMinor: number }[] }[] };
    expect(daily.days.map((day) => day.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
    ]);
    for (const day of daily.days) {
      const ofDay = items.filter((item) => item.local_date === day.date);
      expect(day.calls).toBe(ofDay.reduce((calls, item) => calls + item.calls, 0));
      const billedMinor = ofDay
        .filter((item) => item.status !== 'rejected' && item.status !== 'no-charge')
        .reduce((sum, item) => sum + item.amount_minor, 0);
      expect(day.byCurrency).toEqual(
        ofDay.length === 0 ? [] : [expect.objectContaining({ amountMinor: billedMinor })],
      );
    }
    const waiting = items.filter((item) => ['pending', 'needs-review'].includes(item.status));
    const { sources } = (await get('/overview/sources')) as {
      sources: { pending: { items: number; byCurrency: { amountMinor: number }[] } }[];
    };
    expect(sources[0].pending.items).toBe(waiting.length);
    expect(sources[0].pending.byCurrency).toEqual([
      expect.objectContaining({
        currency: 'USD',
        amountMinor: waiting.reduce((sum, item) => sum + item.amount_minor, 0),
      }),
    ]);
  });
});
