import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Source } from './source.entity';
import type { SyncRun } from './sync-run.entity';

/** One account code's usage over one summary period, from an Account Code Summary report. */
@Entity('account_summaries')
@Index(
  'UQ_account_summaries_natural_key',
  ['sourceId', 'accountCode', 'periodStartMs', 'periodEndMs'],
  { unique: true },
)
@Check('CK_account_summaries_counts', `"calls" >= 0 AND "total_talk_ms" >= 0`)
@Check('CK_account_summaries_period', `"period_end_ms" > "period_start_ms"`)
export class AccountSummary {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  sourceId!: number;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_account_summaries_source' })
  source?: Source;

  @Column('integer', { nullable: true })
  syncRunId!: number | null;

  @ManyToOne('SyncRun', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sync_run_id', foreignKeyConstraintName: 'FK_account_summaries_sync_run' })
  syncRun?: SyncRun;

  /** Opaque: leading zeros matter. */
  @Column('text')
  accountCode!: string;

  @Column('integer')
  periodStartMs!: number;

  @Column('integer')
  periodEndMs!: number;

  @Column('integer')
  calls!: number;

  @Column('integer')
  totalTalkMs!: number;

  @Column('text')
  rawJson!: string;

  @Column('integer')
  createdAtMs!: number;
}
