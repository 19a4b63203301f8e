import { ApiProperty } from '@nestjs/swagger';
import type { Matter } from '@app/ledger';

export class MatterView {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ example: '10234' }) clientNumber!: string;
  @ApiProperty({ example: 'Acme Holdings' }) clientName!: string;
  @ApiProperty({ example: '001' }) matterNumber!: string;
  @ApiProperty({ example: 'Acme v. Widgets' }) matterName!: string;
  @ApiProperty({ enum: ['open', 'closed'], example: 'open' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) closedDate!: string | null;
  @ApiProperty({ example: true }) billable!: boolean;
  @ApiProperty({ example: '2026-11-30T17:00:00.000Z' }) updatedAt!: string;

  static of(matter: Matter): MatterView {
    return {
      id: matter.id,
      clientNumber: matter.clientNumber,
      clientName: matter.clientName,
      matterNumber: matter.matterNumber,
      matterName: matter.matterName,
      status: matter.status,
      closedDate: matter.closedDate,
      billable: Boolean(matter.billable),
      updatedAt: new Date(matter.updatedAtMs).toISOString(),
    };
  }
}

export class MatterPageView {
  @ApiProperty({ type: [MatterView] }) items!: MatterView[];
  @ApiProperty({ type: String, nullable: true, description: 'The next page: send it as `cursor`.' })
  nextCursor!: string | null;
}
