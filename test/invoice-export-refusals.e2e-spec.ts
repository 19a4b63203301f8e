import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

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
    // The default business, as the hotel whose rooms these are.
    await http()
      .patch('/api/v1/businesses/1')
      .set(...bearer(t.adminKey))
      .send({ name: 'Grand Hotel', kind: 'hotel' })
      .expect(200);
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
    await db.query(
      db.options.type === 'postgres'
        ? 'DROP TRIGGER "TR_invoice_lines_update_draft_only" ON invoice_lines'
        : 'DROP TRIGGER "TR_invoice_lines_update_draft_only"',
    );
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

  describe("a format that does not fit who bills: 409 naming the business's kind and the formats that do", () => {
    let business: Record<'law-firm' | 'other', number>;
    let invoices: Record<'hotel' | 'law-firm' | 'other', { id: number; number: string }>;

    beforeAll(async () => {
      const created = async (name: string, kind: string, invoicePrefix: string) =>
        (
          await http()
            .post('/api/v1/businesses')
            .set(...bearer(t.adminKey))
            .send({ name, kind, invoicePrefix, timezone: 'America/Denver', taxId: '24-6437381' })
            .expect(201)
        ).body.id as number;
      business = {
        'law-firm': await created('Porter & Lane LLP', 'law-firm', 'PL'),
        other: await created('Acme Consulting', 'other', 'AC'),
      };
      const plan = samplePlan('porter-lane-calls');
      const firm = await seedSource(t, 'Porter Lane', plan, { businessId: business['law-firm'] });
      const acme = await seedSource(t, 'Acme', plan, { businessId: business.other });
      const one = async (source: Seeded, billingAccount: string) => {
        const ids = await seedItems(db, source, [
          { startTimeMs: T0, billingAccount, status: 'approved', amountMinor: 150 },
        ]);
        const id = await finalized(billingAccount, ids);
        const [{ number }] = await db.query<{ number: string }[]>(
          'SELECT number FROM invoices WHERE id = ?',
          [id],
        );
        return { id, number };
      };
      invoices = {
        hotel: await one(seeded, 'ROOM-3'),
        'law-firm': await one(firm, '10234-001'),
        other: await one(acme, '20000-002'),
      };
    });

    const exportAs = (id: number, format: string) =>
      http()
        .get(`/api/v1/invoices/${id}/export?format=${format}`)
        .set(...bearer(t.adminKey));

    it("pms for a law firm's invoice", async () => {
      const { id, number } = invoices['law-firm'];
      const refused = await exportAs(id, 'pms').expect(409);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(refused.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `Invoice ${number} is billed by Porter & Lane LLP, a law firm: pms (FIAS postings to a guest's folio) fits only a hotel's invoices; export it as ledes1998b, disbursements, csv, json or pdf`,
        details: [{ field: 'business.kind', message: 'law-firm' }],
      });
      await exportAs(id, 'ledes1998b').expect(200);
    });

    it('pms for the invoice of a business of kind other (how a hotel makes it fit)', async () => {
      const { id, number } = invoices.other;
      const refused = await exportAs(id, 'pms').expect(409);
      expect(refused.body.message).toBe(
        `Invoice ${number} is billed by Acme Consulting, a business of kind other: pms (FIAS postings to a guest's folio) fits only a hotel's invoices; export it as csv, json, pdf, ledes1998b or disbursements; if the business is a hotel, set its kind to hotel (PATCH /api/v1/businesses/${business.other}): the invoices it finalises from then on export as pms`,
      );
      // LEDES is a firm's format, refused only for a hotel: with a firm id, it is written.
      await exportAs(id, 'ledes1998b').expect(200);
    });

    it("ledes1998b for a hotel's invoice", async () => {
      const { id, number } = invoices.hotel;
      const refused = await exportAs(id, 'ledes1998b').expect(409);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(refused.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `Invoice ${number} is billed by Grand Hotel, a hotel: ledes1998b (a law firm's e-bill) does not fit a hotel's invoices; export it as pms, csv, json or pdf`,
        details: [{ field: 'business.kind', message: 'hotel' }],
      });
      await exportAs(id, 'csv').expect(200);
    });

    it('the kind the invoice was finalised with decides, not what the business is now', async () => {
      await http()
        .patch(`/api/v1/businesses/${business['law-firm']}`)
        .set(...bearer(t.adminKey))
        .send({ kind: 'hotel' })
        .expect(200);
      await exportAs(invoices['law-firm'].id, 'pms').expect(409);
      await exportAs(invoices['law-firm'].id, 'ledes1998b').expect(200);
    });
  });
});
