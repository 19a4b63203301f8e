import type { EntityManager } from 'typeorm';
import type { InvoiceRow } from '../invoices/invoices.service';

/** An invoice line as the exporters read it. */
export interface ExportLine {
  line_number: number;
  line_item_id: number;
  call_id: string;
  start_time_ms: number;
  extension: string | null;
  dialed_number: string | null;
  normalized_number: string | null;
  destination_class: string | null;
  talk_seconds: number;
  billed_seconds: number;
  calls: number;
  description: string;
  rated_amount_minor: number;
  rated_tax_minor: number;
  rated_total_minor: number;
  adjustment_minor: number;
  amount_minor: number;
  taxes_json: string;
  tax_minor: number;
  total_minor: number;
  breakdown_json: string;
}

/** An invoice and its lines, in line order, as every export format reads them. */
export interface InvoiceDocument {
  invoice: InvoiceRow;
  lines: ExportLine[];
}

export async function loadInvoiceDocument(
  manager: EntityManager,
  invoice: InvoiceRow,
): Promise<InvoiceDocument> {
  const lines = await manager.query<ExportLine[]>(
    `SELECT line_number, line_item_id, call_id, start_time_ms, extension, dialed_number,
       normalized_number, destination_class, talk_seconds, billed_seconds, calls, description,
       rated_amount_minor, rated_tax_minor, rated_total_minor, adjustment_minor, amount_minor,
       taxes_json, tax_minor, total_minor, breakdown_json
     FROM invoice_lines WHERE invoice_id = ? ORDER BY line_number`,
    [invoice.id],
  );
  return { invoice, lines };
}
