import { ApiProperty } from '@nestjs/swagger';

export class AuditEventView {
  @ApiProperty() id!: number;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ example: { keyId: 3, name: 'night auditor' } })
  actor!: { keyId: number | null; name: string };
  @ApiProperty({ example: 'line-item.approve' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ nullable: true }) oldValue!: unknown;
  @ApiProperty({ nullable: true }) newValue!: unknown;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
}

export class AuditEventPageView {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
