import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { LEDES_FIELDS, validateLedes } from '@app/invoice-export';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, localDateOf, rebuildTotals, seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';
import { pdfTexts } from './support/pdf-text';

const DAY_1 = Date.parse('2026-03-02T00:00:00-07:00'); // midnight in the firm's zone
const DAY_2 = Date.parse('2026-03-03T00:00:00-07:00');
const FINALIZED = Date.parse('2026-04-01T18:00:00Z');
const ACCOUNT = '10234-001';

/**
 * A law firm's invoice of account summaries (calls counted per account code and day, no number
 * or time of day) beside one call: each line says what it is, in every format.
 */
describe("a law firm's invoice of account summaries (e2e)", () => {
  let t: TestApp;
  let db: DataSource;
  let invoiceId: number;
  let number: string;

  beforeAll(async () => {
    t = await createTestApp({}, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => FINALIZED }),
    );
    db = t.app.get(DataSource);
    const firm = await http()
      .post('/api/v1/businesses')
      .set(...bearer(t.adminKey))
      .send({
        name: 'Porter & Lane LLP',
        kind: 'law-firm',
        timezone: 'America/Denver',
        address: ['1700 Lincoln Street, Suite 2400', 'Denver, CO 80203'],
        taxId: '24-6437381',
        invoicePrefix: 'PL',
        paymentTerms: 'Net 30 days',
      })
      .expect(201);
    const summaries = await seedSource(t, 'Porter Lane codes', samplePlan('porter-lane-summary'), {
      kind: 'account-summary',
      historicDataKey: 'ACCTSUM1',
      businessId: firm.body.id,
    });
    // 37 calls, 2 h 12 min 45 s of talk (133 minutes begun); then one call of 40 s.
    await seedSummary(summaries, DAY_1, 37, 7_965, 3_780);
    await seedSummary(summaries, DAY_2, 1, 40, 35);
    const calls = await seedSource(t, 'Porter Lane calls', samplePlan('porter-lane-calls'), {
      businessId: firm.body.id,
    });
    const [longNumber] = await seedItems(db, calls, [
      {
        startTimeMs: DAY_2 + 8 * 3_600_000,
        billingAccount: ACCOUNT,
        status: 'approved',
        dialedNumber: '9 011 44 20 7946 0000 ext 12345 #987654321',
      },
      { startTimeMs: DAY_2 + 9 * 3_600_000, billingAccount: ACCOUNT, status: 'approved' },
    ]);
    // A number that would not normalise: shown as dialed, longer than its column.
    await db.query('UPDATE line_items SET normalized_number = NULL WHERE id = ?', [longNumber]);
    const draft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({
        billingAccount: ACCOUNT,
        periodStart: '2026-03-01T00:00:00-07:00',
        periodEnd: '2026-04-01T00:00:00-06:00',
      })
      .expect(201);
    invoiceId = draft.body.id;
    const finalized = await http()
      .post(`/api/v1/invoices/${invoiceId}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
    number = finalized.body.number;
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());

  /** An account summary and its approved line item, as sync and a reviewer leave them. */
  async function seedSummary(
    seeded: Seeded,
    dayMs: number,
    calls: number,
    talkSeconds: number,
    amountMinor: number,
  ): Promise<void> {
    const [summary] = await db.query<{ id: number }[]>(
      `INSERT INTO account_summaries (source_id, account_code, period_start_ms, period_end_ms,
         calls, total_talk_ms, raw_json, created_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, '{}', 1) RETURNING id`,
      [seeded.sourceId, ACCOUNT, dayMs, dayMs + 86_400_000, calls, talkSeconds * 1000],
    );
    await db.query(
      `INSERT INTO line_items (source_id, account_summary_id, call_id, billing_account,
         start_time_ms, account_code, talk_seconds, billed_seconds, calls, currency,
         rated_amount_minor, amount_minor, taxes_json, tax_minor, total_minor, status,
         rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json,
         created_at_ms, updated_at_ms, local_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, '[]', 0, ?, 'approved', ?, ?, 1,
         '{"status":"billed"}', 1, 1, ?)`,
      [
        seeded.sourceId,
        summary.id,
        `${ACCOUNT}@${new Date(dayMs).toISOString()}`,
        ACCOUNT,
        dayMs,
        ACCOUNT,
        talkSeconds,
        Math.ceil(talkSeconds / 60) * 60,
        calls,
        amountMinor,
        amountMinor,
        amountMinor,
        seeded.planId,
        seeded.versionId,
        await localDateOf(db, seeded.sourceId, dayMs),
      ],
    );
    await rebuildTotals(db);
  }

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
      })
      .expect(200);

  it('each line is described in words: a count of calls ("1 call", never "1 calls") and the time, or the number called', async () => {
    const json = JSON.parse(((await exportAs('json')).body as Buffer).toString()) as {
      lines: { description: string }[];
    };
    expect(json.lines.map((line) => line.description)).toEqual([
      'Telephone: 37 calls, 2 h 13 min',
      'Telephone: 1 call, 1 min',
      'Telephone: 9 011 44 20 7946 0000 ext 12345 #987654321, 2 min',
      'Telephone: +13035550100, 2 min',
    ]);
    const ledes = ((await exportAs('ledes1998b')).body as Buffer).toString('latin1');
    expect(validateLedes(ledes)).toEqual([]);
    const descriptions = ledes
      .split('\r\n')
      .slice(2, -1)
      .map((line) => line.split('|')[LEDES_FIELDS.indexOf('LINE_ITEM_DESCRIPTION')]);
    expect(descriptions).toEqual(json.lines.map((line) => line.description));
  });

  it('pdf: a summary line shows its day, its calls, "all destinations" and its minutes, not a time of 00:00; a call keeps its time and number; a long number wraps in its cell', async () => {
    const [text] = await pdfTexts([(await exportAs('pdf')).body as Buffer]);
    const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual([
      'Porter & Lane LLP',
      '1700 Lincoln Street, Suite 2400',
      'Denver, CO 80203',
      'Tax id: 24-6437381',
      `Invoice: ${number}`,
      'Date: 2026-04-01',
      `Billing account: ${ACCOUNT}`,
      'Period: 2026-03-01 to 2026-03-31',
      'Time zone: America/Denver',
      'Date Time Number Destination Duration Amount',
      '2026-03-02 37 calls all destinations 2 h 13 min 37.80 USD',
      '2026-03-03 1 call all destinations 1 min 0.35 USD',
      // A number longer than its column wraps in it, whole (an extractor reads its second line
      // before the rest of the row; pdf-exporter.spec.ts checks the rows do not overlap).
      '2026-03-03 08:00 9 011 44 20 7946 0000 ext',
      '12345 #987654321',
      'long-distance 1:01 1.50 USD',
      '2026-03-03 09:00 +13035550100 long-distance 1:01 1.50 USD',
      'Subtotal 41.15 USD',
      'State sales tax 0.18 USD',
      'Total 41.33 USD',
      'Payment terms: Net 30 days',
      '',
    ]);
    expect(text).not.toContain('00:00');
  });
});
