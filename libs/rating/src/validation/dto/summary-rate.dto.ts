import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountOverride, SummaryRate } from '../../plan/rate-plan';
import { ACCOUNT_CODE_MAX_LENGTH } from '../account-pattern-safety';
import { decimalString, RATE_DECIMALS } from '../decimal-string.validator';
import { Optional, Required } from '../field.decorators';
import { DAY_SECONDS, integer, text } from '../plan-fields.validator';

export class SummaryRateDto implements SummaryRate {
  @ApiPropertyOptional({ example: '0.10', description: 'Per call; up to 6 decimals' })
  @Optional(decimalString({ maxDecimals: RATE_DECIMALS }))
  perCall?: string;

  @ApiPropertyOptional({ example: '0.25', description: 'Per minute; up to 6 decimals' })
  @Optional(decimalString({ maxDecimals: RATE_DECIMALS }))
  perMinute?: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 60,
    minimum: 1,
    maximum: DAY_SECONDS,
    default: 60,
  })
  @Optional(integer(1, DAY_SECONDS))
  incrementSeconds?: number;
}

export class AccountOverrideDto extends SummaryRateDto implements AccountOverride {
  @ApiProperty({
    example: '10234-001',
    description: 'Unique in the plan',
    maxLength: ACCOUNT_CODE_MAX_LENGTH,
  })
  @Required(text({ trimmed: true, maxLength: ACCOUNT_CODE_MAX_LENGTH }))
  accountCode!: string;
}
