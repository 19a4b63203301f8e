import { Injectable } from '@nestjs/common';
import { isoTime } from '@app/common';
import { Ledger, SyncRunStatus, SyncTrigger } from '@app/ledger';
import { XimaContact, XimaReachability } from './xima-contact';

/** An enabled source and how its last finished sync ended. */
export interface SourceSyncStatus {
  id: number;
  name: string;
  /** A run of this source is going on now. */
  syncing: boolean;
  /** The last run that ended; null while none has. */
  lastSync: {
    runId: number;
    status: Exclude<SyncRunStatus, 'running'>;
    trigger: SyncTrigger;
    from: string;
    to: string;
    startedAt: string;
    finishedAt: string | null;
    /** Why it failed (the run's last message); null when it succeeded. */
    error: string | null;
  } | null;
}

export interface SyncStatus {
  xima: { status: XimaReachability; checkedAt: string | null; error: string | null };
  sources: SourceSyncStatus[];
}

interface Row {
  id: number;
  name: string;
  syncing: number;
  run_id: number | null;
  status: Exclude<SyncRunStatus, 'running'> | null;
  trigger: SyncTrigger | null;
  from_ms: number | null;
  to_ms: number | null;
  started_at_ms: number | null;
  finished_at_ms: number | null;
  messages_json: string | null;
}

/**
 * How syncing goes, for /health: one query over the enabled sources and their last finished
 * runs (the index on `(source_id, started_at_ms)` finds each), and Xima's reachability from the
 * last request a sync made. No request to Xima: a health probe every few seconds must stay cheap.
 */
@Injectable()
export class SyncStatusService {
  constructor(
    private readonly ledger: Ledger,
    private readonly contact: XimaContact,
  ) {}

  async current(): Promise<SyncStatus> {
    const rows: Row[] = await this.ledger.manager.query(
      `SELECT s.id, s.name,
              EXISTS (SELECT 1 FROM sync_runs x WHERE x.source_id = s.id AND x.status = 'running') AS syncing,
              r.id AS run_id, r.status, r.trigger, r.from_ms, r.to_ms, r.started_at_ms,
              r.finished_at_ms, r.messages_json
         FROM sources s
         LEFT JOIN sync_runs r ON r.id = (
           SELECT l.id FROM sync_runs l WHERE l.source_id = s.id AND l.status <> 'running'
            ORDER BY l.started_at_ms DESC, l.id DESC LIMIT 1)
        WHERE s.enabled = 1
        ORDER BY s.id`,
    );
    const contact = this.contact.current;
    return {
      xima: {
        status: contact.status,
        checkedAt: contact.atMs === null ? null : isoTime(contact.atMs),
        error: contact.status === 'unreachable' ? contact.message : null,
      },
      sources: rows.map((row) => ({
        id: row.id,
        name: row.name,
        syncing: row.syncing === 1,
        lastSync: row.run_id === null ? null : lastSync(row),
      })),
    };
  }
}

function lastSync(row: Row): SourceSyncStatus['lastSync'] {
  const messages = JSON.parse(row.messages_json ?? '[]') as string[];
  return {
    runId: row.run_id!,
    status: row.status!,
    trigger: row.trigger!,
    from: isoTime(row.from_ms!),
    to: isoTime(row.to_ms!),
    startedAt: isoTime(row.started_at_ms!),
    finishedAt: row.finished_at_ms === null ? null : isoTime(row.finished_at_ms),
    error: row.status === 'failed' ? (messages.at(-1) ?? 'failed') : null,
  };
}
