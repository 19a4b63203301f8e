import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, AuthenticatedActor, CurrentActor, IdParam, RequireRole } from '@app/common';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, type InvoiceFile } from '../exporters/invoice-file';
import {
  ArchiveQueryDto,
  BatchInvoicesDto,
  BulkFinalizeDto,
  CreateInvoiceDto,
  ExportQueryDto,
  VoidInvoiceDto,
} from './invoice.dto';
import { InvoicePageQueryDto } from './invoice-filter';
import { FinalizeReportView, InvoiceBatchView, InvoicePageView, InvoiceView } from './invoice.view';
import { InvoicesApiService } from './invoices-api.service';

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('api/v1/invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesApiService) {}

  @Post()
  @RequireRole('accountant')
  @ApiOperation({ summary: "Draft an invoice of a billing account's approved items in a period" })
  @ApiErrors(
    400,
    401,
    403,
    [
      409,
      'No approved, uninvoiced items in the period, or items of several businesses (name a businessId) or currencies.',
    ],
    413,
    415,
  )
  @ApiCreatedResponse({ type: InvoiceView })
  create(
    @Body() body: CreateInvoiceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.invoices.create(body, actor);
  }

  @Post('batch')
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Draft an invoice for every account with approved items in a period' })
  @ApiErrors(400, 401, 403, [409, "An account's items are in several currencies."], 413, 415)
  @ApiCreatedResponse({ type: InvoiceBatchView })
  batch(
    @Body() body: BatchInvoicesDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceBatchView> {
    return this.invoices.batch(body, actor);
  }

  /** Invoices newest first, a page at a time; the list carries no lines (the detail does). */
  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Find invoices: filters, pages newest first, no lines' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: InvoicePageView })
  list(@Query() query: InvoicePageQueryDto): Promise<InvoicePageView> {
    return this.invoices.list(query);
  }

  /** Many invoices as one ZIP, each entry its own export; refused whole before a byte. */
  @Get('export')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Export many invoices as one ZIP, a file each' })
  @ApiErrors(
    400,
    401,
    [404, 'An id names no invoice.'],
    [409, 'An invoice does not export in this format (nothing is sent): the message says which.'],
  )
  @ApiOkResponse({
    description: 'A ZIP, streamed: each entry is the invoice exported on its own.',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  async archive(@Query() query: ArchiveQueryDto, @Res() response: Response): Promise<void> {
    await download(response, await this.invoices.archive(query));
  }

  /** Finalises many drafts, each on its own: a report says what became of each. */
  @Post('finalize')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Finalize many drafts, each on its own, with a report of each' })
  @ApiErrors(400, 401, 403, [404, 'An id names no invoice; nothing was finalized.'], 413, 415)
  @ApiOkResponse({ type: FinalizeReportView })
  finalizeMany(
    @Body() body: BulkFinalizeDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<FinalizeReportView> {
    return this.invoices.finalizeMany(body, actor);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get an invoice with its lines' })
  @ApiErrors(400, 401, [404, 'No invoice has this id.'])
  @ApiOkResponse({ type: InvoiceView })
  get(@Param() { id }: IdParam): Promise<InvoiceView> {
    return this.invoices.get(id);
  }

  /** The invoice as a file (docs/exports.md): byte-identical every time, streamed. */
  @Get(':id/export')
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      'Export an invoice as a file: csv, json, ledes1998b, pms, pdf, or disbursements with a template',
  })
  @ApiErrors(
    [
      400,
      'A format or template that does not exist, disbursements without a template, a template with another format, LEDES without a firm id.',
    ],
    401,
    [404, 'No invoice has this id.'],
    [
      409,
      "Not finalized (json shows a draft too), or a format that does not fit the business's kind.",
    ],
  )
  @ApiOkResponse({
    description: `The file, streamed, byte-identical every time: ${EXPORT_FORMATS.map((format) => `${format} as ${EXPORT_CONTENT_TYPES[format].split(';')[0]}`).join(', ')}.`,
    content: Object.fromEntries(
      EXPORT_FORMATS.map((format) => [
        EXPORT_CONTENT_TYPES[format],
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  async export(
    @Param() { id }: IdParam,
    @Query() { format, template }: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await download(response, await this.invoices.export(id, format, template));
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: "Collect a draft's lines again (items approved or changed since)" })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No invoice has this id.'],
    [409, 'The invoice is not a draft: a finalized invoice never changes.'],
  )
  @ApiOkResponse({ type: InvoiceView })
  refresh(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.invoices.refresh(id, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Delete a draft: its items can be invoiced again' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No invoice has this id.'],
    [409, 'The invoice is not a draft: a finalized invoice never changes.'],
  )
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param() { id }: IdParam, @CurrentActor() actor: AuthenticatedActor): Promise<void> {
    return this.invoices.remove(id, actor);
  }

  @Post(':id/finalize')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: "Finalize a draft: it takes its business's next number" })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No invoice has this id.'],
    [409, 'The invoice is not a draft: a finalized invoice never changes.'],
  )
  @ApiOkResponse({ type: InvoiceView })
  finalize(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.invoices.finalize(id, actor);
  }

  @Post(':id/void')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Void a finalized invoice: its number and totals are kept' })
  @ApiErrors(
    400,
    401,
    403,
    [404, 'No invoice has this id.'],
    [409, 'Only a finalized invoice can be voided.'],
    413,
    415,
  )
  @ApiOkResponse({ type: InvoiceView })
  void(
    @Param() { id }: IdParam,
    @Body() body: VoidInvoiceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.invoices.void(id, body.reason, actor);
  }
}

/** A file as a download: its type, its name, its bytes streamed. */
async function download(response: Response, file: InvoiceFile): Promise<void> {
  response
    .status(200)
    .setHeader('Content-Type', file.contentType)
    .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  await pipeline(file.body, response);
}
