import { Readable } from 'node:stream';
import { DomainError } from '@app/common';
import type { Ledger } from '@app/ledger';
import type { InvoiceRow } from '../invoices/invoices.service';
import { csvExport } from './csv-exporter';
import { type InvoiceDocument, openInvoiceDocument } from './invoice-document';
import { jsonExport } from './json-exporter';
import { ledesExport, ledesRefusal } from './ledes-exporter';
import { pdfExport } from './pdf-exporter';
import { pmsExport } from './pms-exporter';

export const EXPORT_FORMATS = ['csv', 'json', 'ledes1998b', 'pms', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each format's content type, file extension and writer. */
const WRITERS: Record<
  ExportFormat,
  { contentType: string; extension: string; write: (document: InvoiceDocument) => Readable }
> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', write: csvExport },
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    write: (document) => Readable.from(jsonExport(document)),
  },
  ledes1998b: {
    contentType: 'text/plain; charset=us-ascii',
    extension: 'txt',
    write: (document) => Readable.from(ledesExport(document)),
  },
  pms: {
    contentType: 'text/plain; charset=utf-8',
    extension: 'fias',
    write: (document) => Readable.from(pmsExport(document)),
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf', write: pdfExport },
};

/** An invoice as a file: what it is, its download name, and its bytes as they are written. */
export interface InvoiceFile {
  contentType: string;
  fileName: string;
  body: Readable;
}

/**
 * The invoice in one of the export formats. Everything that can refuse the export (a draft, a
 * plan without a LEDES firm id, lines that do not add up) refuses here, before a byte is
 * written; the body is then streamed a page of lines at a time.
 */
export async function invoiceFile(
  ledger: Ledger,
  invoice: InvoiceRow,
  format: ExportFormat,
): Promise<InvoiceFile> {
  return fileOf(await openForExport(ledger, invoice, format), format);
}

/** The invoice opened for export in `format`, once everything that can refuse it has run. */
export async function openForExport(
  ledger: Ledger,
  invoice: InvoiceRow,
  format: ExportFormat,
): Promise<InvoiceDocument> {
  if (invoice.status !== 'finalized' && format !== 'json') {
    throw new DomainError(
      'conflict',
      `Invoice ${invoice.id} is ${invoice.status}: only a finalized invoice exports as ${format} (json shows any)`,
      [{ field: 'status', message: invoice.status }],
    );
  }
  const document = await openInvoiceDocument(ledger, invoice);
  const refusal = exportRefusal(document, format);
  if (refusal !== null) throw refusal;
  return document;
}

/** Why the format cannot be written for this invoice, or null when it can. */
export function exportRefusal(document: InvoiceDocument, format: ExportFormat): DomainError | null {
  switch (format) {
    case 'ledes1998b':
      return ledesRefusal(document);
    case 'csv':
    case 'json':
    case 'pms':
    case 'pdf':
      return null;
  }
}

/** An opened invoice as a file; its body starts reading when it is first read (PDF: at once). */
export function fileOf(document: InvoiceDocument, format: ExportFormat): InvoiceFile {
  const { contentType, write } = WRITERS[format];
  return { contentType, fileName: exportFileName(document.invoice, format), body: write(document) };
}

/** `GH-2026-000001.pdf`; a draft `draft-42.json`. */
export function exportFileName(invoice: InvoiceRow, format: ExportFormat): string {
  return `${invoice.number ?? `draft-${invoice.id}`}.${WRITERS[format].extension}`;
}

/** The whole file in memory, for a delivery's request body. */
export async function invoiceFileBytes(file: InvoiceFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}
