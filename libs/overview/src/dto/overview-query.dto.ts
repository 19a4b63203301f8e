import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Absent } from '@app/common';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Which days (of which source) a daily series or a top list sums. */
export class OverviewRangeQueryDto {
  @ApiPropertyOptional({
    example: '2026-03-01',
    description:
      "The first local day, included (a day is the date of a call's start in its source's zone). Default: 29 days before `to`.",
  })
  @Absent()
  @Matches(PLAIN_DATE, { message: 'from must be a date such as 2026-03-02' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-30',
    description:
      "The last local day, included; at most 366 days after `from`. Default: today, in the source's zone (`sourceId`) or else the default business's.",
  })
  @Absent()
  @Matches(PLAIN_DATE, { message: 'to must be a date such as 2026-03-02' })
  to?: string;

  @ApiPropertyOptional({ example: 1, description: "Only this source's items." })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  sourceId?: number;
}

export const TOP_BY = ['billing-account', 'destination'] as const;
export type TopBy = (typeof TOP_BY)[number];

/** A top list: by what, over which days, how many rows. */
export class OverviewTopQueryDto extends OverviewRangeQueryDto {
  @ApiProperty({ enum: TOP_BY, example: 'billing-account' })
  @IsIn(TOP_BY, { message: `by must be one of ${TOP_BY.join(', ')}` })
  by!: TopBy;

  @ApiPropertyOptional({ example: 10, description: 'Rows, at most 100; default 10.' })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
