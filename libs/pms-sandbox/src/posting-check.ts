import { HotelClock } from './hotel-clock';

/** A `PS` as the sandbox understood it. */
export interface PostingFields {
  readonly postingNumber: number;
  readonly room: string;
  readonly amountMinor: number;
  readonly dialedDigits: string;
  /** `DU` as written (`HHMMSS`) and in seconds. */
  readonly duration: string;
  readonly durationSeconds: number;
  /** `DA`/`TI` as written, and the instant they name in the hotel's zone. */
  readonly date: string;
  readonly time: string;
  readonly startMs: number;
  readonly clearText: string | null;
  /** `G#`, when the client named the reservation. */
  readonly reservation: string | null;
}

export type PostingCheck =
  | { readonly ok: true; readonly posting: PostingFields }
  | { readonly ok: false; readonly problem: string };

const ROOM = /^[A-Za-z0-9]{1,8}$/;
const AMOUNT = /^-?\d{1,12}$/;
const POSTING_NUMBER = /^[1-9]\d{0,7}$/;
const DIGITS = /^\d{1,20}$/;
const DURATION = /^(\d{2})([0-5]\d)([0-5]\d)$/;

/**
 * Checks a `PS` as a PMS would before posting: `RN`, `PT` `C`, `TA`, `P#`, `DA`/`TI`, `DU`, `DD`
 * present and well formed, `CT` at most 20 characters. The problem is short enough for a `CT`.
 */
export function checkPosting(
  fields: Readonly<Record<string, string>>,
  clock: HotelClock,
): PostingCheck {
  const bad = (problem: string): PostingCheck => ({ ok: false, problem });
  const { RN, PT, TA, DD, DU, DA, TI, CT } = fields;
  const number = fields['P#'];
  if (number === undefined || !POSTING_NUMBER.test(number)) return bad('P# missing or bad');
  if (RN === undefined || !ROOM.test(RN)) return bad('RN missing or bad');
  if (PT !== 'C') return bad(PT === undefined ? 'PT missing' : `PT ${PT} not taken`);
  if (TA === undefined || !AMOUNT.test(TA)) return bad('TA missing or bad');
  if (DD === undefined || !DIGITS.test(DD)) return bad('DD missing or bad');
  const duration = DU === undefined ? null : DURATION.exec(DU);
  if (!duration) return bad('DU missing or bad');
  if (DA === undefined || TI === undefined) return bad('DA/TI missing');
  const startMs = clock.instant(DA, TI);
  if (startMs === null) return bad('DA/TI not a date/time');
  if (CT !== undefined && CT.length > 20) return bad('CT over 20 chars');
  const reservation = fields['G#'];
  return {
    ok: true,
    posting: {
      postingNumber: Number(number),
      room: RN,
      amountMinor: Number(TA),
      dialedDigits: DD,
      duration: DU,
      durationSeconds: Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]),
      date: DA,
      time: TI,
      startMs,
      clearText: CT ?? null,
      reservation: reservation === undefined || reservation === '' ? null : reservation,
    },
  };
}
