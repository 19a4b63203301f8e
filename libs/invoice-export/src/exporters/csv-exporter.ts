import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { isoTime, spreadsheetSafe } from '@app/common';
import { formatMinor } from '@app/money';
import type { BilledLine } from '@app/ledger';
import type { InvoiceDocument } from './invoice-document';
import { ZonedTime } from './zoned-time';

export const CSV_HEADER = [
  'invoice_number',
  'line_number',
  'call_id',
  'start_time',
  'billing_account',
  'extension',
  'dialed_number',
  'destination_class',
  'talk_seconds',
  'billed_seconds',
  'amount',
  'tax',
  'total',
  'currency',
  'description',
  'start_time_utc',
] as const;

const CSV_LINE_FIELDS = [
  'lineNumber',
  'callId',
  'startTimeMs',
  'extension',
  'dialedNumber',
  'destinationClass',
  'talkSeconds',
  'billedSeconds',
  'amountMinor',
  'taxMinor',
  'totalMinor',
  'description',
] as const;

/**
 * The CSV of docs/exports.md: RFC 4180 (CRLF line ends, quotes only where needed), a header
 * row, a row per line, money as plain decimals, times in the plan's zone; no cell left as a
 * formula.
 * `start_time_utc`, the same instant in UTC, comes last: readers that take the columns by
 * position keep theirs (decision 0020).
 * csv-stringify is called once a page (a chunk per page, not per row: a third of the stream
 * API's cost per line).
 */
export function csvExport({ invoice, pages }: InvoiceDocument): Readable {
  const money = (minor: number) => formatMinor(minor, invoice.currency);
  const text = (value: string | null) => spreadsheetSafe(value ?? '');
  const time = new ZonedTime(invoice.timezone);
  const number = text(invoice.number);
  const account = text(invoice.billingAccount);
  const row = (line: Pick<BilledLine, (typeof CSV_LINE_FIELDS)[number]>) => [
    number,
    line.lineNumber,
    text(line.callId),
    time.iso(line.startTimeMs),
    account,
    text(line.extension),
    text(line.dialedNumber),
    text(line.destinationClass),
    line.talkSeconds,
    line.billedSeconds,
    money(line.amountMinor),
    money(line.taxMinor),
    money(line.totalMinor),
    invoice.currency,
    text(line.description),
    isoTime(line.startTimeMs),
  ];
  const options = { columns: [...CSV_HEADER], record_delimiter: 'windows' } as const;
  async function* chunks(): AsyncIterable<string> {
    yield stringify([], { ...options, header: true });
    for await (const page of pages(CSV_LINE_FIELDS)) {
      yield stringify(page.map(row), options);
    }
  }
  return Readable.from(chunks());
}
