import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * Deliveries of finalised invoices to a billing system, with their attempts.
 * Tables: invoice_deliveries. The only code that holds their SQL.
 */
@Injectable()
export class DeliveryStore {
  constructor(private readonly ledger: Ledger) {}
}
