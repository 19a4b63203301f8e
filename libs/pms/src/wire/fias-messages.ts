import type { FiasDateTime, GuestRecord, PostingAnswer, PostingRequest } from '../link/link-types';
import { FiasRecord, FiasRecordError } from './fias-record';
import { isFiasDate, isFiasTime } from './fias-time';

/** What a reader makes of a record: the value, or why the record cannot be used. */
export type FiasRead<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** `IF` in our `LD`: CA, call accounting. */
export const INTERFACE_FAMILY = 'CA';
export const MAX_POSTING_NUMBER = 99_999_999;
/** `DU` has two digits of hours: 99:59:59 is the longest duration it can say. */
export const MAX_DURATION_SECONDS = 99 * 3600 + 59 * 60 + 59;
const MAX_DIGITS = 20;
const MAX_CLEAR_TEXT = 20;

/** What a field value cannot hold: the separator and control characters. */
// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\x00-\x1f\x7f|]/;
const EVERY_UNWRITABLE = new RegExp(UNWRITABLE.source, 'g');

const stamp = (now: FiasDateTime) => ({ DA: now.date, TI: now.time });

/** `LS`: link start. */
export function linkStart(now: FiasDateTime): FiasRecord {
  return { type: 'LS', fields: stamp(now) };
}

/** `LA`: link alive, the end of our link start and the PMS's answer to it and to `LS`. */
export function linkAlive(now: FiasDateTime): FiasRecord {
  return { type: 'LA', fields: stamp(now) };
}

/** `LE`: link end. */
export function linkEnd(now: FiasDateTime): FiasRecord {
  return { type: 'LE', fields: stamp(now) };
}

/** `LD`: who we are: our version and the interface family (call accounting). */
export function linkDescription(now: FiasDateTime, version: string): FiasRecord {
  return { type: 'LD', fields: { ...stamp(now), 'V#': version, IF: INTERFACE_FAMILY } };
}

/**
 * The records this link sends or reads, each with the fields it uses, in the order of our `LR`s:
 * postings and their answers, guests (check-in, check-out, change with `RO` for a room move, `SF`
 * on resync records), the database resync (`DR` request, `DS`/`DE` around its `GI`s) and the
 * night audit (`NS`/`NE`), which the PMS sends only to an interface that asked for them.
 */
export const LINK_RECORD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  PS: ['RN', 'G#', 'PT', 'TA', 'DD', 'DU', 'DA', 'TI', 'P#', 'CT'],
  PA: ['AS', 'P#', 'RN', 'DA', 'TI', 'CT'],
  GI: ['RN', 'G#', 'GN', 'GS', 'GA', 'GD', 'SF', 'DA', 'TI'],
  GO: ['RN', 'G#', 'GS', 'SF', 'DA', 'TI'],
  GC: ['RN', 'G#', 'GN', 'GS', 'GA', 'GD', 'RO', 'DA', 'TI'],
  DR: ['DA', 'TI'],
  DS: ['DA', 'TI'],
  DE: ['DA', 'TI'],
  NS: ['DA', 'TI'],
  NE: ['DA', 'TI'],
};

/** One `LR|RI<record>|FL<field ids>|` per record type this link uses. */
export function linkRecords(): FiasRecord[] {
  return Object.entries(LINK_RECORD_FIELDS).map(([type, fields]) => ({
    type: 'LR',
    fields: { RI: type, FL: fields.join('') },
  }));
}

/** Our side of a link start: `LD`, each `LR`, `LA`. */
export function linkDescriptionRecords(now: FiasDateTime, version: string): FiasRecord[] {
  return [linkDescription(now, version), ...linkRecords(), linkAlive(now)];
}

/** `DR`: ask the PMS for every guest in house (`DS`, a `GI` per guest, `DE`). */
export function databaseResync(now: FiasDateTime): FiasRecord {
  return { type: 'DR', fields: stamp(now) };
}

/** `DU`: seconds as `HHMMSS`; negative counts as 0, beyond 99:59:59 as 99:59:59. */
export function fiasDuration(seconds: number): string {
  const whole = Math.min(MAX_DURATION_SECONDS, Math.max(0, Math.floor(seconds) || 0));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(whole / 3600))}${two(Math.floor(whole / 60) % 60)}${two(whole % 60)}`;
}

/** `DD`: the digits alone (no `+`, spaces or letters), the first 20. */
export function fiasDialedDigits(dialed: string): string {
  return dialed.replace(/\D/g, '').slice(0, MAX_DIGITS);
}

/** `CT`: no `|` or control characters (each becomes a space), trimmed, the first 20. */
export function fiasClearText(text: string): string {
  return text.replace(EVERY_UNWRITABLE, ' ').trim().slice(0, MAX_CLEAR_TEXT).trimEnd();
}

export function isPostingNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_POSTING_NUMBER;
}

/**
 * `PS` for a charge we priced (posting type `C`). `TA` is the amount in minor units, `-250` for
 * a correction. Throws FiasRecordError for what cannot be written: a `P#` outside 1–99999999, an
 * amount that is not a whole number of minor units, an empty room or one holding a separator, a
 * start that is not `YYMMDD`/`HHMMSS`.
 */
