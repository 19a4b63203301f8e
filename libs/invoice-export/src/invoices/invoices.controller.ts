import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, IdParam, RequireRole, isoTime } from '@app/common';
import { DeliveryService } from '../delivery/delivery.service';
import { invoiceFile } from '../exporters/invoice-file';
import { Ledger } from '@app/ledger';
import { formatMinor } from '@app/rating';
import { BatchInvoicesDto, CreateInvoiceDto, ExportQueryDto, VoidInvoiceDto } from './invoice.dto';
import { InvoiceRow, InvoicesService } from './invoices.service';

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

export class InvoiceView {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: String, example: 'GH-2026-000001' }) number!: string | null;
  @ApiProperty({ enum: ['draft', 'finalized', 'void'] }) status!: string;
  @ApiProperty({ description: 'The business that bills.' }) businessId!: number;
  @ApiProperty() billingAccount!: string;
  @ApiProperty() periodStart!: string;
  @ApiProperty() periodEnd!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ example: '152.40' }) subtotal!: string;
  @ApiProperty({ example: '9.53' }) tax!: string;
  @ApiProperty({ example: '161.93' }) total!: string;
  @ApiProperty({ nullable: true, type: String }) finalizedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason!: string | null;
  @ApiProperty() lines!: {
    lineNumber: number;
    lineItemId: number;
    callId: string;
    startTime: string;
    description: string;
    amount: string;
    tax: string;
    total: string;
  }[];

  static of(invoice: InvoiceRow, lines: LineRow[]): InvoiceView {
    const money = (minor: number) => formatMinor(minor, invoice.currency);
    return {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      businessId: invoice.business_id,
      billingAccount: invoice.billing_account,
      periodStart: isoTime(invoice.period_start_ms),
      periodEnd: isoTime(invoice.period_end_ms),
      currency: invoice.currency,
      subtotal: money(invoice.subtotal_minor),
      tax: money(invoice.tax_minor),
      total: money(invoice.total_minor),
      finalizedAt: invoice.finalized_at_ms === null ? null : isoTime(invoice.finalized_at_ms),
      voidReason: invoice.void_reason,
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
    return InvoiceView.of(invoice, lines);
  }

  @Post()
  @RequireRole('accountant')
  @ApiOkResponse({ type: InvoiceView })
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
  async batch(
    @Body() body: BatchInvoicesDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<{ items: InvoiceView[] }> {
    const period = await this.invoices.period(body);
    const drafts = await this.invoices.batch(
      period,
      { sourceId: body.sourceId ?? null, businessId: body.businessId ?? null },
      actor,
    );
    return { items: await Promise.all(drafts.map((draft) => this.view(draft))) };
  }

  @Get()
  @RequireRole('viewer')
  async list(): Promise<{ items: InvoiceView[] }> {
    const rows = await this.ledger.manager.query<InvoiceRow[]>(
      'SELECT * FROM invoices ORDER BY id DESC LIMIT 500',
    );
    return { items: rows.map((row) => InvoiceView.of(row, [])) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOkResponse({ type: InvoiceView })
  async get(@Param() { id }: IdParam): Promise<InvoiceView> {
    return this.view(await this.invoices.load(this.ledger.manager, id));
  }

  /** The invoice as a file (exports.md): byte-identical every time, streamed. */
  @Get(':id/export')
  @RequireRole('viewer')
  async export(
    @Param() { id }: IdParam,
    @Query() { format }: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const invoice = await this.invoices.load(this.ledger.manager, id);
    const file = await invoiceFile(this.ledger, invoice, format);
    response
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    await pipeline(file.body, response);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @RequireRole('accountant')
  async refresh(
    @Param() { id }: IdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.view(await this.invoices.refresh(id, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('accountant')
  async remove(@Param() { id }: IdParam, @CurrentActor() actor: AuthenticatedActor): Promise<void> {
    await this.invoices.remove(id, actor);
  }

  @Post(':id/finalize')
  @HttpCode(200)
  @RequireRole('accountant')
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
  async void(
    @Param() { id }: IdParam,
    @Body() body: VoidInvoiceDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InvoiceView> {
    return this.view(await this.invoices.void(id, body.reason, actor));
  }
}
