import { Absent, Printable } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDefined,
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsString,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { LineItemFilterDto } from '../line-items/line-item-filter.dto';
import { IsMoneyText } from '../money-text.validator';

export const BULK_ACTIONS = ['approve', 'reject', 'assign', 'reset'] as const;
/** At most this many items in one bulk request or re-rate: one transaction must stay bounded. */
export const BULK_MAX = 200_000;

export class VersionedDto {
  @ApiPropertyOptional({ description: 'The version acted on (or send If-Match).', example: 1 })
  @Absent()
  @IsInt({ message: 'version must be a positive integer' })
  @Min(1, { message: 'version must be a positive integer' })
  version?: number;
}

export class OptionalReasonDto extends VersionedDto {
  @ApiPropertyOptional({ example: 'Checked against the folio' })
  @Absent()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty({ example: 'Guest disputed the call' })
  @IsString({ message: 'reason is required' })
  @Length(1, 500)
  reason!: string;
}

export class AdjustDto extends ReasonDto {
  @ApiProperty({
    example: '1.25',
    description:
      "The amount to bill, a decimal string with no more decimals than the item's currency has, at most the adjustment limit (ADJUSTMENT_LIMIT, default 10000.00).",
  })
  // Its decimals and the limit depend on the item's currency: ReviewService judges them.
  @IsMoneyText()
  amount!: string;
}

export class AssignDto extends ReasonDto {
  @ApiPropertyOptional({
    example: '10234-001',
    description:
      "The billing account; or send matterId. On a law firm with matters it must be a known matter's code (docs/law-firms.md).",
  })
  @Absent()
  @IsString()
  @Length(1, 200)
  @Printable()
  billingAccount?: string;

  @ApiPropertyOptional({
    example: 17,
    description:
      "A law firm's matter (its id): the item is billed to the matter's code, as the plan's account-code pattern writes it. Instead of billingAccount.",
  })
  @Absent()
  @IsInt({ message: 'matterId must be a positive integer' })
  @Min(1, { message: 'matterId must be a positive integer' })
  matterId?: number;
}

export class BulkDto {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'approve' })
  @IsIn(BULK_ACTIONS, { message: `action must be one of ${BULK_ACTIONS.join(', ')}` })
  action!: (typeof BULK_ACTIONS)[number];

  @ApiPropertyOptional({
    type: [Number],
    example: [101, 102, 103],
    description: 'The items, by id; or send a filter instead.',
  })
  @Absent()
  @ArrayNotEmpty()
  @ArrayMaxSize(BULK_MAX)
  @IsInt({ each: true, message: 'ids must be positive integers' })
  @Min(1, { each: true, message: 'ids must be positive integers' })
  ids?: number[];

  @ApiPropertyOptional({
    type: LineItemFilterDto,
    example: { sourceId: 1, status: ['pending'], from: '2026-03-02', to: '2026-03-09' },
    description: 'The items this filter matches, instead of ids.',
  })
  @Absent()
  @ValidateNested()
  @Type(() => LineItemFilterDto)
  filter?: LineItemFilterDto;

  @ApiPropertyOptional({
    example: 'Checked against the folio',
    description: 'Required by reject and assign.',
  })
  @Absent()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ example: 'ROOM-1012', description: 'For assign; or matterId.' })
  @Absent()
  @IsString()
  @Length(1, 200)
  @Printable()
  billingAccount?: string;

  @ApiPropertyOptional({
    example: 17,
    description: "For assign on a law firm's items: a matter (its id) instead of billingAccount.",
  })
  @Absent()
  @IsInt({ message: 'matterId must be a positive integer' })
  @Min(1, { message: 'matterId must be a positive integer' })
  matterId?: number;
}

export class ReRateDto {
  @ApiProperty({
    type: LineItemFilterDto,
    example: { sourceId: 1, from: '2026-03-01', to: '2026-04-01' },
    description: 'Which items; `{}` is every item.',
  })
  @IsDefined({ message: 'filter is required ({} for every item)' })
  @ValidateNested()
  @Type(() => LineItemFilterDto)
  filter!: LineItemFilterDto;

  @ApiPropertyOptional({
    default: false,
    example: false,
    description: 'Also undo approvals, rejections and adjustments of the items that change.',
  })
  @Absent()
  @IsBoolean()
  resetReview?: boolean;
}
