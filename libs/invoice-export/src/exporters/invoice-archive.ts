import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { Invoice } from '@app/ledger';
import type { DisbursementTemplate } from '../disbursements/disbursement-template';
import type { InvoiceDocument } from './invoice-document';
import { type ExportFormat, type InvoiceFile, exportFileName, fileOf } from './invoice-file';

/**
 * Many invoices as one ZIP file of `format` files, streamed: each entry is the invoice's own
 * export, byte for byte. Every invoice is checked first (`open`: status, format, lines adding
 * up): one refusal refuses the whole archive before a byte is written, naming the invoice.
 * Entries are then written one after another, each opened only when its turn comes and read a
 * page of lines at a time, so memory stays flat however many invoices there are and however
 * large their plans. A failure after the first byte (the ledger gone) ends the ZIP with an
 * error rather than a ZIP missing an invoice.
 * Entry times are the invoices' finalisation times: the same invoices give the same bytes.
 */
export async function invoiceArchive(
  invoices: Invoice[],
  format: ExportFormat,
  open: (invoice: Invoice) => Promise<InvoiceDocument>,
  template: DisbursementTemplate | null = null,
): Promise<InvoiceFile> {
  // Checked first, whole; each document is then let go (its plan may be a large rate table) and
  // opened again when its entry's turn comes.
  for (const invoice of invoices) await open(invoice);
  const zip = new ZipFile();
  for (const invoice of invoices) {
    zip.addReadStreamLazy(
      exportFileName(invoice, format, template),
      { mtime: new Date(invoice.finalizedAtMs ?? invoice.createdAtMs), compress: true },
      (callback) => {
        open(invoice).then(
          (document) => callback(null, fileOf(document, format, template).body),
          (error: Error) => callback(error, undefined as never),
        );
      },
    );
  }
  zip.end();
  return {
    contentType: 'application/zip',
    fileName: `invoices-${format}${template ? `-${template.name}` : ''}.zip`,
    body: zip.outputStream as Readable,
  };
}
