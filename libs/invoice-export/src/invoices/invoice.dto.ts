import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import { Absent, IsDateOrInstant, Printable } from '@app/common';
import { DISBURSEMENT_TEMPLATE_NAMES } from '../disbursements/disbursement-templates';
import { EXPORT_FORMATS, ExportFormat } from '../exporters/invoice-file';
import { InvoiceFilterDto, InvoiceIdsDto } from './invoice-filter';
import { BATCH_GROUPINGS, type BatchGrouping } from './invoices.service';

/** `[periodStart, periodEnd)`; a plain date is a midnight in the business's zone (decision 0020). */
export class PeriodDto {
  @ApiProperty({
    example: '2026-03-01',
    description:
      "Start, included: a date-time with an offset, or a date meaning its midnight in the business's zone.",
  })
  @IsDateOrInstant()
  periodStart!: string;

  @ApiProperty({
    example: '2026-04-01',
    description:
      'End, excluded: a date is the midnight that starts it, so 2026-03-01 to 2026-04-01 is March.',
  })
  @IsDateOrInstant()
  periodEnd!: string;
}

export class CreateInvoiceDto extends PeriodDto {
  @ApiProperty({ example: 'ROOM-1012' })
  @IsString()
  @Length(1, 200)
  @Printable()
  billingAccount!: string;

  @ApiPropertyOptional({
    example: 1,
    description: 'Whose invoice, when the account has approved items of several businesses.',
  })
  @Absent()
  @IsInt({ message: 'businessId must be the id of a business' })
  @Min(1, { message: 'businessId must be the id of a business' })
  businessId?: number;
}

export class BatchInvoicesDto extends PeriodDto {
  @ApiPropertyOptional({ example: 1, description: "Only this source's items." })
  @Absent()
  @IsInt()
  @Min(1)
  sourceId?: number;

  @ApiPropertyOptional({ example: 1, description: "Only this business's items." })
  @Absent()
  @IsInt({ message: 'businessId must be the id of a business' })
  @Min(1, { message: 'businessId must be the id of a business' })
  businessId?: number;

  @ApiPropertyOptional({
    default: false,
    example: false,
    description: 'Also draft accounts whose approved items total 0 (skipped by default).',
  })
  @Absent()
  @IsBoolean({ message: 'includeZero must be true or false' })
  includeZero?: boolean;

  @ApiPropertyOptional({
    enum: BATCH_GROUPINGS,
    default: 'billing-account',
    example: 'billing-account',
    description:
      'One draft per billing account, or per guest stay (items tied to a stay of a PMS link; the draft shows the stay).',
  })
  @Absent()
  @IsIn(BATCH_GROUPINGS, { message: `groupBy must be one of ${BATCH_GROUPINGS.join(', ')}` })
  groupBy?: BatchGrouping;
}

export class BulkFinalizeDto extends InvoiceIdsDto {
  @ApiPropertyOptional({
    type: () => InvoiceFilterDto,
    example: { businessId: 1, from: '2026-03-01', to: '2026-04-01' },
    description: 'The drafts this filter matches (its status is always draft), instead of ids.',
  })
  @Absent()
  @ValidateNested()
  @Type(() => InvoiceFilterDto)
  filter?: InvoiceFilterDto;
}

/** `?template=`: a disbursement file's layout (docs/exports.md#disbursements). */
const TEMPLATE_PROPERTY = {
  enum: DISBURSEMENT_TEMPLATE_NAMES,
  example: 'generic',
  description:
    'With format=disbursements (required there, refused with any other format): the layout of the columns, a template shipped with the service.',
};
const TEMPLATE_MESSAGE = `template must be one of ${DISBURSEMENT_TEMPLATE_NAMES.join(', ')}`;

export class ArchiveQueryDto extends InvoiceFilterDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;

  @ApiPropertyOptional(TEMPLATE_PROPERTY)
  @Absent()
  @IsIn(DISBURSEMENT_TEMPLATE_NAMES, { message: TEMPLATE_MESSAGE })
  template?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated invoice ids, instead of the filter: `41,42,43`.',
    example: '41,42',
  })
  @Absent()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.split(',').map((id) => (/^\s*\d+\s*$/.test(id) ? Number(id) : id))
      : value,
  )
  @IsInt({ each: true, message: 'ids must be comma-separated invoice ids' })
  @Min(1, { each: true, message: 'ids must be comma-separated invoice ids' })
  ids?: number[];
}

export class VoidInvoiceDto {
  @ApiProperty({ example: 'Billed to the wrong room' })
  @IsString({ message: 'reason is required' })
  @Length(1, 500)
  reason!: string;
}

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, {
    message: `format must be one of ${EXPORT_FORMATS.join(', ')}`,
  })
  format!: ExportFormat;

  @ApiPropertyOptional(TEMPLATE_PROPERTY)
  @Absent()
  @IsIn(DISBURSEMENT_TEMPLATE_NAMES, { message: TEMPLATE_MESSAGE })
  template?: string;
}
