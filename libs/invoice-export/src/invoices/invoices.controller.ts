import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  AuthenticatedActor,
  CurrentActor,
  IdParam,
  RequireRole,
  isoTime,
} from '@app/common';
import { DeliveryService } from '../delivery/delivery.service';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  type InvoiceFile,
  invoiceFile,
} from '../exporters/invoice-file';
import { Ledger } from '@app/ledger';
import { formatMinor } from '@app/money';
import { invoiceArchive } from '../exporters/invoice-archive';
import {
  ArchiveQueryDto,
  BatchInvoicesDto,
  BulkFinalizeDto,
  CreateInvoiceDto,
  ExportQueryDto,
  VoidInvoiceDto,
} from './invoice.dto';
import { InvoicePageQueryDto } from './invoice-filter';
import { FinalizeOutcome, InvoiceRow, InvoicesService } from './invoices.service';

interface LineRow {
  line_number: number;
  line_item_id: number;
  call_id: string;
  start_time_ms: number;
  description: string;
  amount_minor: number;
  tax_minor: number;
  total_minor: number;
  adjustment_minor: number;
}

/** An invoice in a list: everything but its lines. */
export class InvoiceSummaryView {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: String, example: 'GH-2026-000001' }) number!: string | null;
  @ApiProperty({ enum: ['draft', 'finalized', 'void'] }) status!: string;
  @ApiProperty() businessId!: number;
  @ApiProperty({ nullable: true, type: Number }) sourceId!: number | null;
  @ApiProperty() billingAccount!: string;
  @ApiProperty() periodStart!: string;
  @ApiProperty() periodEnd!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ example: '152.40' }) subtotal!: string;
  @ApiProperty({ example: '9.53' }) tax!: string;
  @ApiProperty({ example: '161.93' }) total!: string;
  @ApiProperty({ nullable: true, type: String }) finalizedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason!: string | null;

  static of(invoice: InvoiceRow): InvoiceSummaryView {
    const money = (minor: number) => formatMinor(minor, invoice.currency);
    return {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      businessId: invoice.business_id,
      sourceId: invoice.source_id,
      billingAccount: invoice.billing_account,
      periodStart: isoTime(invoice.period_start_ms),
      periodEnd: isoTime(invoice.period_end_ms),
      currency: invoice.currency,
      subtotal: money(invoice.subtotal_minor),
      tax: money(invoice.tax_minor),
      total: money(invoice.total_minor),
      finalizedAt: invoice.finalized_at_ms === null ? null : isoTime(invoice.finalized_at_ms),
      voidReason: invoice.void_reason,
    };
  }
}

/** A line of an invoice: one line item, as billed. */
export class InvoiceLineView {
  @ApiProperty({ example: 1 }) lineNumber!: number;
  @ApiProperty({ example: 1234 }) lineItemId!: number;
  @ApiProperty({ example: 'c-000123' }) callId!: string;
  @ApiProperty({ example: '2026-03-10T20:05:00.000Z' }) startTime!: string;
  @ApiProperty({ example: 'Telephone: +13035550100, 2 min' }) description!: string;
  @ApiProperty({ example: '0.75' }) amount!: string;
  @ApiProperty({ example: '0.05' }) tax!: string;
  @ApiProperty({ example: '0.80' }) total!: string;
}

/** An invoice with its lines. */
export class InvoiceView extends InvoiceSummaryView {
  @ApiProperty({ type: [InvoiceLineView] }) lines!: InvoiceLineView[];

  static withLines(invoice: InvoiceRow, lines: LineRow[]): InvoiceView {
    const money = (minor: number) => formatMinor(minor, invoice.currency);
    return {
      ...InvoiceSummaryView.of(invoice),
      lines: lines.map((line) => ({
        lineNumber: line.line_number,
        lineItemId: line.line_item_id,
        callId: line.call_id,
        startTime: isoTime(line.start_time_ms),
        description: line.description,
        amount: money(line.amount_minor),
        tax: money(line.tax_minor),
        total: money(line.total_minor),
      })),
    };
  }
}

export class InvoicePageView {
  @ApiProperty({ type: [InvoiceSummaryView] }) items!: InvoiceSummaryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class InvoiceBatchView {
  @ApiProperty({ type: [InvoiceView], description: 'The drafts made, one an account.' })
  items!: InvoiceView[];
  @ApiProperty({ example: 2, description: 'Accounts left out because they total 0.' })
  skippedZero!: number;
}

/** What became of one invoice of a bulk finalize. */
export class FinalizeOutcomeView {
  @ApiProperty({ example: 41 }) id!: number;
  @ApiProperty({ enum: ['finalized', 'refused'] }) outcome!: string;
  @ApiProperty({ required: false, example: 'GH-2026-000007', description: 'When finalized.' })
  number?: string;
  @ApiProperty({ required: false, example: 409, description: 'When refused: the status alone.' })
  status?: number;
  @ApiProperty({ required: false, description: 'When refused: why.' })
  message?: string;
}

export class FinalizeReportView {
  @ApiProperty({ example: 3 }) finalized!: number;
  @ApiProperty({ example: 1 }) refused!: number;
  @ApiProperty({ type: [FinalizeOutcomeView] }) results!: FinalizeOutcomeView[];
}

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('api/v1/invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly ledger: Ledger,
    private readonly deliveries: DeliveryService,
  ) {}

