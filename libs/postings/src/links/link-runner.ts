import { Logger } from '@nestjs/common';
import { Actor, Clock, SYSTEM_ACTOR } from '@app/common';
import {
  AuditEventStore,
  Ledger,
  LedgerTx,
  PmsLink,
  PostingAnswerRecord,
  PostingStore,
  PostingToSend,
  Stay,
  StayStore,
} from '@app/ledger';
import {
  FiasLink,
  fiasDateTime,
  FiasRecordError,
  GuestRecord,
  LinkState,
  PostingAnswer,
  PostingNotAnswered,
  PostingNotSent,
  recordText,
} from '@app/pms';
import { reasonText } from '../postings/exception-reasons';
import { dayStartOf, instantOf } from './fias-time';

/** What a runner needs of the service around it. */
export interface LinkRunnerDeps {
  readonly ledger: Ledger;
  readonly postings: PostingStore;
  readonly stays: StayStore;
  readonly audit: AuditEventStore;
  readonly clock: Clock;
  /** Makes the link's connection (tests give a link of their own). */
  readonly connect: (link: PmsLink, zone: string) => FiasLink;
  /** How often an idle sender looks for new postings (a sync in another process writes them). */
  readonly idlePollMs: number;
  /**
   * In the transaction that claims a posting: whether this runner's instance still holds the
   * link (its lease, renewed there). False: another instance runs the link now, and nothing is
   * claimed here.
   */
  readonly fence?: (tx: LedgerTx, nowMs: number) => Promise<boolean>;
}

/** A posting marked in flight, and the room its `PS` goes to. */
interface Claimed {
  readonly posting: PostingToSend;
  readonly room: string;
}

const PMS_ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'pms-link' };

/** `RY`: the PMS asks us to try again later; the wait grows with each attempt, to 5 minutes. */
const retryDelayMs = (attempts: number) =>
  Math.min(300_000, 5_000 * 2 ** Math.max(0, attempts - 1));

/**
 * One PMS link at work: its connection (a `FiasLink`), the sender that posts its queue one
 * `PS` at a time, oldest first, and the guest records that keep its stays. Every answer is
 * recorded in the transaction that marks the posting (and the line item, when posted); a posting
 * is marked in flight before its `PS` goes, so that after a crash the same `P#` goes first.
 */
export class LinkRunner {
  private readonly logger: Logger;
  private readonly fias: FiasLink;
  private readonly stopping = new AbortController();
  private sender: Promise<void> | undefined;
  /** Guest records are written one after another, in the order the PMS sent them. */
  private guestWrites: Promise<void> = Promise.resolve();
  /** The reservations a resync named, between its `DS` and `DE`. */
  private resyncSeen: Set<string> | null = null;
  private wakeSender: (() => void) | undefined;
  /** A resync asked for while the link was not up: sent when it is. */
  private resyncWanted = false;
  /** Whether this runner has asked a PMS that told it of no stay for its guests. */
  private askedForGuests = false;
  private lastState: LinkState = 'down';

  constructor(
    readonly link: PmsLink,
    /** The zone of the hotel's wall clock (its sources'), for the PMS's local times. */
    private readonly zone: string,
    private readonly deps: LinkRunnerDeps,
  ) {
    this.logger = new Logger(`PmsLink ${link.id}`);
    this.fias = deps.connect(link, zone);
    this.fias.on('log', (level, message) => this.logger[level](message));
    this.fias.on('state', (state) => {
      this.logger.log(`${link.name}: ${state}`);
      // Linked after a link start (not back from a resync or a night audit).
      if (state === 'linked' && this.lastState === 'connecting') this.onLinked();
      this.lastState = state;
      this.wake();
    });
    this.fias.on('guest', (guest) => this.queueGuestWrite(() => this.onGuest(guest)));
    this.fias.on('resync-start', () =>
      this.queueGuestWrite(() => {
        this.resyncSeen = new Set();
        return Promise.resolve();
      }),
    );
    this.fias.on('resync-end', () => this.queueGuestWrite(() => this.endResync()));
  }

  get state(): LinkState {
    return this.fias.state;
  }

  get lastHeardAtMs(): number | null {
    return this.fias.lastHeardAt;
  }

  /** Connects, posts what waits (and what was rated before the link last ran), and goes on. */
  async start(): Promise<void> {
    const made = await this.deps.ledger.transaction((tx) =>
      this.deps.postings.enqueue(
        tx,
        { linkId: this.link.id, sinceMs: this.link.createdAtMs },
        this.deps.clock.now(),
      ),
    );
    if (made > 0) this.logger.log(`${made} charges queued for posting since the link last ran`);
    this.fias.start();
    this.sender = this.send().catch((error: Error) =>
      this.logger.error(`The sender stopped: ${error.message}`),
    );
  }

  /** Stops sending and closes the connection; what is queued stays queued. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake();
    await this.fias.stop();
    await this.sender;
    await this.guestWrites;
  }

  /** Asks the PMS for every guest in house (`DR`), now or as soon as the link is up. */
  requestResync(): void {
    this.resyncWanted = !this.fias.requestResync();
  }

