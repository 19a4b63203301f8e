import { Injectable } from '@nestjs/common';
import { isoTime, optionalRange } from '@app/common';
import { AuditEventStore, BusinessStore } from '@app/ledger';
import { ActorView, type AuditEventPageView } from './audit-event.view';
import type { AuditEventsQueryDto } from './audit-events-query.dto';

export const DEFAULT_AUDIT_PAGE_SIZE = 100;

/** The audit trail, newest first: append-only (the ledger refuses to change or remove an event). */
@Injectable()
export class AuditEventsService {
  constructor(
    private readonly auditEvents: AuditEventStore,
    private readonly businesses: BusinessStore,
  ) {}

  /** A page of the matched events, newest first; `nextCursor` is the last one's id. */
  async list(query: AuditEventsQueryDto): Promise<AuditEventPageView> {
    // The audit trail is the ledger's: plain dates are the default business's days.
    const zone = await this.businesses.plainDateZone([query.from, query.to], {});
    const { fromMs, toMs } = optionalRange(query.from, query.to, zone, 'query');
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE_SIZE;
    const events = await this.auditEvents.find(
      {
        entityType: query.entityType,
        entityId: query.entityId,
        action: query.action,
        actorKeyId: query.actorKeyId,
        actorUserId: query.actorUserId,
        fromMs,
        toMs,
        beforeId: query.cursor === undefined ? undefined : Number(query.cursor),
      },
      limit + 1,
    );
    const more = events.length > limit;
    const shown = more ? events.slice(0, limit) : events;
    return {
      items: shown.map((event) => ({
        id: event.id,
        occurredAt: isoTime(event.occurredAtMs),
        actor: ActorView.of(event),
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        oldValue: event.oldJson === null ? null : (JSON.parse(event.oldJson) as unknown),
        newValue: event.newJson === null ? null : (JSON.parse(event.newJson) as unknown),
        reason: event.reason,
      })),
      nextCursor: more ? String(shown[shown.length - 1].id) : null,
    };
  }
}
