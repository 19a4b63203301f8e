import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/common';
import { AuditEvent } from '../entities';
import { Ledger } from '../ledger';
import { insertInBatches } from './batch-insert';
import { LedgerTx, assertOpen, managerOf } from '../ledger-tx';
import { selectFields } from './columns';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

/** Appends one event; see `AuditEventStore.appender`. */
export type AuditAppender = (actor: Actor, entry: AuditEntry, nowMs: number) => Promise<void>;

/** Which events: every field given narrows the set. */
export interface AuditEventQuery {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorKeyId?: number;
  actorUserId?: number;
  /** Occurred at or after this instant (epoch ms). */
  fromMs?: number;
  /** Occurred before this instant (epoch ms). */
  toMs?: number;
  /** Only events older than this one (the keyset of a newest-first page). */
  beforeId?: number;
}

const AUDIT_EVENT_FIELDS = [
  'id',
  'occurredAtMs',
  'actorKeyId',
  'actorUserId',
  'actorName',
  'action',
  'entityType',
  'entityId',
  'oldJson',
  'newJson',
  'reason',
] as const satisfies readonly (keyof AuditEvent)[];
const EVENT = selectFields(AUDIT_EVENT_FIELDS);

const EVENT_HEAD = `INSERT INTO audit_events (occurred_at_ms, actor_key_id, actor_user_id,
  actor_name, action, entity_type, entity_id, old_json, new_json, reason)`;
const INSERT_EVENT = `${EVENT_HEAD} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** An event's values in INSERT_EVENT's order. */
const eventValues = (actor: Actor, entry: AuditEntry, nowMs: number): unknown[] => {
  const row = eventRow(actor, entry, nowMs);
  return [
    row.occurredAtMs,
    row.actorKeyId,
    row.actorUserId,
    row.actorName,
    row.action,
    row.entityType,
    row.entityId,
    row.oldJson,
    row.newJson,
    row.reason,
  ];
};

/** An event's row: its values as JSON, null when not given. */
const eventRow = (actor: Actor, entry: AuditEntry, nowMs: number) => ({
  occurredAtMs: nowMs,
  actorKeyId: actor.keyId,
  actorUserId: actor.userId,
  actorName: actor.name,
  action: entry.action,
  entityType: entry.entityType,
  entityId: String(entry.entityId),
  oldJson: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
  newJson: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
  reason: entry.reason ?? null,
});

/**
 * The audit trail: append-only (a trigger refuses changes). Table: audit_events. An event is
 * always recorded in the transaction that makes the change, so that the change and its event
 * commit or roll back together.
 */
@Injectable()
export class AuditEventStore {
  constructor(private readonly ledger: Ledger) {}

  async record(tx: LedgerTx, actor: Actor, entry: AuditEntry, nowMs: number): Promise<void> {
    await managerOf(tx).insert(AuditEvent, eventRow(actor, entry, nowMs));
  }

  /**
   * A `record` on one statement inside `tx`: for bulk actions that record an event per item,
   * and for hot paths without the entity manager (`Ledger.preparedTransaction`).
   */
  appender(tx: LedgerTx): AuditAppender {
    assertOpen(tx);
    const insert = this.ledger.statement(tx, INSERT_EVENT);
    return async (actor, entry, nowMs) => {
      await insert.run(...eventValues(actor, entry, nowMs));
    };
  }

  /**
   * Many events of one actor at one instant, in order: a bulk action's event an item. On
   * PostgreSQL in multi-row INSERTs (a statement an event would be a round trip an event).
   */
  async appendAll(
    tx: LedgerTx,
    actor: Actor,
    entries: readonly AuditEntry[],
    nowMs: number,
  ): Promise<void> {
    const values = (entry: AuditEntry) => eventValues(actor, entry, nowMs);
    if (this.ledger.dialect === 'postgres') {
      await insertInBatches(this.ledger, tx, EVENT_HEAD, 10, entries.map(values), '');
      return;
    }
    const insert = this.ledger.statement(tx, INSERT_EVENT);
    for (const entry of entries) await insert.run(...values(entry));
  }

  /** At most `limit` matched events, newest first. */
  find(query: AuditEventQuery, limit: number): Promise<AuditEvent[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const where = (clause: string, value: unknown) => {
      if (value === undefined) return;
      clauses.push(clause);
      params.push(value);
    };
    where('entity_type = ?', query.entityType);
    where('entity_id = ?', query.entityId);
    where('action = ?', query.action);
    where('actor_key_id = ?', query.actorKeyId);
    where('actor_user_id = ?', query.actorUserId);
    where('occurred_at_ms >= ?', query.fromMs);
    where('occurred_at_ms < ?', query.toMs);
    where('id < ?', query.beforeId);
    return this.ledger.manager.query<AuditEvent[]>(
      `SELECT ${EVENT} FROM audit_events WHERE ${clauses.length ? clauses.join(' AND ') : 'TRUE'}
       ORDER BY id DESC LIMIT ?`,
      [...params, limit],
    );
  }

  /** An entity's events, oldest first. */
  findFor(entityType: string, entityId: string | number): Promise<AuditEvent[]> {
    return this.ledger.manager.query<AuditEvent[]>(
      `SELECT ${EVENT} FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY id`,
      [entityType, String(entityId)],
    );
  }
}
