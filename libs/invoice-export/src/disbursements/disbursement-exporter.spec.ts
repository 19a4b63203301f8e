import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { Invoice } from '@app/ledger';
import type { RatePlanDocument } from '@app/rating';
import type { InvoiceDocument } from '../exporters/invoice-document';
import {
  type DisbursementLine,
  amountWriter,
  dateWriter,
  disbursementExport,
} from './disbursement-exporter';
import { type DisbursementTemplate, parseDisbursementTemplate } from './disbursement-template';
import { DISBURSEMENT_TEMPLATES } from './disbursement-templates';

const PLAN = {
  billingAccount: { by: 'accountCode', pattern: '^(?<client>\\d{5})-(?<matter>\\d{3})$' },
} as RatePlanDocument;

/** A call by a partner: 09:00 in Denver (MST), 61 s talked, 66 billed, 1.50 + 0.09 tax. */
const CALL: DisbursementLine = {
  lineNumber: 1,
  callId: 'c-1',
  startTimeMs: Date.parse('2026-03-02T16:00:00Z'),
  extension: '253',
  dialedNumber: '9 1 303 555 0100',
  destinationClass: 'domestic',
  talkSeconds: 61,
  billedSeconds: 66,
  calls: 1,
  description: 'Telephone: +13035550100, 2 min',
  amountMinor: 150,
  taxMinor: 9,
  totalMinor: 159,
  ratedTotalMinor: 159,
  adjustmentMinor: 0,
  timekeeperId: 'TK-7',
  timekeeperName: 'Ada Porter',
  timekeeperClassification: 'PARTNER',
};

/**
 * An account's summary without a timekeeper, 23:00 on 31 March in Denver (MDT), which is
 * 1 April in UTC; reduced by a reviewer from 1,300.00 to 1,234.56.
 */
const SUMMARY: DisbursementLine = {
  lineNumber: 2,
  callId: '10234-001@2026-03-31',
  startTimeMs: Date.parse('2026-04-01T05:00:00Z'),
  extension: null,
  dialedNumber: null,
  destinationClass: null,
  talkSeconds: 7980,
  billedSeconds: 8000,
  calls: 37,
  description: 'Telephone: 37 calls, 2 h 13 min',
  amountMinor: 123456,
  taxMinor: 0,
  totalMinor: 123456,
  ratedTotalMinor: 130000,
  adjustmentMinor: -6544,
  timekeeperId: null,
  timekeeperName: null,
  timekeeperClassification: null,
};

function document(
  lines: DisbursementLine[],
  changes: Partial<Invoice> = {},
  plan: RatePlanDocument | null = PLAN,
): InvoiceDocument {
  return {
    invoice: {
      id: 4,
      number: 'PL-2026-000001',
      status: 'finalized',
      billingAccount: '10234-001',
      timezone: 'America/Denver',
      periodStartMs: Date.parse('2026-03-01T07:00:00Z'),
      periodEndMs: Date.parse('2026-04-01T06:00:00Z'),
      currency: 'USD',
      finalizedAtMs: Date.parse('2026-04-02T18:00:00Z'),
      ...changes,
    } as Invoice,
    plan,
    issuer: {
      name: 'Porter & Lane LLP',
      kind: 'law-firm',
      address: [],
      taxId: null,
      paymentTerms: null,
    },
    lineCount: lines.length,
    maxLineItemId: lines.length,
    linesTotalMinor: 0,
    // Two pages, as a long invoice is read.
    pages: async function* () {
      for (const line of lines) yield await Promise.resolve([line as never]);
    },
  };
}

async function text(body: Readable): Promise<string> {
  let all = '';
  for await (const chunk of body) all += String(chunk);
  return all;
}

const template = (name: string) => DISBURSEMENT_TEMPLATES.get(name)!;

/** A template of `columns` (and what else a test changes), checked as a shipped one is. */
function custom(
  columns: unknown[],
  changes: Partial<Record<keyof DisbursementTemplate, unknown>> = {},
): DisbursementTemplate {
  return parseDisbursementTemplate(
    {
      name: 'custom',
      description: 'A test layout',
      header: false,
      delimiter: ',',
      lineEnding: '\n',
      dateFormat: 'YYYY-MM-DD',
      amountFormat: { decimals: 2, decimalSeparator: '.', thousandsSeparator: '' },
      columns,
      ...changes,
    },
    'custom.json',
    'custom',
  );
}

const rowsOf = async (t: DisbursementTemplate, lines = [CALL, SUMMARY]) =>
  text(disbursementExport(document(lines), t));

