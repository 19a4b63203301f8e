import { ApiProperty } from '@nestjs/swagger';
import { RecordError, SYNC_RUN_STATUSES, SyncRun } from '@app/ledger';
import { isoTime } from '@app/common';

export class SyncRunView {
  @ApiProperty() id!: number;
  @ApiProperty() sourceId!: number;
  @ApiProperty({ enum: SYNC_RUN_STATUSES }) status!: string;
  @ApiProperty() trigger!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() fetched!: number;
  @ApiProperty() inserted!: number;
  @ApiProperty() duplicates!: number;
  @ApiProperty() rated!: number;
  @ApiProperty() noCharge!: number;
  @ApiProperty() needsReview!: number;
  @ApiProperty() errors!: number;
  @ApiProperty({ description: 'Requests to Xima that were retried.' }) retries!: number;
  @ApiProperty({ type: [String] }) messages!: string[];
  @ApiProperty() startedAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;

  static of(run: SyncRun): SyncRunView {
    return {
      id: run.id,
      sourceId: run.sourceId,
      status: run.status,
      trigger: run.trigger,
      from: isoTime(run.fromMs),
      to: isoTime(run.toMs),
      fetched: run.fetched,
      inserted: run.inserted,
      duplicates: run.duplicates,
      rated: run.rated,
      noCharge: run.noCharge,
      needsReview: run.needsReview,
      errors: run.errors,
      retries: run.retries,
      messages: JSON.parse(run.messagesJson) as string[],
      startedAt: isoTime(run.startedAtMs),
      finishedAt: run.finishedAtMs === null ? null : isoTime(run.finishedAtMs),
    };
  }
}

export class SyncRunListView {
  @ApiProperty({ type: [SyncRunView] }) items!: SyncRunView[];
}

/** A row a sync run could not read or rate, kept with why. */
export class RecordErrorView {
  @ApiProperty() id!: number;
  @ApiProperty({
    example: 'no version of plan 1 is in force at 2026-03-01T06:59:00.000Z',
    description: 'Why the row was not stored as a record or rated.',
  })
  reason!: string;
  @ApiProperty({ description: 'The row exactly as Xima sent it, as JSON text.' })
  rawJson!: string;
  @ApiProperty() createdAt!: string;

  static of(error: RecordError): RecordErrorView {
    return {
      id: error.id,
      reason: error.reason,
      rawJson: error.rawJson,
      createdAt: isoTime(error.createdAtMs),
    };
  }
}

export class RecordErrorListView {
  @ApiProperty({ type: [RecordErrorView] }) items!: RecordErrorView[];
}
