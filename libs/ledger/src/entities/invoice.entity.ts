import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Business } from './business.entity';
import type { RatePlan } from './rate-plan.entity';
import type { Source } from './source.entity';

export const INVOICE_STATUSES = ['draft', 'finalized', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** One billing account's approved line items for a period `[periodStart, periodEnd)`. */
@Entity('invoices')
@Check('CK_invoices_status', `"status" IN ('draft', 'finalized', 'void')`)
@Check('CK_invoices_period', `"period_end_ms" > "period_start_ms"`)
@Check('CK_invoices_total', `"total_minor" = "subtotal_minor" + "tax_minor"`)
@Check(
  'CK_invoices_numbered',
  `("status" = 'draft') = ("number" IS NULL) AND ("number" IS NULL) = ("sequence" IS NULL)`,
)
@Index('UQ_invoices_number', ['number'], { unique: true })
@Index('UQ_invoices_business_year_sequence', ['businessId', 'numberYear', 'sequence'], {
  unique: true,
})
@Index('IX_invoices_business_status', ['businessId', 'status', 'id'])
@Index('IX_invoices_account_period', ['billingAccount', 'periodStartMs'])
@Index('IX_invoices_status', ['status'])
export class Invoice {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The business that bills: its prefix, sequence, name and address are the invoice's. */
  @Column('integer')
  businessId!: number;

  @ManyToOne('Business', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'business_id', foreignKeyConstraintName: 'FK_invoices_business' })
  business?: Business;

  /**
   * The business as the invoice names it (name, kind, address, tax id, payment terms), copied at
   * finalisation so that a finalised invoice reads the same for good; null on a draft.
   */
  @Column('text', { nullable: true })
  issuerJson!: string | null;

  /** `GH-2026-000001` (the business's prefix), assigned at finalisation; never reused. */
  @Column('text', { nullable: true })
  number!: string | null;

  @Column('integer', { nullable: true })
  numberYear!: number | null;

  @Column('integer', { nullable: true })
  sequence!: number | null;

  @Column('text')
  status!: InvoiceStatus;

  @Column('text')
  billingAccount!: string;

  @Column('integer', { nullable: true })
  sourceId!: number | null;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_invoices_source' })
  source?: Source;

  /** The plan whose settings the exports use (time zone, LEDES firm id). */
  @Column('integer', { nullable: true })
  ratePlanId!: number | null;

  @ManyToOne('RatePlan', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rate_plan_id', foreignKeyConstraintName: 'FK_invoices_rate_plan' })
  ratePlan?: RatePlan;

  /** IANA zone for the invoice's dates (invoice date, line dates). */
  @Column('text')
  timezone!: string;

  @Column('integer')
  periodStartMs!: number;

  @Column('integer')
  periodEndMs!: number;

  @Column('text')
  currency!: string;

  @Column('integer', { default: 0 })
  subtotalMinor!: number;

  @Column('integer', { default: 0 })
  taxMinor!: number;

  @Column('integer', { default: 0 })
  totalMinor!: number;

  @Column('integer', { nullable: true })
  finalizedAtMs!: number | null;

  @Column('integer', { nullable: true })
  voidedAtMs!: number | null;

  @Column('text', { nullable: true })
  voidReason!: string | null;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;

  @Column('integer', { default: 1 })
  version!: number;
}
