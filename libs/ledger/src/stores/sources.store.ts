import { Injectable } from '@nestjs/common';
import { Source } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { readerOf } from './reader';
import { rethrowUnique } from './unique-violation';

/**
 * What a change to a source may set: not its id or kind (its records are of that kind), nor
 * its watermark, which only a sync moves (SyncRunStore).
 */
export type SourceChanges = Partial<Omit<Source, 'id' | 'kind' | 'watermarkMs'>>;

const UNIQUE = { 'sources.name': 'Another source has this name' };

/**
 * Sources: a Xima tenant's report, the plan that rates it and how its invoices are delivered.
 * Tables: sources. It holds the SQL of these tables (its reads may join others').
 * Reads take the open transaction as their last argument when they run inside one.
 */
@Injectable()
export class SourceStore {
  constructor(private readonly ledger: Ledger) {}

  /** Every source, oldest first. */
  list(): Promise<Source[]> {
    return this.ledger.manager.find(Source, { order: { id: 'ASC' } });
  }

  findById(id: number, tx?: LedgerTx): Promise<Source | null> {
    return readerOf(this.ledger, tx).findOneBy(Source, { id });
  }

  findByName(name: string, tx?: LedgerTx): Promise<Source | null> {
    return readerOf(this.ledger, tx).findOneBy(Source, { name });
  }

  /** The sources a rate plan rates, oldest first. */
  findByRatePlan(ratePlanId: number, tx?: LedgerTx): Promise<Source[]> {
    return readerOf(this.ledger, tx).find(Source, { where: { ratePlanId }, order: { id: 'ASC' } });
  }

  /** Stores a new source; a name another source has is a 409. */
  async insert(tx: LedgerTx, source: Omit<Source, 'id'>): Promise<Source> {
    const manager = managerOf(tx);
    try {
      return await manager.save(manager.create(Source, source));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Writes the changed fields; a name another source has is a 409. */
  async update(tx: LedgerTx, id: number, changes: SourceChanges): Promise<void> {
    try {
      await managerOf(tx).update(Source, { id }, changes);
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  // --- used by sync

  /** The sources that sync (on their schedule), by id. */
  findEnabled(): Promise<Source[]> {
    return this.ledger.manager.find(Source, { where: { enabled: true }, order: { id: 'ASC' } });
  }

  // --- used by invoices

  /** Where the source's finalised invoices are delivered (no URL: nowhere); null: no source. */
  findDeliveryTarget(id: number): Promise<Pick<Source, 'deliveryUrl' | 'deliverySecret'> | null> {
    return this.ledger.manager.findOne(Source, {
      select: { deliveryUrl: true, deliverySecret: true },
      where: { id },
    });
  }
}
