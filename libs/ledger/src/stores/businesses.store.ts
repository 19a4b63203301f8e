import { Injectable } from '@nestjs/common';
import { Business } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';

/**
 * Businesses: who issues the invoices, and the kind of business they are.
 * Tables: businesses. The only code that holds their SQL.
 */
@Injectable()
export class BusinessStore {
  constructor(private readonly ledger: Ledger) {}

  // --- used by invoices

  /** The business, or null; inside `tx`, as the transaction has left it. */
  findById(id: number, tx?: LedgerTx): Promise<Business | null> {
    return (tx ? managerOf(tx) : this.ledger.manager).findOneBy(Business, { id });
  }
}
