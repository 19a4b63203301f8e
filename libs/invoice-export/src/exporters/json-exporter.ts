import { isoTime } from '@app/common';
import { formatMinor } from '@app/rating';
import type { InvoiceDocument } from './invoice-document';

/** The invoice with its lines, each with its rating breakdown; a draft says it is one. */
export function jsonExport({ invoice, lines }: InvoiceDocument): string {
  const money = (minor: number) => formatMinor(minor, invoice.currency);
  return JSON.stringify({
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
    lines: lines.map((line) => ({
      lineNumber: line.line_number,
      lineItemId: line.line_item_id,
      callId: line.call_id,
      startTime: isoTime(line.start_time_ms),
      extension: line.extension,
      dialedNumber: line.dialed_number,
      normalizedNumber: line.normalized_number,
      destinationClass: line.destination_class,
      talkSeconds: line.talk_seconds,
      billedSeconds: line.billed_seconds,
      calls: line.calls,
      description: line.description,
      ratedAmount: money(line.rated_amount_minor),
      ratedTax: money(line.rated_tax_minor),
      adjustment: money(line.adjustment_minor),
      amount: money(line.amount_minor),
      taxes: (
        JSON.parse(line.taxes_json) as { name: string; ratePercent: string; amountMinor: number }[]
      ).map((tax) => ({
        name: tax.name,
        ratePercent: tax.ratePercent,
        amount: money(tax.amountMinor),
      })),
      tax: money(line.tax_minor),
      total: money(line.total_minor),
      breakdown: JSON.parse(line.breakdown_json) as unknown,
    })),
  });
}
