import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SYNC_RUN_STATUSES, SyncRun } from '@app/ledger';
import { IsDateOrInstant, isoTime } from '@app/common';

/** `{ from, to }`: a window to pull now; a date alone is midnight in the source's zone. */
export class SyncRequestDto {
  @ApiPropertyOptional({
    example: '2026-03-01',
    description:
      "From (included): a date-time with an offset, or a date meaning its midnight in the source's zone.",
  })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-08',
    description: 'Before (excluded): a date is the midnight that starts it.',
  })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;
}

export class SyncRunsQueryDto {
  @ApiPropertyOptional({ example: 1, description: "Only this source's runs." })
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
