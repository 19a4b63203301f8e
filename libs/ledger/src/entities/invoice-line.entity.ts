import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Invoice } from './invoice.entity';
import type { LineItem } from './line-item.entity';

/** A line item as it stands on an invoice: a snapshot, frozen once the invoice is finalised. */
@Entity('invoice_lines')
@Index('UQ_invoice_lines_number', ['invoiceId', 'lineNumber'], { unique: true })
@Index('UQ_invoice_lines_item', ['invoiceId', 'lineItemId'], { unique: true })
@Index('IX_invoice_lines_line_item', ['lineItemId'])
export class InvoiceLine {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  invoiceId!: number;

  @ManyToOne('Invoice', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'FK_invoice_lines_invoice' })
  invoice?: Invoice;

  @Column('integer')
  lineNumber!: number;

  @Column('integer')
  lineItemId!: number;

  @ManyToOne('LineItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'line_item_id', foreignKeyConstraintName: 'FK_invoice_lines_line_item' })
  lineItem?: LineItem;

  @Column('text')
  callId!: string;

  @Column('integer')
  startTimeMs!: number;

  @Column('text', { nullable: true })
  extension!: string | null;

  @Column('text', { nullable: true })
  dialedNumber!: string | null;

  @Column('text', { nullable: true })
  normalizedNumber!: string | null;

  @Column('text', { nullable: true })
  destinationClass!: string | null;

  @Column('integer')
  talkSeconds!: number;

  @Column('integer')
  billedSeconds!: number;

  @Column('integer', { default: 1 })
  calls!: number;

  @Column('text')
  description!: string;

  @Column('integer')
  ratedAmountMinor!: number;

  /** Taxes and total on the rated amount: LEDES shows the rated total as the unit cost. */
  @Column('integer')
  ratedTaxMinor!: number;

  @Column('integer')
  ratedTotalMinor!: number;

  /** Reviewer's adjustment: billed amount minus rated amount (negative for a reduction). */
  @Column('integer', { default: 0 })
  adjustmentMinor!: number;

  @Column('integer')
  amountMinor!: number;

  @Column('text', { default: '[]' })
  taxesJson!: string;

  @Column('integer')
  taxMinor!: number;

  @Column('integer')
  totalMinor!: number;

  /** The line item's timekeeper when the line was made (LEDES TIMEKEEPER_*). */
  @Column('text', { nullable: true })
  timekeeperId!: string | null;

  @Column('text', { nullable: true })
  timekeeperName!: string | null;

  @Column('text', { nullable: true })
  timekeeperClassification!: string | null;

  @Column('text')
  breakdownJson!: string;
}
