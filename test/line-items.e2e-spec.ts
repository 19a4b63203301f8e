import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const MINUTE = 60_000;

interface Item {
  id: number;
  startTime: string;
  amount: string;
  tax: string;
  total: string;
  status: string;
  billingAccount: string | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
  totals: {
    count: number;
    byCurrency: { currency: string; count: number; amount: string; tax: string; total: string }[];
  } | null;
}

const cents = (text: string) => Math.round(Number(text) * 100); // test arithmetic on 2-dp strings

describe('line items: list, filters, pages, totals, detail, CSV (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let seeded: Seeded;
  let viewerKey: string;

  beforeAll(async () => {
    t = await createTestApp({});
    db = t.app.get(DataSource);
    seeded = await seedSource(t);
    const viewer = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Viewer', role: 'viewer' })
      .expect(201);
    viewerKey = viewer.body.key;
    // 300 items over 5 hours, several sharing a start time, across 3 rooms and statuses.
    await seedItems(
      db,
      seeded,
      Array.from({ length: 300 }, (_, i) => ({
        startTimeMs: T0 + Math.floor(i / 3) * MINUTE,
        billingAccount: `ROOM-10${10 + (i % 3)}`,
        amountMinor: 100 + ((i * 37) % 900),
        status: i % 5 === 0 ? 'approved' : i % 7 === 0 ? 'needs-review' : 'pending',
        destinationClass: i % 4 === 0 ? 'international' : 'long-distance',
        dialedNumber: i % 10 === 0 ? '9 011 44 20 7946 0000' : '9 1 303 555 0100',
      })),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const list = (query: Record<string, string | number>, key = viewerKey) =>
    http()
      .get('/api/v1/line-items')
      .query(query)
      .set(...bearer(key));

  async function pageThrough(
    query: Record<string, string | number>,
    between?: () => Promise<void>,
  ): Promise<{ items: Item[]; first: Page }> {
    const items: Item[] = [];
    let first: Page | undefined;
    let cursor: string | null = null;
    do {
      const res = await list(cursor ? { ...query, cursor } : query).expect(200);
      const page = res.body as Page;
      first ??= page;
      if (cursor) expect(page.totals).toBeNull();
      items.push(...page.items);
      cursor = page.nextCursor;
      if (cursor && between) await between();
    } while (cursor);
    return { items, first: first };
  }

  it('pages through everything in (start time, id) order; the totals are the sums of the items listed', async () => {
    const { items, first } = await pageThrough({ status: 'pending', limit: 37 });
    const [count] = await db.query<{ n: number }[]>(
      `SELECT count(*) AS n FROM line_items WHERE status = 'pending'`,
    );
    expect(items).toHaveLength(count.n);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (let k = 1; k < items.length; k++) {
      const [a, b] = [items[k - 1], items[k]];
      expect(a.startTime < b.startTime || (a.startTime === b.startTime && a.id < b.id)).toBe(true);
    }
    expect(items.every((i) => i.status === 'pending')).toBe(true);
    const sum = (pick: (i: Item) => string) => items.reduce((s, i) => s + cents(pick(i)), 0);
    expect(first.totals).toEqual({
      count: items.length,
      byCurrency: [
        {
          currency: 'USD',
          count: items.length,
          amount: (sum((i) => i.amount) / 100).toFixed(2),
          tax: (sum((i) => i.tax) / 100).toFixed(2),
          total: (sum((i) => i.total) / 100).toFixed(2),
        },
      ],
    });
  });

  it('skips and repeats nothing when items are inserted between pages', async () => {
    const before = await db.query<{ id: number }[]>(
      `SELECT id FROM line_items WHERE billing_account = 'ROOM-1011' ORDER BY id`,
    );
    let at = 0;
    const inserted: number[] = [];
    const { items } = await pageThrough({ billingAccount: 'ROOM-1011', limit: 25 }, async () => {
      // One before everything seen, one among them, one after: none may shift the pages.
      at++;
      inserted.push(
        ...(await seedItems(db, seeded, [
          { startTimeMs: T0 - at * MINUTE, billingAccount: 'ROOM-1011' },
          { startTimeMs: T0 + 30 * MINUTE, billingAccount: 'ROOM-1011' },
          { startTimeMs: T0 + 10 * 60 * MINUTE + at, billingAccount: 'ROOM-1011' },
        ])),
      );
    });
    const seen = items.map((i) => i.id);
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    for (const { id } of before) expect(seen).toContain(id); // nothing that was there skipped
    expect(inserted.length).toBeGreaterThan(0);
    // Those inserted after the last page's end are on the pages still to come.
    for (let k = 2; k < inserted.length; k += 3) expect(seen).toContain(inserted[k]);
    await db.query(`DELETE FROM line_items WHERE id IN (${inserted.join(',')})`);
    await db.query(
      `DELETE FROM call_records WHERE id NOT IN (SELECT call_record_id FROM line_items)`,
    );
  });

  it.each([
    [{ status: 'approved,needs-review' }, `status IN ('approved', 'needs-review')`],
    [{ billingAccount: 'ROOM-1012' }, `billing_account = 'ROOM-1012'`],
    [{ destinationClass: 'international' }, `destination_class = 'international'`],
    [
      { from: '2026-03-02T08:00:00Z', to: '2026-03-02T09:00:00+00:00' },
      `start_time_ms >= ${T0 + 60 * MINUTE} AND start_time_ms < ${T0 + 120 * MINUTE}`,
    ],
    [{ minAmount: '5.005', maxAmount: '8' }, `amount_minor >= 501 AND amount_minor <= 800`],
    [{ q: '7946' }, `dialed_number LIKE '%7946%'`],
    [{ q: '%' }, `FALSE`],
    [
      { sourceId: 1, status: 'pending', q: '303' },
      `status = 'pending' AND dialed_number LIKE '%303%'`,
    ],
    [{ q: '44 20' }, `dialed_number LIKE '%44 20%'`],
  ] as const)('filters by %j', async (query, where) => {
    const { items, first } = await pageThrough({ ...query, limit: 1000 });
    const expected = await db.query<{ id: number }[]>(
      `SELECT id FROM line_items WHERE ${where} ORDER BY start_time_ms, id`,
    );
    expect(items.map((i) => i.id)).toEqual(expected.map((r) => r.id));
    expect(first.totals!.count).toBe(expected.length);
  });

  it.each([
    [{ limit: 1001 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ status: 'open' }, 'status'],
    [{ status: 'pending,' }, 'status'],
    [{ foo: 1 }, 'foo'],
    [{ minAmount: '-1' }, 'minAmount'],
    [{ minAmount: '1.2.3' }, 'minAmount'],
    [{ maxAmount: '1e3' }, 'maxAmount'],
    [{ from: '2026-03-02T08:00:00' }, 'from'],
    [{ from: '2026-03-02T09:00:00Z', to: '2026-03-02T08:00:00Z' }, 'to'],
    [{ cursor: 'not a cursor!' }, 'cursor'],
    [{ cursor: Buffer.from('[1,2,3]').toString('base64url') }, 'cursor'],
    [{ sourceId: 0 }, 'sourceId'],
  ])('400 for %j, naming %s, and nothing changes', async (query, field) => {
    const before = await db.query(`SELECT count(*) AS n, sum(version) AS v FROM line_items`);
    const res = await list(query as Record<string, string | number>).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    await expect(
      db.query(`SELECT count(*) AS n, sum(version) AS v FROM line_items`),
    ).resolves.toEqual(before);
  });

  it('totals=false gives the first page without totals; totals=maybe is a 400', async () => {
    const res = await list({ status: 'pending', limit: 5, totals: 'false' }).expect(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.totals).toBeNull();
    const next = await list({ status: 'pending', limit: 5, cursor: res.body.nextCursor }).expect(
      200,
    );
    expect(next.body.items[0].id).not.toBe(res.body.items[0].id);
    const bad = await list({ totals: 'maybe' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('totals');
  });

  it('refuses a cursor with another filter than the one it came from', async () => {
    const first = await list({ status: 'pending', limit: 5 }).expect(200);
    const res = await list({ status: 'approved', cursor: first.body.nextCursor }).expect(400);
    expect(res.body.message).toContain('cursor belongs to another filter');
  });

  it('shows one item with its breakdown, its source record, its plan version and its history', async () => {
    const [{ id }] = await db.query<{ id: number }[]>(`SELECT id FROM line_items LIMIT 1`);
    const res = await http()
      .get(`/api/v1/line-items/${id}`)
      .set(...bearer(viewerKey))
      .expect(200);
    expect(res.body).toMatchObject({
      id,
      sourceId: seeded.sourceId,
      currency: 'USD',
      ratePlanVersion: 1,
      version: 1,
      breakdown: { status: 'pending' },
      sourceRecord: { kind: 'call-record', direction: 'outbound', raw: { values: {} } },
      planVersion: { id: seeded.versionId, version: 1, plan: { name: 'Grand Hotel plan' } },
      history: [],
    });
    await http()
      .get('/api/v1/line-items/999999')
      .set(...bearer(viewerKey))
      .expect(404);
  });

  it('exports the filtered items as CSV, a formula never left live', async () => {
    await seedItems(db, seeded, [
      { startTimeMs: T0, billingAccount: 'ROOM-1999', accountCode: '=HYPERLINK("x")' },
      { startTimeMs: T0 + 1, billingAccount: 'ROOM-1999', dialedNumber: '+1 303 555 0100' },
    ]);
    const res = await http()
      .get('/api/v1/line-items/export.csv')
      .query({ billingAccount: 'ROOM-1999' })
      .set(...bearer(viewerKey))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('line-items.csv');
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,sourceId,callId,startTime,localStartTime,billingAccount/);
    expect(lines).toHaveLength(3);
    expect(res.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(res.text).toContain(`'+1 303 555 0100`);
  });

  it('needs a key; a viewer reads', async () => {
    await http().get('/api/v1/line-items').expect(401);
    await list({ limit: 1 }).expect(200);
  });
});

describe('audit events (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({});
    await seedSource(t, 'Audited');
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists who did what, newest first, filtered and paged', async () => {
    const http = () => request(t.app.getHttpServer());
    const all = await http()
      .get('/api/v1/audit-events')
      .set(...bearer(t.adminKey))
      .expect(200);
    const actions = all.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['rate-plan.create', 'source.create']));
    const ids = all.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    const plans = await http()
      .get('/api/v1/audit-events')
      .query({ entityType: 'rate-plan', limit: 1 })
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(plans.body.items).toHaveLength(1);
    expect(plans.body.items[0]).toMatchObject({
      action: 'rate-plan.create',
      actor: { name: expect.any(String) },
      newValue: expect.anything(),
    });
    await http()
      .get('/api/v1/audit-events')
      .query({ cursor: 'abc' })
      .set(...bearer(t.adminKey))
      .expect(400);
    const week = await http()
      .get('/api/v1/audit-events')
      .query({ from: '2026-W10-1T08:00:00Z' })
      .set(...bearer(t.adminKey))
      .expect(400);
    expect(week.body.details.map((d: { field: string }) => d.field)).toContain('from');
  });
});
