import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEEKDAYS } from '../../plan/rate-plan';
import type { Rate, RateFields, TimeBand, Weekday } from '../../plan/rate-plan';
import { decimalString, feeString, RATE_DECIMALS } from '../decimal-string.validator';
import { ArrayOf, NestedArray, Optional, Required } from '../field.decorators';
import {
  bandEnd,
  bandStart,
  boolean,
  DAY_SECONDS,
  integer,
  weekday,
} from '../plan-fields.validator';

/** Money charged once or as a bound: up to the currency's decimals (checked in plan-rules.ts). */
export const FEE_FIELDS = [
  'connectFee',
  'minimumCharge',
  'maximumCharge',
] as const satisfies readonly (keyof RateFields)[];

export class RateFieldsDto implements RateFields {
  @ApiPropertyOptional({
    example: '1.00',
    description: "Charged per call; the currency's decimals",
  })
  @Optional(feeString)
  connectFee?: string;

  @ApiPropertyOptional({ example: '0.45', description: 'Per minute; up to 6 decimals' })
  @Optional(decimalString({ maxDecimals: RATE_DECIMALS }))
  perMinute?: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 60,
    minimum: 0,
    maximum: DAY_SECONDS,
    default: 0,
  })
  @Optional(integer(0, DAY_SECONDS))
  firstIncrementSeconds?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 6,
    minimum: 1,
    maximum: DAY_SECONDS,
    default: 60,
  })
  @Optional(integer(1, DAY_SECONDS))
  incrementSeconds?: number;

  @ApiPropertyOptional({ example: '3.00', description: "The currency's decimals" })
  @Optional(feeString)
  minimumCharge?: string;

  @ApiPropertyOptional({ example: '150.00', description: "The currency's decimals" })
  @Optional(feeString)
  maximumCharge?: string;
}

export class TimeBandDto extends RateFieldsDto implements TimeBand {
  @ApiProperty({ enum: [...WEEKDAYS], isArray: true, example: ['sat', 'sun'] })
  @ArrayOf(weekday, { nonEmpty: true })
  days!: Weekday[];

  @ApiProperty({ example: '00:00', description: 'HH:MM, inclusive, in the plan time zone' })
  @Required(bandStart)
  from!: string;

  @ApiProperty({ example: '24:00', description: 'HH:MM after from, exclusive; 24:00 ends the day' })
  @Required(bandEnd)
  to!: string;
}

/** A key of `rates` that no destination uses is allowed: a class may be kept for later. */
export class RateDto extends RateFieldsDto implements Rate {
  @ApiPropertyOptional({ description: 'No charge whatever the other fields say' })
  @Optional(boolean)
  free?: boolean;

  @ApiPropertyOptional({ type: () => TimeBandDto, isArray: true })
  @NestedArray(() => TimeBandDto, { optional: true })
  timeBands?: TimeBandDto[];
}
