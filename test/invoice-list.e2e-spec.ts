import request from 'supertest';
import { DataSource } from 'typeorm';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const MARCH = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };
const APRIL = { periodStart: '2026-04-01T00:00:00-06:00', periodEnd: '2026-05-01T00:00:00-06:00' };

interface Summary {
  id: number;
  number: string | null;
  status: string;
  businessId: number;
  billingAccount: string;
  total: string;
  lines?: unknown;
}

/** Every entry of a ZIP, by name, as bytes. */
async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(zip, { lazyEntries: true }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    archive.on('entry', (entry: Entry) => {
      archive.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          archive.readEntry();
        });
      });
    });
    archive.on('end', resolve);
    archive.on('error', reject);
    archive.readEntry();
  });
  return entries;
}

describe('invoices people can find and finish (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let hotel: Seeded;
  let firm: Seeded;
  let hotelBusiness: number;
  let firmBusiness: number;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    hotelBusiness = (
      await admin()
        .post('/api/v1/businesses')
        .send({ name: 'Hotel', kind: 'hotel', timezone: 'America/Denver', invoicePrefix: 'GH' })
        .expect(201)
    ).body.id;
    firmBusiness = (
      await admin()
        .post('/api/v1/businesses')
        .send({ name: 'Firm', kind: 'law-firm', timezone: 'America/Denver', invoicePrefix: 'PL' })
        .expect(201)
    ).body.id;
    hotel = await seedSource(t, 'Hotel calls', undefined, { businessId: hotelBusiness });
    firm = await seedSource(t, 'Firm calls', undefined, { businessId: firmBusiness });
    // 560 hotel rooms and 40 firm accounts with a March item each: 600 invoices, more than the
    // 500 the old list stopped at.
    for (let a = 0; a < 560; a++) {
      await seedItems(db, hotel, [
        { startTimeMs: T0 + a, billingAccount: `ROOM-${1000 + a}`, status: 'approved' },
      ]);
    }
    for (let a = 0; a < 40; a++) {
      await seedItems(db, firm, [
        { startTimeMs: T0 + a, billingAccount: `10234-${100 + a}`, status: 'approved' },
      ]);
    }
    // A room whose only March item was adjusted to nothing, and one April item.
    await seedItems(db, hotel, [
      { startTimeMs: T0, billingAccount: 'ROOM-ZERO', status: 'approved', amountMinor: 0 },
      {
        startTimeMs: Date.parse('2026-04-02T07:00:00Z'),
        billingAccount: 'ROOM-1000',
        status: 'approved',
      },
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const admin = () => ({
    get: (path: string) =>
      http()
        .get(path)
        .set(...bearer(t.adminKey)),
    post: (path: string) =>
      http()
        .post(path)
        .set(...bearer(t.adminKey)),
  });
  const count = async (sql: string) => (await db.query<{ n: number }[]>(sql))[0].n;

  it('a batch skips an account whose items total 0 unless includeZero; skippedZero says how many', async () => {
    const res = await admin().post('/api/v1/invoices/batch').send(MARCH).expect(201);
    expect(res.body.items).toHaveLength(600);
    expect(res.body.skippedZero).toBe(1);
    expect(res.body.items.some((i: Summary) => i.billingAccount === 'ROOM-ZERO')).toBe(false);
    const zero = await admin()
      .post('/api/v1/invoices/batch')
      .send({ ...MARCH, includeZero: true })
      .expect(201);
    expect(zero.body).toMatchObject({
      skippedZero: 0,
      items: [{ billingAccount: 'ROOM-ZERO', total: '0.00' }],
    });
    await admin().post('/api/v1/invoices/batch').send(APRIL).expect(201);
  });

  it('lists every invoice in keyset pages, newest first, without lines: no cap at 500', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await admin()
        .get('/api/v1/invoices')
        .query({ limit: 250, ...(cursor ? { cursor } : {}) })
        .expect(200);
      const items = res.body.items as Summary[];
      expect(items.every((i) => i.lines === undefined)).toBe(true);
      seen.push(...items.map((i) => i.id));
      cursor = res.body.nextCursor as string | null;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(602);
    expect(new Set(seen).size).toBe(602);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const detail = await admin().get(`/api/v1/invoices/${seen[0]}`).expect(200);
    expect(detail.body.lines).toHaveLength(1);
  });

  it.each([
    [{ businessId: 'BUSINESS_FIRM' }, 40],
    [{ businessId: 'BUSINESS_HOTEL' }, 562],
    [{ sourceId: 'SOURCE_FIRM' }, 40],
    [{ billingAccount: 'ROOM-1000' }, 2],
    [{ from: '2026-04-01T00:00:00-06:00' }, 1],
    [{ from: '2026-03-01T00:00:00-07:00', to: '2026-04-01T00:00:00-06:00' }, 601],
    [{ status: 'draft' }, 602],
    [{ status: 'finalized,void' }, 0],
  ])('filters: %j matches %i', async (filter, expected) => {
    const query = Object.fromEntries(
      Object.entries(filter).map(([key, value]) => [
        key,
        value === 'BUSINESS_FIRM'
          ? firmBusiness
          : value === 'BUSINESS_HOTEL'
            ? hotelBusiness
            : value === 'SOURCE_FIRM'
              ? firm.sourceId
              : value,
      ]),
    );
    const res = await admin()
      .get('/api/v1/invoices')
      .query({ ...query, limit: 1000 })
      .expect(200);
    expect(res.body.items).toHaveLength(expected);
    expect(res.body.nextCursor).toBeNull();
  });

  it.each([
    [{ status: 'paid' }, 'status', 'status must be one or more of draft, finalized, void'],
    [{ limit: 1001 }, 'limit', 'limit must be an integer from 1 to 1000'],
    [{ businessId: 'x' }, 'businessId', 'businessId must be the id of a business'],
    [
      { number: 'GH 2026' },
      'number',
      'number must be an invoice number or its beginning (e.g. GH-2026-000001, GH-2026-)',
    ],
    [{ from: '2026-04-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'to', 'to must be after from'],
    [{ cursor: 'bogus!' }, 'cursor', 'cursor is not one this API gave (use nextCursor as it was)'],
  ])('a bad list query %j is 400 naming %s', async (query, field, message) => {
    const res = await admin().get('/api/v1/invoices').query(query).expect(400);
    expect(res.body.details).toEqual([{ field, message }]);
  });

  it('a cursor of another filter is refused: pages never mix filters', async () => {
    const first = await admin()
      .get('/api/v1/invoices')
      .query({ limit: 5, status: 'draft' })
      .expect(200);
    const res = await admin()
      .get('/api/v1/invoices')
      .query({ limit: 5, businessId: hotelBusiness, cursor: first.body.nextCursor })
      .expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'cursor',
        message: 'cursor belongs to another filter: send the same filter with it, or start over',
      },
    ]);
  });

  it('bulk finalize by ids: each invoice on its own, a report of each; unknown ids change nothing', async () => {
    const drafts = await db.query<{ id: number }[]>(
      `SELECT id FROM invoices WHERE business_id = ? AND status = 'draft' ORDER BY id LIMIT 3`,
      [firmBusiness],
    );
    const ids = drafts.map((d) => d.id);
    const before = await count(`SELECT count(*) AS n FROM invoices WHERE status = 'finalized'`);
    const unknown = await admin()
      .post('/api/v1/invoices/finalize')
      .send({ ids: [...ids, 999_999] })
      .expect(404);
    expect(unknown.body.message).toBe('Invoice 999999 does not exist');
    expect(await count(`SELECT count(*) AS n FROM invoices WHERE status = 'finalized'`)).toBe(
      before,
    );

    await admin().post(`/api/v1/invoices/${ids[1]}/finalize`).expect(200);
    const res = await admin().post('/api/v1/invoices/finalize').send({ ids }).expect(200);
    expect(res.body).toMatchObject({ finalized: 2, refused: 1 });
    expect(res.body.results).toEqual([
      { id: ids[0], outcome: 'finalized', number: expect.stringMatching(/^PL-\d{4}-\d{6}$/) },
      {
        id: ids[1],
        outcome: 'refused',
        status: 409,
        message: expect.stringMatching(
          /^Invoice \d+ is finalized \(PL-\d{4}-000001\): only a draft can finalize/,
        ),
      },
      { id: ids[2], outcome: 'finalized', number: expect.stringMatching(/^PL-\d{4}-\d{6}$/) },
    ]);
  });

  it('bulk finalize by filter takes only the drafts it matches; ids and filter together are 400', async () => {
    const both = await admin()
      .post('/api/v1/invoices/finalize')
      .send({ ids: [1], filter: { businessId: firmBusiness } })
      .expect(400);
    expect(both.body.details).toEqual([
      { field: 'ids', message: 'name the invoices by ids or by filter, one of the two' },
    ]);
    const res = await admin()
      .post('/api/v1/invoices/finalize')
      .send({ filter: { businessId: firmBusiness } })
      .expect(200);
    expect(res.body).toMatchObject({ finalized: 37, refused: 0 });
    const numbers = await db.query<{ number: string }[]>(
      `SELECT number FROM invoices WHERE business_id = ? ORDER BY sequence`,
      [firmBusiness],
    );
    expect(numbers.map((n) => Number(n.number.slice(-6)))).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(
      await count(
        `SELECT count(*) AS n FROM invoices WHERE status = 'finalized' AND business_id <> ${firmBusiness}`,
      ),
    ).toBe(0);
  });

  describe('many invoices as one ZIP', () => {
    const zipOf = (query: Record<string, unknown>) =>
      admin()
        .get('/api/v1/invoices/export')
        .query(query)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const single = async (id: number, format: string) =>
      (
        await admin()
          .get(`/api/v1/invoices/${id}/export`)
          .query({ format })
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer;

    beforeAll(async () => {
      const hotelDrafts = await db.query<{ id: number }[]>(
        `SELECT id FROM invoices WHERE business_id = ? AND status = 'draft' ORDER BY id LIMIT 100`,
        [hotelBusiness],
      );
      await admin()
        .post('/api/v1/invoices/finalize')
        .send({ ids: hotelDrafts.map((d) => d.id) })
        .expect(200);
    });

    it('a ZIP of 100 invoices: every file inside equals its single export, and the ZIP is the same bytes twice', async () => {
      const query = { format: 'csv', businessId: hotelBusiness, status: 'finalized' };
      const res = await zipOf(query).expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toBe('attachment; filename="invoices-csv.zip"');
      const entries = await unzip(res.body as Buffer);
      expect(entries.size).toBe(100);
      const rows = await db.query<{ id: number; number: string }[]>(
        `SELECT id, number FROM invoices WHERE business_id = ? AND status = 'finalized'`,
        [hotelBusiness],
      );
      for (const { id, number } of rows) {
        expect(entries.get(`${number}.csv`)?.equals(await single(id, 'csv'))).toBe(true);
      }
      const again = await zipOf(query).expect(200);
      expect(Buffer.compare(again.body as Buffer, res.body as Buffer)).toBe(0);
    });

    it('by ids, as PDF and as FIAS postings: the same bytes as each export', async () => {
      const rows = await db.query<{ id: number; number: string }[]>(
        `SELECT id, number FROM invoices WHERE business_id = ? AND status = 'finalized' ORDER BY id LIMIT 3`,
        [hotelBusiness],
      );
      for (const [format, extension] of [
        ['pdf', 'pdf'],
        ['pms', 'fias'],
      ]) {
        const res = await zipOf({ format, ids: rows.map((r) => r.id).join(',') }).expect(200);
        const entries = await unzip(res.body as Buffer);
        expect([...entries.keys()].sort()).toEqual(
          rows.map((r) => `${r.number}.${extension}`).sort(),
        );
        for (const { id, number } of rows) {
          expect(entries.get(`${number}.${extension}`)?.equals(await single(id, format))).toBe(
            true,
          );
        }
      }
    });

    it('one invoice that cannot export refuses the whole ZIP before a byte, naming it', async () => {
      const [draft] = await db.query<{ id: number }[]>(
        `SELECT id FROM invoices WHERE status = 'draft' ORDER BY id LIMIT 1`,
      );
      const [done] = await db.query<{ id: number }[]>(
        `SELECT id FROM invoices WHERE status = 'finalized' ORDER BY id LIMIT 1`,
      );
      const res = await admin()
        .get('/api/v1/invoices/export')
        .query({ format: 'csv', ids: `${done.id},${draft.id}` })
        .expect(409);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.message).toBe(
        `Invoice ${draft.id} is draft: only a finalized invoice exports as csv (json shows any)`,
      );
    });

    it('more than 1000 invoices is 400 asking to narrow the filter; bad ids are 400', async () => {
      // 450 empty drafts more: 1052 invoices in all.
      await db.query(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)
         INSERT INTO invoices (status, billing_account, business_id, timezone, period_start_ms,
           period_end_ms, currency, created_at_ms, updated_at_ms)
         SELECT 'draft', 'EMPTY-' || i, ?, 'America/Denver', 0, 1, 'USD', 1, 1 FROM n`,
        [hotelBusiness],
      );
      const res = await admin()
        .get('/api/v1/invoices/export')
        .query({ format: 'json' })
        .expect(400);
      expect(res.body.details).toEqual([
        { field: 'filter', message: 'matches more than 1000 invoices; narrow it' },
      ]);
      const bad = await admin()
        .get('/api/v1/invoices/export')
        .query({ format: 'json', ids: '1,x' })
        .expect(400);
      expect(bad.body.details).toEqual([
        { field: 'ids', message: 'ids must be comma-separated invoice ids' },
      ]);
    });
  });
});
