import type { SyncRunStatus, SyncTrigger } from '@app/ledger';
import type { XimaReachability } from '../xima-contact';

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