  private async view(invoice: InvoiceRow): Promise<InvoiceView> {
    const lines = await this.ledger.manager.query<LineRow[]>(
      `SELECT line_number, line_item_id, call_id, start_time_ms, description, amount_minor,
         tax_minor, total_minor, adjustment_minor
       FROM invoice_lines WHERE invoice_id = ? ORDER BY line_number`,
      [invoice.id],
    );
    return InvoiceView.withLines(invoice, lines);
  }

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
  async create(
    @Body() body: CreateInvoiceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    const period = await this.invoices.period(body);
    return this.view(
      await this.invoices.createDraft(body.billingAccount, period, actor, body.businessId ?? null),
    );
  }

  @Post('batch')
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Draft an invoice for every account with approved items in a period' })
  @ApiErrors(400, 401, 403, [409, "An account's items are in several currencies."], 413, 415)
  @ApiCreatedResponse({ type: InvoiceBatchView })
  async batch(
    @Body() body: BatchInvoicesDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<{ items: InvoiceView[]; skippedZero: number }> {
    const period = await this.invoices.period(body);
    const { drafts, skippedZero } = await this.invoices.batch(
      period,
      { sourceId: body.sourceId ?? null, businessId: body.businessId ?? null },
      actor,
      body.includeZero ?? false,
    );
    return { items: await Promise.all(drafts.map((draft) => this.view(draft))), skippedZero };
  }

  /** Invoices newest first, a page at a time; the list carries no lines (the detail does). */
  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Find invoices: filters, pages newest first, no lines' })
  @ApiErrors(400, 401)
  @ApiOkResponse({ type: InvoicePageView })
  async list(
    @Query() query: InvoicePageQueryDto,
  ): Promise<{ items: InvoiceSummaryView[]; nextCursor: string | null }> {
    const { items, nextCursor } = await this.invoices.list(query);
    return { items: items.map((row) => InvoiceSummaryView.of(row)), nextCursor };
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
    const { format, ids, ...filter } = query;
    const invoices = await this.invoices.matching(ids, ids === undefined ? filter : undefined);
    await download(response, await invoiceArchive(this.ledger, invoices, format));
  }

  /** Finalises many drafts, each on its own: a report says what became of each. */
  @Post('finalize')
  @HttpCode(200)
  @RequireRole('accountant')
  @ApiOperation({ summary: 'Finalize many drafts, each on its own, with a report of each' })
  @ApiErrors(400, 401, 403, [404, 'An id names no invoice; nothing was finalized.'], 413, 415)
  @ApiOkResponse({ type: FinalizeReportView })
  async finalizeMany(
    @Body() body: BulkFinalizeDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<{ finalized: number; refused: number; results: FinalizeOutcome[] }> {
    const invoices = await this.invoices.matching(
      body.ids,
      body.filter === undefined ? undefined : { ...body.filter, status: ['draft'] },
    );
    const { outcomes, finalized } = await this.invoices.finalizeMany(invoices, actor);
    for (const invoice of finalized) this.deliveries.deliverFinalized(invoice);
    return {
      finalized: finalized.length,
      refused: outcomes.length - finalized.length,
      results: outcomes,
    };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get an invoice with its lines' })
  @ApiErrors(400, 401, [404, 'No invoice has this id.'])
  @ApiOkResponse({ type: InvoiceView })
  async get(@Param() { id }: IdParam): Promise<InvoiceView> {
    return this.view(await this.invoices.load(this.ledger.manager, id));
  }

  /** The invoice as a file (exports.md): byte-identical every time, streamed. */
  @Get(':id/export')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Export an invoice as a file: csv, json, ledes1998b, pms or pdf' })
  @ApiErrors(
    400,
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
    @Query() { format }: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const invoice = await this.invoices.load(this.ledger.manager, id);
    await download(response, await invoiceFile(this.ledger, invoice, format));
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
  async refresh(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.view(await this.invoices.refresh(id, actor));
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
  async remove(@Param() { id }: IdParam, @CurrentActor() actor: AuthenticatedActor): Promise<void> {
    await this.invoices.remove(id, actor);
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
  async finalize(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    const invoice = await this.invoices.finalize(id, actor);
    // In the background, after the commit: a billing system never holds up or fails this.
    this.deliveries.deliverFinalized(invoice);
    return this.view(invoice);
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
  async void(
    @Param() { id }: IdParam,
    @Body() body: VoidInvoiceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.view(await this.invoices.void(id, body.reason, actor));
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
