import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };

interface Invoice {
  id: number;
  number: string | null;
  status: string;
  billingAccount: string;
  subtotal: string;
  tax: string;
  total: string;
  lines: { amount: string; tax: string; total: string; lineItemId: number }[];
}

const cents = (text: string) => Math.round(Number(text) * 100);

describe('invoices: drafts, gapless numbers, void (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let seeded: Seeded;

  beforeAll(async () => {
    t = await createTestApp({});
    db = t.app.get(DataSource);
    seeded = await seedSource(t);
    // 50 accounts, each with 3 approved items (one adjusted-looking), and some items that are
    // never invoiced: pending, no-charge, and one outside the period.
    for (let a = 0; a < 50; a++) {
      await seedItems(db, seeded, [
        { startTimeMs: T0 + a, billingAccount: `ACC-${a}`, status: 'approved', amountMinor: 150 },
        {
          startTimeMs: T0 + a + 1,
          billingAccount: `ACC-${a}`,
          status: 'approved',
          amountMinor: 275,
        },
        {
          startTimeMs: T0 + a + 2,
          billingAccount: `ACC-${a}`,
          status: 'approved',
          amountMinor: 1999,
        },
        { startTimeMs: T0 + a + 3, billingAccount: `ACC-${a}`, status: 'pending' },
        {
          startTimeMs: T0 + a + 4,
          billingAccount: `ACC-${a}`,
          status: 'no-charge',
          amountMinor: 0,
        },
        { startTimeMs: T0 - 40 * 86_400_000, billingAccount: `ACC-${a}`, status: 'approved' },
      ]);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const post = (path: string, body: object = {}) =>
    http()
      .post(`/api/v1/invoices${path}`)
      .set(...bearer(t.adminKey))
      .send(body);

  it('drafts one invoice per account from its approved, uninvoiced items in the period; totals are sums of lines', async () => {
    const res = await post('/batch', PERIOD).expect(201);
    const drafts = res.body.items as Invoice[];
    expect(drafts).toHaveLength(50);
    for (const draft of drafts) {
      // A draft is a preview: it exports as json only; its dates are in its source's zone.
      expect(draft).toMatchObject({
        status: 'draft',
        number: null,
        timezone: 'America/Denver',
        exportFormats: ['json'],
      });
      expect(draft.lines).toHaveLength(3);
      const sum = (pick: (l: Invoice['lines'][number]) => string) =>
        draft.lines.reduce((s, l) => s + cents(pick(l)), 0);
      expect(cents(draft.subtotal)).toBe(sum((l) => l.amount));
      expect(cents(draft.tax)).toBe(sum((l) => l.tax));
      expect(cents(draft.total)).toBe(sum((l) => l.total));
      expect(cents(draft.total)).toBe(cents(draft.subtotal) + cents(draft.tax));
    }
    // A second batch finds nothing left to invoice.
    const again = await post('/batch', PERIOD).expect(201);
    expect(again.body.items).toEqual([]);
  });

  it('50 finalisations at once get numbers 1..50, no gap, no duplicate; their lines become invoiced', async () => {
    const drafts = await db.query<{ id: number }[]>(
      `SELECT id FROM invoices WHERE status = 'draft' ORDER BY id`,
    );
    expect(drafts).toHaveLength(50);
    const answers = await Promise.all(drafts.map(({ id }) => post(`/${id}/finalize`)));
    expect(answers.map((a) => a.status)).toEqual(Array<number>(50).fill(200));
    const numbers = answers.map((a) => (a.body as Invoice).number!).sort();
    const year = numbers[0].slice(4, 8);
    expect(numbers).toEqual(
      Array.from({ length: 50 }, (_, i) => `INV-${year}-${String(i + 1).padStart(6, '0')}`),
    );
    const [items] = await db.query<{ n: number }[]>(
      `SELECT count(*) AS n FROM line_items WHERE status = 'invoiced'`,
    );
    expect(items.n).toBe(150);
  });

  it('a finalized invoice and its lines never change: 409 by the API, refused by the ledger', async () => {
    const [{ id }] = await db.query<{ id: number }[]>(
      `SELECT id FROM invoices WHERE status = 'finalized' ORDER BY id LIMIT 1`,
    );
    const before = await db.query(`SELECT * FROM invoices WHERE id = ?`, [id]);
    for (const path of [`/${id}/finalize`, `/${id}/refresh`]) {
      const res = await post(path).expect(409);
      expect(res.body.message).toContain('never changes');
    }
    await http()
      .delete(`/api/v1/invoices/${id}`)
      .set(...bearer(t.adminKey))
      .expect(409);
    const [line] = await db.query<{ line_item_id: number }[]>(
      `SELECT line_item_id FROM invoice_lines WHERE invoice_id = ? LIMIT 1`,
      [id],
    );
    await http()
      .post(`/api/v1/line-items/${line.line_item_id}/reject`)
      .set(...bearer(t.adminKey))
      .send({ reason: 'too late' })
      .expect(409);
    await expect(
      db.query(`UPDATE invoices SET total_minor = 1 WHERE id = ?`, [id]),
    ).rejects.toThrow(/never changes/);
    await expect(
      db.query(`UPDATE invoice_lines SET amount_minor = 1 WHERE invoice_id = ?`, [id]),
    ).rejects.toThrow(/never change/);
    await expect(db.query(`SELECT * FROM invoices WHERE id = ?`, [id])).resolves.toEqual(before);
  });

  it('void keeps the number and sends the lines back to approved; the next number continues after it', async () => {
    const [{ id, number }] = await db.query<{ id: number; number: string }[]>(
      `SELECT id, number FROM invoices WHERE status = 'finalized' ORDER BY id LIMIT 1`,
    );
    const read = (path = `/api/v1/invoices/${id}`) =>
      http()
        .get(path)
        .set(...bearer(t.adminKey))
        .expect(200);
    const business = await read(`/api/v1/businesses/${(await read()).body.businessId}`);
    // A finalised invoice exports as what fits its business's kind (docs/exports.md).
    const fitting: Record<string, string[]> = {
      hotel: ['pms', 'csv', 'json', 'pdf'],
      'law-firm': ['ledes1998b', 'disbursements', 'csv', 'json', 'pdf'],
      other: ['csv', 'json', 'pdf', 'ledes1998b', 'disbursements'],
    };
    expect((await read()).body.exportFormats).toEqual(fitting[business.body.kind as string]);
    await post(`/${id}/void`, {}).expect(400); // a reason is required
    const voided = await post(`/${id}/void`, { reason: 'Billed to the wrong room' }).expect(200);
    expect(voided.body).toMatchObject({
      status: 'void',
      number,
      voidReason: 'Billed to the wrong room',
      exportFormats: ['json'],
    });
    await post(`/${id}/void`, { reason: 'again' }).expect(409);
    const freed = await db.query<{ status: string; invoice_id: number | null }[]>(
      `SELECT status, invoice_id FROM line_items WHERE billing_account = ? AND status <> 'pending'
         AND status <> 'no-charge' AND start_time_ms >= ?`,
      [voided.body.billingAccount, T0 - 86_400_000],
    );
    expect(freed).toEqual(Array(3).fill({ status: 'approved', invoice_id: null }));
    const redraft = await post('', {
      ...PERIOD,
      billingAccount: voided.body.billingAccount,
    }).expect(201);
    const final = await post(`/${redraft.body.id}/finalize`).expect(200);
    expect(final.body.number).toBe(`${number.slice(0, 9)}000051`);
  });

  it('refreshes or deletes a draft; refuses bad input and an empty draft', async () => {
    const [item] = await seedItems(db, seeded, [
      { startTimeMs: T0, billingAccount: 'ROOM-7', status: 'approved', amountMinor: 500 },
    ]);
    const draft = await post('', { ...PERIOD, billingAccount: 'ROOM-7' }).expect(201);
    await seedItems(db, seeded, [
      { startTimeMs: T0 + 5, billingAccount: 'ROOM-7', status: 'approved', amountMinor: 100 },
    ]);
    const refreshed = await post(`/${draft.body.id}/refresh`).expect(200);
    expect(refreshed.body.lines).toHaveLength(2);
    await http()
      .delete(`/api/v1/invoices/${draft.body.id}`)
      .set(...bearer(t.adminKey))
      .expect(204);
    await expect(
      db.query(`SELECT invoice_id FROM line_items WHERE id = ?`, [item]),
    ).resolves.toEqual([{ invoice_id: null }]);
    const empty = await post('', { ...PERIOD, billingAccount: 'ROOM-NOBODY' }).expect(409);
    expect(empty.body.message).toContain('no approved, uninvoiced items');
    await post('', { ...PERIOD, billingAccount: 'ROOM-7', extra: 1 }).expect(400);
    await post('', {
      billingAccount: 'ROOM-7',
      periodStart: PERIOD.periodEnd,
      periodEnd: PERIOD.periodStart,
    }).expect(400);
    await post('', {
      billingAccount: 'ROOM-7',
      periodStart: '2026-02-30',
      periodEnd: PERIOD.periodEnd,
    }).expect(400);
    await http()
      .get('/api/v1/invoices/999999')
      .set(...bearer(t.adminKey))
      .expect(404);
  });
});
