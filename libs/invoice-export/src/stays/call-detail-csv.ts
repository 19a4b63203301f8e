import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '@app/common';
import { formatMinor } from '@app/money';
import { duration } from '../exporters/pdf-exporter';
import { ZonedTime } from '../exporters/zoned-time';
import { type CallDetail, totalsOf } from './call-detail';

export const CALL_DETAIL_CSV_HEADER = [
  'date',
  'time',
  'room',
  'number_dialled',
  'duration',
  'talk_seconds',
  'amount',
  'currency',
] as const;

/**
 * A stay's call detail as CSV: a header, one row a posted call (local date and time of the
 * hotel), then a `total` row a currency. The same detail is always the same bytes.
 */
export function callDetailCsv(detail: CallDetail): Buffer {
  const time = new ZonedTime(detail.timezone);
  const rows: (string | number)[][] = detail.lines.map((line) => {
    const start = time.at(line.startTimeMs);
    return [
      time.date(start, '-'),
      time.time(start, ':'),
      spreadsheetSafe(line.room),
      spreadsheetSafe(line.number),
      duration(line.talkSeconds),
      line.talkSeconds,
      formatMinor(line.amountMinor, line.currency),
      line.currency,
    ];
  });
  for (const [currency, minor] of totalsOf(detail.lines)) {
    rows.push(['total', '', '', '', '', '', formatMinor(minor, currency), currency]);
  }
  return Buffer.from(stringify(rows, { header: true, columns: [...CALL_DETAIL_CSV_HEADER] }));
}
