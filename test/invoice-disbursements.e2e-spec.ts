import request from 'supertest';
import { DataSource } from 'typeorm';
import { parse } from 'csv-parse/sync';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { Clock } from '@app/common';
import { LEDES_FIELDS, validateLedes } from '@app/invoice-export';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

// 09:00 on 2 March in Denver (MST), the next day, and 23:00 on 31 March (MDT), which is already
// 1 April in UTC: the file's dates are the invoice's wall clock's.
const CALLS = [
  Date.parse('2026-03-02T16:00:00Z'),
  Date.parse('2026-03-03T16:00:00Z'),
  Date.parse('2026-04-01T05:00:00Z'),
];
const FINALIZED = Date.parse('2026-04-02T18:00:00Z');
const PERIOD = { periodStart: '2026-03-01', periodEnd: '2026-04-01' };

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

describe("invoice export: a law firm's disbursement file for time and billing (e2e)", () => {
  let t: TestApp;
  let db: DataSource;
  let invoiceId: number;

  const http = () => request(t.app.getHttpServer());
  const admin = {
    get: (url: string) =>
      http()
        .get(url)
        .set(...bearer(t.adminKey)),
    post: (url: string) =>
      http()
        .post(url)
        .set(...bearer(t.adminKey)),
  };
  /** A download as its exact bytes. */
  const bytes = (url: string, query: Record<string, string | number>) =>
    admin
      .get(url)
      .query(query)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const exportAs = (query: Record<string, string>, id = invoiceId) =>
    bytes(`/api/v1/invoices/${id}/export`, query);

  async function business(name: string, kind: string, invoicePrefix: string): Promise<number> {
    const res = await admin
      .post('/api/v1/businesses')
      .send({ name, kind, timezone: 'America/Denver', taxId: '24-6437381', invoicePrefix })
      .expect(201);
    return res.body.id as number;
  }

  async function finalized(account: string): Promise<number> {
    const draft = await admin
      .post('/api/v1/invoices')
      .send({ ...PERIOD, billingAccount: account })
      .expect(201);
    await admin.post(`/api/v1/invoices/${draft.body.id}/finalize`).expect(200);
    return draft.body.id as number;
  }

  beforeAll(async () => {
    t = await createTestApp({}, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => FINALIZED }),
    );
    db = t.app.get(DataSource);
    const firm = await business('Porter & Lane LLP', 'law-firm', 'PL');
    const seeded = await seedSource(t, 'Porter Lane', samplePlan('porter-lane-calls'), {
      businessId: firm,
    });
    const ids = await seedItems(
      db,
      seeded,
      CALLS.map((startTimeMs, k) => ({
        startTimeMs,
        billingAccount: '10234-001',
        status: 'approved',
        amountMinor: [150, 1999, 300][k],
      })),
    );
    // What rating will leave once the law book is in: the timekeeper of the extension on the
    // first two calls, none on the third (an extension nobody owns); a reviewer's reduction of
    // the second from 21.00 to 19.99.
    await db.query(
      `UPDATE line_items SET timekeeper_id = 'TK-7', timekeeper_name = 'Porter, Ada',
         timekeeper_classification = 'PARTNER' WHERE id IN (?, ?)`,
      [ids[0], ids[1]],
    );
    await db.query('UPDATE line_items SET rated_amount_minor = 2100 WHERE id = ?', [ids[1]]);
    invoiceId = await finalized('10234-001');
  });

  afterAll(async () => {
    await t.close();
  });

  it("the invoice says it exports as disbursements, LEDES's neighbour", async () => {
    const res = await admin.get(`/api/v1/invoices/${invoiceId}`).expect(200);
    expect(res.body.exportFormats).toEqual(['ledes1998b', 'disbursements', 'csv', 'json', 'pdf']);
  });

  it('generic: text/csv named for the invoice and template, every field of every line', async () => {
    const res = await exportAs({ format: 'disbursements', template: 'generic' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="PL-2026-000001-generic.csv"',
    );
    const text = (res.body as Buffer).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse<Record<string, string>>(text, { columns: true });
    const invoice = {
      invoice_number: 'PL-2026-000001',
      invoice_date: '2026-04-02',
      client_number: '10234',
      matter_number: '001',
      matter_code: '10234-001',
      extension: '1012',
      cost_code: 'E105',
      description: 'Telephone: +13035550100, 2 min',
      dialed_number: '9 1 303 555 0100',
      destination_class: 'long-distance',
      calls: '1',
      duration_seconds: '61',
      billed_seconds: '66',
      quantity: '1',
      currency: 'USD',
    };
    const partner = {
      timekeeper_id: 'TK-7',
      timekeeper_name: 'Porter, Ada',
      timekeeper_classification: 'PARTNER',
    };
    const nobody = { timekeeper_id: '', timekeeper_name: '', timekeeper_classification: '' };
    // Taxes are the seeded 6.25 %: 0.09 on 1.50, 1.25 on 19.99, 0.19 on 3.00.
    expect(rows).toEqual([
      {
        ...invoice,
        ...partner,
        line_number: '1',
        date: '2026-03-02',
        time: '09:00:00',
        unit_price: '1.59',
        amount: '1.50',
        tax: '0.09',
        total: '1.59',
        rated_total: '1.59',
        adjustment: '0.00',
        call_id: expect.stringMatching(/^seed-/),
      },
      {
        ...invoice,
        ...partner,
        line_number: '2',
        date: '2026-03-03',
        time: '09:00:00',
        unit_price: '21.24',
        amount: '19.99',
        tax: '1.25',
        total: '21.24',
        rated_total: '22.25',
        adjustment: '-1.01',
        call_id: expect.stringMatching(/^seed-/),
      },
      {
        ...invoice,
        ...nobody,
        line_number: '3',
        date: '2026-03-31',
        time: '23:00:00',
        unit_price: '3.19',
        amount: '3.00',
        tax: '0.19',
        total: '3.19',
        rated_total: '3.19',
        adjustment: '0.00',
        call_id: expect.stringMatching(/^seed-/),
      },
    ]);
    // The name holds the delimiter: quoted, the quotes doubled where there are any.
    expect(text).toContain(',TK-7,"Porter, Ada",PARTNER,1012,E105,');
  });

  it("clio-activities: Clio Manage's activities import, row by row", async () => {
    const res = await exportAs({ format: 'disbursements', template: 'clio-activities' }).expect(
      200,
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="PL-2026-000001-clio-activities.csv"',
    );
    expect((res.body as Buffer).toString('utf8')).toBe(
      [
        'matter,date,activity_description,note,price,quantity,type,activity_user,non_billable',
        '10234-001,03/02/2026,Telephone,"Telephone: +13035550100, 2 min",1.59,1,ExpenseEntry,"Porter, Ada",',
        '10234-001,03/03/2026,Telephone,"Telephone: +13035550100, 2 min",21.24,1,ExpenseEntry,"Porter, Ada",',
        '10234-001,03/31/2026,Telephone,"Telephone: +13035550100, 2 min",3.19,1,ExpenseEntry,,',
        '',
      ].join('\r\n'),
    );
  });

  it('LEDES 1998B of the same invoice: TIMEKEEPER_* from the lines, else the extension', async () => {
    const res = await exportAs({ format: 'ledes1998b' }).expect(200);
    const text = (res.body as Buffer).toString('latin1');
    expect(validateLedes(text)).toEqual([]);
    const rows = text
      .split('\r\n')
      .slice(2, -1)
      .map((line) => line.slice(0, -2).split('|'));
    const field = (row: string[], name: (typeof LEDES_FIELDS)[number]) =>
      row[LEDES_FIELDS.indexOf(name)];
    expect(
      rows.map((row) => [
        field(row, 'TIMEKEEPER_ID'),
        field(row, 'TIMEKEEPER_NAME'),
        field(row, 'TIMEKEEPER_CLASSIFICATION'),
      ]),
    ).toEqual([
      ['TK-7', 'Porter, Ada', 'PARTNER'],
      ['TK-7', 'Porter, Ada', 'PARTNER'],
      ['1012', '', ''],
    ]);
  });

  it('the same bytes every time, for each template', async () => {
    for (const template of ['generic', 'clio-activities']) {
      const first = await exportAs({ format: 'disbursements', template }).expect(200);
      const again = await exportAs({ format: 'disbursements', template }).expect(200);
      expect(Buffer.compare(again.body as Buffer, first.body as Buffer)).toBe(0);
    }
  });

  it('as a ZIP: the entry is the single export byte for byte, the ZIP the same twice', async () => {
    const query = { format: 'disbursements', template: 'generic', ids: String(invoiceId) };
    const zip = await bytes('/api/v1/invoices/export', query).expect(200);
    expect(zip.headers['content-disposition']).toBe(
      'attachment; filename="invoices-disbursements-generic.zip"',
    );
    const entries = await unzip(zip.body as Buffer);
    const single = await exportAs({ format: 'disbursements', template: 'generic' }).expect(200);
    expect([...entries.keys()]).toEqual(['PL-2026-000001-generic.csv']);
    expect(entries.get('PL-2026-000001-generic.csv')?.equals(single.body as Buffer)).toBe(true);
    const again = await bytes('/api/v1/invoices/export', query).expect(200);
    expect(Buffer.compare(again.body as Buffer, zip.body as Buffer)).toBe(0);
  });

  it('a template is required, must exist, and goes with disbursements only: 400 naming it', async () => {
    const missing = await exportAs({ format: 'disbursements' }).expect(400);
    expect(JSON.parse((missing.body as Buffer).toString())).toMatchObject({
      details: [
        {
          field: 'template',
          message: 'format=disbursements needs a template: one of generic, clio-activities',
        },
      ],
    });
    const unknown = await exportAs({ format: 'disbursements', template: 'elite' }).expect(400);
    expect((unknown.body as Buffer).toString()).toContain(
      'template must be one of generic, clio-activities',
    );
    const stray = await exportAs({ format: 'csv', template: 'generic' }).expect(400);
    expect(JSON.parse((stray.body as Buffer).toString())).toMatchObject({
      details: [{ field: 'template', message: 'goes only with format=disbursements, not csv' }],
    });
    await bytes('/api/v1/invoices/export', {
      format: 'disbursements',
      ids: String(invoiceId),
    }).expect(400);
  });

  it("a hotel's invoice is refused as LEDES is: 409 naming the kind", async () => {
    const hotel = await business('Grand Hotel Denver', 'hotel', 'GH');
    const seeded = await seedSource(t, 'Grand Hotel', undefined, { businessId: hotel });
    await seedItems(db, seeded, [{ startTimeMs: CALLS[0], status: 'approved' }]);
    const id = await finalized('ROOM-1012');
    const res = await exportAs({ format: 'disbursements', template: 'generic' }, id).expect(409);
    expect(JSON.parse((res.body as Buffer).toString())).toMatchObject({
      message:
        "Invoice GH-2026-000001 is billed by Grand Hotel Denver, a hotel: disbursements (a law firm's cost import into time and billing) does not fit a hotel's invoices; export it as pms, csv, json or pdf",
      details: [{ field: 'business.kind', message: 'hotel' }],
    });
  });
});
