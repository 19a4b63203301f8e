import { isoTime, localIsoTime } from '@app/common';
import { formatMinor } from '@app/money';
import { type ExportLine, type InvoiceDocument, LINE_FIELDS } from './invoice-document';

/**
 * The invoice with its lines, each with its rating breakdown; a draft says it is one. Written
 * as `JSON.stringify` of the whole would write it, a page of lines at a time.
 */
export async function* jsonExport({ invoice, pages }: InvoiceDocument): AsyncIterable<string> {
  const money = (minor: number) => formatMinor(minor, invoice.currency);
  const head = JSON.stringify({
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    draft: invoice.status === 'draft',
    billingAccount: invoice.billing_account,
    periodStart: isoTime(invoice.period_start_ms),
    periodEnd: isoTime(invoice.period_end_ms),
    timezone: invoice.timezone,
    currency: invoice.currency,
    subtotal: money(invoice.subtotal_minor),
    tax: money(invoice.tax_minor),
    total: money(invoice.total_minor),
    finalizedAt: invoice.finalized_at_ms === null ? null : isoTime(invoice.finalized_at_ms),
    voidedAt: invoice.voided_at_ms === null ? null : isoTime(invoice.voided_at_ms),
    voidReason: invoice.void_reason,
  });
  const line = (row: ExportLine) =>
    JSON.stringify({
      lineNumber: row.line_number,
      lineItemId: row.line_item_id,
      callId: row.call_id,
      startTime: isoTime(row.start_time_ms),
      localStartTime: localIsoTime(row.start_time_ms, invoice.timezone),
      extension: row.extension,
      dialedNumber: row.dialed_number,
      normalizedNumber: row.normalized_number,
      destinationClass: row.destination_class,
      talkSeconds: row.talk_seconds,
      billedSeconds: row.billed_seconds,
      calls: row.calls,
      description: row.description,
      ratedAmount: money(row.rated_amount_minor),
      ratedTax: money(row.rated_tax_minor),
      adjustment: money(row.adjustment_minor),
      amount: money(row.amount_minor),
      taxes: (
        JSON.parse(row.taxes_json) as { name: string; ratePercent: string; amountMinor: number }[]
      ).map((tax) => ({
        name: tax.name,
        ratePercent: tax.ratePercent,
        amount: money(tax.amountMinor),
      })),
      tax: money(row.tax_minor),
      total: money(row.total_minor),
      breakdown: JSON.parse(row.breakdown_json) as unknown,
    });
  let separator = `${head.slice(0, -1)},"lines":[`;
  for await (const page of pages(LINE_FIELDS)) {
    yield separator + page.map(line).join(',');
    separator = ',';
  }
  yield separator === ',' ? ']}' : `${separator}]}`;
}
