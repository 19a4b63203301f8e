import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Source } from './source.entity';
import type { SyncRun } from './sync-run.entity';

/** A report row that could not be parsed: kept with its reason, never dropped. */
@Entity('record_errors')
@Index('IX_record_errors_sync_run', ['syncRunId'])
@Index('IX_record_errors_source', ['sourceId'])
export class RecordError {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  sourceId!: number;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_record_errors_source' })
  source?: Source;

  @Column('integer')
  syncRunId!: number;

  @ManyToOne('SyncRun', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sync_run_id', foreignKeyConstraintName: 'FK_record_errors_sync_run' })
  syncRun?: SyncRun;

  @Column('text')
  reason!: string;

  /** The row exactly as Xima sent it. */
  @Column('text')
  rawJson!: string;

  @Column('integer')
  createdAtMs!: number;
}
