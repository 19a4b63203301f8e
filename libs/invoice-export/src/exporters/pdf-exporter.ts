import PDFDocument from 'pdfkit';
import type { Readable } from 'node:stream';
import { formatMinor } from '@app/money';
import type { BilledLine, Stay } from '@app/ledger';
import type { InvoiceDocument } from './invoice-document';
import { ZonedTime } from './zoned-time';

export const PAGE = { width: 612, height: 792, margin: 50 }; // US Letter, points
export const ROW = 14;
const COLUMNS = [
  { title: 'Date', x: 50, width: 62, align: 'left' },
  { title: 'Time', x: 114, width: 40, align: 'left' },
  { title: 'Number', x: 156, width: 130, align: 'left' },
  { title: 'Destination', x: 288, width: 110, align: 'left' },
  { title: 'Duration', x: 400, width: 60, align: 'right' },
  { title: 'Amount', x: 472, width: 90, align: 'right' },
] as const;

/**
 * The standard PDF fonts write Windows-1252: a character outside it (and outside Latin-1,
 * which pdfkit maps) would print as garbage, so it prints as `?`.
 */
export const printable = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

export function duration(seconds: number): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h > 0 ? `${h}:${two(m)}` : m}:${two(seconds % 60)}`;
}

/**
 * A one-look invoice for people (docs/exports.md): who bills, the account, the period, the number
 * and date, a table of lines, subtotal, tax by name, total. Real text in the standard
 * Helvetica, so that its totals can be read back by a text extractor; its dates fixed to the
 * finalisation, so that every export of an invoice is the same bytes.
 */
export function pdfExport(document: InvoiceDocument): Readable {
  const { invoice } = document;
  const finalized = invoice.finalizedAtMs ?? invoice.createdAtMs;
  const pdf = new PDFDocument({
    size: 'LETTER',
    margin: PAGE.margin,
    info: {
      Title: `Invoice ${invoice.number ?? invoice.id}`,
      Author: printable(document.issuer.name),
      CreationDate: new Date(finalized),
      ModDate: new Date(finalized),
    },
  });
  writeInvoice(pdf, document, finalized).then(
    () => pdf.end(),
    (error: Error) => pdf.destroy(error),
  );
  return pdf;
}

async function writeInvoice(
  pdf: PDFKit.PDFDocument,
  { invoice, issuer, pages, stay }: InvoiceDocument,
  finalized: number,
): Promise<void> {
  const time = new ZonedTime(invoice.timezone);
  const money = (minor: number) => `${formatMinor(minor, invoice.currency)} ${invoice.currency}`;
  const day = (ms: number) => time.date(time.at(ms), '-');

  pdf
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(printable(issuer.name) || 'Invoice');
  pdf.font('Helvetica').fontSize(9);
  for (const line of issuer.address) pdf.text(printable(line));
  if (issuer.taxId) pdf.text(`Tax id: ${printable(issuer.taxId)}`);
  pdf.moveDown(0.5).font('Helvetica').fontSize(10);
  for (const [label, value] of [
    ['Invoice', invoice.number ?? `draft ${invoice.id}`],
    ['Date', day(finalized)],
    ['Billing account', invoice.billingAccount],
    ...(stay ? stayHeader(stay, time) : []),
    ['Period', `${day(invoice.periodStartMs)} to ${day(invoice.periodEndMs - 1)}`],
    ['Time zone', invoice.timezone], // of every time of day below
  ]) {
    pdf.text(`${label}: ${printable(value)}`);
  }
  pdf.moveDown(1);

  const table = pdfTable(pdf, COLUMNS);
  const { row, tableRow } = table;
  const header = COLUMNS.map((column) => column.title);
  row(tableRow(header), true);
  const taxes = new Map<string, number>();
  let subtotal = 0;
  let tax = 0;
  for await (const page of pages([
    'startTimeMs',
    'normalizedNumber',
    'dialedNumber',
    'calls',
    'destinationClass',
    'talkSeconds',
    'amountMinor',
    'taxMinor',
    'taxesJson',
    'accountSummaryId',
  ])) {
    for (const line of page) {
      const start = time.at(line.startTimeMs);
      const summary = line.accountSummaryId !== null;
      row(
        tableRow(
          summary
            ? // Calls counted together: the day they were counted from, no time of day.
              [
                time.date(start, '-'),
                '',
                callCount(line.calls),
                'all destinations',
                talkMinutes(line.talkSeconds),
                money(line.amountMinor),
              ]
            : [
                time.date(start, '-'),
                time.time(start, ':').slice(0, 5),
                numberOf(line),
                line.destinationClass ?? '',
                duration(line.talkSeconds),
                money(line.amountMinor),
              ],
        ),
      );
      subtotal += line.amountMinor;
      tax += line.taxMinor;
      for (const { name, amountMinor } of JSON.parse(line.taxesJson) as {
        name: string;
        amountMinor: number;
      }[]) {
        taxes.set(name, (taxes.get(name) ?? 0) + amountMinor);
      }
    }
  }

  table.skip(ROW / 2);
  const amount = COLUMNS[COLUMNS.length - 1];
  const sum = (label: string, minor: number, bold = false) =>
    row(
      [
        { text: label, x: COLUMNS[2].x, width: amount.x - COLUMNS[2].x - 12, align: 'right' },
        { text: money(minor), x: amount.x, width: amount.width, align: 'right' },
      ],
      bold,
    );
  sum('Subtotal', subtotal);
  for (const [name, minor] of taxes) sum(name, minor);
  sum('Total', subtotal + tax, true);
  if (issuer.paymentTerms) {
    table.skip(ROW);
    row([
      { text: `Payment terms: ${issuer.paymentTerms}`, x: COLUMNS[0].x, width: 500, align: 'left' },
    ]);
  }
}

/** A table's column: its title, where it starts, how wide it is, how its cells align. */
export interface PdfColumn {
  readonly title: string;
  readonly x: number;
  readonly width: number;
  readonly align: 'left' | 'right';
}

/** A cell of a row: its text at a column's place. */
type Cell = { text: string; x: number; width: number; align: 'left' | 'right' };

/**
 * A table written from the document's current position down: rows of cells at the columns'
 * places, on a new page (headed again) when this one is full. A cell longer than its column
 * wraps inside it, and the row is as tall as its tallest cell: a long number or class name
 * never runs into the next row.
 */
export function pdfTable(pdf: PDFKit.PDFDocument, columns: readonly PdfColumn[]) {
  let y = pdf.y;
  const header = columns.map((column) => column.title);
  const tableRow = (texts: string[]): Cell[] =>
    columns.map((column, index) => ({ ...column, text: texts[index] }));
  const row = (cells: Cell[], bold = false): void => {
    const font = () => pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    font();
    const texts = cells.map((cell) => printable(cell.text));
    let height = ROW;
    for (const [index, cell] of cells.entries()) {
      if (pdf.widthOfString(texts[index]) <= cell.width) continue;
      const wrapped = pdf.heightOfString(texts[index], { width: cell.width });
      height = Math.max(height, wrapped + ROW - pdf.currentLineHeight(true));
    }
    if (y + height > PAGE.height - PAGE.margin) {
      pdf.addPage();
      y = PAGE.margin;
      row(tableRow(header), true);
      font();
    }
    for (const [index, cell] of cells.entries()) {
      pdf.text(texts[index], cell.x, y, {
        width: cell.width,
        align: cell.align,
        lineBreak: false,
      });
    }
    y += height;
  };
  return {
    row,
    tableRow,
    /** Leaves `points` of space before the next row. */
    skip: (points: number) => {
      y += points;
    },
  };
}

/** `Okafor, Ada, reservation 48213, room 1012`: a stay's header lines as label and value. */
export function stayHeader(
  stay: Pick<Stay, 'reservation' | 'guestName' | 'room' | 'fromMs' | 'toMs'>,
  time: ZonedTime,
): [string, string][] {
  const at = (ms: number) => {
    const local = time.at(ms);
    return `${time.date(local, '-')} ${time.time(local, ':').slice(0, 5)}`;
  };
  return [
    ['Guest', stay.guestName ?? '(no name)'],
    ['Reservation', stay.reservation],
    ['Room', stay.room],
    ['Stay', `${at(stay.fromMs)} to ${stay.toMs === null ? 'in house' : at(stay.toMs)}`],
  ];
}

/** The number called (for a call with none, how many calls). */
function numberOf(line: Pick<BilledLine, 'normalizedNumber' | 'dialedNumber' | 'calls'>): string {
  if (line.normalizedNumber) return `+${line.normalizedNumber}`;
  if (line.dialedNumber) return line.dialedNumber;
  return callCount(line.calls);
}

/** `1 call`, `37 calls`. */
const callCount = (calls: number) => `${calls} ${calls === 1 ? 'call' : 'calls'}`;

/** `45 min`, `2 h 13 min`: a summary's talk time as its description gives it (minutes up). */
function talkMinutes(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
