import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { LineItem, Stay, StayEnding } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { sqlDialect } from './dialect';
import { readerOf } from './reader';

/** A guest as the PMS describes them on a check-in, a change or a resync. */
export interface StayGuest {
  readonly room: string;
  readonly reservation: string;
  readonly guestName: string | null;
  readonly sharer: boolean;
}

export interface StayQuery {
  readonly linkId?: number;
  readonly room?: string;
  /** Stays that held their room at this instant. */
  readonly atMs?: number;
  readonly reservation?: string;
  readonly limit: number;
}

/**
 * Stays: who was in which room from when to when, as a link's PMS told it (docs/pms-link.md).
 * Table: stays; it also ties line items (line_items.stay_id) to the stay that held their room
 * when the call started. One row per reservation and room: a room move ends one row and starts
 * the next.
 */
@Injectable()
export class StayStore {
  constructor(private readonly ledger: Ledger) {}

  findById(id: number, tx?: LedgerTx): Promise<Stay | null> {
    return readerOf(this.ledger, tx).findOneBy(Stay, { id });
  }

  /** Stays matching the query, newest first. */
  find(query: StayQuery): Promise<Stay[]> {
    const builder = this.ledger.manager.createQueryBuilder(Stay, 's');
    if (query.linkId !== undefined) builder.andWhere('s.linkId = :linkId', query);
    if (query.room !== undefined) builder.andWhere('s.room = :room', query);
    if (query.reservation !== undefined) builder.andWhere('s.reservation = :reservation', query);
    if (query.atMs !== undefined) {
      builder.andWhere('s.fromMs <= :atMs AND (s.toMs IS NULL OR s.toMs > :atMs)', query);
    }
    return builder
      .orderBy('s.fromMs', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(query.limit)
      .getMany();
  }

  /** The reservation's stay in house now (its current room), if the guest has not left. */
  findOpen(linkId: number, reservation: string, tx?: LedgerTx): Promise<Stay | null> {
    return readerOf(this.ledger, tx).findOne(Stay, {
      where: { linkId, reservation, toMs: IsNull() },
      order: { fromMs: 'DESC', id: 'DESC' },
    });
  }

  /** The primary guest's stay in `room` now (a sharer's when only sharers are in). */
  findOpenInRoom(linkId: number, room: string, tx?: LedgerTx): Promise<Stay | null> {
    return readerOf(this.ledger, tx).findOne(Stay, {
      where: { linkId, room, toMs: IsNull() },
      order: { sharer: 'ASC', fromMs: 'DESC', id: 'DESC' },
    });
  }

  /** Whether the link has heard of any stay. */
  anyFor(linkId: number): Promise<boolean> {
    return this.ledger.manager.existsBy(Stay, { linkId });
  }

  /** Every stay of the link still in house. */
  findAllOpen(linkId: number, tx?: LedgerTx): Promise<Stay[]> {
    return readerOf(this.ledger, tx).find(Stay, {
      where: { linkId, toMs: IsNull() },
      order: { id: 'ASC' },
    });
  }

  /**
   * A guest in house from `fromMs`: a new stay, or, when the reservation is already in that room
   * (a repeated check-in, a resync), the same stay with the PMS's name and sharer flag. When
   * the reservation is in house in another room, that stay ends (`endedBy`) at `fromMs`. Returns
   * the stay and whether it is new.
   */
  async checkIn(
    tx: LedgerTx,
    linkId: number,
    guest: StayGuest,
    fromMs: number,
    nowMs: number,
    endedBy: StayEnding = 'move',
  ): Promise<{ stay: Stay; created: boolean }> {
    const manager = managerOf(tx);
    const open = await this.findOpen(linkId, guest.reservation, tx);
    if (open && open.room === guest.room) {
      await manager.update(
        Stay,
        { id: open.id },
        {
          guestName: guest.guestName ?? open.guestName,
          sharer: guest.sharer,
          updatedAtMs: nowMs,
        },
      );
      return { stay: (await this.findById(open.id, tx))!, created: false };
    }
    let from = fromMs;
    if (open) {
      from = Math.max(fromMs, open.fromMs);
      await this.end(tx, open.id, from, endedBy, nowMs);
    }
    const stay = await manager.save(
      manager.create(Stay, {
        linkId,
        room: guest.room,
        reservation: guest.reservation,
        guestName: guest.guestName ?? open?.guestName ?? null,
        sharer: guest.sharer,
        fromMs: from,
        toMs: null,
        endedBy: null,
        createdAtMs: nowMs,
        updatedAtMs: nowMs,
      }),
    );
    return { stay, created: true };
  }

  /** New name or sharer flag for the reservation's stay in house; null when it has none. */
  async change(
    tx: LedgerTx,
    linkId: number,
    reservation: string,
    changes: { guestName?: string | null; sharer?: boolean },
    nowMs: number,
  ): Promise<Stay | null> {
    const open = await this.findOpen(linkId, reservation, tx);
    if (!open) return null;
    await managerOf(tx).update(
      Stay,
      { id: open.id },
      {
        ...(changes.guestName !== undefined && changes.guestName !== null
          ? { guestName: changes.guestName }
          : {}),
        ...(changes.sharer !== undefined ? { sharer: changes.sharer } : {}),
        updatedAtMs: nowMs,
      },
    );
    return this.findById(open.id, tx);
  }

  /** Ends a stay at `atMs` (never before it began). */
  async end(
    tx: LedgerTx,
    id: number,
    atMs: number,
    endedBy: StayEnding,
    nowMs: number,
  ): Promise<void> {
    await managerOf(tx)
      .createQueryBuilder()
      .update(Stay)
      .set({
        toMs: () => sqlDialect(this.ledger.dialect).greatest('"from_ms"', String(Math.trunc(atMs))),
        endedBy,
        updatedAtMs: nowMs,
      })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Ties the calls of the link's sources from the stay's room, while the stay held it, to the
   * stay: calls with no stay yet, and (for a primary guest) calls tied to a sharer. Posted items
   * keep theirs. Returns how many items were tied.
   */
  async tieCalls(tx: LedgerTx, stay: Stay): Promise<number> {
    const result = await managerOf(tx)
      .createQueryBuilder()
      .update(LineItem)
      .set({ stayId: stay.id })
      .where(
        `"source_id" IN (SELECT "source_id" FROM "pms_link_sources" WHERE "link_id" = :linkId)
         AND "extension" = :room AND "start_time_ms" >= :fromMs
         AND (CAST(:toMs AS bigint) IS NULL OR "start_time_ms" < :toMs)
         AND "call_record_id" IS NOT NULL AND "status" <> 'posted'
         AND ("stay_id" IS NULL
           OR (:primary = 1 AND "stay_id" <> :stayId
               AND "stay_id" IN (SELECT "id" FROM "stays" WHERE "sharer" = TRUE)))`,
        {
          linkId: stay.linkId,
          room: stay.room,
          fromMs: stay.fromMs,
          toMs: stay.toMs,
          primary: stay.sharer ? 0 : 1,
          stayId: stay.id,
        },
      )
      .execute();
    return result.affected ?? 0;
  }

  // --- used by demo mode

  /**
   * Stays as a PMS's history gives them (the demo's stand-in hotel: the week before the link
   * existed), for a link that knows none yet; a link with stays is left as it is. Returns how
   * many were stored.
   */
  async importHistory(
    tx: LedgerTx,
    linkId: number,
    stays: readonly (StayGuest & Pick<Stay, 'fromMs' | 'toMs' | 'endedBy'>)[],
    nowMs: number,
  ): Promise<number> {
    const manager = managerOf(tx);
    if (await manager.existsBy(Stay, { linkId })) return 0;
    for (const stay of stays) {
      await manager.insert(Stay, { ...stay, linkId, createdAtMs: nowMs, updatedAtMs: nowMs });
    }
    return stays.length;
  }

  // --- used by review and invoices

  /** The stays with these ids (any order): one query for a page of line items. */
  findByIds(ids: readonly number[], tx?: LedgerTx): Promise<Stay[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return readerOf(this.ledger, tx).findBy(Stay, { id: In([...ids]) });
  }

  /** The reservation's stays (a room move makes several), oldest first. */
  findOfReservation(linkId: number, reservation: string, tx?: LedgerTx): Promise<Stay[]> {
    return readerOf(this.ledger, tx).find(Stay, {
      where: { linkId, reservation },
      order: { fromMs: 'ASC', id: 'ASC' },
    });
  }
}
