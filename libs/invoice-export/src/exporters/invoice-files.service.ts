import { Injectable } from '@nestjs/common';
import { BusinessStore, type Invoice, InvoiceStore, LineItemStore, StayStore } from '@app/ledger';
import { invoiceStay } from '../invoices/invoice-stay';
import { invoiceArchive } from './invoice-archive';
import { type InvoiceDocument, openInvoiceDocument } from './invoice-document';
import {
  type ExportFormat,
  type InvoiceFile,
  exportRefusal,
  exportTemplate,
  fileOf,
  invoiceFileBytes,
} from './invoice-file';

/**
 * Invoices as files: the one way the API, the CLI and delivery export an invoice (decision
 * 0013). Everything that can refuse an export refuses before a byte is written; the lines are
 * then streamed a page at a time.
 */
@Injectable()
export class InvoiceFilesService {
  constructor(
    private readonly invoices: InvoiceStore,
    private readonly businesses: BusinessStore,
    private readonly lineItems: LineItemStore,
    private readonly stays: StayStore,
  ) {}

  /**
   * The invoice opened for export in `format`, once everything that can refuse it has run (lines
   * that do not add up, then `exportRefusal`).
   */
  async open(invoice: Invoice, format: ExportFormat): Promise<InvoiceDocument> {
    const document = await openInvoiceDocument(this.invoices, this.businesses, invoice);
    document.stay = await invoiceStay(this.lineItems, this.stays, invoice.id);
    const refusal = exportRefusal(document, format);
    if (refusal) throw refusal;
    return document;
  }

  /**
   * The invoice in one of the export formats, its body streamed as it is read; `template` names
   * a disbursement file's template (`disbursements` needs one, no other format takes one: 400).
   */
  async file(invoice: Invoice, format: ExportFormat, template?: string): Promise<InvoiceFile> {
    const layout = exportTemplate(format, template);
    return fileOf(await this.open(invoice, format), format, layout);
  }

  /** Many invoices as one ZIP of `format` files, refused whole before a byte (invoiceArchive). */
  archive(invoices: Invoice[], format: ExportFormat, template?: string): Promise<InvoiceFile> {
    const layout = exportTemplate(format, template);
    return invoiceArchive(invoices, format, (invoice) => this.open(invoice, format), layout);
  }

  /**
   * What a billing system receives: the invoice's `json` export, byte for byte as
   * `GET /invoices/:id/export?format=json` serves it. The one place delivery meets the exporters.
   */
  async deliveryBody(invoice: Invoice): Promise<Buffer> {
    return invoiceFileBytes(await this.file(invoice, 'json'));
  }
}
