import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOrInstant } from '@app/common';

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
