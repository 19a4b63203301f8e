import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Min } from 'class-validator';
import { Absent, IsDateOrInstant } from '@app/common';
import { EXPORT_FORMATS, ExportFormat } from '../exporters/invoice-file';

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
