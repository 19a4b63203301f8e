import type { ErrorDetail } from '@app/common';

/**
 * What a column of a disbursement file can hold (docs/exports.md#disbursements): a closed set,
 * so that a template naming anything else is refused when it is read, not when a file is written.
 * Text fields may be cut to a column's `width`; numbers, amounts and dates never are.
 */
export const DISBURSEMENT_TEXT_FIELDS = [
  'invoiceNumber',
  'clientNumber',
  'matterNumber',
  'matterCode',
  'timekeeperId',
  'timekeeperName',
  'timekeeperClassification',
  'extension',
  'costCode',
  'description',
  'dialedNumber',
  'destinationClass',
  'callId',
  'currency',
] as const;

export const DISBURSEMENT_DATE_FIELDS = [
  'invoiceDate',
  'periodStart',
  'periodEnd',
  'date',
] as const;

export const DISBURSEMENT_NUMBER_FIELDS = [
  'lineNumber',
  'quantity',
  'calls',
  'durationSeconds',
  'billedSeconds',
  'billedMinutes',
] as const;

export const DISBURSEMENT_AMOUNT_FIELDS = [
  'unitPrice',
  'amount',
  'tax',
  'total',
  'ratedTotal',
  'adjustment',
] as const;

export const DISBURSEMENT_FIELDS = [
  ...DISBURSEMENT_TEXT_FIELDS,
  'time',
  ...DISBURSEMENT_DATE_FIELDS,
  ...DISBURSEMENT_NUMBER_FIELDS,
  ...DISBURSEMENT_AMOUNT_FIELDS,
] as const;

export type DisbursementField = (typeof DISBURSEMENT_FIELDS)[number];
export type DisbursementTextField = (typeof DISBURSEMENT_TEXT_FIELDS)[number];

/** `constant:<text>`: the same text on every row (`constant:ExpenseEntry`, `constant:` empty). */
export const CONSTANT_PREFIX = 'constant:';

export interface DisbursementColumn {
  /** The column's name in the header row. */
  header: string;
  /** A field of DISBURSEMENT_FIELDS, or `constant:<text>`. */
  field: DisbursementField | `constant:${string}`;
  /** The most characters a text field keeps (a longer value is cut); none: all. */
  width?: number;
}

export interface AmountFormat {
  /** Decimals written at least (a currency with more minor digits keeps them: never rounded). */
  decimals: number;
  decimalSeparator: '.' | ',';
  /** Between groups of three digits of the whole part; '' for none. */
  thousandsSeparator: '' | ',' | '.' | ' ' | "'";
}

/** A disbursement file's layout: a small JSON document (templates/*.json). */
export interface DisbursementTemplate {
  /** The template's name, as `?template=` asks for it: its file's name without `.json`. */
  name: string;
  description: string;
  /** A header row of the columns' names first. */
  header: boolean;
  delimiter: ',' | ';' | '\t' | '|';
  lineEnding: '\r\n' | '\n';
  /** `YYYY`, `MM` and `DD` once each, joined by `-`, `/`, `.`, a space or nothing. */
  dateFormat: string;
  amountFormat: AmountFormat;
  /** What `costCode` writes (a UTBMS expense code such as `E105`); required when a column uses it. */
  costCode?: string;
  columns: DisbursementColumn[];
}

/** A template that cannot be used, with every problem found, each naming where it is. */
export class DisbursementTemplateError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ErrorDetail[],
  ) {
    super(
      `Disbursement template ${source} is malformed: ${problems
        .map((p) => `${p.field}: ${p.message}`)
        .join('; ')}`,
    );
    this.name = 'DisbursementTemplateError';
  }
}

