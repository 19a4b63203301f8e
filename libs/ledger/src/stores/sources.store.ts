import { Injectable } from '@nestjs/common';
import { Source } from '../entities';
import { Ledger } from '../ledger';

/**
 * Sources: a Xima tenant's report, the plan that rates it and how its invoices are delivered.
 * Tables: sources. The only code that holds their SQL.
 */
@Injectable()
export class SourceStore {
  constructor(private readonly ledger: Ledger) {}

  // --- used by sync

  /** The source with this id, or null. */
  find(id: number): Promise<Source | null> {
    return this.ledger.manager.findOneBy(Source, { id });
  }

  /** The sources that sync (on their schedule), by id. */
  findEnabled(): Promise<Source[]> {
    return this.ledger.manager.find(Source, { where: { enabled: true }, order: { id: 'ASC' } });
  }
}
