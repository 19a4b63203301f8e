import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { Clock, DomainError, ServiceInstance, isoTime } from '@app/common';
import {
  Lease,
  LeaseKeeper,
  LeaseStore,
  Ledger,
  LedgerTx,
  LineItemStore,
  PostingStore,
  RatePlanVersion,
  RecordError,
  RecordStore,
  Source,
  SourceStore,
  SyncRun,
  SyncRunStore,
  SyncTrigger,
} from '@app/ledger';
import { LawBooks, RatePlansService, RatingSource } from '@app/rating';
import { ReportRequestBody, XimaError } from '../client';
import { ColumnMap, ReportShapeError, parseAccountSummaryReport, parseCallReport } from '../report';
import {
  ACCOUNT_SUMMARIES,
  CALL_DETAILS,
  ChunkContext,
  ChunkCounts,
  enqueueChunkPostings,
  trackingIds,
  writeChunk,
} from './chunk-writer';
import { SyncRequestDto } from './dto/sync-request.dto';
import { SyncRunsQueryDto } from './dto/sync-runs-query.dto';
import { Chunk, chunkRequestBody, chunksOf, requestedWindow, scheduledWindow } from './sync-window';
import { XimaContact } from './xima-contact';

/** The one thing sync needs from Xima; XimaClient is it in production. */
export interface XimaGateway {
  runReport(
    historicDataKey: string,
    body: ReportRequestBody,
    signal?: AbortSignal,
  ): Promise<{ body: unknown; retries: number }>;
}

export const XIMA_GATEWAY = Symbol('XIMA_GATEWAY');

type ParsedChunk =
  | ({ kind: 'calls' } & ReturnType<typeof parseCallReport>)
  | ({ kind: 'summary' } & ReturnType<typeof parseAccountSummaryReport>);

/** A chunk as Xima answered it: parsed rows, or why it failed; with the retries it took. */
type Fetched = { parsed: ParsedChunk; retries: number } | { failure: string; retries: number };

/** Told after each committed chunk: for a progress bar. */
export type ChunkObserver = (progress: {
  chunk: Chunk;
  index: number;
  total: number;
  counts: ChunkCounts;
}) => void;

export interface SyncStart {
  run: SyncRun;
  /** Settles with the finished run (succeeded or failed); never rejects. */
  done: Promise<SyncRun>;
}

/** The lease of a source's sync: the instance holding it runs the source's one running run. */
const syncLease = (sourceId: number) => `sync:${sourceId}`;

/** A run's instance lost its lease: another took the source over, and ended the run. */
class SyncLeaseLost extends Error {}

/** What the message of a run an instance left running says of that instance. */
const interruption = (previous: Lease | null): string =>
  previous === null
    ? 'interrupted: the service stopped during this run'
    : `interrupted: instance ${previous.holder} stopped during this run`;

/** A start refused (409): the source is syncing already, here or on another instance. */
export class SourceAlreadySyncing extends DomainError {
  constructor(
    sourceId: number,
    runId: number | null,
    /** The instance running it, when it is another one. */
    readonly instance: string | null,
  ) {
    const where = instance === null ? '' : ` on instance ${instance}`;
    super(
      'conflict',
      `Source ${sourceId} is already syncing (run ${runId ?? '?'}${where}); try again when it ends`,
    );
  }
}

/** A run as a request that waited for it found it: ended, or still going on. */
export interface SyncAnswer {
  run: SyncRun;
  ended: boolean;
}

/**
 * Pulls a source's window from Xima chunk by chunk. Each chunk is fetched and parsed outside
 * any transaction, then stored, rated and counted in one transaction that also moves the
 * watermark: a fault or a crash leaves the ledger as it was before that chunk, and the next
 * sync takes the chunk again. The ledger allows one running sync per source.
 *
 * Across instances of the service on one ledger, a source's sync runs where its lease
 * (`sync:<sourceId>`) is held: taken when the run opens, renewed on a timer and with each chunk
 * (in the chunk's transaction, so that an instance that lost it writes nothing more), released
 * when the run ends. A run left `running` is failed only once its instance's lease has lapsed.
 */
