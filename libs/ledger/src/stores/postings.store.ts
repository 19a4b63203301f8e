import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/common';
import { In } from 'typeorm';
import { LineItem, PmsLinkSource, Posting, PostingStatus, Stay } from '../entities';
import { Ledger } from '../ledger';
import { SqlDialect, sqlDialect } from './dialect';
import { LedgerTx, managerOf } from '../ledger-tx';
import { PostingQueueSignal } from '../posting-queue-signal';
import { isTrue, selectFields } from './columns';
import { readerOf } from './reader';

const POSTING_FIELDS = [
  'id',
  'linkId',
  'lineItemId',
  'postingNumber',
  'room',
  'stayId',
  'amountMinor',
  'currency',
  'status',
  'reason',
  'answerStatus',
  'answerText',
  'answerRecord',
  'late',
  'correctsPostingId',
  'attempts',
  'notBeforeMs',
  'sentAtMs',
  'postedAtMs',
  'version',
  'createdAtMs',
  'updatedAtMs',
] as const satisfies readonly (keyof Posting)[];

/**
 * The sender's read of its next posting, with its call, its stay and the room its stay's guest
 * is in now, in one prepared statement (`%s`: which postings).
 */
const NEXT_TO_SEND = `SELECT ${selectFields(POSTING_FIELDS, 'p')},
    li.dialed_number AS "dialedNumber", li.talk_seconds AS "talkSeconds",
    li.start_time_ms AS "startTimeMs", s.timezone AS "timezone",
    st.room AS "stayRoom", st.reservation AS "stayReservation", st.to_ms AS "stayToMs",
    st.ended_by AS "stayEndedBy",
    (SELECT o.room FROM stays o WHERE o.link_id = p.link_id AND o.reservation = st.reservation
       AND o.to_ms IS NULL ORDER BY o.from_ms DESC, o.id DESC LIMIT 1) AS "currentRoom"
  FROM postings p JOIN line_items li ON li.id = p.line_item_id
  JOIN sources s ON s.id = li.source_id LEFT JOIN stays st ON st.id = p.stay_id
  WHERE p.link_id = ? AND %s ORDER BY p.id LIMIT 1`;

type NextRow = Omit<PostingToSend, 'stay' | 'late'> & {
  late: number;
  stayRoom: string | null;
  stayReservation: string | null;
  stayToMs: number | null;
  stayEndedBy: Stay['endedBy'];
};

/** Which line items to consider for postings. */
export type PostingScope =
  | { readonly itemIds: readonly number[] }
  /** A sync chunk's new items: ids from `fromId` to `toId` of one source. */
  | { readonly sourceId: number; readonly fromId: number; readonly toId: number }
  /**
   * The items of the link's sources changed since `sinceMs` (the safety net a link runs when it
   * starts: what was rated or approved while it was not running; never the history from before
   * the link existed).
   */
  | { readonly linkId: number; readonly sinceMs: number };

/** A posting with what its `PS` needs of its call and of the stay it is charged to. */
export interface PostingToSend extends Omit<Posting, 'stay'> {
  readonly dialedNumber: string | null;
  readonly talkSeconds: number;
  readonly startTimeMs: number;
  /** The call's source's zone: `DA`/`TI` are its wall clock. */
  readonly timezone: string;
  readonly stay: Pick<Stay, 'id' | 'room' | 'reservation' | 'toMs' | 'endedBy'> | null;
  /** The room the stay's guest is in now (a moved guest's); null when they have left. */
  readonly currentRoom?: string | null;
}

/** The PMS's answer as a posting keeps it. */
export interface PostingAnswerRecord {
  readonly status: string;
  readonly text: string | null;
  readonly record: string;
}

export interface PostingQuery {
  readonly linkId?: number;
  readonly status?: PostingStatus;
  readonly room?: string;
  readonly lineItemId?: number;
  /** Postings with an id below this (keyset pages, newest first). */
  readonly beforeId?: number;
  readonly limit: number;
}

/**
 * The postings queue (docs/pms-link.md). Table: postings; it also marks line items `posted`
 * (or rejected, when a charge is written off) in the transaction that records the PMS's answer.
 * `P#`s come from the link's counter (pms_links.next_posting_number), in item order, once.
 */
@Injectable()
export class PostingStore {
  constructor(
    private readonly ledger: Ledger,
    private readonly queued: PostingQueueSignal,
  ) {}

  private get sql(): SqlDialect {
    return sqlDialect(this.ledger.dialect);
  }

