import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const NOT_PRINTABLE =
  'billingAccount must hold only printable characters (no tab, line break or other control ' +
  'character such as U+0002)';

/**
 * Issue 10 (b), decision 0015: a billing account a person sets ends up in a FIAS record's RN and
 * in LEDES: only printable ones are accepted, and a refusal changes nothing.
 */
describe('billing accounts set by a person are printable (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let seeded: Seeded;

  beforeAll(async () => {
    t = await createTestApp({});
    db = t.app.get(DataSource);
    seeded = await seedSource(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const state = async () => ({
    items: await db.query('SELECT * FROM line_items ORDER BY id'),
    invoices: await db.query('SELECT * FROM invoices ORDER BY id'),
    audit: await db.query('SELECT count(*) AS n FROM audit_events'),
  });

  it.each([
    ['STX and ETX', 'ROOM-\x02101\x03'],
    ['a line break', 'ROOM-101\r\nPS|RN102'],
    ['a tab', 'ROOM\t101'],
    ['a right-to-left override', 'ROOM-\u202e101'],
    ['a zero-width space', 'ROOM-\u200b101'],
  ])('assign with %s: 400, nothing changed', async (_, billingAccount) => {
    const [id] = await seedItems(db, seeded, [{ startTimeMs: T0, status: 'needs-review' }]);
    const before = await state();
    const res = await http()
      .post(`/api/v1/line-items/${id}/assign`)
      .set(...bearer(t.adminKey))
      .send({ billingAccount, reason: 'Moved rooms' })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'billingAccount', message: NOT_PRINTABLE }]);
    await expect(state()).resolves.toEqual(before);
  });

  it('bulk assign with a control character: 400, nothing changed', async () => {
    const [id] = await seedItems(db, seeded, [{ startTimeMs: T0, status: 'needs-review' }]);
    const before = await state();
    const res = await http()
      .post('/api/v1/line-items/bulk')
      .set(...bearer(t.adminKey))
      .send({ action: 'assign', ids: [id], billingAccount: 'ROOM-\x02101', reason: 'x' })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'billingAccount', message: NOT_PRINTABLE }]);
    await expect(state()).resolves.toEqual(before);
  });

  it('a draft invoice for a billing account with a control character: 400, nothing changed', async () => {
    const before = await state();
    const res = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({
        billingAccount: 'ROOM-\x03101',
        periodStart: '2026-03-01T00:00:00-07:00',
        periodEnd: '2026-04-01T00:00:00-06:00',
      })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'billingAccount', message: NOT_PRINTABLE }]);
    await expect(state()).resolves.toEqual(before);
  });

  it('an extension prefix with a control character: 400 naming billingAccount.prefix', async () => {
    const plan = samplePlan<{ billingAccount: Record<string, unknown> }>('grand-hotel');
    plan.billingAccount.prefix = 'ROOM\x02';
    const res = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({ ...plan, name: 'Prefixed' })
      .expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'billingAccount.prefix',
        message:
          'must hold only printable characters (no tab, line break or other control character ' +
          'such as U+0002)',
      },
    ]);
  });

  it('a printable account with spaces, accents and other scripts is assigned', async () => {
    const [id] = await seedItems(db, seeded, [{ startTimeMs: T0, status: 'needs-review' }]);
    await http()
      .post(`/api/v1/line-items/${id}/assign`)
      .set(...bearer(t.adminKey))
      .send({ billingAccount: 'Suite Zürich 東京 1', reason: 'Moved rooms' })
      .expect(200);
  });
});
