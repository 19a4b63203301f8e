import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { DeliveryLogView } from './delivery-log.view';
import { DeliveryService } from './delivery.service';

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('api/v1/invoices')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveryService) {}

  @Get(':id/deliveries')
  @RequireRole('viewer')
  @ApiOperation({
    summary: "List an invoice's deliveries to its billing system, attempt by attempt",
  })
  @ApiErrors(400, 401, [404, 'No invoice has this id.'])
  @ApiOkResponse({ type: DeliveryLogView })
  log(@Param() { id }: IdParam): Promise<DeliveryLogView> {
    return this.deliveries.log(id);
  }

  /** Delivers the invoice again now, in the background; the answer is the log so far. */
  @Post(':id/deliveries')
  @HttpCode(202)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Deliver a finalized invoice to its billing system again, now' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No invoice has this id.'],
    [
      409,
      'Not finalized, no billing system (no deliveryUrl), already delivered, or a delivery is running.',
    ],
  )
  @ApiAcceptedResponse({
    type: DeliveryLogView,
    description: 'The log so far; it goes on in the background.',
  })
  retry(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<DeliveryLogView> {
    return this.deliveries.retry(id, actor);
  }
}