  findById(id: number, tx?: LedgerTx): Promise<Posting | null> {
    return readerOf(this.ledger, tx).findOneBy(Posting, { id });
  }

  /** Postings matching the query, newest first. */
  list(query: PostingQuery): Promise<Posting[]> {
    const builder = this.ledger.manager.createQueryBuilder(Posting, 'p');
    if (query.linkId !== undefined) builder.andWhere('p.linkId = :linkId', query);
    if (query.status !== undefined) builder.andWhere('p.status = :status', query);
    if (query.room !== undefined) builder.andWhere('p.room = :room', query);
    if (query.lineItemId !== undefined) builder.andWhere('p.lineItemId = :lineItemId', query);
    if (query.beforeId !== undefined) builder.andWhere('p.id < :beforeId', query);
    return builder.orderBy('p.id', 'DESC').limit(query.limit).getMany();
  }

  /** A line item's postings, oldest first (its history). */
  forLineItem(lineItemId: number): Promise<Posting[]> {
    return this.ledger.manager.find(Posting, { where: { lineItemId }, order: { id: 'ASC' } });
  }

  /** The posted postings charged to these stays, oldest call first (a stay's call detail). */
  postedToStays(stayIds: readonly number[]): Promise<Posting[]> {
    if (stayIds.length === 0) return Promise.resolve([]);
    return this.ledger.manager.find(Posting, {
      where: { stayId: In([...stayIds]), status: 'posted' },
      order: { id: 'ASC' },
    });
  }

  /**
   * Ties the scope's calls to the stay that held their room when they started (the primary
   * guest's), then gives each postable item with no posting yet its posting and its `P#`: a call
   * of a linked source with a charge, `approved`, or `pending` when its link posts on rating.
   * A call with no stay is a posting exception (`no-stay`) until a stay is known. Returns how
   * many postings were made.
   */
  async enqueue(tx: LedgerTx, scope: PostingScope, nowMs: number): Promise<number> {
    const manager = managerOf(tx);
    const [where, params] = scopeWhere(this.sql, scope);
    if (!(await this.scopeIsLinked(tx, scope))) return 0;
    await manager.query(
      `UPDATE "line_items" AS li SET "stay_id" = (
         SELECT s."id" FROM "stays" s
         WHERE s."link_id" = (SELECT ls."link_id" FROM "pms_link_sources" ls WHERE ls."source_id" = li."source_id")
           AND s."room" = li."extension" AND s."from_ms" <= li."start_time_ms"
           AND (s."to_ms" IS NULL OR s."to_ms" > li."start_time_ms")
         ORDER BY s."sharer", s."from_ms" DESC, s."id" DESC LIMIT 1)
       WHERE ${where} AND li."stay_id" IS NULL AND li."call_record_id" IS NOT NULL
         AND li."status" <> 'posted'
         AND li."source_id" IN (SELECT "source_id" FROM "pms_link_sources")`,
      params,
    );
    // Posting numbers are taken from the link's row: held until this transaction ends (on
    // PostgreSQL another instance's enqueue waits for it; SQLite has one writer).
    if (this.ledger.dialect === 'postgres') {
      await manager.query(
        `SELECT "id" FROM "pms_links" WHERE "id" IN (SELECT "link_id" FROM "pms_link_sources")
         ORDER BY "id" FOR UPDATE`,
      );
    }
    const made = await this.ledger
      .statement(
        tx,
        `INSERT INTO "postings" ("link_id", "line_item_id", "posting_number", "room", "stay_id",
         "amount_minor", "currency", "status", "reason", "created_at_ms", "updated_at_ms")
       SELECT ls."link_id", li."id",
         l."next_posting_number" - 1 + row_number() OVER (PARTITION BY ls."link_id" ORDER BY li."id"),
         li."extension", li."stay_id", li."total_minor", li."currency",
         CASE WHEN li."stay_id" IS NULL THEN 'exception' ELSE 'pending' END,
         CASE WHEN li."stay_id" IS NULL THEN 'no-stay' END, ?, ?
       FROM "line_items" li
       JOIN "pms_link_sources" ls ON ls."source_id" = li."source_id"
       JOIN "pms_links" l ON l."id" = ls."link_id"
       WHERE ${where} AND li."call_record_id" IS NOT NULL AND li."extension" IS NOT NULL
         AND li."total_minor" > 0
         AND (li."status" = 'approved' OR (l."posting_mode" = 'on-rating' AND li."status" = 'pending'))
         AND NOT EXISTS (SELECT 1 FROM "postings" p WHERE p."line_item_id" = li."id")
       ORDER BY li."id"`,
      )
      .run(nowMs, nowMs, ...params)
      .catch((error: unknown) => {
        if (String((error as Error).message).includes('CK_postings_number')) {
          throw new DomainError(
            'conflict',
            'A PMS link has given every posting number (1-99999999): make a new link for this PMS',
          );
        }
        throw error;
      });
    if (made > 0) {
      await manager.query(
        `UPDATE "pms_links" SET "next_posting_number" = (
           SELECT coalesce(max(p."posting_number"), 0) + 1 FROM "postings" p
           WHERE p."link_id" = "pms_links"."id")
         WHERE "id" IN (SELECT "link_id" FROM "pms_link_sources")`,
      );
      this.queued.notify();
    }
    return made;
  }

