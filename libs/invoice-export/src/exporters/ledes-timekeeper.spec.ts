import type { BilledLine, Invoice } from '@app/ledger';
import type { RatePlanDocument } from '@app/rating';
import type { InvoiceDocument } from './invoice-document';
import { LEDES_FIELDS, ledesExport } from './ledes-exporter';
import { validateLedes } from './ledes-validator';

type Timekeeper = Pick<BilledLine, 'timekeeperId' | 'timekeeperName' | 'timekeeperClassification'>;

function document(timekeepers: (Timekeeper & { extension: string | null })[]): InvoiceDocument {
  const lines = timekeepers.map((timekeeper, index) => ({
    lineNumber: index + 1,
    adjustmentMinor: 0,
    totalMinor: 159,
    ratedTotalMinor: 159,
    startTimeMs: Date.UTC(2026, 2, 10, 14, 5),
    description: 'Telephone: +13035550100, 2 min',
    ...timekeeper,
  }));
  return {
    invoice: {
      id: 1,
      number: 'PL-2026-000001',
      status: 'finalized',
      billingAccount: '10234-001',
      timezone: 'America/Denver',
      periodStartMs: Date.UTC(2026, 2, 1, 7),
      periodEndMs: Date.UTC(2026, 3, 1, 6),
      currency: 'USD',
      finalizedAtMs: Date.UTC(2026, 3, 2, 18),
    } as Invoice,
    plan: {
      billingAccount: { by: 'accountCode', pattern: '^(?<client>\\d{5})-(?<matter>\\d{3})$' },
      ledes: { lawFirmId: '24-6437381' },
    } as RatePlanDocument,
    issuer: {
      name: 'Porter & Lane LLP',
      kind: 'law-firm',
      address: [],
      taxId: null,
      paymentTerms: null,
    },
    lineCount: lines.length,
    maxLineItemId: lines.length,
    linesTotalMinor: 159 * lines.length,
    pages: async function* () {
      yield await Promise.resolve(lines as never[]);
    },
  };
}

async function rows(doc: InvoiceDocument): Promise<{ text: string; fields: string[][] }> {
  let text = '';
  for await (const chunk of ledesExport(doc)) text += chunk;
  const fields = text
    .split('\r\n')
    .slice(2, -1)
    .map((line) => line.slice(0, -2).split('|'));
  return { text, fields };
}

const TIMEKEEPER_FIELDS = [
  'TIMEKEEPER_ID',
  'TIMEKEEPER_NAME',
  'TIMEKEEPER_CLASSIFICATION',
] as const;
const timekeeperOf = (row: string[]) =>
  TIMEKEEPER_FIELDS.map((name) => row[LEDES_FIELDS.indexOf(name)]);

describe('LEDES 1998B: TIMEKEEPER_* from the line', () => {
  it("the line's timekeeper, else its extension as TIMEKEEPER_ID and no name or classification", async () => {
    const { text, fields } = await rows(
      document([
        {
          extension: '253',
          timekeeperId: 'TK-7',
          timekeeperName: 'Ada Porter',
          timekeeperClassification: 'PARTNER',
        },
        {
          extension: '254',
          timekeeperId: null,
          timekeeperName: null,
          timekeeperClassification: null,
        },
        {
          extension: null,
          timekeeperId: null,
          timekeeperName: null,
          timekeeperClassification: null,
        },
      ]),
    );
    expect(validateLedes(text)).toEqual([]);
    expect(fields.map(timekeeperOf)).toEqual([
      ['TK-7', 'Ada Porter', 'PARTNER'],
      ['254', '', ''],
      ['', '', ''],
    ]);
  });

  it('keeps the LEDES text rules: no |, [] or line break, plain ASCII', async () => {
    const { text, fields } = await rows(
      document([
        {
          extension: '253',
          timekeeperId: 'TK|7',
          timekeeperName: 'Zoë [Ann]\r\nPorter',
          timekeeperClassification: 'PARTNER|',
        },
      ]),
    );
    expect(validateLedes(text)).toEqual([]);
    expect(timekeeperOf(fields[0])).toEqual(['TK 7', 'Zoe  Ann   Porter', 'PARTNER ']);
  });

  it('the validator refuses a timekeeper named without an id', () => {
    const good = [
      'LEDES1998B[]',
      `${LEDES_FIELDS.join('|')}[]`,
      '20260402|PL-2026-000001|10234|001|1.59|20260301|20260331|Telephone charges|1|E|1|0|1.59|20260310||E105||TK-7|Telephone|24-6437381|1.59|Ada Porter|PARTNER|10234-001[]',
    ];
    const file = (lines: string[]) => lines.map((line) => `${line}\r\n`).join('');
    expect(validateLedes(file(good))).toEqual([]);
    const anonymous = good[2].replace('|TK-7|', '||');
    expect(validateLedes(file([good[0], good[1], anonymous]))).toEqual([
      'line 3: a timekeeper is named without a TIMEKEEPER_ID',
    ]);
  });
});