describe('disbursement files: the invoice lines in a template', () => {
  it("generic: a header row, then every field of each line, on the invoice's wall clock", async () => {
    const out = await rowsOf(template('generic'));
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.split('\r\n')[0]).toBe(
      'invoice_number,invoice_date,client_number,matter_number,matter_code,line_number,date,time,timekeeper_id,timekeeper_name,timekeeper_classification,extension,cost_code,description,dialed_number,destination_class,calls,duration_seconds,billed_seconds,quantity,unit_price,amount,tax,total,rated_total,adjustment,currency,call_id',
    );
    const rows = parse<Record<string, string>>(out, { columns: true });
    const shared = {
      invoice_number: 'PL-2026-000001',
      invoice_date: '2026-04-02',
      client_number: '10234',
      matter_number: '001',
      matter_code: '10234-001',
      cost_code: 'E105',
      quantity: '1',
      currency: 'USD',
    };
    expect(rows).toEqual([
      {
        ...shared,
        line_number: '1',
        date: '2026-03-02',
        time: '09:00:00',
        timekeeper_id: 'TK-7',
        timekeeper_name: 'Ada Porter',
        timekeeper_classification: 'PARTNER',
        extension: '253',
        description: 'Telephone: +13035550100, 2 min',
        dialed_number: '9 1 303 555 0100',
        destination_class: 'domestic',
        calls: '1',
        duration_seconds: '61',
        billed_seconds: '66',
        unit_price: '1.59',
        amount: '1.50',
        tax: '0.09',
        total: '1.59',
        rated_total: '1.59',
        adjustment: '0.00',
        call_id: 'c-1',
      },
      {
        ...shared,
        line_number: '2',
        date: '2026-03-31',
        time: '23:00:00',
        timekeeper_id: '',
        timekeeper_name: '',
        timekeeper_classification: '',
        extension: '',
        description: 'Telephone: 37 calls, 2 h 13 min',
        dialed_number: '',
        destination_class: '',
        calls: '37',
        duration_seconds: '7980',
        billed_seconds: '8000',
        unit_price: '1234.56',
        amount: '1234.56',
        tax: '0.00',
        total: '1234.56',
        rated_total: '1300.00',
        adjustment: '-65.44',
        call_id: '10234-001@2026-03-31',
      },
    ]);
  });

  it("clio-activities: Clio Manage's activity columns, US dates, the timekeeper as the user", async () => {
    expect(await rowsOf(template('clio-activities'))).toBe(
      [
        'matter,date,activity_description,note,price,quantity,type,activity_user,non_billable',
        '10234-001,03/02/2026,Telephone,"Telephone: +13035550100, 2 min",1.59,1,ExpenseEntry,Ada Porter,',
        '10234-001,03/31/2026,Telephone,"Telephone: 37 calls, 2 h 13 min",1234.56,1,ExpenseEntry,,',
        '',
      ].join('\r\n'),
    );
  });

  it('the fields the shipped templates leave out: the period, billed minutes, a constant', async () => {
    const out = await rowsOf(
      custom([
        { header: 'from', field: 'periodStart' },
        { header: 'to', field: 'periodEnd' },
        { header: 'minutes', field: 'billedMinutes' },
        { header: 'kind', field: 'constant:E' },
      ]),
    );
    // The period's last day is the one before its end; 66 s and 8,000 s are 2 and 134 minutes.
    expect(out).toBe('2026-03-01,2026-03-31,2,E\n2026-03-01,2026-03-31,134,E\n');
  });

  it('without an account-code pattern, client and matter are the whole account', async () => {
    const out = await text(
      disbursementExport(
        document([CALL], { billingAccount: 'FIRMWIDE' }, null),
        custom([
          { header: 'c', field: 'clientNumber' },
          { header: 'm', field: 'matterNumber' },
        ]),
      ),
    );
    expect(out).toBe('FIRMWIDE,FIRMWIDE\n');
  });

  it('quotes a cell only where the delimiter, a quote or a line break needs it', async () => {
    const semicolons = custom(
      [
        { header: 'note', field: 'description' },
        { header: 'user', field: 'timekeeperName' },
        { header: 'price', field: 'total' },
      ],
      {
        delimiter: ';',
        amountFormat: { decimals: 2, decimalSeparator: ',', thousandsSeparator: '.' },
        header: true,
      },
    );
    const line = {
      ...CALL,
      description: 'Call; "urgent", re: 10234',
      timekeeperName: "O'Brien, Kay",
    };
    expect(await rowsOf(semicolons, [line, SUMMARY])).toBe(
      'note;user;price\n"Call; ""urgent"", re: 10234";O\'Brien, Kay;1,59\n' +
        'Telephone: 37 calls, 2 h 13 min;;1.234,56\n',
    );
  });

  it('a tab-separated file: a tab inside a value is a space, a comma needs no quotes', async () => {
    const tabs = custom(
      [
        { header: 'note', field: 'description' },
        { header: 'who', field: 'timekeeperId' },
      ],
      { delimiter: '\t' },
    );
    expect(await rowsOf(tabs, [{ ...CALL, description: 'a\tb, c' }])).toBe('a b, c\tTK-7\n');
  });

  it('drops control characters, breaks no line, and lets no cell run as a formula', async () => {
    const cells = custom([
      { header: 'note', field: 'description' },
      { header: 'user', field: 'timekeeperName' },
      { header: 'number', field: 'dialedNumber' },
      { header: 'adjustment', field: 'adjustment' },
    ]);
    const line = {
      ...CALL,
      description: 'two\r\nlines\u202e\x02',
      timekeeperName: '=HYPERLINK("x")',
      dialedNumber: '+44 20 7946 0958',
      adjustmentMinor: -50,
    };
    // Amounts are numbers: a negative one keeps its sign as it is.
    expect(await rowsOf(cells, [line])).toBe(
      'two  lines,"\'=HYPERLINK(""x"")",\'+44 20 7946 0958,-0.50\n',
    );
  });

  it("cuts a text field to its column's width, by characters", async () => {
    const narrow = custom([
      { header: 'note', field: 'description', width: 12 },
      { header: 'class', field: 'timekeeperClassification', width: 3 },
    ]);
    expect(await rowsOf(narrow, [{ ...CALL, description: 'Téléphone: +13035550100' }])).toBe(
      'Téléphone: +,PAR\n',
    );
  });

  it('a file of no lines is its header row alone (or nothing)', async () => {
    expect(await rowsOf(template('clio-activities'), [])).toBe(
      'matter,date,activity_description,note,price,quantity,type,activity_user,non_billable\r\n',
    );
    expect(await rowsOf(custom([{ header: 'a', field: 'amount' }]), [])).toBe('');
  });

  it('the same invoice gives the same bytes', async () => {
    expect(await rowsOf(template('generic'))).toBe(await rowsOf(template('generic')));
  });
});

