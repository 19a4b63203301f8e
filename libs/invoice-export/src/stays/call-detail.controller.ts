import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { ApiErrors, IdParam, RequireRole } from '@app/common';
import { CALL_DETAIL_FORMATS, type CallDetailFormat, callDetailFileName } from './call-detail';
import { callDetailCsv } from './call-detail-csv';
import { callDetailPdf } from './call-detail-pdf';
import { CallDetailService } from './call-detail.service';
import { pipeline } from 'node:stream/promises';

export class CallDetailQueryDto {
  @ApiProperty({ enum: CALL_DETAIL_FORMATS })
  @IsIn(CALL_DETAIL_FORMATS, {
    message: `format must be one of ${CALL_DETAIL_FORMATS.join(', ')}`,
  })
  format!: CallDetailFormat;
}

const CONTENT_TYPES: Record<CallDetailFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

@ApiTags('stays')
@ApiBearerAuth()
@Controller('api/v1/stays')
export class CallDetailController {
  constructor(private readonly details: CallDetailService) {}

  /** The guest's calls posted to the folio, for check-out (docs/invoices.md). */
  @Get(':id/call-detail')
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      "A stay's call detail for the guest: the calls posted to its folio (and the reservation's other rooms'), as PDF or CSV",
  })
  @ApiErrors(400, 401, [404, 'No stay has this id.'])
  @ApiOkResponse({
    description: 'The file, byte-identical every time while no other call is posted.',
    content: Object.fromEntries(
      CALL_DETAIL_FORMATS.map((format) => [
        CONTENT_TYPES[format],
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  async callDetail(
    @Param() { id }: IdParam,
    @Query() { format }: CallDetailQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const detail = await this.details.detail(id);
    response
      .status(200)
      .setHeader('Content-Type', CONTENT_TYPES[format])
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${callDetailFileName(detail, format)}"`,
      );
    if (format === 'csv') {
      response.end(callDetailCsv(detail));
      return;
    }
    await pipeline(callDetailPdf(detail), response);
  }
}