const KEYS = [
  'name',
  'description',
  'header',
  'delimiter',
  'lineEnding',
  'dateFormat',
  'amountFormat',
  'costCode',
  'columns',
] as const;
const DELIMITERS = [',', ';', '\t', '|'];
const LINE_ENDINGS = ['\r\n', '\n'];
const DECIMAL_SEPARATORS = ['.', ','];
const THOUSANDS_SEPARATORS = ['', ',', '.', ' ', "'"];
const DATE_FORMAT = /^(YYYY|MM|DD)([-/. ]?)(YYYY|MM|DD)\2(YYYY|MM|DD)$/;
const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Printable text only: a template's words land in files that other systems parse. */
const PLAIN = /^[^\p{Cc}\p{Cf}]*$/u;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listed = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Reads a template document, refusing it whole with every problem named (`columns[2].field: ...`)
 * when anything is missing, misspelt or of the wrong kind. `source` names the document in the
 * error (`generic.json`); `name` is what its `name` must be (its file's name).
 */
export function parseDisbursementTemplate(
  document: unknown,
  source: string,
  name: string,
): DisbursementTemplate {
  const problems: ErrorDetail[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isRecord(document)) {
    throw new DisbursementTemplateError(source, [
      { field: '(document)', message: 'must be a JSON object' },
    ]);
  }
  for (const key of Object.keys(document)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      problem(key, `is not a template key (one of ${KEYS.join(', ')})`);
    }
  }
  const text = (key: string, value: unknown, required = true): value is string => {
    if (value === undefined && !required) return false;
    if (typeof value !== 'string') problem(key, 'must be a string');
    else if (!PLAIN.test(value)) problem(key, 'must not hold control characters');
    else return true;
    return false;
  };
  const oneOf = (key: string, value: unknown, values: readonly string[]) => {
    if (typeof value !== 'string' || !values.includes(value)) {
      problem(key, `must be one of ${listed(values)}`);
    }
  };

  if (text('name', document.name) && document.name !== name) {
    problem('name', `must be ${JSON.stringify(name)}, the name of its file`);
  }
  if (!NAME.test(name)) problem('name', 'must be lower-case letters, digits and -, at most 40');
  text('description', document.description);
  if (typeof document.header !== 'boolean') problem('header', 'must be true or false');
  oneOf('delimiter', document.delimiter, DELIMITERS);
  oneOf('lineEnding', document.lineEnding, LINE_ENDINGS);
  if (typeof document.dateFormat !== 'string' || !dateFormatOk(document.dateFormat)) {
    problem(
      'dateFormat',
      'must be YYYY, MM and DD once each, joined by one of -, /, ., a space or nothing (YYYY-MM-DD, MM/DD/YYYY, YYYYMMDD)',
    );
  }
  const amount = document.amountFormat;
  if (!isRecord(amount)) {
    problem('amountFormat', 'must be an object { decimals, decimalSeparator, thousandsSeparator }');
  } else {
    for (const key of Object.keys(amount)) {
      if (!['decimals', 'decimalSeparator', 'thousandsSeparator'].includes(key)) {
        problem(`amountFormat.${key}`, 'is not a key of amountFormat');
      }
    }
    const { decimals, decimalSeparator, thousandsSeparator } = amount;
    if (
      typeof decimals !== 'number' ||
      !Number.isInteger(decimals) ||
      decimals < 0 ||
      decimals > 6
    ) {
      problem('amountFormat.decimals', 'must be a whole number from 0 to 6');
    }
    oneOf('amountFormat.decimalSeparator', decimalSeparator, DECIMAL_SEPARATORS);
    oneOf('amountFormat.thousandsSeparator', thousandsSeparator, THOUSANDS_SEPARATORS);
    if (thousandsSeparator === decimalSeparator) {
      problem('amountFormat.thousandsSeparator', 'must differ from the decimal separator');
    }
  }
  if (text('costCode', document.costCode, false) && document.costCode === '') {
    problem('costCode', 'must not be empty');
  }

  const columns = document.columns;
  if (!Array.isArray(columns) || columns.length === 0) {
    problem('columns', 'must be a list of at least one { header, field, width? }');
  } else {
    const headers = new Set<string>();
    columns.forEach((column: unknown, index) => {
      const at = `columns[${index}]`;
      if (!isRecord(column)) {
        problem(at, 'must be an object { header, field, width? }');
        return;
      }
      for (const key of Object.keys(column)) {
        if (!['header', 'field', 'width'].includes(key)) {
          problem(`${at}.${key}`, 'is not a column key (header, field, width)');
        }
      }
      if (text(`${at}.header`, column.header)) {
        if (headers.has(column.header)) problem(`${at}.header`, "is another column's header too");
        headers.add(column.header);
      }
      const field = column.field;
      const constant = typeof field === 'string' && field.startsWith(CONSTANT_PREFIX);
      if (constant) {
        text(`${at}.field`, field);
      } else if (!isField(field)) {
        problem(
          `${at}.field`,
          `${JSON.stringify(field)} is not a field: one of ${DISBURSEMENT_FIELDS.join(', ')} or constant:<text>`,
        );
      } else if (field === 'costCode' && document.costCode === undefined) {
        problem(`${at}.field`, 'costCode needs the template\'s costCode (such as "E105")');
      }
      if (column.width !== undefined) {
        const width = column.width;
        if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) {
          problem(`${at}.width`, 'must be a whole number of characters, at least 1');
        } else if (!constant && isField(field) && !isTextField(field)) {
          problem(`${at}.width`, `only a text field is cut to a width, not ${String(field)}`);
        }
      }
    });
  }
  if (problems.length > 0) throw new DisbursementTemplateError(source, problems);
  return document as unknown as DisbursementTemplate;
}

function isField(field: unknown): field is DisbursementField {
  return (DISBURSEMENT_FIELDS as readonly unknown[]).includes(field);
}

export function isTextField(field: unknown): field is DisbursementTextField {
  return (DISBURSEMENT_TEXT_FIELDS as readonly unknown[]).includes(field);
}

function dateFormatOk(format: string): boolean {
  const match = DATE_FORMAT.exec(format);
  return match !== null && new Set([match[1], match[3], match[4]]).size === 3;
}
