import { AsyncResource } from 'node:async_hooks';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '@app/common';
import {
  AuditEventStore,
  Ledger,
  PmsLink,
  PmsLinkStore,
  PostingQueueSignal,
  PostingStore,
  SourceStore,
  StayStore,
} from '@app/ledger';
import { FiasLink, isFiasCharset } from '@app/pms';
import type { LinkStatus } from './dto/pms-link.view';
import { LinkRunner } from './link-runner';

export interface PmsLinkSettings {
  /** PMS_LINKS_ENABLED: `false` keeps every link down in this process (tests, the CLI). */
  readonly enabled: boolean;
  /** Our version in the link description (`LD`'s `V#`). */
  readonly interfaceVersion: string;
  /** How often an idle sender looks for new postings. */
  readonly idlePollMs: number;
  /** Makes a link's connection; tests may give their own. */
  readonly connect?: (link: PmsLink, zone: string) => FiasLink;
}

export const PMS_LINK_SETTINGS = Symbol('PMS_LINK_SETTINGS');

const DOWN: LinkStatus = { state: 'down', lastHeardAtMs: null };

/**
 * One runner per enabled link, started with the service and stopped with it; a link's change
 * restarts its runner, a disabled or deleted link's stops.
 */
@Injectable()
export class LinkSupervisor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PmsLinks');
  private readonly runners = new Map<number, LinkRunner>();
  /** Starts and stops run one after another. */
  private changes: Promise<void> = Promise.resolve();
  /**
   * The service's start, as an async context: runners are started in it, so that a link's
   * timers and socket callbacks do not carry the context (and log fields) of the request that
   * happened to (re)start it.
   */
  private readonly home = new AsyncResource('pms-links');
  /** Ends the subscription to `queued`. */
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ledger: Ledger,
    private readonly links: PmsLinkStore,
    private readonly sources: SourceStore,
    private readonly postings: PostingStore,
    private readonly stays: StayStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
    private readonly queued: PostingQueueSignal,
    @Inject(PMS_LINK_SETTINGS) private readonly settings: PmsLinkSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.enabled) {
      this.logger.log('PMS links are off in this process');
      return;
    }
    // Postings queued in this process (a sync's chunk) go at once, not at the next poll.
    this.unsubscribe = this.queued.subscribe(() => {
      for (const runner of this.runners.values()) runner.wake();
    });
    for (const link of await this.links.list()) {
      if (link.enabled) await this.refresh(link.id);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.serially(async () => {
      const running = [...this.runners.values()];
      this.runners.clear();
      await Promise.all(running.map((runner) => runner.stop()));
    });
  }

  /** Whether this process runs PMS links (PMS_LINKS_ENABLED). */
  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** What the link is doing now (`down` when its runner is not running). */
  status(linkId: number): LinkStatus {
    const runner = this.runners.get(linkId);
    return runner ? { state: runner.state, lastHeardAtMs: runner.lastHeardAtMs } : DOWN;
  }

  isRunning(linkId: number): boolean {
    return this.runners.has(linkId);
  }

  /** Brings the link's runner in line with the ledger: (re)started, or stopped. */
  refresh(linkId: number): Promise<void> {
    return this.serially(async () => {
      const running = this.runners.get(linkId);
      if (running) {
        this.runners.delete(linkId);
        await running.stop();
      }
      if (!this.settings.enabled) return;
      const link = await this.links.findById(linkId);
      if (!link?.enabled) return;
      const runner = new LinkRunner(link, await this.zoneOf(link), {
        ledger: this.ledger,
        postings: this.postings,
        stays: this.stays,
        audit: this.audit,
        clock: this.clock,
        idlePollMs: this.settings.idlePollMs,
        connect: this.settings.connect ?? ((l, zone) => this.connect(l, zone)),
      });
      await this.home.runInAsyncScope(() => runner.start());
      this.runners.set(linkId, runner);
    });
  }

  requestResync(linkId: number): boolean {
    const runner = this.runners.get(linkId);
    runner?.requestResync();
    return runner !== undefined;
  }

  /** New postings may wait on these links (an action on an exception). */
  wake(linkId: number): void {
    this.runners.get(linkId)?.wake();
  }

  private connect(link: PmsLink, timeZone: string): FiasLink {
    return new FiasLink({
      host: link.host,
      port: link.port,
      charset: isFiasCharset(link.charset) ? link.charset : 'ascii',
      answerTimeoutMs: link.answerTimeoutMs,
      aliveIntervalMs: link.aliveIntervalMs,
      interfaceVersion: this.settings.interfaceVersion,
      timeZone,
    });
  }

  /** The hotel's zone: its first source's (the PMS's local times are its wall clock). */
  private async zoneOf(link: PmsLink): Promise<string> {
    const [sourceId] = await this.links.sourceIdsOf(link.id);
    const source = sourceId === undefined ? null : await this.sources.findById(sourceId);
    return source?.timezone ?? 'UTC';
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.changes.then(work);
    this.changes = next.catch((error: Error) =>
      this.logger.error(`A PMS link did not start or stop: ${error.message}`),
    );
    return next;
  }
}
