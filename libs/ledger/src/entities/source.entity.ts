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

export const SOURCE_KINDS = ['call-records', 'account-summary'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A Xima report to pull, the plan that rates it, and where its sync stands. */
@Entity('sources')
@Check('CK_sources_kind', `"kind" IN ('call-records', 'account-summary')`)
@Check('CK_sources_chunk_days', `"chunk_days" >= 1`)
export class Source {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_sources_name', { unique: true })
  @Column('text')
  name!: string;

  @Column('text')
  kind!: SourceKind;

  /** The business whose calls these are. */
  @Column('integer')
  businessId!: number;

  @ManyToOne('Business', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'business_id', foreignKeyConstraintName: 'FK_sources_business' })
  business?: Business;

  /** Xima's report key from API Enablement > Historical Data Access. */
  @Column('text')
  historicDataKey!: string;

  @Column('integer')
  ratePlanId!: number;

  @ManyToOne('RatePlan', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rate_plan_id', foreignKeyConstraintName: 'FK_sources_rate_plan' })
  ratePlan?: RatePlan;

  /** IANA zone: chunk boundaries and local times in exports. */
  @Column('text')
  timezone!: string;

  /** Canonical field -> report column titles, overriding the defaults. */
  @Column('text', { nullable: true })
  columnsJson!: string | null;

  /** Extra request parameters, sent to Xima verbatim. */
  @Column('text', { nullable: true })
  parametersJson!: string | null;

  @Column('boolean', { default: true })
  enabled!: boolean;

  @Column('boolean', { default: false })
  autoApprove!: boolean;

  /** Overrides SYNC_CRON for this source. */
  @Column('text', { nullable: true })
  syncCron!: string | null;

  @Column('integer', { default: 1 })
  chunkDays!: number;

  @Column('integer', { default: 60 })
  overlapMinutes!: number;

  @Column('integer', { default: 15 })
  settleMinutes!: number;

  /** Everything before this instant has been committed. */
  @Column('integer', { nullable: true })
  watermarkMs!: number | null;

  /** Billing system that receives finalised invoices (HMAC-signed POST). */
  @Column('text', { nullable: true })
  deliveryUrl!: string | null;

  /** Secret for the delivery signature; never returned by the API, logged or exported. */
  @Column('text', { nullable: true })
  deliverySecret!: string | null;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;

  @Column('integer', { default: 1 })
  version!: number;
}
