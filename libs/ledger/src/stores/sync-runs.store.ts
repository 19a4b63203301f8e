import { Injectable } from '@nestjs/common';
import { SyncRun, SyncRunStatus } from '../entities';
import { Ledger } from '../ledger';
import { SqlDialect, sqlDialect } from './dialect';
import { LedgerTx, managerOf } from '../ledger-tx';
import { isTrue, selectFields } from './columns';
import { readerOf } from './reader';

/** What a run counts, chunk by chunk. */
export type SyncRunCounts = Pick<
  SyncRun,
  'fetched' | 'inserted' | 'duplicates' | 'rated' | 'noCharge' | 'needsReview' | 'errors'
>;

/** A run as it opens: which source, what started it, its window, when. */
export type NewSyncRun = Pick<SyncRun, 'sourceId' | 'trigger' | 'fromMs' | 'toMs' | 'startedAtMs'>;

/** A run that has ended (succeeded or failed), as the sources' sync states show it. */
export type EndedSyncRun = Pick<
  SyncRun,
  'id' | 'trigger' | 'fromMs' | 'toMs' | 'startedAtMs' | 'finishedAtMs' | 'messagesJson'
> & { status: Exclude<SyncRunStatus, 'running'> };

/** An enabled source, whether it is syncing now, and its last run that ended (null: none yet). */
export interface SourceSyncState {
  sourceId: number;
  sourceName: string;
  syncing: boolean;
  lastRun: EndedSyncRun | null;
}

/** `sourceSyncStates`' row: a source's fields and its last ended run's, or nulls. */
interface SourceSyncRow {
  sourceId: number;
  sourceName: string;
  syncing: boolean | 0 | 1;
  runId: number | null;
  status: EndedSyncRun['status'] | null;
  trigger: SyncRun['trigger'] | null;
  fromMs: number | null;
  toMs: number | null;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  messagesJson: string | null;
}

/** What a source's recent runs add up to: how many, how many failed, their unreadable rows. */
export interface RecentRuns {
  sourceId: number;
  runs: number;
  failed: number;
  /** Rows no run could store as line items (`SyncRun.errors`). */
  errors: number;
}

const SYNC_RUN_FIELDS = [
  'id',
  'sourceId',
  'status',
  'trigger',
  'fromMs',
  'toMs',
  'fetched',
  'inserted',
  'duplicates',
  'rated',
  'noCharge',
  'needsReview',
  'errors',
  'retries',
  'messagesJson',
  'startedAtMs',
  'finishedAtMs',
] as const satisfies readonly (keyof SyncRun)[];

/**
 * Sync runs and each source's watermark (how far its records are in the ledger).
 * Tables: sync_runs, sources.watermark_ms. It holds the SQL of these tables (its reads may join others').
 */
@Injectable()
export class SyncRunStore {
  constructor(private readonly ledger: Ledger) {}

  private get sql(): SqlDialect {
    return sqlDialect(this.ledger.dialect);
  }

  /**
   * Opens a run `running`. Null when the source has a running one already: the ledger allows
   * one per source (a partial unique index), and the insert does nothing against it, so two
   * starts at once, in one process or two, cannot both succeed.
   */
  async open(tx: LedgerTx, run: NewSyncRun): Promise<SyncRun | null> {
    const opened = await this.ledger
      .statement(
        tx,
        `INSERT INTO sync_runs (source_id, status, trigger, from_ms, to_ms, messages_json,
           started_at_ms, finished_at_ms)
         VALUES (?, 'running', ?, ?, ?, '[]', ?, NULL)
         ON CONFLICT (source_id) WHERE status = 'running' DO NOTHING
         RETURNING id`,
      )
      .get<{ id: number }>(run.sourceId, run.trigger, run.fromMs, run.toMs, run.startedAtMs);
    if (!opened) return null;
    return managerOf(tx).findOneByOrFail(SyncRun, { id: Number(opened.id) });
  }

  /** The source's running run, if any (seen from inside `tx` when given). */
  running(sourceId: number, tx?: LedgerTx): Promise<SyncRun | null> {
    return readerOf(this.ledger, tx).findOneBy(SyncRun, { sourceId, status: 'running' });
  }

  /** Every run still `running`, by id. */
  allRunning(): Promise<SyncRun[]> {
    return this.ledger.manager.find(SyncRun, {
      where: { status: 'running' },
      order: { id: 'ASC' },
    });
  }

  find(id: number): Promise<SyncRun | null> {
    return this.ledger.manager.findOneBy(SyncRun, { id });
  }

  /** Newest first; only one source's runs when `sourceId` is given. */
  list(filter: { sourceId?: number; limit: number }): Promise<SyncRun[]> {
    return this.ledger.manager.find(SyncRun, {
      where: filter.sourceId === undefined ? {} : { sourceId: filter.sourceId },
      order: { id: 'DESC' },
      take: filter.limit,
    });
  }

  /** Adds one chunk's counts to its run. */
  async addCounts(tx: LedgerTx, runId: number, counts: SyncRunCounts): Promise<void> {
    await managerOf(tx).query(
      `UPDATE sync_runs SET fetched = fetched + ?, inserted = inserted + ?,
         duplicates = duplicates + ?, rated = rated + ?, no_charge = no_charge + ?,
         needs_review = needs_review + ?, errors = errors + ?
       WHERE id = ?`,
      [
        counts.fetched,
        counts.inserted,
        counts.duplicates,
        counts.rated,
        counts.noCharge,
        counts.needsReview,
        counts.errors,
        runId,
      ],
    );
  }

