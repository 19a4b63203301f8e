import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Invoice } from './invoice.entity';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One attempt to POST a finalised invoice to a billing system; the log a person reads. */
@Entity('invoice_deliveries')
@Check('CK_invoice_deliveries_status', `"status" IN ('pending', 'delivered', 'failed')`)
@Index('IX_invoice_deliveries_invoice', ['invoiceId', 'attemptedAtMs'])
export class InvoiceDelivery {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  invoiceId!: number;

  @ManyToOne('Invoice', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'FK_invoice_deliveries_invoice' })
  invoice?: Invoice;

  @Column('text')
  url!: string;

  /** The invoice number, sent as the idempotency key on every attempt. */
  @Column('text')
  idempotencyKey!: string;

  @Column('integer')
  attempt!: number;

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer', { nullable: true })
  httpStatus!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('integer')
  attemptedAtMs!: number;
}
