import { ApiPropertyOptional } from '@nestjs/swagger';
import type { LedesSettings } from '../../plan/rate-plan';
import { Optional } from '../field.decorators';
import { invoiceDescription, lawFirmId } from '../plan-fields.validator';

export class LedesDto implements LedesSettings {
  @ApiPropertyOptional({ example: '24-6437381', description: 'Letters, digits and -, 1 to 20' })
  @Optional(lawFirmId)
  lawFirmId?: string;

  @ApiPropertyOptional({
    example: 'Telephone charges',
    maxLength: 200,
    description: 'No |, [, ] or line breaks (LEDES separators)',
  })
  @Optional(invoiceDescription)
  invoiceDescription?: string;
}
