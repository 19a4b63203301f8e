import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { XIMA_GATEWAY, XimaClient } from '@app/xima';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-re-rate';
// Seed "hand-check" (see sync-amounts.e2e-spec.ts): Monday 03:50, "9 1 (505) 555-0191", 65.1 s.
const LONG_DISTANCE = '0259f6b6-1969387-0';
const UK = '0259f6b6-1969503-3';
const INTERNATIONAL = '0259f6b6-1969388-0';
const LOCAL = '0259f6b6-1969399-1';

describe('re-rate after a plan change (e2e)', () => {
  let sandbox: RunningSandbox;
  let client: XimaClient;
  let t: TestApp;
  let db: DataSource;
  let planId: number;
  let sourceId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, seed: 'hand-check', callsPerDay: 400 });
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
    await http()
      .post(`/api/v1/sources/${sourceId}/sync`)
      .set(...bearer(t.adminKey))
      .send({ from: '2026-03-02', to: '2026-03-04' })
      .expect(200);
  });

  afterAll(async () => {
    await t.close();
    await client.close();
    await sandbox.close();
  });

  const http = () => request(t.app.getHttpServer());
  const itemOf = async (callId: string) =>
    (await db.query<{ id: number }[]>(`SELECT id FROM line_items WHERE call_id = ?`, [callId]))[0]
      .id;
  const view = async (id: number) =>
    (
      await http()
        .get(`/api/v1/line-items/${id}`)
        .set(...bearer(t.adminKey))
        .expect(200)
    ).body as Record<string, unknown>;
  const act = (id: number, action: string, body: object) =>
    http()
      .post(`/api/v1/line-items/${id}/${action}`)
      .set(...bearer(t.adminKey))
      .send(body)
      .expect(200);
  const reRate = (body: object) =>
    http()
      .post('/api/v1/line-items/re-rate')
      .set(...bearer(t.adminKey))
      .send(body)
      .expect(200);

  it('rates again with the version in force, keeps reviewers decisions and skips invoiced items', async () => {
    const longDistance = await itemOf(LONG_DISTANCE);
    const uk = await itemOf(UK);
    const international = await itemOf(INTERNATIONAL);
    const local = await itemOf(LOCAL);
    await act(longDistance, 'approve', {});
    await act(uk, 'adjust', { amount: '3.00', reason: 'Courtesy' });
    await db.query(`UPDATE line_items SET status = 'invoiced' WHERE id = ?`, [international]);
    const invoicedBefore = await view(international);

    // The plan changes from 2026-03-01: long distance 0.45 -> 0.60 a minute, UK 1.20 -> 1.50.
    const plan = samplePlan<{ rates: Record<string, Record<string, unknown>> }>('grand-hotel');
    plan.rates['long-distance'].perMinute = '0.60';
    plan.rates.uk.perMinute = '1.50';
    await http()
      .post(`/api/v1/rate-plans/${planId}/versions`)
      .set(...bearer(t.adminKey))
      .send({ effectiveFrom: '2026-03-01T00:00:00-07:00', ...plan })
      .expect(201);

    const outcome = await reRate({ filter: { sourceId } });
    expect(outcome.body).toMatchObject({ skippedInvoiced: 1, skippedNoVersion: 0 });
    expect(outcome.body.changed).toBeGreaterThan(0);
    expect(outcome.body.changed + outcome.body.unchanged + 1).toBe(outcome.body.matched);

    // 66 s billed at 0.60: 0.66 + 1.00 = 1.66; tax round(0.10375) = 0.10; 1.76. Still approved.
    expect(await view(longDistance)).toMatchObject({
      status: 'approved',
      amount: '1.66',
      ratedAmount: '1.66',
      tax: '0.10',
      total: '1.76',
      ratePlanVersion: 2,
      version: 3,
    });
    // Rated 2.00 + 1.50 = 3.50 now; the reviewer's 3.00 stays billed, taxed 0.19.
    expect(await view(uk)).toMatchObject({
      status: 'pending',
      amount: '3.00',
      ratedAmount: '3.50',
      adjusted: true,
      tax: '0.19',
      total: '3.19',
    });
    expect(await view(local)).toMatchObject({ amount: '0.75', ratePlanVersion: 2 });
    expect(await view(international)).toEqual(invoicedBefore);
    const history = (await view(longDistance)).history as {
      action: string;
      oldValue: object;
      newValue: object;
    }[];
    expect(history.at(-1)).toMatchObject({
      action: 'line-item.re-rate',
      oldValue: { amount: '1.50', ratePlanVersion: 1 },
      newValue: { amount: '1.66', ratePlanVersion: 2 },
    });

    // Nothing changed since: a second re-rate changes nothing.
    const again = await reRate({ filter: { sourceId } });
    expect(again.body.changed).toBe(0);

    // resetReview: the approval and the adjustment give way to the rating.
    const reset = await reRate({ filter: { sourceId }, resetReview: true });
    expect(reset.body.changed).toBeGreaterThanOrEqual(2); // the approval and the adjustment
    expect(await view(longDistance)).toMatchObject({ status: 'pending', amount: '1.66' });
    expect(await view(uk)).toMatchObject({ amount: '3.50', adjusted: false });
  });

  it('a call the new version makes free is no charge, whatever was decided about its price', async () => {
    const local = await itemOf(LOCAL);
    await act(local, 'adjust', { amount: '0.50', reason: 'Courtesy' });
    await act(local, 'approve', {});
    const plan = samplePlan<{ rates: Record<string, unknown> }>('grand-hotel');
    plan.rates.local = { free: true };
    await http()
      .post(`/api/v1/rate-plans/${planId}/versions`)
      .set(...bearer(t.adminKey))
      .send({ effectiveFrom: '2026-03-02T00:00:00-07:00', ...plan })
      .expect(201);
    await reRate({ filter: { sourceId, destinationClass: 'local' } });
    expect(await view(local)).toMatchObject({
      status: 'no-charge',
      reason: 'free-destination',
      amount: '0.00',
      adjusted: false,
      total: '0.00',
      ratePlanVersion: 3,
    });
  });

  it('keeps the account a reviewer assigned to an unknown code, and leaves untouched ones in review', async () => {
    const firmPlan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({
        effectiveFrom: '2026-01-01T00:00:00-07:00',
        ...samplePlan<object>('porter-lane-calls'),
      })
      .expect(201);
    const firm = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Porter Lane',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: firmPlan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    await http()
      .post(`/api/v1/sources/${firm.body.id}/sync`)
      .set(...bearer(t.adminKey))
      .send({ from: '2026-03-02', to: '2026-03-04' })
      .expect(200);
    const unknown = await db.query<{ id: number; billing_account: string | null }[]>(
      `SELECT id, billing_account FROM line_items
       WHERE source_id = ? AND reason = 'unknown-account-code' ORDER BY id`,
      [firm.body.id],
    );
    expect(unknown.length).toBeGreaterThanOrEqual(2);
    // Rating fills an unknown code's account with the code as typed.
    expect(unknown[0].billing_account).not.toBeNull();
    const [assigned, untouched] = unknown;
    await act(assigned.id, 'assign', { billingAccount: '10234-001', reason: 'Client confirmed' });

    await reRate({ filter: { sourceId: firm.body.id } });
    expect(await view(assigned.id)).toMatchObject({
      status: 'pending',
      billingAccount: '10234-001',
      reason: 'unknown-account-code',
    });
    expect(await view(untouched.id)).toMatchObject({
      status: 'needs-review',
      billingAccount: untouched.billing_account,
      reason: 'unknown-account-code',
    });
  });

  it('400 without a filter or with a bad one; viewers may not re-rate', async () => {
    await http()
      .post('/api/v1/line-items/re-rate')
      .set(...bearer(t.adminKey))
      .send({})
      .expect(400);
    await http()
      .post('/api/v1/line-items/re-rate')
      .set(...bearer(t.adminKey))
      .send({ filter: { status: 'open' } })
      .expect(400);
    await http()
      .post('/api/v1/line-items/re-rate')
      .set(...bearer(t.adminKey))
      .send({ filter: {}, resetReview: 'yes' })
      .expect(400);
    const viewer = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Viewer', role: 'viewer' })
      .expect(201);
    await http()
      .post('/api/v1/line-items/re-rate')
      .set(...bearer(viewer.body.key))
      .send({ filter: {} })
      .expect(403);
  });
});