describe("dateWriter: the template's date format", () => {
  const day = {
    year: 2026,
    month: 3,
    day: 2,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    offset: 0,
  };
  it.each([
    ['YYYY-MM-DD', '2026-03-02'],
    ['MM/DD/YYYY', '03/02/2026'],
    ['DD/MM/YYYY', '02/03/2026'],
    ['YYYYMMDD', '20260302'],
    ['DD.MM.YYYY', '02.03.2026'],
    ['YYYY MM DD', '2026 03 02'],
  ])('%s -> %s', (format, expected) => {
    expect(dateWriter(format)(day)).toBe(expected);
  });
});

describe("amountWriter: money in the template's format, never rounded", () => {
  const plain = { decimals: 2, decimalSeparator: '.', thousandsSeparator: '' } as const;
  it.each<[string, Parameters<typeof amountWriter>[0], string, number, string]>([
    ['plain', plain, 'USD', 159, '1.59'],
    ['zero', plain, 'USD', 0, '0.00'],
    ['negative', plain, 'USD', -6544, '-65.44'],
    ['a cent', plain, 'USD', -1, '-0.01'],
    ['thousands', { ...plain, thousandsSeparator: ',' }, 'USD', 123456789012, '1,234,567,890.12'],
    [
      'under a thousand, no separator',
      { ...plain, thousandsSeparator: ',' },
      'USD',
      99999,
      '999.99',
    ],
    [
      'a European amount',
      { decimals: 2, decimalSeparator: ',', thousandsSeparator: '.' },
      'EUR',
      -123456,
      '-1.234,56',
    ],
    ['a Swiss apostrophe', { ...plain, thousandsSeparator: "'" }, 'CHF', 100000000, "1'000'000.00"],
    ['more decimals than the currency', { ...plain, decimals: 4 }, 'USD', 159, '1.5900'],
    ['fewer decimals than the currency: kept', { ...plain, decimals: 0 }, 'USD', 159, '1.59'],
    ['yen with two decimals', plain, 'JPY', 5, '5.00'],
    ['yen with none', { ...plain, decimals: 0 }, 'JPY', 1500, '1500'],
    ['a dinar keeps its three', plain, 'KWD', 1234, '1.234'],
  ])('%s', (_what, format, currency, minor, expected) => {
    expect(amountWriter(format, currency)(minor)).toBe(expected);
  });
});
