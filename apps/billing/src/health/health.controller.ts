import { Controller, Get, Header } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@app/common';
import { HealthService } from './health.service';
import { HealthView } from './health.view';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Header('Cache-Control', 'no-cache, no-store, must-revalidate')
  @ApiOperation({
    summary: "Liveness, a database ping, each enabled source's last sync and Xima's reachability",
  })
  @ApiOkResponse({ type: HealthView, description: '`ok`, or `degraded` with the details' })
  @ApiServiceUnavailableResponse({ description: 'The ledger does not answer' })
  check(): Promise<HealthView> {
    return this.health.check();
  }
}
