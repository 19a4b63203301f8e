import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DomainError } from '@app/common';
import { SourceStore } from '@app/ledger';
import { SourceAlreadySyncing, SyncService } from './sync.service';

export interface SyncScheduleOptions {
  /** One setting turns every schedule off (tests, CLI runs, a paused service). */
  enabled: boolean;
  /** SYNC_CRON: when every enabled source syncs, unless it has its own `syncCron`. */
  defaultCron: string;
}

export const SYNC_SCHEDULE_OPTIONS = Symbol('SYNC_SCHEDULE_OPTIONS');

/** How often the schedules are compared with the sources (new, changed, disabled ones). */
const REFRESH_MS = 30_000;

const jobName = (sourceId: number) => `sync-source-${sourceId}`;

/**
 * One cron job per enabled source, thin: each tick starts a sync like any other, and the run
 * records its own outcome. A tick while the source is still syncing is skipped (and said so).
 */
@Injectable()
export class SyncScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SyncSchedule');
  private readonly crons = new Map<number, string>();
  private refresher: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly sources: SourceStore,
    private readonly sync: SyncService,
    @Inject(SYNC_SCHEDULE_OPTIONS) private readonly options: SyncScheduleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) {
      this.logger.log('Sync schedules are off');
      return;
    }
    await this.refresh();
    this.refresher = setInterval(
      () => void this.refresh().catch((e: Error) => this.logger.error(e.message)),
      REFRESH_MS,
    );
    this.refresher.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.refresher);
    for (const sourceId of [...this.crons.keys()]) this.remove(sourceId);
  }

  /** Brings the jobs in line with the sources: adds, changes and removes. */
  async refresh(): Promise<void> {
    const sources = await this.sources.findEnabled();
    const wanted = new Map(sources.map((s) => [s.id, s.syncCron ?? this.options.defaultCron]));
    for (const sourceId of [...this.crons.keys()]) {
      if (wanted.get(sourceId) !== this.crons.get(sourceId)) this.remove(sourceId);
    }
    for (const [sourceId, cron] of wanted) {
      if (this.crons.has(sourceId)) continue;
      const job = CronJob.from({
        cronTime: cron,
        onTick: () => this.tick(sourceId),
        start: true,
        waitForCompletion: true,
      });
      this.registry.addCronJob(jobName(sourceId), job);
      this.crons.set(sourceId, cron);
    }
  }

  private remove(sourceId: number): void {
    if (this.registry.doesExist('cron', jobName(sourceId)))
      this.registry.deleteCronJob(jobName(sourceId));
    this.crons.delete(sourceId);
  }

  private async tick(sourceId: number): Promise<void> {
    try {
      const { done } = await this.sync.start(sourceId, 'schedule');
      const run = await done;
      this.logger.log(`Scheduled sync of source ${sourceId}: run ${run.id} ${run.status}`);
    } catch (error) {
      // Nest logs nothing for a failed cron tick: say what happened here.
      const message = error instanceof Error ? error.message : String(error);
      // Every instance schedules every source: the one that took the source's lease runs it.
      if (error instanceof SourceAlreadySyncing && error.instance !== null) {
        this.logger.log(`Scheduled sync of source ${sourceId} runs on instance ${error.instance}`);
      } else if (error instanceof DomainError)
        this.logger.warn(`Scheduled sync of source ${sourceId} skipped: ${message}`);
      else this.logger.error(`Scheduled sync of source ${sourceId} failed to start: ${message}`);
    }
  }
}
