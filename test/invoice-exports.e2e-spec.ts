import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { fixturePath } from './support/fixtures';
import { pdfTexts } from './support/pdf-text';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const FINALIZED = Date.parse('2026-03-31T18:00:00Z');

describe('invoice exports: csv, json, pdf, pms (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let seeded: Seeded;
  let invoiceId: number;

  beforeAll(async () => {
    t = await createTestApp({}, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => FINALIZED }),
    );
    db = t.app.get(DataSource);
    // The default business, named as the hotel it is: its PDFs carry this header.
    await request(t.app.getHttpServer())
      .patch('/api/v1/businesses/1')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Grand Hotel',
        kind: 'hotel',
        address: ['1550 Court Place', 'Denver, CO 80202'],
        taxId: '84-1234567',
        paymentTerms: 'Due on receipt',
      })
      .expect(200);
    seeded = await seedSource(t);
    await seedItems(db, seeded, [
      { startTimeMs: T0, billingAccount: 'ROOM-1012', status: 'approved', amountMinor: 150 },
      {
        startTimeMs: T0 + 3_600_000,
        billingAccount: 'ROOM-1012',
        status: 'approved',
        amountMinor: 1700,
        dialedNumber: '+44 20 7946 0000',
        destinationClass: 'uk',
      },
      {
        startTimeMs: T0 + 86_400_000,
        billingAccount: 'ROOM-1012',
        status: 'approved',
        amountMinor: 75,
        dialedNumber: '=cmd|calc',
      },
    ]);
    const draft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({
        billingAccount: 'ROOM-1012',
        periodStart: '2026-03-01T00:00:00-07:00',
        periodEnd: '2026-04-01T00:00:00-06:00',
      })
      .expect(201);
    invoiceId = draft.body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const exportAs = (format: string) =>
    http()
      .get(`/api/v1/invoices/${invoiceId}/export`)
      .query({ format })
      .set(...bearer(t.adminKey))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('a draft exports only as json, marked as a draft', async () => {
    await exportAs('csv').expect(409);
    const json = await exportAs('json').expect(200);
    expect(JSON.parse((json.body as Buffer).toString())).toMatchObject({
      status: 'draft',
      draft: true,
      number: null,
    });
  });

  it('csv: the golden file, byte for byte, every time; formulas escaped; the right type and name', async () => {
    await http()
      .post(`/api/v1/invoices/${invoiceId}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
    const first = await exportAs('csv').expect(200);
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.headers['content-disposition']).toBe('attachment; filename="INV-2026-000001.csv"');
    const golden = readFileSync(fixturePath('exports/INV-2026-000001.csv'));
    expect((first.body as Buffer).toString()).toBe(golden.toString());
    const again = await exportAs('csv').expect(200);
    expect(Buffer.compare(again.body as Buffer, first.body as Buffer)).toBe(0);
    expect((first.body as Buffer).toString()).toContain("'=cmd|calc");
    expect((first.body as Buffer).toString()).toContain("'+44 20 7946 0000");
  });

  it('json: the invoice with every line and its breakdown; the same bytes every time', async () => {
    const first = await exportAs('json').expect(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse((first.body as Buffer).toString()) as {
      number: string;
      total: string;
      lines: { total: string; breakdown: unknown }[];
    };
    expect(body.number).toBe('INV-2026-000001');
    expect(body.lines).toHaveLength(3);
    const sum = body.lines.reduce((s, l) => s + Math.round(Number(l.total) * 100), 0);
    expect(Math.round(Number(body.total) * 100)).toBe(sum);
    expect(body.lines.every((l) => l.breakdown !== undefined)).toBe(true);
    const again = await exportAs('json').expect(200);
    expect(Buffer.compare(again.body as Buffer, first.body as Buffer)).toBe(0);
  });

  it('pdf: its text, read back by an extractor, has the business (name, address, tax id, payment terms), account, number, lines, tax by name and total; the same bytes every time', async () => {
    const first = await exportAs('pdf').expect(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe('attachment; filename="INV-2026-000001.pdf"');
    const [text] = await pdfTexts([first.body as Buffer]);
    const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        'Grand Hotel',
        '1550 Court Place',
        'Denver, CO 80202',
        'Tax id: 84-1234567',
        'Invoice: INV-2026-000001',
        'Date: 2026-03-31',
        'Billing account: ROOM-1012',
        'Period: 2026-03-01 to 2026-03-31',
        'Time zone: America/Denver',
        // 17.00 at 6.25 % = 1.0625 -> 1.06; 1.50 -> 0.09; 0.75 -> 0.05
        '2026-03-02 01:00 +13035550100 uk 1:01 17.00 USD',
        'Subtotal 19.25 USD',
        'State sales tax 1.20 USD',
        'Total 20.45 USD',
        'Payment terms: Due on receipt',
      ]),
    );
    const again = await exportAs('pdf').expect(200);
    expect(Buffer.compare(again.body as Buffer, first.body as Buffer)).toBe(0);
  });

  it('pms: the golden file; P# the same for the same call after a void and a new invoice', async () => {
    const first = await exportAs('pms').expect(200);
    expect(first.headers['content-disposition']).toBe(
      'attachment; filename="INV-2026-000001.fias"',
    );
    const text = (first.body as Buffer).toString();
    expect(text).toBe(readFileSync(fixturePath('exports/INV-2026-000001.fias'), 'utf8'));
    const postings = (body: string) => [...body.matchAll(/\|P#(\d+)\|/g)].map((m) => m[1]);
    await http()
      .post(`/api/v1/invoices/${invoiceId}/void`)
      .set(...bearer(t.adminKey))
      .send({ reason: 'Wrong folio' })
      .expect(200);
    const redraft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({
        billingAccount: 'ROOM-1012',
        periodStart: '2026-03-01T00:00:00-07:00',
        periodEnd: '2026-04-01T00:00:00-06:00',
      })
      .expect(201);
    await http()
      .post(`/api/v1/invoices/${redraft.body.id}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
    const second = await http()
      .get(`/api/v1/invoices/${redraft.body.id}/export`)
      .query({ format: 'pms' })
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(postings(second.text)).toEqual(postings(text));
    expect(new Set(postings(text)).size).toBe(3);
  });

  it('refuses an unknown format, naming the ones there are', async () => {
    const res = await http()
      .get(`/api/v1/invoices/${invoiceId}/export`)
      .query({ format: 'xlsx' })
      .set(...bearer(t.adminKey))
      .expect(400);
    expect(res.body.message).toContain('format must be one of csv, json, ledes1998b, pms, pdf');
  });
});
