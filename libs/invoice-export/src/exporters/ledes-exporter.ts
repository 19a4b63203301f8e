import { DateTime } from 'luxon';
import { DomainError } from '@app/common';
import { currencyExponent, formatScaled } from '@app/rating';
import type { InvoiceDocument } from './invoice-document';

export const LEDES_FIELDS = [
  'INVOICE_DATE',
  'INVOICE_NUMBER',
  'CLIENT_ID',
  'LAW_FIRM_MATTER_ID',
  'INVOICE_TOTAL',
  'BILLING_START_DATE',
  'BILLING_END_DATE',
  'INVOICE_DESCRIPTION',
  'LINE_ITEM_NUMBER',
  'EXP/FEE/INV_ADJ_TYPE',
  'LINE_ITEM_NUMBER_OF_UNITS',
  'LINE_ITEM_ADJUSTMENT_AMOUNT',
  'LINE_ITEM_TOTAL',
  'LINE_ITEM_DATE',
  'LINE_ITEM_TASK_CODE',
  'LINE_ITEM_EXPENSE_CODE',
  'LINE_ITEM_ACTIVITY_CODE',
  'TIMEKEEPER_ID',
  'LINE_ITEM_DESCRIPTION',
  'LAW_FIRM_ID',
  'LINE_ITEM_UNIT_COST',
  'TIMEKEEPER_NAME',
  'TIMEKEEPER_CLASSIFICATION',
  'CLIENT_MATTER_ID',
] as const;

export interface LedesSettings {
  lawFirmId?: string;
  invoiceDescription?: string;
}

/**
 * A field as LEDES allows it: plain ASCII (accents dropped, anything else `?`), and no `|`,
 * `[` or `]` or line break, which would end the field or the line early: those are spaces.
 */
export function ledesText(value: string | null): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[|[\]\r\n\u2028\u2029]/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** Money with exactly two decimals, whatever the currency's minor unit. */
function amount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const units = exponent <= 2 ? BigInt(minor) * 10n ** BigInt(2 - exponent) : BigInt(minor);
  return formatScaled(units, Math.max(2, exponent), 2);
}

/**
 * LEDES 1998B (exports.md): line 1 `LEDES1998B[]`, line 2 the 24 field names, a line per
 * invoice line; `|` between fields, `[]` ending every line, CRLF between lines. Refused (400)
 * without the plan's `ledes.lawFirmId`: e-billing portals reject a file without it.
 */
export function ledesExport(
  { invoice, lines }: InvoiceDocument,
  settings: LedesSettings,
  names: { client: string | null; matter: string | null },
): string {
  if (!settings.lawFirmId) {
    throw DomainError.invalid('export', [
      {
        field: 'ledes.lawFirmId',
        message:
          "the rate plan has no ledes.lawFirmId (the firm's tax id): add it in a new plan version to export LEDES",
      },
    ]);
  }
  if (invoice.finalized_at_ms === null || invoice.number === null) {
    throw new DomainError('conflict', `Invoice ${invoice.id} is not finalized`);
  }
  const zone = invoice.timezone;
  const day = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyyMMdd');
  const money = (minor: number) => amount(minor, invoice.currency);
  const account = invoice.billing_account;
  const total = lines.reduce((sum, line) => sum + line.total_minor, 0);
  const header = [
    day(invoice.finalized_at_ms),
    ledesText(invoice.number),
    ledesText(names.client ?? account),
    ledesText(names.matter ?? account),
    money(total),
    day(invoice.period_start_ms),
    day(invoice.period_end_ms - 1), // the last day included
    ledesText(settings.invoiceDescription ?? 'Telephone charges'),
  ];
  const rows = lines.map((line) =>
    [
      ...header,
      String(line.line_number),
      'E',
      '1',
      line.adjustment_minor === 0 ? '0' : money(line.adjustment_minor),
      money(line.total_minor),
      day(line.start_time_ms),
      '',
      'E105',
      '',
      ledesText(line.extension),
      ledesText(line.description),
      ledesText(settings.lawFirmId!),
      money(line.rated_total_minor),
      '',
      '',
      ledesText(account),
    ].join('|'),
  );
  return [`LEDES1998B[]`, `${LEDES_FIELDS.join('|')}[]`, ...rows.map((row) => `${row}[]`)].join(
    '\r\n',
  );
}
