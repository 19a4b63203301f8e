import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, from what to what. Append-only: the ledger's triggers refuse UPDATE and DELETE. */
@Entity('audit_events')
@Index('IX_audit_events_entity', ['entityType', 'entityId', 'id'])
@Index('IX_audit_events_occurred', ['occurredAtMs', 'id'])
@Index('IX_audit_events_actor', ['actorKeyId', 'id'])
@Index('IX_audit_events_actor_user', ['actorUserId', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  occurredAtMs!: number;

  /** The API key's id, or null for a person or the system (scheduler, CLI, start-up). */
  @Column('integer', { nullable: true })
  actorKeyId!: number | null;

  /** The signed-in user's id, or null for a key or the system. */
  @Column('integer', { nullable: true })
  actorUserId!: number | null;

  /** The API key's or the user's name, or `system` / `cli`. */
  @Column('text')
  actorName!: string;

  /** e.g. `line-item.approve`, `rate-plan.create`, `api-key.revoke`. */
  @Column('text')
  action!: string;

  @Column('text')
  entityType!: string;

  @Column('text')
  entityId!: string;

  @Column('text', { nullable: true })
  oldJson!: string | null;

  @Column('text', { nullable: true })
  newJson!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;
}
