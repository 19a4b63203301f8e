import { ApiProperty } from '@nestjs/swagger';
import type { Tax } from '../../plan/rate-plan';
import { decimalString, RATE_DECIMALS } from '../decimal-string.validator';
import { Required } from '../field.decorators';
import { text } from '../plan-fields.validator';

export class TaxDto implements Tax {
  @ApiProperty({ example: 'State sales tax', maxLength: 200, description: 'Unique in the plan' })
  @Required(text({ maxLength: 200 }))
  name!: string;

  // A tax is a share of the amount: more than 100 % is a typo, not a tax.
  @ApiProperty({ example: '6.25', description: 'Percent of the amount, up to 6 decimals, <= 100' })
  @Required(decimalString({ maxDecimals: RATE_DECIMALS, max: '100' }))
  ratePercent!: string;
}
