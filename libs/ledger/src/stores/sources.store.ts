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

  // --- used by invoices

  /** Where the source's finalised invoices are delivered (no URL: nowhere); null: no source. */
  findDeliveryTarget(id: number): Promise<Pick<Source, 'deliveryUrl' | 'deliverySecret'> | null> {
    return this.ledger.manager.findOne(Source, {
      select: { deliveryUrl: true, deliverySecret: true },
      where: { id },
    });
  }
}