  /** Adds requests to Xima that were retried. */
  async addRetries(tx: LedgerTx, runId: number, retries: number): Promise<void> {
    await managerOf(tx).query(`UPDATE sync_runs SET retries = retries + ? WHERE id = ?`, [
      retries,
      runId,
    ]);
  }

  /**
   * Ends a run `succeeded` or `failed`, adding `message` (if any) to its messages; the run as
   * it now is. A run that has ended already (another instance found it interrupted) is left as
   * it is.
   */
  async finish(
    tx: LedgerTx,
    runId: number,
    outcome: { status: EndedSyncRun['status']; message: string | null },
    nowMs: number,
  ): Promise<SyncRun> {
    const manager = managerOf(tx);
    await manager.query(
      `UPDATE sync_runs SET status = ?, finished_at_ms = ?,
         messages_json = CASE WHEN CAST(? AS text) IS NULL THEN messages_json
                              ELSE ${this.sql.jsonAppend('messages_json')} END
       WHERE id = ? AND status = 'running'`,
      [outcome.status, nowMs, outcome.message, JSON.stringify(outcome.message), runId],
    );
    return manager.findOneByOrFail(SyncRun, { id: runId });
  }

  /**
   * Ends the source's run still `running` as `failed`, adding `message`: a run its instance
   * left when it stopped. How many it ended (0 or 1).
   */
  async failRunningOf(
    tx: LedgerTx,
    sourceId: number,
    message: string,
    nowMs: number,
  ): Promise<number> {
    return this.ledger
      .statement(
        tx,
        `UPDATE sync_runs SET status = 'failed', finished_at_ms = ?,
           messages_json = ${this.sql.jsonAppend('messages_json')}
         WHERE source_id = ? AND status = 'running'`,
      )
      .run(nowMs, JSON.stringify(message), sourceId);
  }

  /**
   * Moves the source's watermark to the end of a stored span, only along committed, contiguous
   * time: from no watermark, or from one inside the span. A backfill of an older or later
   * window never lets the schedule skip what lies between.
   */
  async moveWatermark(
    tx: LedgerTx,
    sourceId: number,
    span: { startMs: number; endMs: number },
  ): Promise<void> {
    await managerOf(tx).query(
      `UPDATE sources SET watermark_ms = ?
       WHERE id = ? AND (watermark_ms IS NULL OR (watermark_ms >= ? AND watermark_ms < ?))`,
      [span.endMs, sourceId, span.startMs, span.endMs],
    );
  }

  /**
   * Every enabled source, whether it is syncing, and its last ended run: one query (the index
   * on `(source_id, started_at_ms)` finds each last run), cheap enough for a health probe.
   */
  async sourceSyncStates(): Promise<SourceSyncState[]> {
    const rows = await this.ledger.manager.query<SourceSyncRow[]>(
      `SELECT s.id AS "sourceId", s.name AS "sourceName",
              EXISTS (SELECT 1 FROM sync_runs x WHERE x.source_id = s.id AND x.status = 'running')
                AS "syncing",
              r.id AS "runId", r.status AS "status", r.trigger AS "trigger", r.from_ms AS "fromMs",
              r.to_ms AS "toMs", r.started_at_ms AS "startedAtMs",
              r.finished_at_ms AS "finishedAtMs", r.messages_json AS "messagesJson"
         FROM sources s
         LEFT JOIN sync_runs r ON r.id = (
           SELECT l.id FROM sync_runs l WHERE l.source_id = s.id AND l.status <> 'running'
            ORDER BY l.started_at_ms DESC, l.id DESC LIMIT 1)
        WHERE s.enabled = TRUE
        ORDER BY s.id`,
    );
    return rows.map(({ sourceId, sourceName, syncing, runId, ...run }) => ({
      sourceId,
      sourceName,
      syncing: isTrue(syncing),
      lastRun:
        runId === null
          ? null
          : {
              id: runId,
              status: run.status!,
              trigger: run.trigger!,
              fromMs: run.fromMs!,
              toMs: run.toMs!,
              startedAtMs: run.startedAtMs!,
              finishedAtMs: run.finishedAtMs,
              messagesJson: run.messagesJson!,
            },
    }));
  }

  // --- used by the overview

  /** Each source's newest run, running or ended (a source that never ran has none). */
  lastRunOfEachSource(): Promise<SyncRun[]> {
    return this.ledger.manager.query<SyncRun[]>(
      `SELECT ${selectFields(SYNC_RUN_FIELDS, 'r')}
       FROM sources s JOIN sync_runs r ON r.id = (
         SELECT l.id FROM sync_runs l WHERE l.source_id = s.id
         ORDER BY l.started_at_ms DESC, l.id DESC LIMIT 1)
       ORDER BY s.id`,
    );
  }

  /**
   * What each source's last `limit` runs add up to (the index on `(source_id, started_at_ms)`
   * finds them): a source that never ran has no row.
   */
  recentRunsOfEachSource(limit: number): Promise<RecentRuns[]> {
    return this.ledger.manager.query<RecentRuns[]>(
      `SELECT s.id AS "sourceId", count(*) AS "runs",
         sum(CASE WHEN r.status = 'failed' THEN 1 ELSE 0 END) AS "failed", sum(r.errors) AS "errors"
       FROM sources s JOIN sync_runs r ON r.id IN (
         SELECT l.id FROM sync_runs l WHERE l.source_id = s.id
         ORDER BY l.started_at_ms DESC, l.id DESC LIMIT ?)
       GROUP BY s.id ORDER BY s.id`,
      [limit],
    );
  }
}
