import { createHash } from 'node:crypto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Absent, IsDateOrInstant, optionalRange } from '@app/common';
import { INVOICE_STATUSES, type InvoiceFilter, InvoiceStatus } from '@app/ledger';

/** Which invoices: every field narrows; none matches every invoice. */
export class InvoiceFilterDto {
  @ApiPropertyOptional({
    description: 'One status or several, comma-separated: `draft,finalized`.',
    example: 'draft',
  })
  @Absent()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value,
  )
  @IsArray({ message: `status must be one or more of ${INVOICE_STATUSES.join(', ')}` })
  @ArrayNotEmpty({ message: 'status must name at least one status' })
  @IsIn(INVOICE_STATUSES, {
    each: true,
    message: `status must be one or more of ${INVOICE_STATUSES.join(', ')}`,
  })
  status?: InvoiceStatus[];

  @ApiPropertyOptional({ example: 2 })
  @Absent()
  @Type(() => Number)
  @IsInt({ message: 'businessId must be the id of a business' })
  @Min(1, { message: 'businessId must be the id of a business' })
  businessId?: number;

  @ApiPropertyOptional({ example: 1 })
  @Absent()
  @Type(() => Number)
  @IsInt({ message: 'sourceId must be the id of a source' })
  @Min(1, { message: 'sourceId must be the id of a source' })
  sourceId?: number;

  @ApiPropertyOptional({ example: 'ROOM-1012' })
  @Absent()
  @IsString()
  @Length(1, 200)
  billingAccount?: string;

  @ApiPropertyOptional({
    example: '2026-03-01',
    description:
      "Period starting at or after this: a date (midnight in the business's zone) or a date-time with an offset.",
  })
  @Absent()
  @IsDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-04-01',
    description: 'Period starting before this (a date or a date-time with an offset).',
  })
  @Absent()
  @IsDateOrInstant()
  to?: string;

  @ApiPropertyOptional({
    example: 'GH-2026-',
    description: 'An invoice number, or its beginning: `GH-2026-` is every GH number of 2026.',
  })
  @Absent()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, {
    message: 'number must be an invoice number or its beginning (e.g. GH-2026-000001, GH-2026-)',
  })
  number?: string;
}

export class InvoicePageQueryDto extends InvoiceFilterDto {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @Absent()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 1000' })
  @Min(1, { message: 'limit must be an integer from 1 to 1000' })
  @Max(1000, { message: 'limit must be an integer from 1 to 1000' })
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the page before.' })
  @Absent()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}

/** Invoices taken by a bulk action: by ids, or by a filter (at most `max`). */
export class InvoiceIdsDto {
  @ApiPropertyOptional({ type: [Number], example: [41, 42] })
  @Absent()
  @IsArray({ message: 'ids must be an array of invoice ids' })
  @ArrayNotEmpty({ message: 'ids must name at least one invoice' })
  @ArrayMaxSize(1000, { message: 'ids must name at most 1000 invoices' })
  @IsInt({ each: true, message: 'ids must be an array of invoice ids' })
  @Min(1, { each: true, message: 'ids must be an array of invoice ids' })
  ids?: number[];
}

/** A request's filter as the ledger reads it, and the key that ties a cursor to it. */
export interface KeyedInvoiceFilter {
  filter: InvoiceFilter;
  /** Identifies the filter, so that a cursor is refused by another one. */
  key: string;
}

/** The filter as the invoice store takes it; plain dates are midnights in `zone`. */
export function invoiceFilterOf(filter: InvoiceFilterDto, zone: string): KeyedInvoiceFilter {
  const { fromMs, toMs } = optionalRange(filter.from, filter.to, zone, 'filter');
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        filter.status,
        filter.businessId,
        filter.sourceId,
        filter.billingAccount,
        fromMs,
        toMs,
        filter.number,
      ]),
    )
    .digest('base64url')
    .slice(0, 12);
  return {
    filter: {
      statuses: filter.status,
      businessId: filter.businessId,
      sourceId: filter.sourceId,
      billingAccount: filter.billingAccount,
      periodStartFromMs: fromMs,
      periodStartBeforeMs: toMs,
      numberPrefix: filter.number?.toUpperCase(),
    },
    key,
  };
}
