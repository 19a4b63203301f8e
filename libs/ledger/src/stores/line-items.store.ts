import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * Line items: the rated charges, their review state and their tie to an invoice.
 * Tables: line_items. The only code that holds their SQL.
 */
@Injectable()
export class LineItemStore {
  constructor(private readonly ledger: Ledger) {}
}
