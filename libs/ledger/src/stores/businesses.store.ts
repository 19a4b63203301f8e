import { Injectable } from '@nestjs/common';
import { Business } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { readerOf } from './reader';
import { rethrowUnique } from './unique-violation';

/** What a change to a business may set: everything but its id and whether it is the default. */
export type BusinessChanges = Partial<Omit<Business, 'id' | 'isDefault' | 'lawBookVersion'>>;
export type NewBusiness = Omit<Business, 'id' | 'lawBookVersion'>;

const UNIQUE = {
  'businesses.name': 'Another business has this name',
  'businesses.invoice_prefix': 'Another business numbers its invoices with this prefix',
};
import { PlainDateScope, plainDateZone } from './plain-date-zone';

/**
 * Businesses: who issues the invoices, and the kind of business they are.
 * Tables: businesses. It holds the SQL of these tables (its reads may join others').
 * Reads take the open transaction as their last argument when they run inside one.
 */
@Injectable()
export class BusinessStore {
  constructor(private readonly ledger: Ledger) {}

  /** Every business, oldest first. */
  list(): Promise<Business[]> {
    return this.ledger.manager.find(Business, { order: { id: 'ASC' } });
  }

  findById(id: number, tx?: LedgerTx): Promise<Business | null> {
    return readerOf(this.ledger, tx).findOneBy(Business, { id });
  }

  findByName(name: string, tx?: LedgerTx): Promise<Business | null> {
    return readerOf(this.ledger, tx).findOneBy(Business, { name });
  }

  findByInvoicePrefix(invoicePrefix: string, tx?: LedgerTx): Promise<Business | null> {
    return readerOf(this.ledger, tx).findOneBy(Business, { invoicePrefix });
  }

  /** The business that sources created without one belong to. */
  findDefault(tx?: LedgerTx): Promise<Business | null> {
    return readerOf(this.ledger, tx).findOneBy(Business, { isDefault: true });
  }

  /** Stores a new business; a name or invoice prefix another has is a 409. */
  async insert(tx: LedgerTx, business: NewBusiness): Promise<Business> {
    const manager = managerOf(tx);
    try {
      return await manager.save(manager.create(Business, business));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Writes the changed fields; a name or invoice prefix another has is a 409. */
  async update(tx: LedgerTx, id: number, changes: BusinessChanges): Promise<void> {
    try {
      await managerOf(tx).update(Business, { id }, changes);
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  // --- used by review

  /** The zone a request's plain dates are read in; see `plainDateZone` (decision 0020). */
  plainDateZone(texts: (string | undefined)[], scope: PlainDateScope): Promise<string> {
    return plainDateZone(this.ledger.manager, texts, scope);
  }
}
