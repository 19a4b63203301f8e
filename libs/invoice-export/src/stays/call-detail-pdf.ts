import PDFDocument from 'pdfkit';
import type { Readable } from 'node:stream';
import { formatMinor } from '@app/money';
import {
  PAGE,
  PdfColumn,
  ROW,
  duration,
  pdfTable,
  printable,
  stayHeader,
} from '../exporters/pdf-exporter';
import { ZonedTime } from '../exporters/zoned-time';
import { type CallDetail, totalsOf } from './call-detail';

const COLUMNS: readonly PdfColumn[] = [
  { title: 'Date', x: 50, width: 62, align: 'left' },
  { title: 'Time', x: 114, width: 40, align: 'left' },
  { title: 'Room', x: 156, width: 60, align: 'left' },
  { title: 'Number dialled', x: 218, width: 170, align: 'left' },
  { title: 'Duration', x: 390, width: 70, align: 'right' },
  { title: 'Amount', x: 472, width: 90, align: 'right' },
];

/**
 * A stay's call detail for the guest, in the invoice PDF's style (who prints it, a header, a
 * table, the total): real Helvetica text, its dates fixed to the last posting shown, so that
 * every export of the same detail is the same bytes.
 */
export function callDetailPdf(detail: CallDetail): Readable {
  const pdf = new PDFDocument({
    size: 'LETTER',
    margin: PAGE.margin,
    info: {
      Title: `Call detail, reservation ${printable(detail.stay.reservation)}`,
      Author: printable(detail.issuer?.name ?? ''),
      CreationDate: new Date(detail.asOfMs),
      ModDate: new Date(detail.asOfMs),
    },
  });
  try {
    writeDetail(pdf, detail);
    pdf.end();
  } catch (error) {
    pdf.destroy(error as Error);
  }
  return pdf;
}

function writeDetail(pdf: PDFKit.PDFDocument, detail: CallDetail): void {
  const time = new ZonedTime(detail.timezone);
  const first = detail.stays[0] ?? detail.stay;
  const last = detail.stays.at(-1) ?? detail.stay;
  const rooms = [...new Set(detail.stays.map((stay) => stay.room))].join(', ');

  pdf
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(printable(detail.issuer?.name ?? '') || 'Call detail');
  pdf.font('Helvetica').fontSize(9);
  for (const line of detail.issuer?.address ?? []) pdf.text(printable(line));
  pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text('Telephone calls');
  pdf.font('Helvetica').fontSize(10);
  const header = stayHeader(
    { ...detail.stay, room: rooms, fromMs: first.fromMs, toMs: last.toMs },
    time,
  )
    // A room move: the rooms the reservation had, in order.
    .map(([label, value]): [string, string] => [
      label === 'Room' && rooms.includes(',') ? 'Rooms' : label,
      value,
    ]);
  for (const [label, value] of [...header, ['Time zone', detail.timezone]]) {
    pdf.text(`${label}: ${printable(value)}`); // the time zone of every time of day below
  }
  pdf.moveDown(1);

  const table = pdfTable(pdf, COLUMNS);
  table.row(table.tableRow(COLUMNS.map((column) => column.title)), true);
  const money = (minor: number, currency: string) => `${formatMinor(minor, currency)} ${currency}`;
  for (const line of detail.lines) {
    const start = time.at(line.startTimeMs);
    table.row(
      table.tableRow([
        time.date(start, '-'),
        time.time(start, ':').slice(0, 5),
        line.room,
        line.number,
        duration(line.talkSeconds),
        money(line.amountMinor, line.currency),
      ]),
    );
  }
  if (detail.lines.length === 0) {
    table.row(table.tableRow(['', '', '', 'No calls posted', '', '']));
  }
  table.skip(ROW / 2);
  const amount = COLUMNS[COLUMNS.length - 1];
  const label = COLUMNS[2];
  for (const [currency, minor] of totalsOf(detail.lines)) {
    table.row(
      [
        { text: 'Total', x: label.x, width: amount.x - label.x - 12, align: 'right' },
        { text: money(minor, currency), x: amount.x, width: amount.width, align: 'right' },
      ],
      true,
    );
  }
}
