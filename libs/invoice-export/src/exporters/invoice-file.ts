import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/common';
import type { InvoiceRow } from '../invoices/invoices.service';
import { csvExport } from './csv-exporter';
import { openInvoiceDocument } from './invoice-document';
import { jsonExport } from './json-exporter';
import { ledesExport } from './ledes-exporter';
import { pdfExport } from './pdf-exporter';
import { pmsExport } from './pms-exporter';

export const EXPORT_FORMATS = ['csv', 'json', 'ledes1998b', 'pms', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An invoice as a file: what it is, its download name, and its bytes as they are written. */
export interface InvoiceFile {
  contentType: string;
  fileName: string;
  body: Readable;
}

/**
 * The invoice in one of exports.md's formats. Everything that can refuse the export (a draft,
 * a plan without a LEDES firm id, lines that do not add up) refuses here, before a byte is
 * written; the body is then streamed a page of lines at a time.
 */
export async function invoiceFile(
  manager: EntityManager,
  invoice: InvoiceRow,
  format: ExportFormat,
): Promise<InvoiceFile> {
  if (invoice.status !== 'finalized' && format !== 'json') {
    throw new DomainError(
      'conflict',
      `Invoice ${invoice.id} is ${invoice.status}: only a finalized invoice exports as ${format} (json shows any)`,
      [{ field: 'status', message: invoice.status }],
    );
  }
  const document = await openInvoiceDocument(manager, invoice);
  const name = invoice.number ?? `draft-${invoice.id}`;
  switch (format) {
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `${name}.csv`,
        body: csvExport(document),
      };
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        fileName: `${name}.json`,
        body: Readable.from(jsonExport(document)),
      };
    case 'ledes1998b':
      return {
        contentType: 'text/plain; charset=us-ascii',
        fileName: `${name}.txt`,
        body: Readable.from(ledesExport(document)),
      };
    case 'pms':
      return {
        contentType: 'text/plain; charset=utf-8',
        fileName: `${name}.fias`,
        body: Readable.from(pmsExport(document)),
      };
    case 'pdf':
      return { contentType: 'application/pdf', fileName: `${name}.pdf`, body: pdfExport(document) };
  }
}

/** The whole file in memory, for a delivery's request body. */
export async function invoiceFileBytes(file: InvoiceFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.body) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}
