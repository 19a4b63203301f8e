import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  ExportFormat,
  InvoiceFilesService,
  InvoicesService,
  validateLedes,
} from '@app/invoice-export';
import { Ledger } from '@app/ledger';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { samplePlan } from './support/fixtures';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const LINES = 1_234;

/**
 * An invoice longer than a page (500 lines): read a page per query, never all at once; every
 * line once, in order, across the pages' seams; the event loop free between pages.
 */
describe('invoice exports of more than a page (e2e)', () => {
  let t: TestApp;
  let ledger: Ledger;
  let invoiceId: number;
  /** The same lines as a hotel's invoice: FIAS postings are a hotel's format. */
  let hotelInvoiceId: number;

  beforeAll(async () => {
    t = await createTestApp();
    ledger = t.app.get(Ledger);
    const http = () => request(t.app.getHttpServer());
    const finalized = async (seeded: Seeded, billingAccount: string): Promise<number> => {
      await seedItems(
        t.app.get(DataSource),
        seeded,
        Array.from({ length: LINES }, (_, i) => ({
          startTimeMs: T0 + i * 60_000,
          billingAccount,
          status: 'approved',
          amountMinor: 100 + (i % 97),
        })),
      );
      const draft = await http()
        .post('/api/v1/invoices')
        .set(...bearer(t.adminKey))
        .send({
          billingAccount,
          periodStart: '2026-03-01T00:00:00-07:00',
          periodEnd: '2026-04-01T00:00:00-06:00',
        })
        .expect(201);
      await http()
        .post(`/api/v1/invoices/${draft.body.id}/finalize`)
        .set(...bearer(t.adminKey))
        .expect(200);
      return draft.body.id as number;
    };
    invoiceId = await finalized(
      await seedSource(t, 'Porter Lane', samplePlan('porter-lane-calls')),
      '10234-001',
    );
    const hotel = await http()
      .post('/api/v1/businesses')
      .set(...bearer(t.adminKey))
      .send({ name: 'Grand Hotel', kind: 'hotel', timezone: 'America/Denver', invoicePrefix: 'GH' })
      .expect(201);
    hotelInvoiceId = await finalized(
      await seedSource(t, 'Grand Hotel', undefined, { businessId: hotel.body.id }),
      'ROOM-1012',
    );
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  async function exported(format: ExportFormat, id = invoiceId, template?: string) {
    const pageReads = jest.spyOn(ledger, 'rows');
    pageReads.mockClear();
    const invoice = await t.app.get(InvoicesService).load(id);
    const file = await t.app.get(InvoiceFilesService).file(invoice, format, template);
    let turns = 0;
    let immediate = setImmediate(function tick() {
      turns++;
      immediate = setImmediate(tick);
    });
    let text = '';
    try {
      for await (const chunk of file.body) text += Buffer.from(chunk as Buffer).toString('latin1');
    } finally {
      clearImmediate(immediate);
    }
    const reads = pageReads.mock.calls.filter(([sql]) => sql.includes('FROM invoice_lines'));
    return { text, reads: reads.length, turns };
  }

  it.each(['csv', 'ledes1998b', 'json', 'pms'] as const)(
    '%s: three page reads (500, 500, 234), the event loop turning between them, every line once in order',
    async (format) => {
      const { text, reads, turns } = await exported(
        format,
        format === 'pms' ? hotelInvoiceId : invoiceId,
      );
      expect(reads).toBe(3);
      expect(turns).toBeGreaterThanOrEqual(2);
      // Each line's key in the file: its line number, or for PMS its posting number (the item).
      const keys: number[] = {
        csv: () =>
          text
            .split('\r\n')
            .slice(1, -1)
            .map((row) => Number(row.split(',')[1])),
        ledes1998b: () =>
          text
            .split('\r\n')
            .slice(2, -1)
            .map((line) => Number(line.split('|')[8])),
        json: () =>
          (JSON.parse(text) as { lines: { lineNumber: number }[] }).lines.map((l) => l.lineNumber),
        pms: () => [...text.matchAll(/\|P#(\d+)\|/g)].map((match) => Number(match[1])),
      }[format]();
      expect(keys).toHaveLength(LINES);
      expect(new Set(keys).size).toBe(LINES);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
      if (format !== 'pms') expect(keys[LINES - 1]).toBe(LINES);
      if (format === 'ledes1998b') expect(validateLedes(text)).toEqual([]);
    },
  );

  it('disbursements: three page reads, the event loop turning between them, every line once in order', async () => {
    const { text, reads, turns } = await exported('disbursements', invoiceId, 'generic');
    expect(reads).toBe(3);
    expect(turns).toBeGreaterThanOrEqual(2);
    const rows = text.split('\r\n').slice(1, -1);
    const lineNumber = text.split('\r\n')[0].split(',').indexOf('line_number');
    expect(rows.map((row) => Number(row.split(',')[lineNumber]))).toEqual(
      Array.from({ length: LINES }, (_, k) => k + 1),
    );
  });

  it('pdf: three page reads, the event loop turning between them', async () => {
    const { text, reads, turns } = await exported('pdf');
    expect(reads).toBe(3);
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(text.startsWith('%PDF-')).toBe(true);
  });

  it('a void invoice (json) is read by pages too; an invoice of exactly two pages takes a third, empty read', async () => {
    const http = () => request(t.app.getHttpServer());
    await http()
      .post(`/api/v1/invoices/${invoiceId}/void`)
      .set(...bearer(t.adminKey))
      .send({ reason: 'Split into two' })
      .expect(200);
    const voided = await exported('json');
    expect(voided.reads).toBe(3);
    expect((JSON.parse(voided.text) as { lines: unknown[] }).lines).toHaveLength(LINES);

    // The first 1,000 items again, on an invoice of their own.
    const draft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({
        billingAccount: '10234-001',
        periodStart: new Date(T0).toISOString(),
        periodEnd: new Date(T0 + 1_000 * 60_000).toISOString(),
      })
      .expect(201);
    await http()
      .post(`/api/v1/invoices/${draft.body.id}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
    const { text, reads } = await exported('csv', draft.body.id);
    expect(reads).toBe(3);
    expect(text.split('\r\n').slice(1, -1)).toHaveLength(1_000);
  });
});