  /**
   * A link that knows no stay yet (its first link) asks for the guests in house once; so does
   * one whose resync was asked for while it was down. Never on every connect.
   */
  private onLinked(): void {
    if (this.resyncWanted) {
      this.requestResync();
      return;
    }
    if (this.askedForGuests) return;
    this.askedForGuests = true;
    void this.deps.stays.anyFor(this.link.id).then((known) => {
      if (!known && !this.stopping.signal.aborted) {
        this.logger.log(`${this.link.name}: no stay known yet, asking the PMS for its guests`);
        this.requestResync();
      }
    });
  }

  /** New postings may wait: look now rather than at the next poll. */
  wake(): void {
    this.wakeSender?.();
  }

  private async send(): Promise<void> {
    const signal = this.stopping.signal;
    let next: Claimed | null = null;
    while (!signal.aborted) {
      if (!next) {
        try {
          await this.fias.whenReady(signal);
        } catch {
          return;
        }
        if (signal.aborted) return;
        const now = this.deps.clock.now();
        next = await this.deps.ledger.preparedTransaction((tx) => this.claim(tx, now));
        if (!next) {
          const waitEnd = await this.deps.postings.nextWaitEnd(this.link.id);
          const wait = waitEnd === null ? this.deps.idlePollMs : waitEnd - now;
          await this.pause(Math.max(10, Math.min(wait, this.deps.idlePollMs)));
          continue;
        }
      }
      next = await this.sendOne(next);
    }
  }

  /**
   * In `tx`: the next posting that may go, marked in flight to the room it goes to (before its
   * `PS` is written); null when none may go now. One with nowhere to go becomes an exception on
   * the way. Read in the transaction, the queue holds no other transaction's uncommitted work.
   */
  private async claim(tx: LedgerTx, now: number): Promise<Claimed | null> {
    if (this.deps.fence && !(await this.deps.fence(tx, now))) return null;
    for (;;) {
      const posting = await this.deps.postings.nextToSend(tx, this.link.id, now);
      if (!posting) return null;
      const room = this.roomFor(posting);
      if (typeof room === 'string') {
        await this.deps.postings.markSent(tx, posting.id, room, now);
        return { posting, room };
      }
      await this.except(tx, posting, room.reason, null, now);
    }
  }

  /**
   * Sends a claimed posting and records its answer. While the link stands, the transaction that
   * records the answer also claims the next posting (one commit a posting rather than two);
   * it is returned, to be sent at once.
   */
  private async sendOne({ posting, room }: Claimed): Promise<Claimed | null> {
    let answer: PostingAnswer;
    try {
      answer = await this.fias.post({
        postingNumber: posting.postingNumber,
        room,
        reservation: posting.stay?.reservation,
        amountMinor: posting.amountMinor,
        dialedDigits: (posting.dialedNumber ?? '').replace(/\D/g, ''),
        durationSeconds: posting.talkSeconds,
        start: fiasDateTime(posting.startTimeMs, posting.timezone),
      });
    } catch (error) {
      if (error instanceof PostingNotAnswered || error instanceof PostingNotSent) {
        // Still in flight: it goes first, with its P#, once the link stands again.
        const why = error instanceof PostingNotAnswered ? error.reason : error.message;
        this.logger.warn(`P# ${posting.postingNumber} to room ${room}: ${why}; it will go again`);
        return null;
      }
      if (error instanceof FiasRecordError) {
        // Nothing was sent: a posting FIAS cannot carry (a room too long, a date out of range).
        const now = this.deps.clock.now();
        await this.deps.ledger.preparedTransaction((tx) =>
          this.except(
            tx,
            posting,
            'unsendable',
            { status: 'unsendable', text: error.message.slice(0, 200), record: '' },
            now,
          ),
        );
        return null;
      }
      throw error;
    }
    const now = this.deps.clock.now();
    return this.deps.ledger.preparedTransaction(async (tx) => {
      await this.record(tx, posting, answer, now);
      // Not after `NA`: that posting goes first once the night audit ends.
      const goOn =
        answer.status !== 'NA' && this.fias.state === 'linked' && !this.stopping.signal.aborted;
      return goOn ? this.claim(tx, now) : null;
    });
  }

  /**
   * Where the charge goes: the room its stay's guest is in now (a moved guest's calls follow
   * them), the checked-out stay's room for a late charge; or why it cannot go.
   */
  private roomFor(posting: PostingToSend): string | { reason: string } {
    if (posting.late) return posting.room;
    if (!posting.stay) return { reason: 'no-stay' };
    return posting.currentRoom ?? { reason: 'checked-out' };
  }

