import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATTER_COLUMNS } from '../matter-list';

/** One matter of a firm's list, as JSON. */
export class MatterRowDto {
  @ApiProperty({ example: '10234' }) clientNumber!: string;
  @ApiProperty({ example: 'Acme Holdings' }) clientName!: string;
  @ApiProperty({ example: '001' }) matterNumber!: string;
  @ApiProperty({ example: 'Acme v. Widgets' }) matterName!: string;
  @ApiProperty({ enum: ['open', 'closed'], example: 'open' }) status!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'YYYY-MM-DD in the business zone: required when closed, empty or null when open.',
  })
  closedDate?: string | null;
  @ApiProperty({ example: true }) billable!: boolean;
}

/** A firm's whole matter list, as JSON (or send the CSV as text/csv). */
export class ImportMattersDto {
  @ApiProperty({ type: [MatterRowDto], description: 'At most 100,000 matters.' })
  matters!: MatterRowDto[];
}

export const MATTERS_CSV_EXAMPLE = `${MATTER_COLUMNS.join(',')}
10234,Acme Holdings,001,Acme v. Widgets,open,,yes
10234,Acme Holdings,002,Acme lease review,closed,2026-10-31,yes
20001,Pro Bono Clinic,001,Tenant defence,open,,no
`;

export const MATTERS_JSON_EXAMPLE = {
  matters: [
    {
      clientNumber: '10234',
      clientName: 'Acme Holdings',
      matterNumber: '001',
      matterName: 'Acme v. Widgets',
      status: 'open',
      closedDate: null,
      billable: true,
    },
    {
      clientNumber: '10234',
      clientName: 'Acme Holdings',
      matterNumber: '002',
      matterName: 'Acme lease review',
      status: 'closed',
      closedDate: '2026-10-31',
      billable: true,
    },
  ],
};
