import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RATE_TABLE_COLUMNS } from '../rate-table-csv';

/** A carrier's rate table as CSV text, for a new version of a per-call plan (docs/rating.md). */
export class ImportRateTableDto {
  @ApiProperty({
    description: `The CSV, a header row \`${RATE_TABLE_COLUMNS.join(',')}\` then a row a prefix; empty cells are unset.`,
    example: `${RATE_TABLE_COLUMNS.join(',')}\n1,long-distance,1.00,0.45,60,6,,\n44,uk,2.00,1.20,60,60,3.00,\n`,
  })
  @IsString({ message: 'csv is required' })
  @MinLength(1, { message: 'csv is required' })
  // The JSON body limit (1 MB) bounds it first; this says so in the document.
  @MaxLength(1_000_000)
  csv!: string;

  @ApiPropertyOptional({
    example: '2027-01-01T00:00:00-07:00',
    description: 'When the version takes effect (ISO-8601 with an offset); default: now.',
  })
  @IsOptional()
  @IsString()
  effectiveFrom?: string;
}
