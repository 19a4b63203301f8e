import { isoTime, localIsoTime } from '@app/common';
import { formatMinor } from '@app/money';
import type { BilledLine } from '@app/ledger';
import { type InvoiceDocument, LINE_FIELDS } from './invoice-document';

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
    billingAccount: invoice.billingAccount,
    periodStart: isoTime(invoice.periodStartMs),
    periodEnd: isoTime(invoice.periodEndMs),
    timezone: invoice.timezone,
    currency: invoice.currency,
    subtotal: money(invoice.subtotalMinor),
    tax: money(invoice.taxMinor),
    total: money(invoice.totalMinor),
    finalizedAt: invoice.finalizedAtMs === null ? null : isoTime(invoice.finalizedAtMs),
    voidedAt: invoice.voidedAtMs === null ? null : isoTime(invoice.voidedAtMs),
    voidReason: invoice.voidReason,
  });
  const line = (row: Pick<BilledLine, (typeof LINE_FIELDS)[number]>) =>
    JSON.stringify({
      lineNumber: row.lineNumber,
      lineItemId: row.lineItemId,
      callId: row.callId,
      startTime: isoTime(row.startTimeMs),
      localStartTime: localIsoTime(row.startTimeMs, invoice.timezone),
      extension: row.extension,
      dialedNumber: row.dialedNumber,
      normalizedNumber: row.normalizedNumber,
      destinationClass: row.destinationClass,
      talkSeconds: row.talkSeconds,
      billedSeconds: row.billedSeconds,
      calls: row.calls,
      description: row.description,
      ratedAmount: money(row.ratedAmountMinor),
      ratedTax: money(row.ratedTaxMinor),
      adjustment: money(row.adjustmentMinor),
      amount: money(row.amountMinor),
      taxes: (
        JSON.parse(row.taxesJson) as { name: string; ratePercent: string; amountMinor: number }[]
      ).map((tax) => ({
        name: tax.name,
        ratePercent: tax.ratePercent,
        amount: money(tax.amountMinor),
      })),
      tax: money(row.taxMinor),
      total: money(row.totalMinor),
      breakdown: JSON.parse(row.breakdownJson) as unknown,
    });
  let separator = `${head.slice(0, -1)},"lines":[`;
  for await (const page of pages(LINE_FIELDS)) {
    yield separator + page.map(line).join(',');
    separator = ',';
  }
  yield separator === ',' ? ']}' : `${separator}]}`;
}
