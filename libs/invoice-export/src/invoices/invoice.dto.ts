import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsInt, IsString, Length, Matches, Min } from 'class-validator';
import { Absent, Printable } from '@app/common';
import { EXPORT_FORMATS, ExportFormat } from '../exporters/invoice-file';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

export class PeriodDto {
  @ApiProperty({ example: '2026-03-01T00:00:00-07:00', description: 'Start, included.' })
  @IsISO8601({ strict: true }, { message: 'periodStart must be an ISO-8601 date-time' })
  @Matches(WITH_OFFSET, { message: 'periodStart must carry an offset (Z or ±hh:mm)' })
  periodStart!: string;

  @ApiProperty({ example: '2026-04-01T00:00:00-06:00', description: 'End, excluded.' })
  @IsISO8601({ strict: true }, { message: 'periodEnd must be an ISO-8601 date-time' })
  @Matches(WITH_OFFSET, { message: 'periodEnd must carry an offset (Z or ±hh:mm)' })
  periodEnd!: string;
}

export class CreateInvoiceDto extends PeriodDto {
  @ApiProperty({ example: 'ROOM-1012' })
  @IsString()
  @Length(1, 200)
  @Printable()
  billingAccount!: string;

  @ApiPropertyOptional({
    description: 'Whose invoice, when the account has approved items of several businesses.',
  })
  @Absent()
  @IsInt({ message: 'businessId must be the id of a business' })
  @Min(1, { message: 'businessId must be the id of a business' })
  businessId?: number;
}

export class BatchInvoicesDto extends PeriodDto {
  @ApiPropertyOptional()
  @Absent()
  @IsInt()
  @Min(1)
  sourceId?: number;

  @ApiPropertyOptional({ description: "Only this business's items." })
  @Absent()
  @IsInt({ message: 'businessId must be the id of a business' })
  @Min(1, { message: 'businessId must be the id of a business' })
  businessId?: number;
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
}
