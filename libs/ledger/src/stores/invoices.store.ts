import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Invoice } from '../entities';
import { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';
import { readerOf } from './reader';

/**
 * Invoices with their lines, and the gapless numbers they take when finalised.
 * Tables: invoices, invoice_lines, invoice_number_sequences. The only code that holds their SQL.
 */
@Injectable()
export class InvoiceStore {
  constructor(private readonly ledger: Ledger) {}

  // --- used by config (businesses: an invoice prefix names one business for good)

  /** How many invoices of a business carry a number: finalised or void. */
  countNumbered(businessId: number, tx?: LedgerTx): Promise<number> {
    return readerOf(this.ledger, tx).countBy(Invoice, {
      businessId,
      status: In(['finalized', 'void']),
    });
  }

  /** An invoice whose number starts with `prefix-` (of any business), or null. */
  findNumberedWithPrefix(prefix: string, tx?: LedgerTx): Promise<Pick<Invoice, 'number'> | null> {
    return readerOf(this.ledger, tx)
      .createQueryBuilder(Invoice, 'invoice')
      .select('invoice.number', 'number')
      .where('substr(invoice.number, 1, :length) = :start', {
        length: prefix.length + 1,
        start: `${prefix}-`,
      })
      .limit(1)
      .getRawOne<Pick<Invoice, 'number'>>()
      .then((row) => row ?? null);
  }
}
