import { ApiProperty } from '@nestjs/swagger';
import { RevalidatedView } from '../../revalidation';

/** The codes (`client-matter`) of each kind of change, the first 50 of each. */
export class MatterCodesView {
  @ApiProperty({ example: ['10234-004'] }) added!: string[];
  @ApiProperty({ example: ['10234-001'] }) closed!: string[];
  @ApiProperty({ example: [] }) reopened!: string[];
  @ApiProperty({ example: ['20001-002'] }) renamed!: string[];
  @ApiProperty({ example: [] }) billableChanged!: string[];
  @ApiProperty({ example: ['10100-003'] }) notInFile!: string[];
}

/** What a matter import changed. A matter may count in several kinds (renamed and closed). */
export class MatterImportSummaryView {
  @ApiProperty({ example: 1 }) added!: number;
  @ApiProperty({ example: 1, description: 'Closed, or a closed date moved.' }) closed!: number;
  @ApiProperty({ example: 0 }) reopened!: number;
  @ApiProperty({ example: 1, description: 'The client or matter name changed.' })
  renamed!: number;
  @ApiProperty({ example: 0 }) billableChanged!: number;
  @ApiProperty({ example: 41 }) unchanged!: number;
  @ApiProperty({
    example: 1,
    description: 'Stored matters the file does not name: kept as they are, never deleted.',
  })
  notInFile!: number;
  @ApiProperty({ example: 44, description: 'Rows in the file.' }) total!: number;
  @ApiProperty({ type: MatterCodesView }) codes!: MatterCodesView;
  @ApiProperty({ example: 3, description: "The business's law book version after the import." })
  lawBookVersion!: number;
  @ApiProperty({ type: RevalidatedView }) revalidated!: RevalidatedView;
}
