import { ApiProperty } from '@nestjs/swagger';
import type { Destination } from '../../plan/rate-plan';
import { Required } from '../field.decorators';
import { destinationPrefix, text } from '../plan-fields.validator';

export class DestinationDto implements Destination {
  @ApiProperty({ example: '44', description: 'Leading digits; "" matches every number' })
  @Required(destinationPrefix)
  prefix!: string;

  @ApiProperty({ example: 'uk', description: 'A key of rates' })
  @Required(text())
  class!: string;
}
