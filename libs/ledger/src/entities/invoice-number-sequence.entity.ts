import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Business } from './business.entity';

/**
 * The last invoice number a business used in a year: finalisation raises it in the same
 * transaction that numbers the invoice, so numbers are gapless per business and year.
 */
@Entity('invoice_number_sequences')
export class InvoiceNumberSequence {
  @PrimaryColumn('integer')
  businessId!: number;

  @ManyToOne('Business', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'business_id',
    foreignKeyConstraintName: 'FK_invoice_number_sequences_business',
  })
  business?: Business;

  @PrimaryColumn('integer')
  year!: number;

  @Column('integer')
  lastSequence!: number;
}
