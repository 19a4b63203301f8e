import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@app/common';
import { AuditEvent } from './entities';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

/**
 * Appends audit events. Always called with the EntityManager of the transaction that makes
 * the change, so that a change and its event commit or roll back together.
 */
@Injectable()
export class AuditLog {
  async record(
    manager: EntityManager,
    actor: Actor,
    entry: AuditEntry,
    nowMs: number,
  ): Promise<void> {
    await manager.insert(AuditEvent, {
      occurredAtMs: nowMs,
      actorKeyId: actor.keyId,
      actorName: actor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      oldJson: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
      newJson: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
      reason: entry.reason ?? null,
    });
  }
}
