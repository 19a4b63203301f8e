import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * Invoices with their lines, and the gapless numbers they take when finalised.
 * Tables: invoices, invoice_lines, invoice_number_sequences. The only code that holds their SQL.
 */
@Injectable()
export class InvoiceStore {
  constructor(private readonly ledger: Ledger) {}
}
