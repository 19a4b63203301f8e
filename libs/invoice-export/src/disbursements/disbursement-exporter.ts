import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { type WallClock, spreadsheetSafe, withoutControlCharacters } from '@app/common';
import type { BilledLine } from '@app/ledger';
import { currencyExponent, formatScaled } from '@app/money';
import type { InvoiceDocument } from '../exporters/invoice-document';
import { clientAndMatter } from '../exporters/ledes-exporter';
import { ZonedTime } from '../exporters/zoned-time';
import {
  type AmountFormat,
  CONSTANT_PREFIX,
  type DisbursementColumn,
  type DisbursementField,
  type DisbursementTemplate,
  isTextField,
} from './disbursement-template';

/** The columns of a line any template may write (reading them all costs less than choosing). */
const DISBURSEMENT_LINE_FIELDS = [
  'lineNumber',
  'callId',
  'startTimeMs',
  'extension',
  'dialedNumber',
  'destinationClass',
  'talkSeconds',
  'billedSeconds',
  'calls',
  'description',
  'amountMinor',
  'taxMinor',
  'totalMinor',
  'ratedTotalMinor',
  'adjustmentMinor',
  'timekeeperId',
  'timekeeperName',
  'timekeeperClassification',
] as const;

export type DisbursementLine = Pick<BilledLine, (typeof DISBURSEMENT_LINE_FIELDS)[number]>;

/** What every row of one invoice shares. */
interface InvoiceValues {
  invoiceNumber: string;
  invoiceDateMs: number;
  periodStartMs: number;
  /** The last instant of the period: its day is the last day included. */
  periodLastMs: number;
  client: string;
  matter: string;
  account: string;
  currency: string;
  /** The invoice's zone: every date and time is on its wall clock. */
  timezone: string;
}

/**
 * A disbursement file (docs/exports.md#disbursements): the invoice's lines as the rows of a
 * time-and-billing system's cost import, laid out by `template`. Dates are on the invoice's wall
 * clock, amounts exact (never rounded: a currency with more minor digits than the template asks
 * for keeps them), text cleaned of control characters and made safe from spreadsheet formulas,
 * cells quoted only where the delimiter, a quote or a line break needs it (csv-stringify).
 * `quantity` is 1 on every row and `unitPrice` the line's total, so that a reader's price x
 * quantity is the line's total exactly. Written a page of lines at a time.
 */
export function disbursementExport(
  document: InvoiceDocument,
  template: DisbursementTemplate,
): Readable {
  const { invoice, plan } = document;
  if (invoice.number === null || invoice.finalizedAtMs === null) {
    throw new Error(`Invoice ${invoice.id} is written as disbursements only once finalized`);
  }
  const { client, matter } = clientAndMatter(plan, invoice.billingAccount);
  const cells = rowWriter(template, {
    invoiceNumber: invoice.number,
    invoiceDateMs: invoice.finalizedAtMs,
    periodStartMs: invoice.periodStartMs,
    periodLastMs: invoice.periodEndMs - 1,
    client,
    matter,
    account: invoice.billingAccount,
    currency: invoice.currency,
    timezone: invoice.timezone,
  });
  const options = {
    delimiter: template.delimiter,
    record_delimiter: template.lineEnding === '\r\n' ? 'windows' : 'unix',
  } as const;
  async function* chunks(): AsyncIterable<string> {
    if (template.header) {
      yield stringify([template.columns.map((column) => column.header)], options);
    }
    for await (const page of document.pages(DISBURSEMENT_LINE_FIELDS)) {
      yield stringify(page.map(cells), options);
    }
  }
  return Readable.from(chunks());
}

/** The template's columns made once into a function from a line to its row's cells. */
function rowWriter(
  template: DisbursementTemplate,
  shared: InvoiceValues,
): (line: DisbursementLine) => string[] {
  const time = new ZonedTime(shared.timezone);
  const date = dateWriter(template.dateFormat);
  const day = (ms: number) => date(time.at(ms));
  const money = amountWriter(template.amountFormat, shared.currency);
  const columns = template.columns.map((column) =>
    cellWriter(column, template, shared, day, money, time),
  );
  return (line) => columns.map((cell) => cell(line));
}

