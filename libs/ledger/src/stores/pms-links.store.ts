import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/common';
import { In } from 'typeorm';
import { PmsLink, PmsLinkSource, Posting, PostingStatus, Stay } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { readerOf } from './reader';
import { rethrowUnique } from './unique-violation';

/** What a change to a link may set: not its id, nor its `P#` counter (postings move it). */
export type PmsLinkChanges = Partial<
  Omit<PmsLink, 'id' | 'nextPostingNumber' | 'createdAtMs' | 'version'>
>;

/** How many of a link's postings are in each status. */
export type PostingCounts = Record<PostingStatus, number>;

const UNIQUE = { 'pms_links.name': 'Another PMS link has this name' };

/**
 * PMS links and the sources each posts (docs/pms-link.md). Tables: pms_links,
 * pms_link_sources. Reads take the open transaction as their last argument inside one.
 */
@Injectable()
export class PmsLinkStore {
  constructor(private readonly ledger: Ledger) {}

  list(): Promise<PmsLink[]> {
    return this.ledger.manager.find(PmsLink, { order: { id: 'ASC' } });
  }

  findById(id: number, tx?: LedgerTx): Promise<PmsLink | null> {
    return readerOf(this.ledger, tx).findOneBy(PmsLink, { id });
  }

  async sourceIdsOf(linkId: number, tx?: LedgerTx): Promise<number[]> {
    const rows = await readerOf(this.ledger, tx).find(PmsLinkSource, {
      where: { linkId },
      order: { sourceId: 'ASC' },
    });
    return rows.map((row) => row.sourceId);
  }

  /**
   * Stores a new link posting `sourceIds`; a name another link has, or a source another link
   * already posts, is a 409.
   */
  async insert(
    tx: LedgerTx,
    link: Omit<PmsLink, 'id' | 'nextPostingNumber' | 'version'>,
    sourceIds: number[],
  ): Promise<PmsLink> {
    const manager = managerOf(tx);
    let saved: PmsLink;
    try {
      saved = await manager.save(manager.create(PmsLink, { ...link, nextPostingNumber: 1 }));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
    await this.setSources(tx, saved.id, sourceIds);
    return saved;
  }

  /** Writes the changed fields (and the sources, when given), bumping the version. */
  async update(
    tx: LedgerTx,
    id: number,
    changes: PmsLinkChanges,
    sourceIds?: number[],
  ): Promise<void> {
    const manager = managerOf(tx);
    try {
      await manager.update(PmsLink, { id }, { ...changes, version: () => '"version" + 1' });
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
    if (sourceIds) await this.setSources(tx, id, sourceIds);
  }

  /**
   * Deletes a link that never posted and never heard of a guest; one with postings or stays is
   * a 409 (they are the hotel's records: disable the link instead).
   */
  async delete(tx: LedgerTx, id: number): Promise<void> {
    const manager = managerOf(tx);
    const used =
      (await manager.existsBy(Posting, { linkId: id })) ||
      (await manager.existsBy(Stay, { linkId: id }));
    if (used) {
      throw new DomainError(
        'conflict',
        `PMS link ${id} has postings or stays, which are kept: disable it (enabled: false) instead of deleting it`,
      );
    }
    await manager.delete(PmsLinkSource, { linkId: id });
    await manager.delete(PmsLink, { id });
  }

  private async setSources(tx: LedgerTx, linkId: number, sourceIds: number[]): Promise<void> {
    const manager = managerOf(tx);
    const taken = await manager.find(PmsLinkSource, { where: { sourceId: In(sourceIds) } });
    const other = taken.find((row) => row.linkId !== linkId);
    if (other) {
      throw new DomainError(
        'conflict',
        `Source ${other.sourceId} is already posted by PMS link ${other.linkId}: a source has one link`,
      );
    }
    await manager.delete(PmsLinkSource, { linkId });
    if (sourceIds.length > 0) {
      await manager.insert(
        PmsLinkSource,
        sourceIds.map((sourceId) => ({ sourceId, linkId })),
      );
    }
  }

  /** How many of the link's postings are in each status. */
  async postingCounts(linkId: number): Promise<PostingCounts> {
    const rows = await this.ledger.manager
      .createQueryBuilder(Posting, 'p')
      .select('p.status', 'status')
      .addSelect('count(*)', 'count')
      .where('p.linkId = :linkId', { linkId })
      .groupBy('p.status')
      .getRawMany<{ status: PostingStatus; count: number | string }>();
    const counts: PostingCounts = {
      pending: 0,
      'in-flight': 0,
      posted: 0,
      exception: 0,
      'written-off': 0,
    };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }
}
