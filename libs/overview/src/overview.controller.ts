import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, RequireRole } from '@app/common';
import { OverviewRangeQueryDto, OverviewTopQueryDto } from './dto/overview-query.dto';
import { DailyView, SourcesOverviewView, TopView } from './dto/overview.view';
import { OverviewService } from './overview.service';

@ApiTags('overview')
@ApiBearerAuth()
@Controller('api/v1/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get('sources')
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      "Each source's last sync and lag, errors of its last runs, and items waiting for review with their sums",
  })
  @ApiErrors(401)
  @ApiOkResponse({ type: SourcesOverviewView })
  sources(): Promise<SourcesOverviewView> {
    return this.overview.sources();
  }

  @Get('daily')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Calls and billed amounts per local day (every day of the range, none left out)',
  })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: DailyView })
  daily(@Query() query: OverviewRangeQueryDto): Promise<DailyView> {
    return this.overview.daily(query);
  }

  @Get('top')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'The top billing accounts or destinations of a period, by charges' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: TopView })
  top(@Query() query: OverviewTopQueryDto): Promise<TopView> {
    return this.overview.top(query);
  }
}