  /** In `tx`: the PMS's answer, and what it makes of the posting (and its line item). */
  private async record(
    tx: LedgerTx,
    posting: PostingToSend,
    answer: PostingAnswer,
    now: number,
  ): Promise<void> {
    const kept: PostingAnswerRecord = {
      status: answer.status,
      text: answer.clearText,
      record: recordText(answer.raw),
    };
    switch (answer.status) {
      case 'OK': {
        const { lineItemId } = await this.deps.postings.markPosted(tx, posting.id, kept, now);
        await this.deps.audit.appender(tx)(
          PMS_ACTOR,
          {
            action: 'posting.posted',
            entityType: 'posting',
            entityId: posting.id,
            newValue: {
              lineItemId,
              postingNumber: posting.postingNumber,
              room: answer.room ?? posting.room,
              amountMinor: posting.amountMinor,
              currency: posting.currency,
            },
          },
          now,
        );
        return;
      }
      case 'RY':
        await this.deps.postings.markAnswered(
          tx,
          posting.id,
          { status: 'pending', notBeforeMs: now + retryDelayMs(posting.attempts + 1) },
          kept,
          now,
        );
        return;
      case 'NA':
        // The link holds postings until the night audit ends; this one goes first then.
        await this.deps.postings.markAnswered(
          tx,
          posting.id,
          { status: 'pending', notBeforeMs: now },
          kept,
          now,
        );
        return;
      default:
        await this.except(tx, posting, answer.status, kept, now);
    }
  }

  /** In `tx`: a posting exception, audited. */
  private async except(
    tx: LedgerTx,
    posting: PostingToSend,
    reason: string,
    answer: PostingAnswerRecord | null,
    now: number,
  ): Promise<void> {
    this.logger.warn(
      `P# ${posting.postingNumber} (line item ${posting.lineItemId}) is a posting exception: ${reasonText(reason)}`,
    );
    await this.deps.postings.markAnswered(
      tx,
      posting.id,
      { status: 'exception', reason },
      answer,
      now,
    );
    await this.deps.audit.appender(tx)(
      PMS_ACTOR,
      {
        action: 'posting.exception',
        entityType: 'posting',
        entityId: posting.id,
        newValue: {
          lineItemId: posting.lineItemId,
          postingNumber: posting.postingNumber,
          reason,
          answer: answer?.record ?? null,
        },
      },
      now,
    );
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSender = done;
    });
  }

  // --- guests

  private queueGuestWrite(write: () => Promise<void>): void {
    this.guestWrites = this.guestWrites
      .then(write)
      .catch((error: Error) => this.logger.error(`A guest record was not kept: ${error.message}`));
  }

  private async onGuest(guest: GuestRecord): Promise<void> {
    const now = this.deps.clock.now();
    const at = (guest.at && instantOf(guest.at, this.zone)) ?? now;
    if (guest.resync) this.resyncSeen?.add(guest.reservation);
    let tiedTo: Stay | null = null;
    await this.deps.ledger.transaction(async (tx) => {
      switch (guest.kind) {
        case 'check-in': {
          const arrival = guest.arrivalDate ? dayStartOf(guest.arrivalDate, this.zone) : null;
          const from = guest.resync ? Math.min(arrival ?? at, at) : at;
          const { stay } = await this.deps.stays.checkIn(
            tx,
            this.link.id,
            guest,
            from,
            now,
            guest.resync ? 'resync' : 'move',
          );
          tiedTo = stay;
          break;
        }
        case 'check-out': {
          const open = await this.deps.stays.findOpen(this.link.id, guest.reservation, tx);
          if (!open) {
            this.logger.warn(
              `Check-out of reservation ${guest.reservation} (room ${guest.room}), whose check-in was never received: nothing to end`,
            );
            return;
          }
          await this.deps.stays.end(tx, open.id, at, 'check-out', now);
          break;
        }
        case 'guest-change': {
          if (guest.oldRoom !== null && guest.oldRoom !== guest.room) {
            const { stay } = await this.deps.stays.checkIn(
              tx,
              this.link.id,
              guest,
              at,
              now,
              'move',
            );
            tiedTo = stay;
          } else {
            await this.deps.stays.change(
              tx,
              this.link.id,
              guest.reservation,
              { guestName: guest.guestName, sharer: guest.sharer },
              now,
            );
          }
          break;
        }
      }
      if (tiedTo) {
        await this.deps.stays.tieCalls(tx, tiedTo);
        const requeued = await this.deps.postings.requeueTied(tx, tiedTo, now);
        if (requeued > 0) {
          this.logger.log(
            `${requeued} charges of room ${tiedTo.room} found their stay (reservation ${tiedTo.reservation}) and go back to the queue`,
          );
        }
      }
    });
    if (tiedTo) this.wake();
  }

  /** `DE`: every stay the resync did not name has ended. */
  private async endResync(): Promise<void> {
    const seen = this.resyncSeen;
    this.resyncSeen = null;
    if (!seen) return;
    const now = this.deps.clock.now();
    const ended = await this.deps.ledger.transaction(async (tx) => {
      const open = await this.deps.stays.findAllOpen(this.link.id, tx);
      const gone = open.filter((stay) => !seen.has(stay.reservation));
      for (const stay of gone) await this.deps.stays.end(tx, stay.id, now, 'resync', now);
      return gone.length;
    });
    this.logger.log(
      `Resync done: ${seen.size} guests in house${ended > 0 ? `, ${ended} stays the PMS no longer has ended` : ''}`,
    );
  }
}
