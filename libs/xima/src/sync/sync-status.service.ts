import { Injectable } from '@nestjs/common';
import { isoTime } from '@app/common';
import { EndedSyncRun, SyncRunStore } from '@app/ledger';
import { SourceSyncStatus, SyncStatus } from './dto/sync-status.view';
import { XimaContact } from './xima-contact';

/**
 * How syncing goes, for /health: the enabled sources and their last finished runs (one
 * query), and Xima's reachability from the last request a sync made. No request to Xima: a
 * health probe every few seconds must stay cheap.
 */
@Injectable()
export class SyncStatusService {
  constructor(
    private readonly runs: SyncRunStore,
    private readonly contact: XimaContact,
  ) {}

  async current(): Promise<SyncStatus> {
    const states = await this.runs.sourceSyncStates();
    const contact = this.contact.current;
    return {
      xima: {
        status: contact.status,
        checkedAt: contact.atMs === null ? null : isoTime(contact.atMs),
        error: contact.status === 'unreachable' ? contact.message : null,
      },
      sources: states.map((state) => ({
        id: state.sourceId,
        name: state.sourceName,
        syncing: state.syncing,
        lastSync: state.lastRun === null ? null : lastSync(state.lastRun),
      })),
    };
  }
}

function lastSync(run: EndedSyncRun): SourceSyncStatus['lastSync'] {
  const messages = JSON.parse(run.messagesJson) as string[];
  return {
    runId: run.id,
    status: run.status,
    trigger: run.trigger,
    from: isoTime(run.fromMs),
    to: isoTime(run.toMs),
    startedAt: isoTime(run.startedAtMs),
    finishedAt: run.finishedAtMs === null ? null : isoTime(run.finishedAtMs),
    error: run.status === 'failed' ? (messages.at(-1) ?? 'failed') : null,
  };
}
