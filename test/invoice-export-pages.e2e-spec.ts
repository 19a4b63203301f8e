import request from 'supertest';
import { DataSource } from 'typeorm';
import { InvoicesService, invoiceFile, validateLedes } from '@app/invoice-export';
import { Ledger } from '@app/ledger';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { seedItems, seedSource } from './support/line-items';
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

  beforeAll(async () => {
    t = await createTestApp();
    ledger = t.app.get(Ledger);
    const seeded = await seedSource(t, 'Porter Lane', samplePlan('porter-lane-calls'));
    await seedItems(
      t.app.get(DataSource),
      seeded,
      Array.from({ length: LINES }, (_, i) => ({
        startTimeMs: T0 + i * 60_000,
        billingAccount: '10234-001',
        status: 'approved',
        amountMinor: 100 + (i % 97),
      })),
    );
    const http = () => request(t.app.getHttpServer());
    const draft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({
        billingAccount: '10234-001',
        periodStart: '2026-03-01T00:00:00-07:00',
        periodEnd: '2026-04-01T00:00:00-06:00',
      })
      .expect(201);
    invoiceId = draft.body.id;
    await http()
      .post(`/api/v1/invoices/${invoiceId}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  async function exported(format: 'csv' | 'ledes1998b' | 'json' | 'pms') {
    const pageReads = jest.spyOn(ledger, 'rows');
    const invoice = await t.app.get(InvoicesService).load(ledger.manager, invoiceId);
    const file = await invoiceFile(ledger, invoice, format);
    let turns = 0;
    let immediate = setImmediate(function tick() {
      turns++;
      immediate = setImmediate(tick);
    });
    let text = '';
    try {
      for await (const chunk of file.body) text += String(chunk);
    } finally {
      clearImmediate(immediate);
    }
    const reads = pageReads.mock.calls.filter(([sql]) => sql.includes('FROM invoice_lines'));
    return { text, reads: reads.length, turns };
  }

  it.each(['csv', 'ledes1998b', 'json', 'pms'] as const)(
    '%s: three page reads (500, 500, 234), the event loop turning between them, every line once in order',
    async (format) => {
      const { text, reads, turns } = await exported(format);
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
            .slice(2)
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
});
