import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Absent, IsDateOrInstant } from '@app/common';
import { LINE_ITEM_STATUSES, LineItemStatus } from '@app/ledger';
import { IsMoneyText } from '../money-text.validator';
import { RATING_REASONS } from './rating-reasons';

/**
 * A filter's amounts are compared in every currency the ledger holds, rounded to each (see
 * compileFilter), so they may have up to 6 decimals; 12 integer digits keep any currency's
 * minor units within SQLite's 64-bit integers.
 */
const FILTER_AMOUNT_RULES = { decimals: 6, max: '999999999999.999999' };

/** Which line items: every field narrows the set; none given is every item. */
export class LineItemFilterDto {
  @ApiPropertyOptional({ example: 1 })
  @Absent()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  sourceId?: number;

  @ApiPropertyOptional({
    description: 'One status or several, comma-separated: `pending,needs-review`.',
    example: 'pending',
  })
  @Absent()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @ArrayNotEmpty({ message: 'status must name at least one status' })
  @IsIn(LINE_ITEM_STATUSES, {
    each: true,
    message: `status must be one or more of ${LINE_ITEM_STATUSES.join(', ')}`,
  })
  status?: LineItemStatus[];

  @ApiPropertyOptional({
    description:
      "Rating's reason, one or several, comma-separated: `unknown-matter,closed-matter` (docs/law-firms.md).",
    example: 'unknown-matter',
  })
  @Absent()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @ArrayNotEmpty({ message: 'reason must name at least one reason' })
  @IsIn(RATING_REASONS, {
    each: true,
    message: `reason must be one or more of ${RATING_REASONS.join(', ')}`,
  })
  reason?: string[];

  @ApiPropertyOptional({ example: '253', description: 'The extension that made the call.' })
  @Absent()
  @IsString()
  @Length(1, 100)
  extension?: string;

  @ApiPropertyOptional({
    example: 'TK-014',
    description: "The timekeeper's id (a law firm's items, docs/law-firms.md).",
  })
  @Absent()
  @IsString()
  @Length(1, 100)
  timekeeper?: string;

  @ApiPropertyOptional({ example: 'ROOM-1012' })
  @Absent()
  @IsString()
  @Length(1, 200)
  billingAccount?: string;

  @ApiPropertyOptional({ example: 'international' })
  @Absent()
  @IsString()
  @Length(1, 100)
  destinationClass?: string;

  @ApiPropertyOptional({
    example: '2026-03-02',
    description:
      "Start time, from (included): a date-time with an offset, or a date meaning its midnight in the source's zone (`sourceId`) or else the default business's.",
  })
  @Absent()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-09',
    description:
      'Start time, before (excluded): a date is the midnight that starts it, so `from=2026-11-01&to=2026-12-01` is November.',
  })
  @Absent()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({ example: '1.00', description: 'Billed amount, at least.' })
  @Absent()
  @IsMoneyText(FILTER_AMOUNT_RULES)
  minAmount?: string;

  @ApiPropertyOptional({
    example: '100.00',
    description: 'Billed amount, at most; not below minAmount.',
  })
  @Absent()
  @IsMoneyText(FILTER_AMOUNT_RULES)
  maxAmount?: string;

  @ApiPropertyOptional({
    example: '555-0100',
    description: 'Found in the dialed or normalised number or the account code.',
  })
  @Absent()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class LineItemPageQueryDto extends LineItemFilterDto {
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

  @ApiPropertyOptional({
    default: true,
    description:
      'First page only: the count and sums of everything matched. `false` skips them (a broad filter sums every item it matches).',
  })
  @Absent()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'totals must be true or false' })
  totals?: boolean;
}