@Injectable()
export class SyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SyncService.name);
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<SyncRun>>();
  /** The sources this process syncs now: a second start here is refused before the ledger. */
  private readonly active = new Set<number>();
  private readonly keeper: LeaseKeeper;

  constructor(
    private readonly ledger: Ledger,
    private readonly runs: SyncRunStore,
    private readonly records: RecordStore,
    private readonly lineItems: LineItemStore,
    private readonly sources: SourceStore,
    private readonly plans: RatePlansService,
    private readonly clock: Clock,
    private readonly contact: XimaContact,
    private readonly postings: PostingStore,
    private readonly lawBooks: LawBooks,
    private readonly leases: LeaseStore,
    private readonly instance: ServiceInstance,
    @Optional() @Inject(XIMA_GATEWAY) private readonly xima: XimaGateway | null,
  ) {
    this.keeper = LeaseKeeper.of(instance, {
      ledger,
      leases,
      now: () => clock.now(),
      onError: (error) => this.logger.warn(`A sync lease was not renewed: ${String(error)}`),
    });
  }

  /**
   * A run left `running` by an instance that stopped is over (its last chunk was rolled back):
   * failed here when that instance's lease has lapsed, or was this instance's (an earlier
   * process under the same INSTANCE_ID). A run whose instance still renews its lease goes on.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const run of await this.runs.allRunning()) {
      await this.ledger.transaction(async (tx) => {
        if (await this.takeSource(tx, run.sourceId)) {
          await this.leases.release(tx, syncLease(run.sourceId), this.instance.id);
        }
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
    this.keeper.stop();
  }

  /** Starts a sync of `window` (default: the scheduled window). 409 while one is running. */
  async start(
    sourceId: number,
    trigger: SyncTrigger,
    window?: Chunk,
    observer?: ChunkObserver,
  ): Promise<SyncStart> {
    const source = await this.source(sourceId);
    return this.begin(source, trigger, window, observer);
  }

  /**
   * Starts a sync of the window a person asked for (`from`, `to`: a date is midnight in the
   * source's zone; neither: the scheduled window). 409 while one is running.
   */
  async startRequested(
    sourceId: number,
    trigger: SyncTrigger,
    requested: SyncRequestDto,
    observer?: ChunkObserver,
  ): Promise<SyncStart> {
    const source = await this.source(sourceId);
    const window = requestedWindow(requested.from, requested.to, source.timezone, this.clock.now());
    return this.begin(source, trigger, window, observer);
  }

  /**
   * A manual sync that answers within `waitMs`: the run when it ended by then, else the run
   * still going on (it goes on all the same; its outcome is recorded on the run).
   */
  async syncNow(sourceId: number, requested: SyncRequestDto, waitMs: number): Promise<SyncAnswer> {
    const { run, done } = await this.startRequested(sourceId, 'manual', requested);
    const ended = await Promise.race([
      done,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref()),
    ]);
    return ended === null ? { run, ended: false } : { run: ended, ended: true };
  }

  /** Sync runs, newest first (at most `limit`, default 50). */
  listRuns(query: SyncRunsQueryDto): Promise<SyncRun[]> {
    return this.runs.list({ sourceId: query.sourceId, limit: query.limit ?? 50 });
  }

  async getRun(id: number): Promise<SyncRun> {
    const run = await this.runs.find(id);
    if (!run) throw new DomainError('not-found', `Sync run ${id} does not exist`);
    return run;
  }

  /** The rows a run could not read or rate (its `errors`), the first `limit` of them. */
  async runErrors(id: number, limit: number): Promise<RecordError[]> {
    await this.getRun(id);
    return this.records.findErrorsOfRun(id, limit);
  }

  private async source(id: number): Promise<Source> {
    const source = await this.sources.findById(id);
    if (!source) throw new DomainError('not-found', `Source ${id} does not exist`);
    return source;
  }

  private async begin(
    source: Source,
    trigger: SyncTrigger,
    window: Chunk | undefined,
    observer: ChunkObserver | undefined,
  ): Promise<SyncStart> {
    if (!this.xima) {
      throw new DomainError('unavailable', 'No Xima connection is configured (XIMA_BASE_URL)');
    }
    const span = window ?? scheduledWindow(source, this.clock.now());
    if (this.active.has(source.id)) throw await this.alreadySyncing(source.id);
    this.active.add(source.id);
    let run: SyncRun;
    const lost = new AbortController();
    try {
      run = await this.openRun(source, trigger, span);
      this.keeper.keep(syncLease(source.id), () => lost.abort());
    } catch (error) {
      this.active.delete(source.id);
      throw error;
    }
    const done = this.execute(source, run, span, lost.signal, observer);
    this.inFlight.add(done);
    void done.finally(() => {
      this.inFlight.delete(done);
      this.keeper.forget(syncLease(source.id));
      this.active.delete(source.id);
    });
    return { run, done };
  }

  /**
   * Opens the run holding the source's lease. Another instance holding it is running the
   * source's sync: a 409. A run still `running` once the lease is ours was left by an instance
   * that stopped: it is failed first.
   */
  private async openRun(source: Source, trigger: SyncTrigger, window: Chunk): Promise<SyncRun> {
    const run = await this.ledger.transaction(async (tx) => {
      if (!(await this.takeSource(tx, source.id))) return null;
      return this.runs.open(tx, {
        sourceId: source.id,
        trigger,
        fromMs: window.startMs,
        toMs: window.endMs,
        startedAtMs: this.clock.now(),
      });
    });
    if (run) return run;
    throw await this.alreadySyncing(source.id);
  }

  /**
   * Takes the source's lease in `tx` when nobody else holds it, and fails the run an instance
   * that stopped left running (if any). False when another instance holds it.
   */
  private async takeSource(tx: LedgerTx, sourceId: number): Promise<boolean> {
    const name = syncLease(sourceId);
    const nowMs = this.clock.now();
    const previous = await this.leases.find(name, tx);
    const { id, leaseTtlMs } = this.instance;
    if (!(await this.leases.take(tx, name, id, leaseTtlMs, nowMs))) return false;
    const failed = await this.runs.failRunningOf(tx, sourceId, interruption(previous), nowMs);
    if (failed > 0) {
      this.logger.warn(
        `Sync of source ${sourceId}: a run was left running by ${previous ? `instance ${previous.holder}` : 'a stopped process'}; marked failed`,
      );
    }
    return true;
  }

  private async alreadySyncing(sourceId: number): Promise<SourceAlreadySyncing> {
    const running = await this.runs.running(sourceId);
    const lease = await this.leases.find(syncLease(sourceId));
    const elsewhere = lease && lease.holder !== this.instance.id ? lease.holder : null;
    return new SourceAlreadySyncing(sourceId, running?.id ?? null, elsewhere);
  }

  private async execute(
    source: Source,
    run: SyncRun,
    window: Chunk,
    lost: AbortSignal,
    observer?: ChunkObserver,
  ): Promise<SyncRun> {
    // Ends a prefetch that will not be stored (a failed chunk before it, a stopping service, a
    // lease another instance took over).
    const abandon = new AbortController();
    const signal = AbortSignal.any([this.stopping.signal, abandon.signal, lost]);
    let next: Promise<Fetched> | undefined;
    try {
      const { versions } = await this.plans.get(source.ratePlanId);
      const chunks = chunksOf(window, source.timezone, source.chunkDays);
      for (const [index, chunk] of chunks.entries()) {
        const fetched = await (next ?? this.fetchChunk(source, chunk, signal));
        next = undefined;
        if (lost.aborted) throw new SyncLeaseLost();
        await this.addRetries(run.id, fetched.retries);
        if ('failure' in fetched) return await this.fail(source, run, fetched.failure);
        // Xima prepares the next chunk's report while this one is stored: a backfill waits for
        // Xima and for the disk at the same time, not one after the other.
        if (index + 1 < chunks.length) next = this.fetchChunk(source, chunks[index + 1], signal);
        const counts = await this.storeChunk(source, run, versions, chunk, fetched.parsed);
        observer?.({ chunk, index, total: chunks.length, counts });
      }
      const finished = await this.finish(run, 'succeeded', null);
      // The review queries plan with fresh statistics; a failure here is no failure of the run.
      await this.ledger.optimize().catch((error: unknown) => this.logger.warn(String(error)));
      return finished;
    } catch (error) {
      if (error instanceof SyncLeaseLost) {
        // The instance that took the source over has ended this run; nothing more is ours to write.
        this.logger.warn(
          `Sync of source ${source.id} (run ${run.id}) stopped: another instance took the source over`,
        );
        return (await this.runs.find(run.id)) ?? run;
      }
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      const reason = 'unexpected error; see the service log';
      this.warnFailed(source, run, reason);
      return this.finish(run, 'failed', reason).catch(() => run);
    } finally {
      abandon.abort();
      await next?.catch(() => undefined);
    }
  }

  /**
   * Fetches and parses one chunk, outside any transaction. Never rejects: a fault of Xima or of
   * its report is the chunk's failure message.
   */
  private async fetchChunk(source: Source, chunk: Chunk, signal: AbortSignal): Promise<Fetched> {
    const label = `chunk ${isoTime(chunk.startMs)} to ${isoTime(chunk.endMs)}`;
    let retries = 0;
    try {
      const parameters = source.parametersJson
        ? (JSON.parse(source.parametersJson) as unknown[])
        : [];
      const body = chunkRequestBody(chunk, source.timezone, parameters);
      const report = await this.xima!.runReport(source.historicDataKey, body, signal);
      this.contact.answered(this.clock.now());
      retries = report.retries;
      const columns = source.columnsJson
        ? (JSON.parse(source.columnsJson) as ColumnMap)
        : undefined;
      const parsed: ParsedChunk =
        source.kind === 'call-records'
          ? { kind: 'calls', ...parseCallReport(report.body, columns) }
          : {
              kind: 'summary',
              ...parseAccountSummaryReport(
                report.body,
                { startMs: chunk.startMs, endMs: chunk.endMs },
                columns,
              ),
            };
      return { parsed, retries };
    } catch (error) {
      if (error instanceof XimaError) {
        this.contact.failed(this.clock.now(), error);
        return { failure: `${label}: ${error.message}`, retries: error.retries };
      }
      if (error instanceof ReportShapeError)
        return { failure: `${label}: ${error.message}`, retries };
      // Abandoned (a chunk before it failed) or the service is stopping: nothing to report.
      if (signal.aborted) return { failure: `${label}: stopped`, retries };
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return { failure: `${label}: unexpected error; see the service log`, retries };
    }
  }

  /**
   * Stores, rates and counts one fetched chunk in one transaction that also moves the
   * watermark and gives the new items a linked source posts their postings: a fault or a crash
   * leaves the ledger as it was before the chunk.
   */
  private storeChunk(
    source: Source,
    run: SyncRun,
    versions: RatePlanVersion[],
    chunk: Chunk,
    parsed: ParsedChunk,
  ): Promise<ChunkCounts> {
    return this.ledger.transaction(async (tx) => {
      const nowMs = this.clock.now();
      // Renewed in the chunk's own transaction: a chunk commits only while the source is ours.
      const { id, leaseTtlMs } = this.instance;
      if (!(await this.leases.renew(tx, syncLease(source.id), id, leaseTtlMs, nowMs))) {
        throw new SyncLeaseLost();
      }
      const inserter = trackingIds(this.lineItems.inserter(tx));
      // Read in the chunk's transaction: a matter import commits before it or after it, and
      // re-validates what it finds (docs/law-firms.md).
      const lawBook = await this.lawBooks.contextFor(source.businessId, tx);
      const context: ChunkContext = {
        source: lawBook === null ? source : { ...ratingSourceOf(source), lawBook },
        versions,
        inForce: (startTimeMs) => this.plans.inForce(versions, startTimeMs),
        nowMs,
        records: this.records.writer(tx, {
          sourceId: source.id,
          syncRunId: run.id,
          createdAtMs: nowMs,
        }),
        lineItems: inserter,
      };
      const counts: ChunkCounts =
        parsed.kind === 'calls'
          ? await writeChunk(context, CALL_DETAILS, parsed)
          : await writeChunk(context, ACCOUNT_SUMMARIES, parsed);
      await enqueueChunkPostings(this.postings, tx, source.id, inserter.range(), nowMs);
      await this.runs.addCounts(tx, run.id, counts);
      await this.runs.moveWatermark(tx, source.id, chunk);
      return counts;
    });
  }

  private addRetries(runId: number, retries: number): Promise<unknown> {
    if (retries === 0) return Promise.resolve();
    return this.ledger.transaction((tx) => this.runs.addRetries(tx, runId, retries));
  }

  /** Ends the run `failed` with its reason, and says so in the log. */
  private async fail(source: Source, run: SyncRun, reason: string): Promise<SyncRun> {
    const failed = await this.finish(run, 'failed', reason);
    this.warnFailed(source, run, reason);
    return failed;
  }

  /**
   * A failed run at warn, whatever started it (API, CLI, schedule, demo): an operator reading
   * the log learns which source, which window and what Xima said. Reasons never hold the
   * token: XimaClient takes it out of every message it makes.
   */
  private warnFailed(source: Source, run: SyncRun, reason: string): void {
    const from = isoTime(run.fromMs);
    const to = isoTime(run.toMs);
    this.logger.warn(
      {
        sourceId: source.id,
        sourceName: source.name,
        runId: run.id,
        trigger: run.trigger,
        from,
        to,
        reason,
      },
      `Sync of source ${source.id} ${JSON.stringify(source.name)} failed (run ${run.id}, ${run.trigger}, window ${from} to ${to}): ${reason}`,
    );
  }

  /** Ends the run, and releases the source's lease in the same transaction. */
  private async finish(
    run: SyncRun,
    status: 'succeeded' | 'failed',
    message: string | null,
  ): Promise<SyncRun> {
    return this.ledger.transaction(async (tx) => {
      const finished = await this.runs.finish(tx, run.id, { status, message }, this.clock.now());
      await this.leases.release(tx, syncLease(run.sourceId), this.instance.id);
      return finished;
    });
  }
}

function ratingSourceOf(source: Source): RatingSource {
  return { id: source.id, ratePlanId: source.ratePlanId, autoApprove: source.autoApprove };
}
