import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError } from '@app/common';
import {
  AuditEventStore,
  Ledger,
  LedgerTx,
  Posting,
  PostingStatus,
  PostingStore,
  StayStore,
} from '@app/ledger';
import { LinkSupervisor } from '../links/link-supervisor.service';
import { PostingListView, PostingView } from './dto/posting.view';
import type { PostingsQueryDto } from './dto/posting.dto';

/** A posting's status as a sentence reads it. */
const STATUS_WORDS: Record<PostingStatus, string> = {
  pending: 'waiting to be sent',
  'in-flight': 'sent and waiting for the PMS',
  posted: 'posted',
  exception: 'an exception',
  'written-off': 'written off',
};

/**
 * The postings queue as people see it, and the night auditor's actions on an exception: each
 * changes the exception only at the version read, and is audited in the same transaction.
 */
@Injectable()
export class PostingsService {
  constructor(
    private readonly ledger: Ledger,
    private readonly postings: PostingStore,
    private readonly stays: StayStore,
    private readonly audit: AuditEventStore,
    private readonly supervisor: LinkSupervisor,
    private readonly clock: Clock,
  ) {}

  async list(query: PostingsQueryDto): Promise<PostingListView> {
    const limit = query.limit ?? 100;
    const rows = await this.postings.list({ ...query, limit: limit + 1 });
    const items = rows.slice(0, limit);
    return {
      items: items.map((posting) => PostingView.of(posting)),
      nextBeforeId: rows.length > limit ? items[items.length - 1].id : null,
    };
  }

  async get(id: number): Promise<PostingView> {
    return PostingView.of(await this.existing(id));
  }

  /** Sends the exception again as it is (the PMS's fault is mended, a guest is in). */
  retry(id: number, version: number, actor: Actor): Promise<PostingView> {
    return this.act(id, version, actor, 'posting.retry', async (tx, posting, now) => {
      await this.postings.requeue(tx, posting.id, version, {}, now);
      return {};
    });
  }

  /** Sends the charge to the guest now in `room` (a call made from the wrong room's phone). */
  reroute(id: number, version: number, room: string, actor: Actor): Promise<PostingView> {
    return this.act(id, version, actor, 'posting.reroute', async (tx, posting, now) => {
      const stay = await this.stays.findOpenInRoom(posting.linkId, room, tx);
      if (!stay) {
        throw new DomainError(
          'conflict',
          `Room ${room} has no guest in house: a charge is rerouted to a room with a guest`,
        );
      }
      await this.postings.requeue(
        tx,
        posting.id,
        version,
        { room: stay.room, stayId: stay.id, late: false },
        now,
      );
      return { fromRoom: posting.room, toRoom: stay.room, stayId: stay.id };
    });
  }

  /** Posts the charge to its checked-out stay as a late charge (the PMS may still refuse). */
  postLate(id: number, version: number, actor: Actor): Promise<PostingView> {
    return this.act(id, version, actor, 'posting.post-late', async (tx, posting, now) => {
      const stay = posting.stayId === null ? null : await this.stays.findById(posting.stayId, tx);
      if (!stay) {
        throw new DomainError(
          'conflict',
          `Posting ${posting.id} has no stay to charge late: reroute it to a room, or write it off`,
        );
      }
      // FIAS's PS names a room, not a guest: a PMS that ignores our G# would charge whoever is
      // in the room now. A room with a new guest takes no late charge of the last one.
      const occupant = await this.stays.findOpenInRoom(posting.linkId, stay.room, tx);
      if (occupant && occupant.reservation !== stay.reservation) {
        throw new DomainError(
          'conflict',
          `Room ${stay.room} has a new guest (reservation ${occupant.reservation}): a late charge of the guest who left would go to them. Reroute it or write it off`,
        );
      }
      await this.postings.requeue(tx, posting.id, version, { room: stay.room, late: true }, now);
      return { room: stay.room, stayId: stay.id };
    });
  }

  /** Writes the charge off: not posted, and its line item rejected with the reason. */
  writeOff(id: number, version: number, reason: string, actor: Actor): Promise<PostingView> {
    return this.act(
      id,
      version,
      actor,
      'posting.write-off',
      async (tx, posting, now) => {
        await this.postings.writeOff(tx, posting.id, version, reason, now);
        return {};
      },
      reason,
    );
  }

  /**
   * Corrects a posted charge (a call billed by mistake, a refund agreed with the guest): a new
   * posting of the negative amount to the same room, audited with the reason.
   */
  async correct(id: number, version: number, reason: string, actor: Actor): Promise<PostingView> {
    const correction = await this.ledger.transaction(async (tx) => {
      await this.existing(id, tx);
      const now = this.clock.now();
      const made = await this.postings.addCorrection(tx, id, version, now);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'posting.correct',
          entityType: 'posting',
          entityId: made.id,
          newValue: {
            lineItemId: made.lineItemId,
            postingNumber: made.postingNumber,
            corrects: id,
            amountMinor: made.amountMinor,
            room: made.room,
          },
          reason,
        },
        now,
      );
      return made;
    });
    this.supervisor.wake(correction.linkId);
    return PostingView.of(correction);
  }

  private async act(
    id: number,
    version: number,
    actor: Actor,
    action: string,
    change: (tx: LedgerTx, posting: Posting, now: number) => Promise<object>,
    reason?: string,
  ): Promise<PostingView> {
    const posting = await this.ledger.transaction(async (tx) => {
      const before = await this.existing(id, tx);
      if (before.status !== 'exception') {
        throw new DomainError(
          'conflict',
          `Posting ${id} is ${STATUS_WORDS[before.status]}, not an exception: only exceptions take these actions`,
        );
      }
      if (before.version !== version) {
        throw new DomainError(
          'conflict',
          `Posting ${id} is at version ${before.version}, not ${version}: reload it`,
        );
      }
      const now = this.clock.now();
      const details = await change(tx, before, now);
      const after = (await this.postings.findById(id, tx))!;
      await this.audit.record(
        tx,
        actor,
        {
          action,
          entityType: 'posting',
          entityId: id,
          oldValue: { status: before.status, reason: before.reason, room: before.room },
          newValue: {
            lineItemId: before.lineItemId,
            postingNumber: before.postingNumber,
            status: after.status,
            room: after.room,
            ...details,
          },
          reason: reason ?? null,
        },
        now,
      );
      return after;
    });
    this.supervisor.wake(posting.linkId);
    return PostingView.of(posting);
  }

  private async existing(id: number, tx?: LedgerTx): Promise<Posting> {
    const posting = await this.postings.findById(id, tx);
    if (!posting) throw new DomainError('not-found', `No posting has id ${id}`);
    return posting;
  }
}
