import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Timekeeper } from '@app/ledger';
import { RevalidatedView } from '../../revalidation';
import { TIMEKEEPER_COLUMNS } from '../timekeeper-list';

export class TimekeeperView {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ example: '2101' }) extension!: string;
  @ApiProperty({ example: 'JDOE' }) timekeeperId!: string;
  @ApiProperty({ example: 'Jane Doe' }) name!: string;
  @ApiProperty({ example: 'PARTNER' }) classification!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-01',
    description: 'From this day on (business zone); null: since always.',
  })
  effectiveFrom!: string | null;

  static of(timekeeper: Timekeeper): TimekeeperView {
    return {
      id: timekeeper.id,
      extension: timekeeper.extension,
      timekeeperId: timekeeper.timekeeperId,
      name: timekeeper.name,
      classification: timekeeper.classification,
      effectiveFrom: timekeeper.effectiveFrom === '' ? null : timekeeper.effectiveFrom,
    };
  }
}

export class TimekeeperListView {
  @ApiProperty({ type: [TimekeeperView] }) items!: TimekeeperView[];
}

/** What a timekeeper import changed: the file replaces the list, row by (extension, date). */
export class TimekeeperImportSummaryView {
  @ApiProperty({ example: 2 }) added!: number;
  @ApiProperty({ example: 1, description: 'Stored rows the file no longer has.' })
  removed!: number;
  @ApiProperty({ example: 1, description: 'Same extension and date, another id, name or class.' })
  changed!: number;
  @ApiProperty({ example: 30 }) unchanged!: number;
  @ApiProperty({ example: 33, description: 'Rows in the file.' }) total!: number;
  @ApiProperty({ example: 4 }) lawBookVersion!: number;
  @ApiProperty({ type: RevalidatedView }) revalidated!: RevalidatedView;
}

/** One row of a firm's timekeeper list, as JSON. */
export class TimekeeperRowDto {
  @ApiProperty({ example: '2101' }) extension!: string;
  @ApiProperty({ example: 'JDOE' }) timekeeperId!: string;
  @ApiProperty({ example: 'Jane Doe' }) name!: string;
  @ApiProperty({ example: 'partner', description: 'Upper-cased when stored.' })
  classification!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-11-01',
    description: 'YYYY-MM-DD; empty, null or left out: since always.',
  })
  effectiveFrom?: string | null;
}

/** A firm's whole timekeeper list, as JSON (or send the CSV as text/csv). */
export class ImportTimekeepersDto {
  @ApiProperty({ type: [TimekeeperRowDto], description: 'At most 100,000 rows.' })
  timekeepers!: TimekeeperRowDto[];
}

export const TIMEKEEPERS_CSV_EXAMPLE = `${TIMEKEEPER_COLUMNS.join(',')}
2101,JDOE,Jane Doe,PARTNER,
2102,RROE,Richard Roe,ASSOCIATE,
2102,MMAJ,Mary Major,PARALEGAL,2026-11-01
`;

export const TIMEKEEPERS_JSON_EXAMPLE = {
  timekeepers: [
    {
      extension: '2101',
      timekeeperId: 'JDOE',
      name: 'Jane Doe',
      classification: 'PARTNER',
      effectiveFrom: null,
    },
    {
      extension: '2102',
      timekeeperId: 'MMAJ',
      name: 'Mary Major',
      classification: 'PARALEGAL',
      effectiveFrom: '2026-11-01',
    },
  ],
};
