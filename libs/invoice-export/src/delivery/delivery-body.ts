import type { EntityManager } from 'typeorm';
import { loadInvoiceDocument } from '../exporters/invoice-document';
import { jsonExport } from '../exporters/json-exporter';
import type { InvoiceRow } from '../invoices/invoices.service';

/**
 * What a billing system receives: the invoice's `json` export, byte for byte as
 * `GET /invoices/:id/export?format=json` serves it. The one place delivery meets the exporters.
 */
export async function deliveryBody(manager: EntityManager, invoice: InvoiceRow): Promise<Buffer> {
  return Buffer.from(jsonExport(await loadInvoiceDocument(manager, invoice)), 'utf8');
}
