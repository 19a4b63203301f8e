import { withoutControlCharacters } from '@app/common';
import type { InvoiceDocument } from './invoice-document';
import { ZonedTime } from './zoned-time';

/** P# holds at most 8 digits. */
export const MAX_POSTING = 99_999_999;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `HHMMSS` of a duration. */
function hms(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600), 2)}${pad(Math.floor((seconds % 3600) / 60), 2)}${pad(seconds % 60, 2)}`;
}

/**
 * A FIAS field value: the separator and line breaks would end the record early, and a control
 * character (STX, ETX) would frame another record on the PMS link: none reaches a field.
 */
const fias = (value: string) => withoutControlCharacters(value).replace(/\|/g, ' ');

/**
 * Folio postings for a hotel's PMS (docs/exports.md): a FIAS `PS` record per line, `PTC` (we rate,
 * the PMS posts the amount as is). `P#` is the line item's id: unique, and the same for the
 * same call in every export, so that a PMS can refuse a repeat.
 */
export function pmsExport(document: InvoiceDocument): AsyncIterable<string> {
  // A hotel's invoice, posting numbers of 8 digits at most: exportRefusal checked it.
  return pmsRecords(document);
}

async function* pmsRecords({ invoice, plan, pages }: InvoiceDocument): AsyncIterable<string> {
  const prefix = plan?.billingAccount.by === 'extension' ? (plan.billingAccount.prefix ?? '') : '';
  const account = invoice.billingAccount;
  const room = fias(prefix && account.startsWith(prefix) ? account.slice(prefix.length) : account);
  const time = new ZonedTime(invoice.timezone);
  for await (const page of pages([
    'lineItemId',
    'startTimeMs',
    'dialedNumber',
    'normalizedNumber',
    'talkSeconds',
    'totalMinor',
  ])) {
    let text = '';
    for (const line of page) {
      const start = time.at(line.startTimeMs);
      const digits = line.normalizedNumber ?? (line.dialedNumber ?? '').replace(/\D/g, '');
      text +=
        `PS|RN${room}|PTC|TA${line.totalMinor}|DD${fias(digits)}|DU${hms(line.talkSeconds)}` +
        `|DA${time.date(start, '').slice(2)}|TI${time.time(start, '')}|P#${line.lineItemId}|\r\n`;
    }
    yield text;
  }
}
