import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/common';
import { AuditEvent } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

/**
 * The audit trail: append-only (a trigger refuses changes). Table: audit_events. An event is
 * always recorded in the transaction that makes the change, so that the change and its event
 * commit or roll back together.
 */
@Injectable()
export class AuditEventStore {
  constructor(private readonly ledger: Ledger) {}

  async record(tx: LedgerTx, actor: Actor, entry: AuditEntry, nowMs: number): Promise<void> {
    await managerOf(tx).insert(AuditEvent, {
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
