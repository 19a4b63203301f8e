import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DialPlan } from '../../plan/rate-plan';
import { Optional, Required } from '../field.decorators';
import { accessCode, areaCode, dialCountry } from '../plan-fields.validator';

export class DialPlanDto implements DialPlan {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2, as libphonenumber-js knows it' })
  @Required(dialCountry)
  country!: string;

  @ApiPropertyOptional({ example: '9', description: 'The outside-line digits, 1 to 4' })
  @Optional(accessCode)
  accessCode?: string;

  @ApiPropertyOptional({
    example: '303',
    description:
      'The home area code, for a country of the North American Numbering Plan: a local call dialed as 7 digits (first digit 2-9) gets it in front',
  })
  @Optional(areaCode)
  areaCode?: string;
}
