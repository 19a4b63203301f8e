import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';
import { PlainDateScope, plainDateZone } from '../plain-date-zone';

/**
 * Businesses: who issues the invoices, and the kind of business they are.
 * Tables: businesses. The only code that holds their SQL.
 */
@Injectable()
export class BusinessStore {
  constructor(private readonly ledger: Ledger) {}

  // --- used by review

  /** The zone a request's plain dates are read in; see `plainDateZone` (decision 0020). */
  plainDateZone(texts: (string | undefined)[], scope: PlainDateScope): Promise<string> {
    return plainDateZone(this.ledger.manager, texts, scope);
  }
}
