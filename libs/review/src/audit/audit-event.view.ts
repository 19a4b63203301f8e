import { ApiProperty } from '@nestjs/swagger';
import type { Actor } from '@app/common';

/** Who acted: a person (`userId`), an API key (`keyId`), or the service itself (both null). */
export class ActorView implements Actor {
  @ApiProperty({ nullable: true, type: Number, example: null }) keyId!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 4 }) userId!: number | null;
  @ApiProperty({ example: 'Ana Ortiz' }) name!: string;

  /** The actor an audit event names. */
  static of(event: {
    actorKeyId: number | null;
    actorUserId: number | null;
    actorName: string;
  }): Actor {
    return { keyId: event.actorKeyId, userId: event.actorUserId, name: event.actorName };
  }
}

export class AuditEventView {
  @ApiProperty() id!: number;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: ActorView })
  actor!: Actor;
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
