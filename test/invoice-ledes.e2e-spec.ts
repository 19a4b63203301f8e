import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { LEDES_FIELDS, validateLedes } from '@app/invoice-export';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

const T0 = Date.parse('2026-03-02T16:00:00Z');
const FINALIZED = Date.parse('2026-04-02T18:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };

describe('invoice export: LEDES 1998B (e2e)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({}, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => FINALIZED }),
    );
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());

  async function finalizedInvoice(
    planName: string,
    account: string,
    withLedes: boolean,
    businessId?: number,
  ) {
    const plan = samplePlan<Record<string, unknown>>('porter-lane-calls');
    if (!withLedes) delete plan.ledes;
    const seeded = await seedSource(t, planName, plan, businessId ? { businessId } : {});
    const ids = await seedItems(db, seeded, [
      { startTimeMs: T0, billingAccount: account, status: 'approved', amountMinor: 150 },
      {
        startTimeMs: T0 + 86_400_000,
        billingAccount: account,
        status: 'approved',
        amountMinor: 1999,
      },
      {
        startTimeMs: T0 + 2 * 86_400_000,
        billingAccount: account,
        status: 'approved',
        amountMinor: 300,
      },
    ]);
    // What a reviewer and rating left: a reduction on one line, the client and matter of the
    // code, and descriptions full of what LEDES cannot carry.
    await db.query(
      `UPDATE line_items SET breakdown_json = '{"client":"10234","matter":"001","taxMinor":0}',
         taxes_json = '[]', tax_minor = 0, total_minor = amount_minor WHERE id IN (${ids.join(',')})`,
    );
    await db.query(
      `UPDATE line_items SET rated_amount_minor = 400, adjusted_amount_minor = 300 WHERE id = ?`,
      [ids[2]],
    );
    await db.query(
      `UPDATE line_items SET normalized_number = NULL, dialed_number = ? WHERE id = ?`,
      ['Café | [] \n Zürich []', ids[1]],
    );
    // The timekeeper of the extension on the first two (a name LEDES cannot carry as it is),
    // none on the third.
    await db.query(
      `UPDATE line_items SET timekeeper_id = 'TK-7', timekeeper_name = ?,
         timekeeper_classification = 'PARTNER' WHERE id IN (?, ?)`,
      ['Zoë [Porter] | Ada', ids[0], ids[1]],
    );
    const draft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({ ...PERIOD, billingAccount: account })
      .expect(201);
    await http()
      .post(`/api/v1/invoices/${draft.body.id}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
    return draft.body.id as number;
  }

  const ledes = (id: number) =>
    http()
      .get(`/api/v1/invoices/${id}/export`)
      .query({ format: 'ledes1998b' })
      .set(...bearer(t.adminKey));

  it('writes a file our validator accepts, with the numbers of the invoice', async () => {
    const id = await finalizedInvoice('Porter Lane', '10234-001', true);
    const res = await ledes(id).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="INV-2026-000001.txt"');
    const text = res.text;
    expect(validateLedes(text)).toEqual([]);
    // Every line ends in [] and CRLF, the last one too.
    expect(text.endsWith('|||10234-001[]\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.every((line) => line.endsWith('[]'))).toBe(true);
    const rows = lines.slice(2).map((line) => line.slice(0, -2).split('|'));
    const field = (row: string[], name: (typeof LEDES_FIELDS)[number]) =>
      row[LEDES_FIELDS.indexOf(name)];
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => field(r, 'LINE_ITEM_TOTAL'))).toEqual(['1.50', '19.99', '3.00']);
    expect(rows.map((r) => field(r, 'LINE_ITEM_ADJUSTMENT_AMOUNT'))).toEqual(['0', '0', '-1.00']);
    expect(rows.map((r) => field(r, 'LINE_ITEM_UNIT_COST'))).toEqual(['1.50', '19.99', '4.00']);
    expect(new Set(rows.map((r) => field(r, 'INVOICE_TOTAL')))).toEqual(new Set(['24.49']));
    expect(field(rows[0], 'INVOICE_DATE')).toBe('20260402');
    expect(field(rows[0], 'BILLING_START_DATE')).toBe('20260301');
    expect(field(rows[0], 'BILLING_END_DATE')).toBe('20260331');
    expect(field(rows[0], 'LINE_ITEM_DATE')).toBe('20260302');
    expect(field(rows[0], 'CLIENT_ID')).toBe('10234');
    expect(field(rows[0], 'LAW_FIRM_MATTER_ID')).toBe('001');
    expect(field(rows[0], 'CLIENT_MATTER_ID')).toBe('10234-001');
    expect(field(rows[0], 'LAW_FIRM_ID')).toBe('24-6437381');
    expect(field(rows[1], 'LINE_ITEM_DESCRIPTION')).toBe('Telephone: Cafe        Zurich   , 2 min');
    // TIMEKEEPER_* from the line's timekeeper; without one, the extension and nothing else.
    expect(
      rows.map((r) => [
        field(r, 'TIMEKEEPER_ID'),
        field(r, 'TIMEKEEPER_NAME'),
        field(r, 'TIMEKEEPER_CLASSIFICATION'),
      ]),
    ).toEqual([
      ['TK-7', 'Zoe  Porter    Ada', 'PARTNER'],
      ['TK-7', 'Zoe  Porter    Ada', 'PARTNER'],
      ['1012', '', ''],
    ]);
    const again = await ledes(id).expect(200);
    expect(again.text).toBe(text);
  });

  it('is refused with a 400 naming ledes.lawFirmId when the plan has none', async () => {
    const id = await finalizedInvoice('No firm id', '20000-002', false);
    const res = await ledes(id).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'ledes.lawFirmId' })]);
  });

  it("without the plan's ledes.lawFirmId, a law firm's own tax id is its LAW_FIRM_ID", async () => {
    const firm = await http()
      .post('/api/v1/businesses')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Porter & Lane LLP',
        kind: 'law-firm',
        timezone: 'America/Denver',
        taxId: '24-1111111',
        invoicePrefix: 'PL',
      })
      .expect(201);
    const id = await finalizedInvoice('Firm without plan id', '30000-003', false, firm.body.id);
    const res = await ledes(id).expect(200);
    expect(validateLedes(res.text)).toEqual([]);
    const [row] = res.text
      .split('\r\n')
      .slice(2, 3)
      .map((line) => line.slice(0, -2).split('|'));
    expect(row[LEDES_FIELDS.indexOf('LAW_FIRM_ID')]).toBe('24-1111111');
  });

  it('the validator finds what a portal would reject', () => {
    const good = [
      'LEDES1998B[]',
      `${LEDES_FIELDS.join('|')}[]`,
      '20260402|INV-2026-000001|10234|001|1.50|20260301|20260331|Telephone charges|1|E|1|0|1.50|20260302||E105||253|Telephone|24-6437381|1.50|||10234-001[]',
    ];
    const file = (lines: string[]) => lines.map((line) => `${line}\r\n`).join('');
    expect(validateLedes(file(good))).toEqual([]);
    expect(validateLedes(file(good).slice(0, -2))).toEqual(['the last line does not end in CRLF']);
    expect(validateLedes(`${file(good)}\r\n`)).toEqual(['line 4 does not end in []']);
    const bad = (change: (line: string) => string) =>
      validateLedes(file([good[0], good[1], change(good[2])]));
    expect(bad((l) => l.replace('|1.50|20260301', '|1.51|20260301'))).toContainEqual(
      expect.stringContaining('INVOICE_TOTAL'),
    );
    expect(bad((l) => l.replace('|E|', '|F|'))).toContainEqual(expect.stringContaining('type'));
    expect(bad((l) => l.replace('20260302', '2026-03-02'))).toContainEqual(
      expect.stringContaining('YYYYMMDD'),
    );
    expect(bad((l) => l.replace('Telephone|', 'Téléphone|'))).toContainEqual(
      'the file is not plain ASCII',
    );
    expect(bad((l) => l.replace('|1.50|||', '|1.40|||'))).toContainEqual(
      expect.stringContaining('unit cost'),
    );
    expect(bad((l) => l.slice(0, -2))).toContainEqual(
      expect.stringContaining('does not end in []'),
    );
    expect(bad((l) => l.replace('Telephone', 'Tele|phone'))).toContainEqual(
      expect.stringContaining('25 fields'),
    );
    const named = (l: string) => l.replace('|||10234-001', '|Ada Porter|PARTNER|10234-001');
    expect(bad(named)).toEqual([]);
    expect(bad((l) => named(l).replace('|253|', '||'))).toEqual([
      'line 3: a timekeeper is named without a TIMEKEEPER_ID',
    ]);
  });
});
