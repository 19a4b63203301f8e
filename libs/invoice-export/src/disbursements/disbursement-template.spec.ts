import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DISBURSEMENT_FIELDS,
  DisbursementTemplateError,
  parseDisbursementTemplate,
} from './disbursement-template';
import { DISBURSEMENT_TEMPLATES, DISBURSEMENT_TEMPLATE_NAMES } from './disbursement-templates';

const TEMPLATES = join(__dirname, 'templates');

/** A template that passes, for each test to break one thing of. */
const good = (): Record<string, unknown> => ({
  name: 'test',
  description: 'A test layout',
  header: true,
  delimiter: ',',
  lineEnding: '\r\n',
  dateFormat: 'YYYY-MM-DD',
  amountFormat: { decimals: 2, decimalSeparator: '.', thousandsSeparator: '' },
  costCode: 'E105',
  columns: [
    { header: 'matter', field: 'matterCode', width: 20 },
    { header: 'code', field: 'costCode' },
    { header: 'type', field: 'constant:ExpenseEntry' },
    { header: 'price', field: 'unitPrice' },
  ],
});

/** The problems parsing `document` names, as `field: message` each. */
function problems(document: unknown): string[] {
  try {
    parseDisbursementTemplate(document, 'test.json', 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(DisbursementTemplateError);
    return (error as DisbursementTemplateError).problems.map((p) => `${p.field}: ${p.message}`);
  }
  return [];
}

const changed = (change: (template: Record<string, unknown>) => void) => {
  const template = good();
  change(template);
  return problems(template);
};

const columns = (template: Record<string, unknown>) =>
  template.columns as Record<string, unknown>[];

describe('the shipped disbursement templates', () => {
  const files = readdirSync(TEMPLATES).filter((file) => file.endsWith('.json'));

  it('are every file of templates/, each offered by its name', () => {
    expect(files.map((file) => file.slice(0, -'.json'.length)).sort()).toEqual(
      [...DISBURSEMENT_TEMPLATE_NAMES].sort(),
    );
  });

  it.each(files)('%s is a valid template, named as its file', (file) => {
    const name = file.slice(0, -'.json'.length);
    const document: unknown = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8'));
    const template = parseDisbursementTemplate(document, file, name);
    expect(template.name).toBe(name);
    expect(DISBURSEMENT_TEMPLATES.get(name)).toEqual(template);
  });

  it('generic writes each field once: all but the few it says another way', () => {
    const generic = DISBURSEMENT_TEMPLATES.get('generic')!;
    const fields = generic.columns.map((column) => column.field);
    expect(new Set(fields).size).toBe(fields.length);
    // The period is the invoice's (its number says it); billed minutes are billed seconds.
    const left = DISBURSEMENT_FIELDS.filter((field) => !fields.includes(field));
    expect(left).toEqual(['periodStart', 'periodEnd', 'billedMinutes']);
  });
});

describe('parseDisbursementTemplate: a malformed template is refused, each problem named', () => {
  it('accepts a good one as it is', () => {
    expect(problems(good())).toEqual([]);
  });

  it('refuses what is not an object', () => {
    expect(problems([])).toEqual(['(document): must be a JSON object']);
    expect(problems(null)).toEqual(['(document): must be a JSON object']);
  });

  it('names the template in its message', () => {
    expect(() =>
      parseDisbursementTemplate({ ...good(), header: 'yes' }, 'test.json', 'test'),
    ).toThrow('Disbursement template test.json is malformed: header: must be true or false');
  });

  it.each<[string, (t: Record<string, unknown>) => void, string]>([
    ['a misspelt key', (t) => (t.colums = []), 'colums: is not a template key'],
    [
      'a name other than its file',
      (t) => (t.name = 'other'),
      'name: must be "test", the name of its file',
    ],
    ['no description', (t) => delete t.description, 'description: must be a string'],
    ['a delimiter of two characters', (t) => (t.delimiter = ',,'), 'delimiter: must be one of'],
    ['a line ending of CR alone', (t) => (t.lineEnding = '\r'), 'lineEnding: must be one of'],
    [
      'a date format with a token twice',
      (t) => (t.dateFormat = 'YYYY-MM-MM'),
      'dateFormat: must be',
    ],
    [
      'a date format with two separators',
      (t) => (t.dateFormat = 'YYYY-MM/DD'),
      'dateFormat: must be',
    ],
    ['a date format of hours', (t) => (t.dateFormat = 'YYYY-MM-DD HH'), 'dateFormat: must be'],
    ['no amount format', (t) => delete t.amountFormat, 'amountFormat: must be an object'],
    [
      'decimals that are not whole',
      (t) => ((t.amountFormat as Record<string, unknown>).decimals = 1.5),
      'amountFormat.decimals: must be a whole number from 0 to 6',
    ],
    [
      'the same thousands and decimal separator',
      (t) => (t.amountFormat = { decimals: 2, decimalSeparator: ',', thousandsSeparator: ',' }),
      'amountFormat.thousandsSeparator: must differ from the decimal separator',
    ],
    [
      'a misspelt amount key',
      (t) => (t.amountFormat = { decimals: 2, decimalSeparator: '.', thousands: false }),
      'amountFormat.thousands: is not a key of amountFormat',
    ],
    ['no columns', (t) => (t.columns = []), 'columns: must be a list of at least one'],
    [
      'a field that does not exist',
      (t) => (columns(t)[3].field = 'price'),
      'columns[3].field: "price" is not a field: one of invoiceNumber, ',
    ],
    [
      'costCode without the template giving it',
      (t) => delete t.costCode,
      'columns[1].field: costCode needs the template\'s costCode (such as "E105")',
    ],
    [
      'a width on an amount (never cut)',
      (t) => (columns(t)[3].width = 8),
      'columns[3].width: only a text field is cut to a width, not unitPrice',
    ],
    ['a width of 0', (t) => (columns(t)[0].width = 0), 'columns[0].width: must be a whole number'],
    [
      'two columns of one header',
      (t) => (columns(t)[1].header = 'matter'),
      'columns[1].header: is another column',
    ],
    [
      'a header with a line break',
      (t) => (columns(t)[0].header = 'a\nb'),
      'columns[0].header: must not hold control characters',
    ],
    [
      'a misspelt column key',
      (t) => (columns(t)[0].heading = 'x'),
      'columns[0].heading: is not a column key',
    ],
  ])('%s', (_what, change, expected) => {
    const found = changed(change);
    expect(found).toContainEqual(expect.stringContaining(expected));
  });

  it('lists every problem at once, not the first alone', () => {
    const found = changed((t) => {
      t.delimiter = ':';
      columns(t)[0].field = 'nothing';
    });
    expect(found).toHaveLength(2);
  });
});
