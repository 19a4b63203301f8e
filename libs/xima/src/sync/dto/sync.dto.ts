import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SYNC_RUN_STATUSES, SyncRun } from '@app/ledger';
import { isoTime } from '@app/common';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$|^\d{4}-\d{2}-\d{2}$/;

/** `{ from, to }`: a window to pull now; a date alone is midnight in the source's zone. */
export class SyncRequestDto {
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00-07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or date-time' })
  @Matches(WITH_OFFSET, { message: 'from must carry an offset (or be a plain date)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-08T00:00:00-07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or date-time' })
  @Matches(WITH_OFFSET, { message: 'to must carry an offset (or be a plain date)' })
  to?: string;
}

export class SyncRunsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  sourceId?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

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
