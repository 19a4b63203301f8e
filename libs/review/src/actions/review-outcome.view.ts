import { ApiProperty } from '@nestjs/swagger';
import { BULK_ACTIONS } from './review.dto';
import type { ReRateOutcome } from './re-rate.service';

/** What a bulk action did: every matched item, or none. */
export class BulkOutcomeView {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'approve' }) action!: string;
  @ApiProperty({ example: 42, description: 'Items changed.' }) count!: number;
}

export class ReRateOutcomeView implements ReRateOutcome {
  @ApiProperty({ example: 222, description: 'Items the filter matched.' }) matched!: number;
  @ApiProperty({ example: 139, description: 'Items whose rating, amounts or status changed.' })
  changed!: number;
  @ApiProperty({ example: 80 }) unchanged!: number;
  @ApiProperty({ example: 3, description: 'On an invoice: a re-rate never touches them.' })
  skippedInvoiced!: number;
  @ApiProperty({
    example: 0,
    description: 'With a posting to the PMS (queued or posted): a re-rate never touches them.',
  })
  skippedPosted!: number;
  @ApiProperty({ example: 0, description: "Before the first version of their source's plan." })
  skippedNoVersion!: number;
}