export function postingSimple(request: PostingRequest): FiasRecord {
  const { postingNumber, room, amountMinor, start } = request;
  if (!isPostingNumber(postingNumber)) {
    throw new FiasRecordError(`PS: P# ${postingNumber} is not a whole number in 1–99999999`);
  }
  if (!Number.isSafeInteger(amountMinor)) {
    throw new FiasRecordError(`PS ${postingNumber}: TA ${amountMinor} is not whole minor units`);
  }
  if (room.trim() === '' || UNWRITABLE.test(room)) {
    throw new FiasRecordError(`PS ${postingNumber}: room "${room}" cannot be written as RN`);
  }
  if (!isFiasDate(start.date) || !isFiasTime(start.time)) {
    throw new FiasRecordError(
      `PS ${postingNumber}: start ${start.date} ${start.time} is not YYMMDD HHMMSS`,
    );
  }
  const fields: Record<string, string> = {
    RN: room.trim(),
    PT: 'C',
    TA: String(amountMinor),
    DD: fiasDialedDigits(request.dialedDigits),
    DU: fiasDuration(request.durationSeconds),
    DA: start.date,
    TI: start.time,
    'P#': String(postingNumber),
  };
  const reservation = request.reservation?.trim() ?? '';
  if (reservation !== '') {
    if (UNWRITABLE.test(reservation)) {
      throw new FiasRecordError(
        `PS ${postingNumber}: reservation "${reservation}" cannot be written as G#`,
      );
    }
    fields['G#'] = reservation;
  }
  const clearText = request.clearText === undefined ? '' : fiasClearText(request.clearText);
  if (clearText !== '') fields.CT = clearText;
  return { type: 'PS', fields };
}

const nonEmpty = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value.trim();

/** A `PA`: needs `P#` (1–99999999) and `AS`; `RN` and `CT` when the PMS gives them. */
export function readPostingAnswer(record: FiasRecord): FiasRead<PostingAnswer> {
  if (record.type !== 'PA') return { ok: false, error: `${record.type} is not a PA` };
  const number = nonEmpty(record.fields['P#']);
  const status = nonEmpty(record.fields.AS);
  const missing = [number === null && 'P#', status === null && 'AS'].filter(Boolean);
  if (missing.length > 0) return { ok: false, error: `PA without ${missing.join(', ')}` };
  const postingNumber = /^\d{1,8}$/.test(number!) ? Number(number) : NaN;
  if (!isPostingNumber(postingNumber)) {
    return { ok: false, error: `PA with P# "${number}", not a number in 1–99999999` };
  }
  return {
    ok: true,
    value: {
      postingNumber,
      status: status!.toUpperCase(),
      room: nonEmpty(record.fields.RN),
      clearText: nonEmpty(record.fields.CT),
      raw: record,
    },
  };
}

const GUEST_KINDS: Readonly<Record<string, GuestRecord['kind']>> = {
  GI: 'check-in',
  GO: 'check-out',
  GC: 'guest-change',
};

/**
 * A `GI`, `GO` or `GC`: needs `RN` and `G#`. `DA`/`TI` count only as a pair of valid values;
 * `GS` `Y` marks a sharer. `resync` says whether it came between `DS` and `DE`.
 */
export function readGuest(record: FiasRecord, resync: boolean): FiasRead<GuestRecord> {
  const kind = GUEST_KINDS[record.type];
  if (kind === undefined) return { ok: false, error: `${record.type} is not a guest record` };
  const { fields } = record;
  const room = nonEmpty(fields.RN);
  const reservation = nonEmpty(fields['G#']);
  const missing = [room === null && 'RN', reservation === null && 'G#'].filter(Boolean);
  if (missing.length > 0)
    return { ok: false, error: `${record.type} without ${missing.join(', ')}` };
  const date = fields.DA ?? '';
  const time = fields.TI ?? '';
  const dateOf = (value: string | undefined) => {
    const text = nonEmpty(value);
    return text !== null && isFiasDate(text) ? text : null;
  };
  return {
    ok: true,
    value: {
      kind,
      room: room!,
      reservation: reservation!,
      guestName: nonEmpty(fields.GN),
      sharer: fields.GS?.trim().toUpperCase() === 'Y',
      at: isFiasDate(date) && isFiasTime(time) ? { date, time } : null,
      arrivalDate: dateOf(fields.GA),
      departureDate: dateOf(fields.GD),
      oldRoom: nonEmpty(fields.RO),
      resync,
      raw: record,
    },
  };
}
