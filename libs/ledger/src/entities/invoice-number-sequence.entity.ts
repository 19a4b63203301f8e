import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last invoice number used in a year: finalisation increments it in its own transaction. */
@Entity('invoice_number_sequences')
export class InvoiceNumberSequence {
  @PrimaryColumn('integer')
  year!: number;

  @Column('integer')
  lastSequence!: number;
}
