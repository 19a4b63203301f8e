import type { FiasCharset } from '../wire/charset';
import type { FiasRecord } from '../wire/fias-record';

/**
 * Where a link is: `connecting` (TCP connect and the link start), `linked` (the PMS answered our
 * `LA`: postings may go), `down` (no connection; a reconnect is scheduled), `resync` (between the
 * PMS's `DS` and `DE`: no postings), `night-audit` (between `NS` and `NE`, or after a `PA` with
 * `AS` `NA`: no postings).
 */
export const LINK_STATES = ['connecting', 'linked', 'down', 'resync', 'night-audit'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** A local date and time as FIAS writes them: `YYMMDD`, `HHMMSS`. */
export interface FiasDateTime {
  readonly date: string;
  readonly time: string;
}

/** One charge to post (`PS`, posting type `C`: a charge we priced). */
export interface PostingRequest {
  /** `P#`: 1–99999999, fixed before the first send, the same on every resend. */
  readonly postingNumber: number;
  /** `RN` */
  readonly room: string;
  /**
   * `G#`: the guest's reservation, so that the PMS posts to that folio (the room's current guest
   * otherwise); how a late charge reaches a guest who has left.
   */
  readonly reservation?: string;
  /** `TA`, minor units of the PMS's currency; negative for a correction. */
  readonly amountMinor: number;
  /** `DD`: digits only, at most 20 (the link cuts and cleans). */
  readonly dialedDigits: string;
  /** `DU` as seconds (written `HHMMSS`). */
  readonly durationSeconds: number;
  /** `DA`/`TI`: the call's local start. */
  readonly start: FiasDateTime;
  /** `CT`: at most 20 characters (the link cuts and cleans). */
  readonly clearText?: string;
}

/** The PMS's `PA` for the posting in flight. */
export interface PostingAnswer {
  readonly postingNumber: number;
  /** `AS`: `OK`, `RY`, `NA`, `NG`, `NP`, `UR`, `DN`, `CO`, `IA`, or whatever else the PMS sent. */
  readonly status: string;
  readonly room: string | null;
  /** `CT`: the PMS's reason, when it gives one. */
  readonly clearText: string | null;
  /** The record as received, for an exception's detail. */
  readonly raw: FiasRecord;
}

/** A guest record: `GI` check-in (also each guest of a resync), `GO` check-out, `GC` change. */
export interface GuestRecord {
  readonly kind: 'check-in' | 'check-out' | 'guest-change';
  /** `RN`: the room (after a move, the new one). */
  readonly room: string;
  /** `G#`: the reservation number. */
  readonly reservation: string;
  /** `GN` (null when the record has none: `GO`, a `GC` not renaming). */
  readonly guestName: string | null;
  /** `GS` `Y`: a sharer; `N` or absent: the primary guest. */
  readonly sharer: boolean;
  /** `DA`/`TI`, when the record has them. */
  readonly at: FiasDateTime | null;
  /** `GA`: arrival date (`YYMMDD`), on resync records especially. */
  readonly arrivalDate: string | null;
  /** `GD`: expected departure date (`YYMMDD`). */
  readonly departureDate: string | null;
  /** `RO`: on a `GC`, the room the guest moved from. */
  readonly oldRoom: string | null;
  /** True for the `GI`s between `DS` and `DE`. */
  readonly resync: boolean;
  readonly raw: FiasRecord;
}

/** How a posting attempt ended without a `PA`. */
export class PostingNotAnswered extends Error {
  constructor(
    readonly postingNumber: number,
    readonly reason: 'timeout' | 'link-down' | 'stopped',
  ) {
    super(`posting ${postingNumber} not answered: ${reason}`);
  }
}

/**
 * A posting that was not sent: the link is not linked, is in a resync or the night audit, or
 * another posting is in flight. Nothing went to the PMS; wait for `whenReady()` and send it again.
 */
export class PostingNotSent extends Error {
  constructor(
    readonly postingNumber: number,
    readonly state: LinkState,
    readonly why: string,
  ) {
    super(`posting ${postingNumber} not sent: ${why}`);
  }
}

export interface FiasLinkOptions {
  readonly host: string;
  readonly port: number;
  readonly charset: FiasCharset;
  /** How long to wait for a `PA` (at least 30 s in production). */
  readonly answerTimeoutMs: number;
  /** Silence after which we send `LS` to check the link (at most 300 s). */
  readonly aliveIntervalMs: number;
  /** Our version in `LD`'s `V#`. */
  readonly interfaceVersion: string;
  /** The hotel's zone, for the `DA`/`TI` of link records (default: the process's zone). */
  readonly timeZone?: string;
  /** How long to wait after connecting for the PMS's `LS` before sending ours (default 3 s). */
  readonly linkStartWaitMs?: number;
  /** The first reconnect's delay (default 1 s); each failed attempt doubles it. */
  readonly reconnectMinMs?: number;
  /** The longest delay between reconnects (default 60 s). */
  readonly reconnectMaxMs?: number;
}

/** What a link tells its owner. */
export interface FiasLinkEvents {
  state: [state: LinkState];
  /** Any record received (after the link handled it), for `lastHeardAt` and logs. */
  heard: [at: number];
  guest: [record: GuestRecord];
  /** `DS`: a resync began; its `GI`s follow with `resync: true`. */
  'resync-start': [];
  /** `DE`: the resync ended; every guest in house has been sent. */
  'resync-end': [];
  /** A line for the service's log: what happened on the link, never a secret. */
  log: [level: 'debug' | 'log' | 'warn' | 'error', message: string];
}
