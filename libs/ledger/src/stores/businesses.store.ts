import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * Businesses: who issues the invoices, and the kind of business they are.
 * Tables: businesses. The only code that holds their SQL.
 */
@Injectable()
export class BusinessStore {
  constructor(private readonly ledger: Ledger) {}
}
