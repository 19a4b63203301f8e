import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { DeliveryLogView } from './delivery-log.view';
import { DeliveryService } from './delivery.service';

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('api/v1/invoices')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveryService) {}

  @Get(':id/deliveries')
  @RequireRole('viewer')
  @ApiOkResponse({ type: DeliveryLogView })
  async log(@Param() { id }: IdParam): Promise<DeliveryLogView> {
    return DeliveryLogView.of(await this.deliveries.log(id));
  }

  /** Delivers the invoice again now, in the background; the answer is the log so far. */
  @Post(':id/deliveries')
  @HttpCode(202)
  @RequireRole('accountant')
  @ApiAcceptedResponse({ type: DeliveryLogView })
  @ApiConflictResponse({
    description:
      'Not finalized, no billing system (no deliveryUrl), already delivered, or a delivery is running.',
  })
  async retry(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<DeliveryLogView> {
    return DeliveryLogView.of(await this.deliveries.retry(id, actor));
  }
}