  /**
   * After a stay became known (a late check-in, a resync): the calls it now holds that were
   * exceptions for want of a stay go back to the queue, charged to it.
   */
  async requeueTied(tx: LedgerTx, stay: Stay, nowMs: number): Promise<number> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(Posting)
      .set({
        status: 'pending',
        reason: null,
        stayId: stay.id,
        room: stay.room,
        updatedAtMs: nowMs,
        version: () => '"version" + 1',
      })
      .where(
        `"status" = 'exception' AND "reason" = 'no-stay' AND "link_id" = :linkId
         AND "line_item_id" IN (SELECT "id" FROM "line_items" WHERE "stay_id" = :stayId)`,
        { linkId: stay.linkId, stayId: stay.id },
      )
      .execute();
    return result.affected ?? 0;
  }

  /**
   * The link's next posting to send, in the sender's prepared transaction
   * (`Ledger.preparedTransaction`): the one in flight first (sent, not answered: after a restart
   * or a dropped link it goes again with its `P#`), then the oldest pending one that may go now;
   * with its call, its stay and the room the stay's guest is in now (`currentRoom`). Read in the
   * transaction, it sees no other transaction's uncommitted postings.
   */
  async nextToSend(tx: LedgerTx, linkId: number, nowMs: number): Promise<PostingToSend | null> {
    const row =
      (await this.ledger
        .statement(tx, NEXT_TO_SEND.replace('%s', `p.status = 'in-flight'`))
        .get<NextRow>(linkId)) ??
      (await this.ledger
        .statement(
          tx,
          NEXT_TO_SEND.replace(
            '%s',
            `p.status = 'pending' AND (p.not_before_ms IS NULL OR p.not_before_ms <= ?)`,
          ),
        )
        .get<NextRow>(linkId, nowMs));
    if (!row) return null;
    const { stayRoom, stayReservation, stayToMs, stayEndedBy, late, ...posting } = row;
    return {
      ...posting,
      late: isTrue(late),
      stay:
        posting.stayId === null
          ? null
          : {
              id: posting.stayId,
              room: stayRoom!,
              reservation: stayReservation!,
              toMs: stayToMs,
              endedBy: stayEndedBy,
            },
    };
  }

  /**
   * The PMS's answer, or why a posting cannot go: back in the queue (`RY`, `NA`: not before
   * `notBeforeMs`, with the same `P#`), or an exception with its reason.
   */
  async markAnswered(
    tx: LedgerTx,
    id: number,
    outcome: { status: 'pending'; notBeforeMs: number } | { status: 'exception'; reason: string },
    answer: PostingAnswerRecord | null,
    nowMs: number,
  ): Promise<void> {
    await this.ledger
      .statement(
        tx,
        `UPDATE "postings" SET "status" = ?, "not_before_ms" = coalesce(?, "not_before_ms"),
           "reason" = CASE WHEN ? = 'exception' THEN ? ELSE "reason" END,
           "answer_status" = coalesce(?, "answer_status"), "answer_text" = CASE WHEN ? THEN ? ELSE "answer_text" END,
           "answer_record" = coalesce(?, "answer_record"),
           "updated_at_ms" = ?, "version" = "version" + 1
         WHERE "id" = ?`,
      )
      .run(
        outcome.status,
        outcome.status === 'pending' ? outcome.notBeforeMs : null,
        outcome.status,
        outcome.status === 'exception' ? outcome.reason : null,
        answer?.status ?? null,
        answer ? 1 : 0,
        answer?.text ?? null,
        answer?.record ?? null,
        nowMs,
        id,
      );
  }

  /** When the link has nothing to send now, the instant its next `RY` wait ends (or null). */
  async nextWaitEnd(linkId: number): Promise<number | null> {
    const row = await this.ledger.manager
      .createQueryBuilder(Posting, 'p')
      .select('min(p.notBeforeMs)', 'at')
      .where(`p.linkId = :linkId AND p.status = 'pending'`, { linkId })
      .getRawOne<{ at: number | null }>();
    return row?.at ?? null;
  }

  /**
   * Written before the `PS` goes: in flight, to `room`, one more attempt. (This and markPosted
   * run once a posting, on the sender's path: prepared statements, no entity manager.)
   */
  async markSent(tx: LedgerTx, id: number, room: string, nowMs: number): Promise<void> {
    await this.ledger
      .statement(
        tx,
        `UPDATE "postings" SET "status" = 'in-flight', "room" = ?, "sent_at_ms" = ?,
           "updated_at_ms" = ?, "attempts" = "attempts" + 1, "version" = "version" + 1
         WHERE "id" = ?`,
      )
      .run(room, nowMs, nowMs, id);
  }

  /**
   * `OK`: the posting is posted, and its line item with it (frozen from now on). Returns the line
   * item's id, for the audit trail.
   */
  async markPosted(
    tx: LedgerTx,
    id: number,
    answer: PostingAnswerRecord,
    nowMs: number,
  ): Promise<{ lineItemId: number }> {
    const posting = await this.ledger
      .statement(
        tx,
        `UPDATE "postings" SET "status" = 'posted', "reason" = NULL, "answer_status" = ?,
           "answer_text" = ?, "answer_record" = ?, "posted_at_ms" = ?, "updated_at_ms" = ?,
           "version" = "version" + 1
         WHERE "id" = ?
         RETURNING "line_item_id" AS "lineItemId", "corrects_posting_id" AS "correctsPostingId"`,
      )
      .get<{ lineItemId: number; correctsPostingId: number | null }>(
        answer.status,
        answer.text,
        answer.record,
        nowMs,
        nowMs,
        id,
      );
    if (!posting) throw new Error(`Posting ${id} does not exist`);
    if (posting.correctsPostingId === null) {
      await this.ledger
        .statement(
          tx,
          `UPDATE "line_items" SET "status" = 'posted', "updated_at_ms" = ?,
             "version" = "version" + 1
           WHERE "id" = ? AND "status" <> 'posted'`,
        )
        .run(nowMs, posting.lineItemId);
    }
    return { lineItemId: posting.lineItemId };
  }

  // --- the night auditor's actions on an exception; each changes it only at `version`

  /**
   * Sends the exception again: as it was (`retry`), to another room's stay (`reroute`), or to
   * its checked-out stay as a late charge (`late`).
   */
  async requeue(
    tx: LedgerTx,
    id: number,
    version: number,
    changes: { room?: string; stayId?: number; late?: boolean },
    nowMs: number,
  ): Promise<void> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(Posting)
      .set({
        status: 'pending',
        reason: null,
        notBeforeMs: null,
        ...changes,
        updatedAtMs: nowMs,
        version: () => '"version" + 1',
      })
      .where(`id = :id AND version = :version AND status = 'exception'`, { id, version })
      .execute();
    if (result.affected !== 1) throw staleException(id);
  }

  /**
   * Writes an exception off: the charge is not posted, and its line item is rejected with the
   * reason (so that it goes on no invoice either).
   */
  async writeOff(
    tx: LedgerTx,
    id: number,
    version: number,
    reason: string,
    nowMs: number,
  ): Promise<{ lineItemId: number }> {
    const manager = managerOf(tx);
    const posting = await manager.findOneBy(Posting, { id });
    const result = await manager
      .createQueryBuilder()
      .update(Posting)
      .set({
        status: 'written-off',
        reason,
        updatedAtMs: nowMs,
        version: () => '"version" + 1',
      })
      .where(`id = :id AND version = :version AND status = 'exception'`, { id, version })
      .execute();
    if (result.affected !== 1 || !posting) throw staleException(id);
    await manager
      .createQueryBuilder()
      .update(LineItem)
      .set({
        status: 'rejected',
        reviewReason: `Written off: ${reason}`,
        updatedAtMs: nowMs,
        version: () => '"version" + 1',
      })
      .where(`id = :id AND status IN ('pending', 'approved')`, { id: posting.lineItemId })
      .execute();
    return { lineItemId: posting.lineItemId };
  }

  /**
   * A correction of a posted charge: a posting of its own, the negative of it, with the link's
   * next `P#`, queued. A posted charge is never edited. Refused (409) for a posting that is not
   * posted, is itself a correction, or was corrected already.
   */
  async addCorrection(tx: LedgerTx, id: number, version: number, nowMs: number): Promise<Posting> {
    const manager = managerOf(tx);
    const original = await manager.findOneBy(Posting, { id });
    if (!original || original.version !== version) throw staleException(id);
    if (original.status !== 'posted' || original.correctsPostingId !== null) {
      throw new DomainError(
        'conflict',
        `Posting ${id} is ${original.correctsPostingId === null ? original.status : 'a correction'}: only a posted charge is corrected`,
      );
    }
    if (await manager.existsBy(Posting, { correctsPostingId: id })) {
      throw new DomainError('conflict', `Posting ${id} has been corrected already`);
    }
    const link = await manager.query<{ next: number }[]>(
      `SELECT "next_posting_number" AS "next" FROM "pms_links" WHERE "id" = ?`,
      [original.linkId],
    );
    const postingNumber = link[0].next;
    if (postingNumber > 99_999_999) {
      throw new DomainError(
        'conflict',
        'A PMS link has given every posting number (1-99999999): make a new link for this PMS',
      );
    }
    await manager.query(`UPDATE "pms_links" SET "next_posting_number" = ? WHERE "id" = ?`, [
      postingNumber + 1,
      original.linkId,
    ]);
    return manager.save(
      manager.create(Posting, {
        linkId: original.linkId,
        lineItemId: original.lineItemId,
        postingNumber,
        room: original.room,
        stayId: original.stayId,
        amountMinor: -original.amountMinor,
        currency: original.currency,
        status: 'pending',
        reason: null,
        answerStatus: null,
        answerText: null,
        answerRecord: null,
        // The guest may have left: a correction goes to the room the charge went to.
        late: true,
        correctsPostingId: original.id,
        attempts: 0,
        notBeforeMs: null,
        sentAtMs: null,
        postedAtMs: null,
        version: 1,
        createdAtMs: nowMs,
        updatedAtMs: nowMs,
      }),
    );
  }

  private async scopeIsLinked(tx: LedgerTx, scope: PostingScope): Promise<boolean> {
    const manager = managerOf(tx);
    if ('linkId' in scope) return true;
    if ('sourceId' in scope) {
      return manager.existsBy(PmsLinkSource, { sourceId: scope.sourceId });
    }
    return scope.itemIds.length > 0;
  }

  // --- used by review

  /**
   * Those of the items that have a posting not written off, for any number of ids (a bulk
   * action's up to 200,000: one parameter, read with json_each, and one index probe an id;
   * nothing is read when the ledger has no posting at all).
   */
  async itemsWithLivePostings(tx: LedgerTx, itemIds: readonly number[]): Promise<Set<number>> {
    if (itemIds.length === 0) return new Set();
    // A ledger no link ever posted from has no postings: nothing to read the ids against.
    if (!(await managerOf(tx).exists(Posting))) return new Set();
    const rows = await managerOf(tx).query<{ id: number }[]>(
      `SELECT DISTINCT p."line_item_id" AS "id" FROM "postings" p
       WHERE p."line_item_id" IN (${this.sql.idsOfJsonParam}) AND p."status" <> 'written-off'`,
      [JSON.stringify(itemIds)],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The ids of the sources some link posts (few: a hotel's one or two). */
  async linkedSourceIds(tx?: LedgerTx): Promise<Set<number>> {
    const rows = await readerOf(this.ledger, tx).find(PmsLinkSource, {
      select: { sourceId: true },
    });
    return new Set(rows.map((row) => row.sourceId));
  }
}

function staleException(id: number): DomainError {
  return new DomainError(
    'conflict',
    `Posting ${id} changed since it was read, or is no longer an exception: reload it`,
  );
}

/** The scope as a condition on `li` and its parameters. */
function scopeWhere(sql: SqlDialect, scope: PostingScope): [string, unknown[]] {
  if ('linkId' in scope) {
    return [
      `li."source_id" IN (SELECT "source_id" FROM "pms_link_sources" WHERE "link_id" = ?)
       AND li."updated_at_ms" >= ?`,
      [scope.linkId, scope.sinceMs],
    ];
  }
  if ('sourceId' in scope) {
    return [
      `li."source_id" = ? AND li."id" BETWEEN ? AND ?`,
      [scope.sourceId, scope.fromId, scope.toId],
    ];
  }
  return [`li."id" IN (${sql.idsOfJsonParam})`, [JSON.stringify(scope.itemIds)]];
}
