import { ApiProperty } from '@nestjs/swagger';
import { isoTime } from '@app/common';
import type { Invoice, InvoiceLine, Stay } from '@app/ledger';
import { formatMinor } from '@app/money';
import { EXPORT_FORMATS, exportFormatsOf } from '../exporters/invoice-file';

/** The fields of a line that its view shows. */
export const INVOICE_LINE_VIEW_FIELDS = [
  'lineNumber',
  'lineItemId',
  'callId',
  'startTimeMs',
  'description',
  'amountMinor',
  'taxMinor',
  'totalMinor',
] as const satisfies readonly (keyof InvoiceLine)[];

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
  @ApiProperty({
    example: 'America/Denver',
    description: "The IANA zone of the invoice's dates (its exports' times of day, invoice date).",
  })
  timezone!: string;
  @ApiProperty({
    enum: EXPORT_FORMATS,
    isArray: true,
    example: ['pms', 'csv', 'json', 'pdf'],
    description:
      "The formats it exports as: a draft or void invoice json only, a finalised one the formats that fit its business's kind.",
  })
  exportFormats!: string[];

  static of(invoice: Invoice): InvoiceSummaryView {
    const money = (minor: number) => formatMinor(minor, invoice.currency);
    return {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      businessId: invoice.businessId,
      sourceId: invoice.sourceId,
      billingAccount: invoice.billingAccount,
      periodStart: isoTime(invoice.periodStartMs),
      periodEnd: isoTime(invoice.periodEndMs),
      currency: invoice.currency,
      subtotal: money(invoice.subtotalMinor),
      tax: money(invoice.taxMinor),
      total: money(invoice.totalMinor),
      finalizedAt: invoice.finalizedAtMs === null ? null : isoTime(invoice.finalizedAtMs),
      voidReason: invoice.voidReason,
      timezone: invoice.timezone,
      exportFormats: exportFormatsOf(invoice),
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

/** The guest stay an invoice drafted per stay is for. */
export class InvoiceStayView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '1012' }) room!: string;
  @ApiProperty({ example: '48213', description: "The PMS's reservation number." })
  reservation!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Okafor, Ada' }) guestName!: string | null;
  @ApiProperty({ example: '2026-03-09T15:12:00.000Z', description: 'Check-in (or move in).' })
  from!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Check-out; null while in house.' })
  to!: string | null;

  static of(stay: Stay): InvoiceStayView {
    return {
      id: stay.id,
      room: stay.room,
      reservation: stay.reservation,
      guestName: stay.guestName,
      from: isoTime(stay.fromMs),
      to: stay.toMs === null ? null : isoTime(stay.toMs),
    };
  }
}

/** An invoice with its lines. */
export class InvoiceView extends InvoiceSummaryView {
  @ApiProperty({
    type: InvoiceStayView,
    nullable: true,
    description: 'The guest stay it is for, when drafted per stay (every line of one stay).',
  })
  stay!: InvoiceStayView | null;
  @ApiProperty({ type: [InvoiceLineView] }) lines!: InvoiceLineView[];

  static withLines(
    invoice: Invoice,
    lines: Pick<InvoiceLine, (typeof INVOICE_LINE_VIEW_FIELDS)[number]>[],
    stay: Stay | null = null,
  ): InvoiceView {
    const money = (minor: number) => formatMinor(minor, invoice.currency);
    return {
      ...InvoiceSummaryView.of(invoice),
      stay: stay ? InvoiceStayView.of(stay) : null,
      lines: lines.map((line) => ({
        lineNumber: line.lineNumber,
        lineItemId: line.lineItemId,
        callId: line.callId,
        startTime: isoTime(line.startTimeMs),
        description: line.description,
        amount: money(line.amountMinor),
        tax: money(line.taxMinor),
        total: money(line.totalMinor),
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
  @ApiProperty({
    type: [InvoiceView],
    description: 'The drafts made, one an account (or, by stay, one a stay and account).',
  })
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
