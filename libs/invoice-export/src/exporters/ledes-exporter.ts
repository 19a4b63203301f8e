import { withoutControlCharacters } from '@app/common';
import { AccountCodes, RatePlanDocument } from '@app/rating';
import { currencyExponent, formatMinor, formatScaled } from '@app/money';
import type { InvoiceDocument } from './invoice-document';
import { ZonedTime } from './zoned-time';

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

/** Printable ASCII but `[`, `]` and `|`. */
const LEDES_SAFE = /^[\x20-\x5a\x5c\x5e-\x7b\x7d\x7e]*$/;

/**
 * A field as LEDES allows it: plain ASCII (accents dropped, anything else `?`), and no `|`,
 * `[` or `]` or line break, which would end the field or the line early: those are spaces.
 * Control and format characters are dropped (decision 0015).
 */
export function ledesText(value: string | null): string {
  if (value === null) return '';
  if (LEDES_SAFE.test(value)) return value; // already plain (most fields): nothing to change
  return withoutControlCharacters(value.normalize('NFKD'))
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[|[\]]/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** Money with exactly two decimals, whatever the currency's minor unit. */
function amount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 2) return formatMinor(minor, currency);
  const units = exponent <= 2 ? BigInt(minor) * 10n ** BigInt(2 - exponent) : BigInt(minor);
  return formatScaled(units, Math.max(2, exponent), 2);
}

/**
 * An invoice's client and matter (LEDES CLIENT_ID and LAW_FIRM_MATTER_ID, a disbursement file's
 * columns): the `client` and `matter` groups of the plan's account-code pattern matched against
 * the invoice's account (not a line's rating, which an `assign` may have left naming another
 * account), else the whole code.
 */
export function clientAndMatter(
  plan: RatePlanDocument | null,
  account: string,
): { client: string; matter: string } {
  const resolved =
    plan?.billingAccount.by === 'accountCode'
      ? new AccountCodes(plan.billingAccount.pattern).resolve(account)
      : null;
  return resolved?.kind === 'billed'
    ? { client: resolved.client ?? account, matter: resolved.matter ?? account }
    : { client: account, matter: account };
}

/** LAW_FIRM_ID, the firm's tax id: the plan's `ledes.lawFirmId`, else a law firm's own. */
export function ledesLawFirmId({ plan, issuer }: InvoiceDocument): string | null {
  return plan?.ledes?.lawFirmId ?? (issuer.kind === 'law-firm' ? issuer.taxId : null) ?? null;
}

/**
 * LEDES 1998B (docs/exports.md): line 1 `LEDES1998B[]`, line 2 the 24 field names, a line per
 * invoice line (TIMEKEEPER_ID the line's timekeeper, else its extension; TIMEKEEPER_NAME and
 * TIMEKEEPER_CLASSIFICATION the timekeeper's, empty without one); `|` between fields, `[]` and CRLF ending every line, the last one too (a
 * portal's line reader may drop a last line without its line end). What refuses a LEDES export
 * (a hotel's invoice, no firm id) is `exportRefusal`'s, checked before this is called; the
 * lines are written a page at a time.
 */
export function ledesExport(document: InvoiceDocument): AsyncIterable<string> {
  const { invoice, plan } = document;
  const lawFirmId = ledesLawFirmId(document);
  if (!plan || !lawFirmId || invoice.finalizedAtMs === null || invoice.number === null) {
    throw new Error(`Invoice ${invoice.id} is written as LEDES only after exportRefusal passed it`);
  }
  return ledesLines(document, plan, invoice.finalizedAtMs, ledesText(lawFirmId));
}

async function* ledesLines(
  { invoice, pages, linesTotalMinor }: InvoiceDocument,
  plan: RatePlanDocument,
  invoiceDateMs: number,
  lawFirmId: string,
): AsyncIterable<string> {
  const time = new ZonedTime(invoice.timezone);
  const money = (minor: number) => amount(minor, invoice.currency);
  const account = ledesText(invoice.billingAccount);
  const { client, matter } = clientAndMatter(plan, invoice.billingAccount);
  const invoiceFields = [
    time.yyyymmdd(invoiceDateMs),
    ledesText(invoice.number),
    ledesText(client),
    ledesText(matter),
    money(linesTotalMinor),
    time.yyyymmdd(invoice.periodStartMs),
    time.yyyymmdd(invoice.periodEndMs - 1), // the last day included
    ledesText(plan.ledes?.invoiceDescription ?? 'Telephone charges'),
  ].join('|');
  yield `LEDES1998B[]\r\n${LEDES_FIELDS.join('|')}[]`;
  for await (const page of pages([
    'lineNumber',
    'adjustmentMinor',
    'totalMinor',
    'startTimeMs',
    'extension',
    'description',
    'ratedTotalMinor',
    'timekeeperId',
    'timekeeperName',
    'timekeeperClassification',
  ])) {
    let text = '';
    for (const line of page) {
      text += `\r\n${invoiceFields}|${line.lineNumber}|E|1|${
        line.adjustmentMinor === 0 ? '0' : money(line.adjustmentMinor)
      }|${money(line.totalMinor)}|${time.yyyymmdd(line.startTimeMs)}||E105||${ledesText(
        line.timekeeperId ?? line.extension,
      )}|${ledesText(line.description)}|${lawFirmId}|${money(line.ratedTotalMinor)}|${ledesText(
        line.timekeeperName,
      )}|${ledesText(line.timekeeperClassification)}|${account}[]`;
    }
    yield text;
  }
  yield '\r\n';
}
