import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Absent, IsDateOrInstant } from '@app/common';

/** Which audit events: every field narrows the set; a page at a time, newest first. */
export class AuditEventsQueryDto {
  @ApiPropertyOptional({ example: 'line-item' })
  @Absent()
  @IsString()
  @Length(1, 100)
  entityType?: string;

  @ApiPropertyOptional({ example: '42' })
  @Absent()
  @IsString()
  @Length(1, 100)
  entityId?: string;

  @ApiPropertyOptional({ example: 'line-item.approve' })
  @Absent()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ description: "The acting API key's id." })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  actorKeyId?: number;

  @ApiPropertyOptional({ description: "The acting user's id." })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  actorUserId?: number;

  @ApiPropertyOptional({
    example: '2026-03-01T00:00:00Z',
    description:
      "From (included): a date-time with an offset, or a date meaning its midnight in the default business's zone.",
  })
  @Absent()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-04-01',
    description: 'Before (excluded): a date is the midnight that starts it.',
  })
  @Absent()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the page before.' })
  @Absent()
  @Matches(/^[1-9]\d{0,15}$/, { message: 'cursor is not one this API gave' })
  cursor?: string;
}
