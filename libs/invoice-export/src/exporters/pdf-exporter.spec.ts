import PDFDocument from 'pdfkit';
import type { BilledLine, Invoice } from '@app/ledger';
import type { InvoiceDocument } from './invoice-document';
import { pdfExport } from './pdf-exporter';

const DAY = Date.parse('2026-03-02T07:00:00Z'); // midnight in Denver

type Line = Pick<
  BilledLine,
  | 'startTimeMs'
  | 'normalizedNumber'
  | 'dialedNumber'
  | 'calls'
  | 'destinationClass'
  | 'talkSeconds'
  | 'amountMinor'
  | 'taxMinor'
  | 'taxesJson'
  | 'accountSummaryId'
>;

const call = (hour: number, changes: Partial<Line> = {}): Line => ({
  startTimeMs: DAY + hour * 3_600_000,
  normalizedNumber: '13035550100',
  dialedNumber: '9 1 303 555 0100',
  calls: 1,
  destinationClass: 'long-distance',
  talkSeconds: 61,
  amountMinor: 150,
  taxMinor: 0,
  taxesJson: '[]',
  accountSummaryId: null,
  ...changes,
});

function invoiceOf(lines: Line[]): InvoiceDocument {
  const total = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  return {
    invoice: {
      id: 1,
      number: 'PL-2026-000001',
      status: 'finalized',
      billingAccount: '10234-001',
      timezone: 'America/Denver',
      periodStartMs: DAY,
      periodEndMs: DAY + 86_400_000,
      currency: 'USD',
      subtotalMinor: total,
      taxMinor: 0,
      totalMinor: total,
      finalizedAtMs: DAY + 2 * 86_400_000,
      createdAtMs: DAY,
    } as Invoice,
    plan: null,
    issuer: {
      name: 'Porter & Lane LLP',
      kind: 'law-firm',
      address: [],
      taxId: null,
      paymentTerms: null,
    },
    lineCount: lines.length,
    maxLineItemId: lines.length,
    linesTotalMinor: total,
    pages: async function* () {
      await Promise.resolve();
      yield lines as never[];
    },
  };
}

/** Every piece of text the PDF writes, where it writes it, once the file is whole. */
async function written(lines: Line[]): Promise<{ text: string; x: number; y: number }[]> {
  const texts: { text: string; x: number; y: number }[] = [];
  const text = PDFDocument.prototype.text;
  const spy = jest.spyOn(PDFDocument.prototype, 'text').mockImplementation(function (
    this: PDFKit.PDFDocument,
    ...args: unknown[]
  ) {
    const [value, x, y] = args as [string, number | undefined, number | undefined];
    if (typeof x === 'number' && typeof y === 'number') texts.push({ text: value, x, y });
    return (text as (...a: unknown[]) => PDFKit.PDFDocument).apply(this, args);
  });
  try {
    for await (const chunk of pdfExport(invoiceOf(lines))) void chunk;
  } finally {
    spy.mockRestore();
  }
  return texts;
}

describe('pdfExport: a table people read', () => {
  it('an account summary line: its day, no time of day, its calls, "all destinations", its minutes', async () => {
    const texts = await written([
      call(0, {
        normalizedNumber: null,
        dialedNumber: null,
        calls: 37,
        destinationClass: null,
        talkSeconds: 7_965,
        amountMinor: 3_780,
        accountSummaryId: 5,
      }),
      call(0, { normalizedNumber: null, dialedNumber: null, calls: 1, accountSummaryId: 6 }),
    ]);
    const rows = new Map<number, string[]>();
    for (const { text, y } of texts) rows.set(y, [...(rows.get(y) ?? []), text]);
    const table = [...rows.values()].filter((cells) => cells.length === 6);
    expect(table).toEqual([
      ['Date', 'Time', 'Number', 'Destination', 'Duration', 'Amount'],
      ['2026-03-02', '', '37 calls', 'all destinations', '2 h 13 min', '37.80 USD'],
      ['2026-03-02', '', '1 call', 'all destinations', '2 min', '1.50 USD'],
    ]);
  });

  it('a cell longer than its column wraps in it, and the next row starts below its last line', async () => {
    const texts = await written([
      call(8),
      call(9, {
        normalizedNumber: null,
        dialedNumber: '9 011 44 20 7946 0000 ext 12345 #987654321',
        destinationClass: 'international-premium-mobile-satellite',
      }),
      call(10),
    ]);
    const dates = texts.filter(({ text }) => text === '2026-03-02').map(({ y }) => y);
    expect(dates).toHaveLength(3);
    const [first, long, next] = dates;
    const row = long - first; // a row of one line
    expect(next - long).toBeGreaterThanOrEqual(row + 9); // two lines of 9 pt
  });
});
