import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };

/** Refusals that only a damaged ledger or a huge one can provoke: before the first byte. */
describe('invoice exports refuse what a billing system would (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let seeded: Seeded;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    seeded = await seedSource(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());

  async function finalized(billingAccount: string, ids: number[]): Promise<number> {
    const draft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({ billingAccount, ...PERIOD })
      .expect(201);
    expect(draft.body.lines.map((line: { lineItemId: number }) => line.lineItemId)).toEqual(ids);
    await http()
      .post(`/api/v1/invoices/${draft.body.id}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
    return draft.body.id;
  }

  it('a line that no longer adds up to the totals (a damaged ledger): every format refused, nothing written', async () => {
    const ids = await seedItems(db, seeded, [
      { startTimeMs: T0, billingAccount: 'ROOM-1', status: 'approved', amountMinor: 150 },
      { startTimeMs: T0 + 60_000, billingAccount: 'ROOM-1', status: 'approved', amountMinor: 90 },
    ]);
    const id = await finalized('ROOM-1', ids);
    // Only by going around the ledger's own guard.
    await db.query('DROP TRIGGER "TR_invoice_lines_update_draft_only"');
    await db.query(
      'UPDATE invoice_lines SET amount_minor = amount_minor + 1, total_minor = total_minor + 1 WHERE invoice_id = ? AND line_number = 2',
      [id],
    );
    for (const format of ['csv', 'json', 'ledes1998b', 'pms', 'pdf']) {
      const response = await http()
        .get(`/api/v1/invoices/${id}/export?format=${format}`)
        .set(...bearer(t.adminKey))
        .expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.message).toBe(
        `Invoice ${id}'s lines do not add up to its totals; nothing was exported`,
      );
    }
  });

  it("pms: a line item whose id is too long for FIAS's 8-digit posting number", async () => {
    const [item] = await seedItems(db, seeded, [
      { startTimeMs: T0, billingAccount: 'ROOM-2', status: 'approved', amountMinor: 150 },
    ]);
    await db.query('UPDATE line_items SET id = 123456789 WHERE id = ?', [item]);
    const id = await finalized('ROOM-2', [123_456_789]);
    const refused = await http()
      .get(`/api/v1/invoices/${id}/export?format=pms`)
      .set(...bearer(t.adminKey))
      .expect(409);
    expect(refused.body.message).toContain(
      'Line item 123456789 has an id too long for a FIAS posting number (8 digits)',
    );
    // The other formats have no such limit.
    await http()
      .get(`/api/v1/invoices/${id}/export?format=csv`)
      .set(...bearer(t.adminKey))
      .expect(200);
  });
});
