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

export const SYNC_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export const SYNC_TRIGGERS = ['schedule', 'manual', 'cli', 'demo'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/** One pull of a source's window, with what it found. */
@Entity('sync_runs')
@Check('CK_sync_runs_status', `"status" IN ('running', 'succeeded', 'failed')`)
@Check('CK_sync_runs_trigger', `"trigger" IN ('schedule', 'manual', 'cli', 'demo')`)
@Index('IX_sync_runs_source_started', ['sourceId', 'startedAtMs'])
// The ledger itself refuses a second running sync of one source.
@Index('UQ_sync_runs_one_running_per_source', ['sourceId'], {
  unique: true,
  where: `"status" = 'running'`,
})
export class SyncRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  sourceId!: number;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_sync_runs_source' })
  source?: Source;

  @Column('text')
  status!: SyncRunStatus;

  @Column('text')
  trigger!: SyncTrigger;

  @Column('integer')
  fromMs!: number;

  @Column('integer')
  toMs!: number;

  @Column('integer', { default: 0 })
  fetched!: number;

  @Column('integer', { default: 0 })
  inserted!: number;

  @Column('integer', { default: 0 })
  duplicates!: number;

  @Column('integer', { default: 0 })
  rated!: number;

  @Column('integer', { default: 0 })
  noCharge!: number;

  @Column('integer', { default: 0 })
  needsReview!: number;

  @Column('integer', { default: 0 })
  errors!: number;

  /** Requests to Xima that were retried (202, 429, 5xx, timeouts, resets). */
  @Column('integer', { default: 0 })
  retries!: number;

  /** JSON array of human-readable messages. */
  @Column('text', { default: '[]' })
  messagesJson!: string;

  @Column('integer')
  startedAtMs!: number;

  @Column('integer', { nullable: true })
  finishedAtMs!: number | null;
}
