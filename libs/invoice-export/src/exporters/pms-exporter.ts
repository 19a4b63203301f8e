import { DateTime } from 'luxon';
import { DomainError } from '@app/common';
import type { InvoiceDocument } from './invoice-document';

/** P# holds at most 8 digits. */
const MAX_POSTING = 99_999_999;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `HHMMSS` of a duration. */
function hms(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600), 2)}${pad(Math.floor((seconds % 3600) / 60), 2)}${pad(seconds % 60, 2)}`;
}

/** A FIAS field value: the separator and line breaks would end the record early. */
const fias = (value: string) => value.replace(/[|\r\n]/g, ' ');

/**
 * Folio postings for a hotel's PMS (exports.md): a FIAS `PS` record per line, `PTC` (we rate,
 * the PMS posts the amount as is). `P#` is the line item's id: unique, and the same for the
 * same call in every export, so that a PMS can refuse a repeat.
 */
export function pmsExport({ invoice, lines }: InvoiceDocument, roomPrefix: string): string {
  const room =
    roomPrefix && invoice.billing_account.startsWith(roomPrefix)
      ? invoice.billing_account.slice(roomPrefix.length)
      : invoice.billing_account;
  return lines
    .map((line) => {
      if (line.line_item_id > MAX_POSTING) {
        throw new DomainError(
          'conflict',
          `Line item ${line.line_item_id} has an id too long for a FIAS posting number (8 digits)`,
        );
      }
      const start = DateTime.fromMillis(line.start_time_ms, { zone: invoice.timezone });
      const digits = line.normalized_number ?? (line.dialed_number ?? '').replace(/\D/g, '');
      return [
        'PS',
        `RN${fias(room)}`,
        'PTC',
        `TA${line.total_minor}`,
        `DD${fias(digits)}`,
        `DU${hms(line.talk_seconds)}`,
        `DA${start.toFormat('yyMMdd')}`,
        `TI${start.toFormat('HHmmss')}`,
        `P#${line.line_item_id}`,
        '',
      ].join('|');
    })
    .map((record) => `${record}\r\n`)
    .join('');
}
