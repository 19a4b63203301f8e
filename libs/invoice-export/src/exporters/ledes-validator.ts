import { LEDES_FIELDS } from './ledes-exporter';

const MONEY = /^-?\d+\.\d{2}$/;
const cents = (text: string) => {
  const negative = text.startsWith('-');
  const [whole, fraction] = text.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction);
  return negative ? -value : value;
};
const index = (name: (typeof LEDES_FIELDS)[number]) => LEDES_FIELDS.indexOf(name);

function isDay(text: string): boolean {
  if (!/^\d{8}$/.test(text)) return false;
  const [y, m, d] = [text.slice(0, 4), text.slice(4, 6), text.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks a LEDES 1998B file as an e-billing portal would: the header lines, 24 fields a line,
 * `[]` and CRLF ending each (the last one too), plain ASCII, YYYYMMDD dates, type E and code
 * E105, amounts with two decimals, units x unit cost + adjustment = line total, a timekeeper's
 * name or classification only with its id, INVOICE_TOTAL = the sum of the line totals on every
 * line. Returns what is wrong, one sentence each; none is a valid file.
 */
export function validateLedes(text: string): string[] {
  const problems: string[] = [];
  if (/[^\x20-\x7e\r\n]/.test(text)) problems.push('the file is not plain ASCII');
  if (!text.endsWith('\r\n')) problems.push('the last line does not end in CRLF');
  const lines = text.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop(); // what follows the last line's CRLF
  if (lines.some((line) => /[\r\n]/.test(line))) problems.push('a line break other than CRLF');
  if (lines[0] !== 'LEDES1998B[]') problems.push('line 1 is not LEDES1998B[]');
  if (lines[1] !== `${LEDES_FIELDS.join('|')}[]`) problems.push('line 2 is not the 24 field names');
  const rows = lines.slice(2);
  if (rows.length === 0) problems.push('no line items');
  let sum = 0;
  const invoiceTotals = new Set<string>();
  for (const [k, row] of rows.entries()) {
    const at = `line ${k + 3}`;
    if (!row.endsWith('[]')) {
      problems.push(`${at} does not end in []`);
      continue;
    }
    const body = row.slice(0, -2);
    if (body.includes('[]')) problems.push(`${at} has [] inside`);
    const fields = body.split('|');
    if (fields.length !== LEDES_FIELDS.length) {
      problems.push(`${at} has ${fields.length} fields, not ${LEDES_FIELDS.length}`);
      continue;
    }
    const field = (name: (typeof LEDES_FIELDS)[number]) => fields[index(name)];
    for (const name of [
      'INVOICE_DATE',
      'BILLING_START_DATE',
      'BILLING_END_DATE',
      'LINE_ITEM_DATE',
    ] as const) {
      if (!isDay(field(name))) problems.push(`${at}: ${name} ${field(name)} is not YYYYMMDD`);
    }
    if (field('EXP/FEE/INV_ADJ_TYPE') !== 'E') problems.push(`${at}: type is not E`);
    if (field('LINE_ITEM_EXPENSE_CODE') !== 'E105')
      problems.push(`${at}: expense code is not E105`);
    for (const name of ['INVOICE_TOTAL', 'LINE_ITEM_TOTAL', 'LINE_ITEM_UNIT_COST'] as const) {
      if (!MONEY.test(field(name))) problems.push(`${at}: ${name} ${field(name)} is not an amount`);
    }
    const adjustment = field('LINE_ITEM_ADJUSTMENT_AMOUNT');
    if (adjustment !== '0' && !MONEY.test(adjustment)) {
      problems.push(`${at}: LINE_ITEM_ADJUSTMENT_AMOUNT ${adjustment} is not an amount`);
    }
    const units = Number(field('LINE_ITEM_NUMBER_OF_UNITS'));
    if (!Number.isInteger(units) || units < 1) problems.push(`${at}: units is not a whole number`);
    const total = cents(field('LINE_ITEM_TOTAL'));
    const adjust = adjustment === '0' ? 0 : cents(adjustment);
    if (units * cents(field('LINE_ITEM_UNIT_COST')) + adjust !== total) {
      problems.push(`${at}: units x unit cost + adjustment is not the line total`);
    }
    if (!field('LAW_FIRM_ID')) problems.push(`${at}: LAW_FIRM_ID is empty`);
    if (
      (field('TIMEKEEPER_NAME') || field('TIMEKEEPER_CLASSIFICATION')) &&
      !field('TIMEKEEPER_ID')
    ) {
      problems.push(`${at}: a timekeeper is named without a TIMEKEEPER_ID`);
    }
    sum += total;
    invoiceTotals.add(field('INVOICE_TOTAL'));
  }
  if (invoiceTotals.size > 1) problems.push('INVOICE_TOTAL differs between lines');
  const [invoiceTotal] = invoiceTotals;
  if (invoiceTotal !== undefined && MONEY.test(invoiceTotal) && cents(invoiceTotal) !== sum) {
    problems.push(`INVOICE_TOTAL ${invoiceTotal} is not the sum of the line totals`);
  }
  return problems;
}
