import fc from 'fast-check';
import type { RatePlanDocument } from '@app/rating';
import type { BilledLine, Invoice } from '@app/ledger';
import type { InvoiceDocument } from './invoice-document';
import { LEDES_FIELDS, ledesExport } from './ledes-exporter';
import { pmsExport } from './pms-exporter';

/** Control (Cc) and format (Cf) characters: STX, ETX, NUL, U+202E, ... (decision 0015). */
const CONTROL = /[\p{Cc}\p{Cf}]/u;

/** Strings full of what a PMS link or a LEDES reader must never see in a field. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '\x02',
          '\x03',
          '\x00',
          '\r',
          '\n',
          '\t',
          '\x7f',
          '\x85',
          '\u200b',
          '\u202e',
          '\ufeff',
          '|',
          '[',
          ']',
        ),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

function document(
  plan: Partial<RatePlanDocument>,
  billingAccount: string,
  lines: { extension: string; description: string; dialedNumber: string }[],
): InvoiceDocument {
  const exportLines = lines.map((line, index): Partial<BilledLine> => ({
    lineNumber: index + 1,
    lineItemId: index + 1,
    startTimeMs: Date.UTC(2026, 2, 10, 14, 5),
    extension: line.extension,
    dialedNumber: line.dialedNumber,
    normalizedNumber: null,
    talkSeconds: 61,
    description: line.description,
    adjustmentMinor: 0,
    ratedTotalMinor: 159,
    totalMinor: 159,
  }));
  const invoiceDocument: Omit<InvoiceDocument, 'invoice'> & { invoice: Partial<Invoice> } = {
    invoice: {
      id: 1,
      number: 'INV-2026-000001',
      status: 'finalized',
      billingAccount,
      timezone: 'America/Denver',
      periodStartMs: Date.UTC(2026, 2, 1),
      periodEndMs: Date.UTC(2026, 3, 1),
      currency: 'USD',
      finalizedAtMs: Date.UTC(2026, 3, 2),
    },
    plan: plan as RatePlanDocument,
    issuer: { name: 'Grand Hotel', kind: 'hotel', address: [], taxId: null, paymentTerms: null },
    lineCount: lines.length,
    maxLineItemId: lines.length,
    linesTotalMinor: 159 * lines.length,
    pages: () => pageOf(exportLines as never),
  };
  return invoiceDocument as InvoiceDocument;
}

async function* pageOf<T>(lines: T[]): AsyncIterable<T[]> {
  yield await Promise.resolve(lines);
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

const lines = fc.array(
  fc.record({ extension: hostile, description: hostile, dialedNumber: hostile }),
  { minLength: 1, maxLength: 3 },
);

describe('no control character reaches a FIAS or LEDES field (property)', () => {
  it('PMS (FIAS): every record is one line of 9 fields, with no control character in it', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, lines, async (prefix, account, items) => {
        const plan = { billingAccount: { by: 'extension', ranges: [], prefix } } as never;
        const out = await text(pmsExport(document(plan, prefix + account, items)));
        const records = out.split('\r\n');
        expect(records.pop()).toBe(''); // every record ends with CRLF, the format's own
        expect(records).toHaveLength(items.length);
        for (const record of records) {
          expect(record).not.toMatch(CONTROL);
          expect(record.split('|')).toHaveLength(10); // PS and 8 fields, then the closing |
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('LEDES 1998B: every line has its 24 fields, with no control character in them', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, lines, async (account, firmId, about, items) => {
        const plan = {
          billingAccount: { by: 'accountCode' },
          ledes: { lawFirmId: firmId || 'x', invoiceDescription: about },
        } as never;
        const out = await text(ledesExport(document(plan, account, items)));
        expect(out.endsWith('[]\r\n')).toBe(true); // every line ends in CRLF, the last one too
        const rows = out.slice(0, -2).split('\r\n');
        expect(rows).toHaveLength(2 + items.length);
        for (const row of rows) {
          expect(row).not.toMatch(CONTROL);
          expect(row.endsWith('[]')).toBe(true);
        }
        for (const row of rows.slice(1)) {
          expect(row.slice(0, -2).split('|')).toHaveLength(LEDES_FIELDS.length);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('STX and ETX in an assigned room and an extension never reach RN or DD', async () => {
    const plan = { billingAccount: { by: 'extension', ranges: [], prefix: 'ROOM-' } } as never;
    const out = await text(
      pmsExport(
        document(plan, 'ROOM-\x02101\x03', [
          { extension: '\x02101', description: 'x', dialedNumber: '9\x03555\x020100' },
        ]),
      ),
    );
    expect(out).toMatch(/^PS\|RN101\|PTC\|TA159\|DD95550100\|/);
  });
});
