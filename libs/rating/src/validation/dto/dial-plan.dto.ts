import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DialPlan } from '../../plan/rate-plan';
import { Optional, Required } from '../field.decorators';
import { accessCode, dialCountry } from '../plan-fields.validator';

export class DialPlanDto implements DialPlan {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2, as libphonenumber-js knows it' })
  @Required(dialCountry)
  country!: string;

  @ApiPropertyOptional({ example: '9', description: 'The outside-line digits, 1 to 4' })
  @Optional(accessCode)
  accessCode?: string;
}
