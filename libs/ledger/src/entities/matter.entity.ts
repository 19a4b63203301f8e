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

export const MATTER_STATUSES = ['open', 'closed'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/**
 * A law firm's client and matter, as its time-and-billing system exports them
 * (docs/law-firms.md). A call's account code is checked against the matter in force at the
 * call's time: open, closed after `closedDate` (a date in the business's zone), or not billable.
 * The list is replaced as a whole by an import; a matter is never deleted by one (a matter
 * missing from a new file is left as it was, so that yesterday's items keep their matter).
 */
@Entity('matters')
@Check('CK_matters_status', `"status" IN ('open', 'closed')`)
@Check('CK_matters_closed_date', `"status" = 'closed' OR "closed_date" IS NULL`)
@Index('UQ_matters_number', ['businessId', 'clientNumber', 'matterNumber'], { unique: true })
export class Matter {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  businessId!: number;

  @ManyToOne('Business', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'business_id', foreignKeyConstraintName: 'FK_matters_business' })
  business?: Business;

  @Column('text')
  clientNumber!: string;

  @Column('text')
  clientName!: string;

  @Column('text')
  matterNumber!: string;

  @Column('text')
  matterName!: string;

  @Column('text')
  status!: MatterStatus;

  /** `2026-11-30`: calls on later days (in the business's zone) are `closed-matter`. */
  @Column('text', { nullable: true })
  closedDate!: string | null;

  /** A matter that is not billable makes its calls `no-charge` (`non-billable-matter`). */
  @Column('boolean', { default: true })
  billable!: boolean;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;
}
