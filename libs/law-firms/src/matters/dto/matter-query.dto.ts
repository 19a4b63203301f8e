import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Absent } from '@app/common';
import { MATTER_STATUSES, MatterStatus } from '@app/ledger';

/** Which matters: part of a number or a name, a status; a page at a time. */
export class MatterQueryDto {
  @ApiPropertyOptional({
    example: 'acme',
    description: 'Part of a client or matter number or name, or of `client-matter`; any case.',
  })
  @Absent()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: MATTER_STATUSES, example: 'open' })
  @Absent()
  @IsIn(MATTER_STATUSES, { message: 'status must be open or closed' })
  status?: MatterStatus;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the page before.' })
  @Absent()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}
