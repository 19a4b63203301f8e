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

export const CALL_DIRECTIONS = ['outbound', 'inbound', 'internal'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** A call as Xima reported it, in canonical form (docs/rating.md, "The records"), raw row kept. */
@Entity('call_records')
@Index('UQ_call_records_source_call', ['sourceId', 'callId'], { unique: true })
@Index('IX_call_records_start', ['startTimeMs'])
@Check('CK_call_records_direction', `"direction" IN ('outbound', 'inbound', 'internal')`)
@Check('CK_call_records_talk_ms', `"talk_ms" >= 0`)
export class CallRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  sourceId!: number;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_call_records_source' })
  source?: Source;

  @Column('integer', { nullable: true })
  syncRunId!: number | null;

  @ManyToOne('SyncRun', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sync_run_id', foreignKeyConstraintName: 'FK_call_records_sync_run' })
  syncRun?: SyncRun;

  @Column('text')
  callId!: string;

  @Column('integer')
  startTimeMs!: number;

  @Column('text')
  direction!: CallDirection;

  @Column('text', { nullable: true })
  extension!: string | null;

  @Column('text', { nullable: true })
  dialedNumber!: string | null;

  @Column('integer')
  talkMs!: number;

  @Column('text', { nullable: true })
  accountCode!: string | null;

  /** The report row exactly as Xima sent it. */
  @Column('text')
  rawJson!: string;

  @Column('integer')
  createdAtMs!: number;
}
