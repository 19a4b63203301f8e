import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { ApiErrors, IdParam, RequireRole, spreadsheetSafe } from '@app/common';
import { LineItemFilterDto, LineItemPageQueryDto } from './line-item-filter';
import { LineItemDetailView, LineItemPageView, LineItemView } from './line-item.view';
import { LineItemDetail, LineItemsService } from './line-items.service';

const CSV_COLUMNS: [string, (item: LineItemView) => string | number | null][] = [
  ['id', (i) => i.id],
  ['sourceId', (i) => i.sourceId],
  ['callId', (i) => i.callId],
  ['startTime', (i) => i.startTime],
  ['localStartTime', (i) => i.localStartTime],
  ['billingAccount', (i) => i.billingAccount],
  ['extension', (i) => i.extension],
  ['accountCode', (i) => i.accountCode],
  ['dialedNumber', (i) => i.dialedNumber],
  ['normalizedNumber', (i) => i.normalizedNumber],
  ['destinationClass', (i) => i.destinationClass],
  ['talkSeconds', (i) => i.talkSeconds],
  ['billedSeconds', (i) => i.billedSeconds],
  ['currency', (i) => i.currency],
  ['ratedAmount', (i) => i.ratedAmount],
  ['amount', (i) => i.amount],
  ['tax', (i) => i.tax],
  ['total', (i) => i.total],
  ['status', (i) => i.status],
  ['reason', (i) => i.reason],
  ['reviewReason', (i) => i.reviewReason],
  ['ratePlanId', (i) => i.ratePlanId],
  ['ratePlanVersion', (i) => i.ratePlanVersion],
  ['version', (i) => i.version],
];

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
    const filter = await this.items.compile(query);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="line-items.csv"');
    const items = this.items;
    async function* cells() {
      for await (const rows of items.all(filter)) {
        for (const row of rows) {
          const item = LineItemView.of(row);
          yield CSV_COLUMNS.map(([, cell]) => {
            const value = cell(item);
            return typeof value === 'string' ? spreadsheetSafe(value) : value;
          });
        }
      }
    }
    // pipeline ends the reading when the client goes away, and passes errors on.
    await pipeline(
      Readable.from(cells()),
      stringify({ header: true, columns: CSV_COLUMNS.map(([name]) => name) }),
      response,
    ).catch((error: unknown) => {
      // The headers are sent: all that is left is to cut the answer short.
      if (!response.destroyed) response.destroy(error as Error);
    });
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
