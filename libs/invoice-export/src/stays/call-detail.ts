import type { Stay } from '@app/ledger';
import type { Issuer } from '../invoices/issuer';

export const CALL_DETAIL_FORMATS = ['pdf', 'csv'] as const;
export type CallDetailFormat = (typeof CALL_DETAIL_FORMATS)[number];

/** One posted charge of a guest's stay, as the guest reads it at check-out. */
export interface CallDetailLine {
  /** The posting's id: rows in call order, then posting order. */
  postingId: number;
  startTimeMs: number;
  room: string;
  /** The number as dialled (international form when rating normalised it). */
  number: string;
  talkSeconds: number;
  /** What the folio was charged, taxes included; negative for a correction. */
  amountMinor: number;
  currency: string;
}

/**
 * A stay's call detail (docs/invoices.md): the calls posted to a guest's folio over the stay and
 * the reservation's other stays (a room move), in call order, with the hotel that prints it.
 */
export interface CallDetail {
  /** The stay asked for. */
  stay: Stay;
  /** The reservation's stays, oldest first (the asked one among them). */
  stays: Stay[];
  issuer: Issuer | null;
  /** The zone the hotel's wall clock reads in (its source's). */
  timezone: string;
  lines: CallDetailLine[];
  /** Fixed by what is shown (the last posting), so that every export is the same bytes. */
  asOfMs: number;
}

/** The lines' totals, one a currency, in the order they first appear. */
export function totalsOf(lines: readonly CallDetailLine[]): [currency: string, minor: number][] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amountMinor);
  }
  return [...totals];
}

/** `stay-48213-1012`: the file's name, by reservation and room. */
export function callDetailFileName(detail: CallDetail, format: CallDetailFormat): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_');
  return `stay-${safe(detail.stay.reservation)}-${safe(detail.stay.room)}.${format}`;
}
