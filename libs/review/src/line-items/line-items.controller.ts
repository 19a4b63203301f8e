import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, IdParam, RequireRole } from '@app/common';
import { LineItemFilterDto, LineItemPageQueryDto } from './line-item-filter.dto';
import { LineItemDetail, LineItemDetailView, LineItemPageView } from './line-item.view';
import { LineItemsService } from './line-items.service';

@ApiTags('line items')
@ApiBearerAuth()
@Controller('api/v1/line-items')
export class LineItemsController {
  constructor(private readonly items: LineItemsService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Find line items: filters, pages in start-time order, totals of all matched',
  })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: LineItemPageView })
  page(@Query() query: LineItemPageQueryDto): Promise<LineItemPageView> {
    return this.items.page(query);
  }

  /** Every item the filter matches, as CSV, streamed. */
  @Get('export.csv')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Export every line item the filter matches as CSV' })
  @ApiErrors(400, 401)
  @ApiOkResponse({
    description: '`line-items.csv`, streamed: a header row, then one row an item.',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  })
  async exportCsv(@Query() query: LineItemFilterDto, @Res() response: Response): Promise<void> {
    const csv = await this.items.exportCsv(query);
    response.status(200);
    response.setHeader('Content-Type', csv.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    await csv.writeTo(response);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a line item with its rating, call record, plan and history' })
  @ApiErrors(400, 401, [404, 'No line item has this id.'])
  @ApiOkResponse({ type: LineItemDetailView })
  detail(@Param() { id }: IdParam): Promise<LineItemDetail> {
    return this.items.detail(id);
  }
}