function cellWriter(
  column: DisbursementColumn,
  template: DisbursementTemplate,
  shared: InvoiceValues,
  day: (ms: number) => string,
  money: (minor: number) => string,
  time: ZonedTime,
): (line: DisbursementLine) => string {
  if (column.field.startsWith(CONSTANT_PREFIX)) {
    const constant = column.field.slice(CONSTANT_PREFIX.length);
    return () => constant;
  }
  const field = column.field as DisbursementField;
  if (isTextField(field)) {
    const width = column.width;
    const text = (value: string | null) => {
      const safe = spreadsheetSafe(withoutControlCharacters(value ?? ''));
      return width === undefined ? safe : [...safe].slice(0, width).join('');
    };
    switch (field) {
      case 'invoiceNumber':
        return constantText(text(shared.invoiceNumber));
      case 'clientNumber':
        return constantText(text(shared.client));
      case 'matterNumber':
        return constantText(text(shared.matter));
      case 'matterCode':
        return constantText(text(shared.account));
      case 'currency':
        return constantText(text(shared.currency));
      case 'costCode':
        return constantText(text(template.costCode ?? ''));
      case 'timekeeperId':
        return (line) => text(line.timekeeperId);
      case 'timekeeperName':
        return (line) => text(line.timekeeperName);
      case 'timekeeperClassification':
        return (line) => text(line.timekeeperClassification);
      case 'extension':
        return (line) => text(line.extension);
      case 'description':
        return (line) => text(line.description);
      case 'dialedNumber':
        return (line) => text(line.dialedNumber);
      case 'destinationClass':
        return (line) => text(line.destinationClass);
      case 'callId':
        return (line) => text(line.callId);
    }
  }
  switch (field) {
    case 'time':
      return (line) => time.time(time.at(line.startTimeMs), ':');
    case 'invoiceDate':
      return constantText(day(shared.invoiceDateMs));
    case 'periodStart':
      return constantText(day(shared.periodStartMs));
    case 'periodEnd':
      return constantText(day(shared.periodLastMs));
    case 'date':
      return (line) => day(line.startTimeMs);
    case 'lineNumber':
      return (line) => String(line.lineNumber);
    case 'quantity':
      return () => '1';
    case 'calls':
      return (line) => String(line.calls);
    case 'durationSeconds':
      return (line) => String(line.talkSeconds);
    case 'billedSeconds':
      return (line) => String(line.billedSeconds);
    case 'billedMinutes':
      return (line) => String(Math.ceil(line.billedSeconds / 60));
    case 'unitPrice':
    case 'total':
      return (line) => money(line.totalMinor);
    case 'amount':
      return (line) => money(line.amountMinor);
    case 'tax':
      return (line) => money(line.taxMinor);
    case 'ratedTotal':
      return (line) => money(line.ratedTotalMinor);
    case 'adjustment':
      return (line) => money(line.adjustmentMinor);
    default:
      throw new Error(`Disbursement field ${String(field)} has no writer`);
  }
}

const constantText = (value: string) => () => value;

/** A date format of `YYYY`, `MM`, `DD` and separators (checked by the template's parser). */
export function dateWriter(format: string): (t: WallClock) => string {
  const parts = format.split(/(YYYY|MM|DD)/).filter((part) => part !== '');
  const two = (n: number) => String(n).padStart(2, '0');
  const writers = parts.map((part): ((t: WallClock) => string) => {
    switch (part) {
      case 'YYYY':
        return (t) => String(t.year).padStart(4, '0');
      case 'MM':
        return (t) => two(t.month);
      case 'DD':
        return (t) => two(t.day);
      default:
        return () => part;
    }
  });
  return (t) => writers.map((write) => write(t)).join('');
}

/**
 * Minor units as the template writes money: at least `decimals` decimals, as many as the
 * currency has when it has more (an amount is never rounded), the template's separators, a `-`
 * in front when negative.
 */
export function amountWriter(format: AmountFormat, currency: string): (minor: number) => string {
  const exponent = currencyExponent(currency);
  const decimals = Math.max(format.decimals, exponent);
  return (minor) => {
    const plain = formatScaled(BigInt(minor), exponent, decimals);
    const negative = plain.startsWith('-');
    const [whole, fraction] = (negative ? plain.slice(1) : plain).split('.');
    const grouped =
      format.thousandsSeparator === ''
        ? whole
        : whole.replace(/\B(?=(\d{3})+$)/g, format.thousandsSeparator);
    const text =
      fraction === undefined ? grouped : `${grouped}${format.decimalSeparator}${fraction}`;
    return negative ? `-${text}` : text;
  };
}
