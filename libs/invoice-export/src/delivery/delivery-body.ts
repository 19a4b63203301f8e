import type { Ledger } from '@app/ledger';
import { invoiceFile, invoiceFileBytes } from '../exporters/invoice-file';
import type { InvoiceRow } from '../invoices/invoices.service';

/**
 * What a billing system receives: the invoice's `json` export, byte for byte as
 * `GET /invoices/:id/export?format=json` serves it. The one place delivery meets the exporters.
 */
export async function deliveryBody(ledger: Ledger, invoice: InvoiceRow): Promise<Buffer> {
  return invoiceFileBytes(await invoiceFile(ledger, invoice, 'json'));
}
