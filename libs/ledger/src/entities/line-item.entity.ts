import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { AccountSummary } from './account-summary.entity';
import type { CallRecord } from './call-record.entity';
import type { Invoice } from './invoice.entity';
import type { RatePlanVersion } from './rate-plan-version.entity';
import type { Source } from './source.entity';
import type { Stay } from './stay.entity';

export const LINE_ITEM_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'no-charge',
  'needs-review',
  'invoiced',
  'posted',
] as const;
export type LineItemStatus = (typeof LINE_ITEM_STATUSES)[number];

/**
 * A rated call record or account-code summary row. Money is integer minor units of
 * `currency`; `amountMinor` is what is billed (the reviewer's adjustment when there is one,
 * else `ratedAmountMinor`).
 */
@Entity('line_items')
@Check(
  'CK_line_items_status',
  `"status" IN ('pending', 'approved', 'rejected', 'no-charge', 'needs-review', 'invoiced', 'posted')`,
)
@Check('CK_line_items_one_origin', `("call_record_id" IS NULL) <> ("account_summary_id" IS NULL)`)
@Check(
  'CK_line_items_money',
  `"rated_amount_minor" >= 0 AND "amount_minor" >= 0 AND "tax_minor" >= 0 AND ("adjusted_amount_minor" IS NULL OR "adjusted_amount_minor" >= 0)`,
)
@Check('CK_line_items_total', `"total_minor" = "amount_minor" + "tax_minor"`)
@Index('UQ_line_items_call_record', ['callRecordId'], { unique: true })
@Index('UQ_line_items_account_summary', ['accountSummaryId'], { unique: true })
// Review queries: keyset order is (start_time_ms, id) under each filter.
@Index('IX_line_items_start', ['startTimeMs', 'id'])
@Index('IX_line_items_status_start', ['status', 'startTimeMs', 'id'])
@Index('IX_line_items_account_start', ['billingAccount', 'startTimeMs', 'id'])
@Index('IX_line_items_source_start', ['sourceId', 'startTimeMs', 'id'])
@Index('IX_line_items_invoice', ['invoiceId'])
@Index('IX_line_items_stay', ['stayId'])
@Index('IX_line_items_reason_start', ['reason', 'startTimeMs', 'id'])
@Index('IX_line_items_timekeeper_start', ['timekeeperId', 'startTimeMs', 'id'])
export class LineItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  sourceId!: number;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_line_items_source' })
  source?: Source;

  @Column('integer', { nullable: true })
  callRecordId!: number | null;

  @ManyToOne('CallRecord', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_record_id', foreignKeyConstraintName: 'FK_line_items_call_record' })
  callRecord?: CallRecord;

  @Column('integer', { nullable: true })
  accountSummaryId!: number | null;

  @ManyToOne('AccountSummary', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'account_summary_id',
    foreignKeyConstraintName: 'FK_line_items_account_summary',
  })
  accountSummary?: AccountSummary;

  /** The call's id, or the account code and period for a summary row. */
  @Column('text')
  callId!: string;

  @Column('text', { nullable: true })
  billingAccount!: string | null;

  /** The call's start, or the summary period's start. */
  @Column('integer')
  startTimeMs!: number;

  /**
   * `startTimeMs`'s date (`2026-03-02`) on the wall clock of its source's zone: the day the
   * overview counts it on (docs/decisions/0026-overview-totals.md). The ledger fills it when
   * the item is stored, and again for every item of a source whose zone changes.
   */
  @Column('text')
  localDate!: string;

  @Column('text', { nullable: true })
  extension!: string | null;

  @Column('text', { nullable: true })
  accountCode!: string | null;

  @Column('text', { nullable: true })
  dialedNumber!: string | null;

  @Column('text', { nullable: true })
  normalizedNumber!: string | null;

  @Column('text', { nullable: true })
  destinationPrefix!: string | null;

  @Column('text', { nullable: true })
  destinationClass!: string | null;

  @Column('text', { nullable: true })
  timeBand!: string | null;

  @Column('integer')
  talkSeconds!: number;

  @Column('integer')
  billedSeconds!: number;

  /** Number of calls for a summary row; 1 for a call. */
  @Column('integer', { default: 1 })
  calls!: number;

  @Column('text')
  currency!: string;

  @Column('integer')
  ratedAmountMinor!: number;

  @Column('integer', { nullable: true })
  adjustedAmountMinor!: number | null;

  @Column('integer')
  amountMinor!: number;

  /** JSON array of { name, ratePercent, amountMinor } computed on `amountMinor`. */
  @Column('text', { default: '[]' })
  taxesJson!: string;

  @Column('integer')
  taxMinor!: number;

  @Column('integer')
  totalMinor!: number;

  @Column('text')
  status!: LineItemStatus;

  /** Why rating gave this status: grace, free-destination, no-rate, missing-account-code… */
  @Column('text', { nullable: true })
  reason!: string | null;

  /** The last reviewer's reason (reject, adjust, assign). */
  @Column('text', { nullable: true })
  reviewReason!: string | null;

  @Column('integer')
  ratePlanId!: number;

  @Column('integer')
  ratePlanVersionId!: number;

  @ManyToOne('RatePlanVersion', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'rate_plan_version_id',
    foreignKeyConstraintName: 'FK_line_items_rate_plan_version',
  })
  ratePlanVersion?: RatePlanVersion;

  /** The plan version's number, for display and exports. */
  @Column('integer')
  ratePlanVersionNumber!: number;

  /** The engine's full result: rate fields used, steps, a sentence a person can check. */
  @Column('text')
  breakdownJson!: string;

  /** The live invoice this item is on, if any. */
  @Column('integer', { nullable: true })
  invoiceId!: number | null;

  @ManyToOne('Invoice', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'FK_line_items_invoice' })
  invoice?: Invoice;

  /**
   * The hotel guest's stay that held the call's room when it started, for a source a PMS link
   * posts (docs/pms-link.md); null until the PMS told us of one.
   */
  @Column('integer', { nullable: true })
  stayId!: number | null;

  @ManyToOne('Stay', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stay_id', foreignKeyConstraintName: 'FK_line_items_stay' })
  stay?: Stay;

  /**
   * Who made the call, for a law firm with timekeepers (docs/law-firms.md): the timekeeper in
   * force for the extension on the call's day, as rating found it (LEDES TIMEKEEPER_*).
   */
  @Column('text', { nullable: true })
  timekeeperId!: string | null;

  @Column('text', { nullable: true })
  timekeeperName!: string | null;

  @Column('text', { nullable: true })
  timekeeperClassification!: string | null;

  /** Optimistic concurrency: bumped by every change. */
  @Column('integer', { default: 1 })
  version!: number;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;
}
