import { DateTime } from 'luxon';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };

const HOTEL = {
  name: 'Grand Hotel Denver',
  kind: 'hotel',
  timezone: 'America/Denver',
  address: ['1550 Court Place', 'Denver, CO 80202'],
  taxId: '84-1234567',
  invoicePrefix: 'GH',
  paymentTerms: 'Due at check-out',
};
const FIRM = {
  name: 'Porter & Lane LLP',
  kind: 'law-firm',
  timezone: 'America/Denver',
  invoicePrefix: 'PL',
};

describe('businesses (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let viewerKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const viewer = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Reader', role: 'viewer' })
      .expect(201);
    viewerKey = viewer.body.key;
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const admin = {
    post: (path: string, body: object) =>
      http()
        .post(path)
        .set(...bearer(t.adminKey))
        .send(body),
    patch: (path: string, body: object) =>
      http()
        .patch(path)
        .set(...bearer(t.adminKey))
        .send(body),
    get: (path: string) =>
      http()
        .get(path)
        .set(...bearer(t.adminKey)),
  };
  const count = async (table: string) =>
    (await db.query<{ n: number }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n;

  describe('the default business and the API', () => {
    it('the first start made the default business: sources without a businessId belong to it', async () => {
      const list = await http()
        .get('/api/v1/businesses')
        .set(...bearer(viewerKey))
        .expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: 1, isDefault: true, invoicePrefix: 'INV', kind: 'other' }),
      ]);
      const seeded = await seedSource(t, 'Front desk');
      const source = await admin.get(`/api/v1/sources/${seeded.sourceId}`).expect(200);
      expect(source.body.businessId).toBe(1);
    });

    it('creates a business (admin), reads it (viewer), audits it', async () => {
      const created = await admin.post('/api/v1/businesses', HOTEL).expect(201);
      expect(created.body).toEqual({
        id: expect.any(Number),
        ...HOTEL,
        isDefault: false,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      await http()
        .get(`/api/v1/businesses/${created.body.id}`)
        .set(...bearer(viewerKey))
        .expect(200, created.body);
      const [event] = await db.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE entity_type = 'business' AND entity_id = ?`,
        [String(created.body.id)],
      );
      expect(event.action).toBe('business.create');
    });

    it.each([
      [{ ...FIRM, kind: 'bank' }, 'kind', 'kind must be one of hotel, law-firm, other'],
      [
        { ...FIRM, timezone: 'Mars/Olympus' },
        'timezone',
        'timezone must be an IANA time zone such as America/Denver',
      ],
      [
        { ...FIRM, invoicePrefix: 'pl-' },
        'invoicePrefix',
        'invoicePrefix must be 1 to 12 capital letters or digits (e.g. GH)',
      ],
      [{ ...FIRM, name: '   ' }, 'name', 'name must not be blank'],
      [
        { ...FIRM, address: ['ok', 'bad\u0002line'] },
        'address',
        'address lines must not hold control characters',
      ],
      [
        { ...FIRM, address: ['1', '2', '3', '4', '5', '6', '7'] },
        'address',
        'address must have at most 6 lines',
      ],
      [{ ...FIRM, color: 'red' }, 'color', 'property color should not exist'],
    ])(
      'refuses a bad business with 400 naming the field (%#), and stores nothing',
      async (body, field, message) => {
        const before = await count('businesses');
        const res = await admin.post('/api/v1/businesses', body).expect(400);
        expect(res.body.details).toEqual(expect.arrayContaining([{ field, message }]));
        expect(await count('businesses')).toBe(before);
      },
    );

    it('a taken name or invoice prefix is 409; a viewer may not create (403); an unknown id is 404', async () => {
      const before = await count('businesses');
      const name = await admin
        .post('/api/v1/businesses', { ...FIRM, name: HOTEL.name })
        .expect(409);
      expect(name.body.message).toMatch(/^A business named "Grand Hotel Denver" already exists/);
      const prefix = await admin
        .post('/api/v1/businesses', { ...FIRM, invoicePrefix: 'GH' })
        .expect(409);
      expect(prefix.body.message).toMatch(/already numbers its invoices GH-…$/);
      await http()
        .post('/api/v1/businesses')
        .set(...bearer(viewerKey))
        .send(FIRM)
        .expect(403);
      await admin.get('/api/v1/businesses/999').expect(404);
      expect(await count('businesses')).toBe(before);
    });

    it('a source names its business; an unknown one is 400 and nothing is stored', async () => {
      const before = await count('sources');
      const res = await admin
        .post('/api/v1/sources', {
          name: 'Nowhere',
          kind: 'call-records',
          historicDataKey: 'CALLDTLX',
          ratePlanId: 1,
          businessId: 999,
          timezone: 'America/Denver',
        })
        .expect(400);
      expect(res.body.details).toEqual([
        { field: 'businessId', message: 'business 999 does not exist' },
      ]);
      expect(await count('sources')).toBe(before);
    });
  });

  describe('invoices, numbered per business and year', () => {
    let hotel: Seeded;
    let firm: Seeded;
    let hotelId: number;
    let firmId: number;

    beforeAll(async () => {
      hotelId = (await admin.get('/api/v1/businesses')).body.items.find(
        (b: { name: string }) => b.name === HOTEL.name,
      ).id;
      firmId = (await admin.post('/api/v1/businesses', FIRM).expect(201)).body.id;
      hotel = await seedSource(t, 'Hotel calls', undefined, { businessId: hotelId });
      firm = await seedSource(t, 'Firm calls', undefined, { businessId: firmId });
      for (let a = 0; a < 25; a++) {
        await seedItems(db, hotel, [
          { startTimeMs: T0 + a, billingAccount: `ROOM-${1000 + a}`, status: 'approved' },
        ]);
        await seedItems(db, firm, [
          { startTimeMs: T0 + a, billingAccount: `10234-${100 + a}`, status: 'approved' },
        ]);
      }
      // One account with approved items of both businesses.
      await seedItems(db, hotel, [
        { startTimeMs: T0, billingAccount: 'SHARED', status: 'approved' },
      ]);
      await seedItems(db, firm, [
        { startTimeMs: T0, billingAccount: 'SHARED', status: 'approved' },
      ]);
    });

    it('an account with items of two businesses: a draft must name one (409, nothing drafted)', async () => {
      const before = await count('invoices');
      const res = await admin
        .post('/api/v1/invoices', { billingAccount: 'SHARED', ...PERIOD })
        .expect(409);
      expect(res.body.message).toBe(
        `SHARED has approved items of businesses ${hotelId} and ${firmId}: an invoice is one business's; name a businessId`,
      );
      expect(await count('invoices')).toBe(before);
      const drafted = await admin
        .post('/api/v1/invoices', { billingAccount: 'SHARED', businessId: firmId, ...PERIOD })
        .expect(201);
      expect(drafted.body).toMatchObject({ businessId: firmId, status: 'draft' });
      expect(drafted.body.lines).toHaveLength(1);
      await http()
        .delete(`/api/v1/invoices/${drafted.body.id}`)
        .set(...bearer(t.adminKey))
        .expect(204);
    });

    it('a batch drafts one invoice per business and account', async () => {
      const res = await admin.post('/api/v1/invoices/batch', PERIOD).expect(201);
      const drafts = res.body.items as { businessId: number; billingAccount: string }[];
      expect(drafts).toHaveLength(52);
      expect(drafts.filter((d) => d.businessId === hotelId)).toHaveLength(26);
      expect(drafts.filter((d) => d.businessId === firmId)).toHaveLength(26);
      expect(
        drafts
          .filter((d) => d.billingAccount === 'SHARED')
          .map((d) => d.businessId)
          .sort(),
      ).toEqual([hotelId, firmId].sort());
    });

    it('50 finalisations at once across two businesses: each business numbers 1..n with no gap or duplicate', async () => {
      const drafts = await db.query<{ id: number; business_id: number }[]>(
        `SELECT id, business_id FROM invoices WHERE status = 'draft' AND billing_account <> 'SHARED'
          ORDER BY id`,
      );
      expect(drafts).toHaveLength(50);
      const answers = await Promise.all(
        drafts.map(({ id }) => admin.post(`/api/v1/invoices/${id}/finalize`, {})),
      );
      expect(answers.map((a) => a.status)).toEqual(Array<number>(50).fill(200));
      const numbersOf = (businessId: number) =>
        answers
          .filter((a) => a.body.businessId === businessId)
          .map((a) => a.body.number as string)
          .sort();
      // The year is the business's (America/Denver), not UTC's.
      const year = DateTime.now().setZone('America/Denver').year;
      const expected = (prefix: string) =>
        Array.from({ length: 25 }, (_, i) => `${prefix}-${year}-${String(i + 1).padStart(6, '0')}`);
      expect(numbersOf(hotelId)).toEqual(expected('GH'));
      expect(numbersOf(firmId)).toEqual(expected('PL'));
      await expect(
        db.query(
          `SELECT business_id, last_sequence FROM invoice_number_sequences WHERE business_id IN (?, ?)
            ORDER BY business_id`,
          [hotelId, firmId],
        ),
      ).resolves.toEqual([
        { business_id: Math.min(hotelId, firmId), last_sequence: 25 },
        { business_id: Math.max(hotelId, firmId), last_sequence: 25 },
      ]);
    });

    it('a finalised invoice keeps the business as it was; a numbered business keeps its prefix', async () => {
      const [{ id }] = await db.query<{ id: number }[]>(
        `SELECT id FROM invoices WHERE business_id = ? AND status = 'finalized' LIMIT 1`,
        [hotelId],
      );
      await admin
        .patch(`/api/v1/businesses/${hotelId}`, { name: 'Grand Hotel (renamed)' })
        .expect(200);
      const [row] = await db.query<{ issuer_json: string }[]>(
        `SELECT issuer_json FROM invoices WHERE id = ?`,
        [id],
      );
      expect(JSON.parse(row.issuer_json)).toEqual({
        name: HOTEL.name,
        kind: 'hotel',
        address: HOTEL.address,
        taxId: HOTEL.taxId,
        paymentTerms: HOTEL.paymentTerms,
      });
      const refused = await admin
        .patch(`/api/v1/businesses/${hotelId}`, { invoicePrefix: 'GHD' })
        .expect(409);
      expect(refused.body.message).toBe(
        `Business ${hotelId} has numbered 25 invoice(s) GH-…: its invoicePrefix cannot change`,
      );
      const cleared = await admin
        .patch(`/api/v1/businesses/${hotelId}`, { name: null })
        .expect(400);
      expect(cleared.body.details).toEqual([
        { field: 'name', message: 'name cannot be cleared; leave it out to keep it' },
      ]);
      const business = await admin.get(`/api/v1/businesses/${hotelId}`).expect(200);
      expect(business.body).toMatchObject({ name: 'Grand Hotel (renamed)', invoicePrefix: 'GH' });
    });

    it("a prefix that numbered an invoice is never another business's", async () => {
      const res = await admin
        .post('/api/v1/businesses', { ...FIRM, name: 'Copycat', invoicePrefix: 'PL' })
        .expect(409);
      expect(res.body.message).toMatch(/already numbers its invoices PL-…$/);
    });
  });
});
