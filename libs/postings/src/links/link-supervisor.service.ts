import { AsyncResource } from 'node:async_hooks';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Clock, ServiceInstance } from '@app/common';
import {
  AuditEventStore,
  LeaseKeeper,
  LeaseStore,
  Ledger,
  LedgerTx,
  PmsLink,
  PmsLinkStore,
  PostingQueueSignal,
  PostingStore,
  SourceStore,
  StayStore,
  isHeld,
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

const DOWN: LinkStatus = { state: 'down', lastHeardAtMs: null, instance: null };

/** The lease of a PMS link: the instance holding it runs the link's runner (one connection). */
const linkLease = (linkId: number) => `pms-link:${linkId}`;

/**
 * One runner per enabled link, started with the service and stopped with it; a link's change
 * restarts its runner, a disabled or deleted link's stops.
 *
 * Across instances of the service on one ledger, a link runs where its lease
 * (`pms-link:<id>`) is held: taken before its runner starts, renewed every third of
 * LEASE_TTL_MS; a renewal that fails (another instance took the link) stops the runner at once.
 * Every LEASE_POLL_MS each instance takes the links whose lease lapsed or was released, and
 * restarts or stops the runners of links changed on another instance (their version moved).
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
  private readonly keeper: LeaseKeeper;
  private poller: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly ledger: Ledger,
    private readonly links: PmsLinkStore,
    private readonly sources: SourceStore,
    private readonly postings: PostingStore,
    private readonly stays: StayStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
    private readonly queued: PostingQueueSignal,
    private readonly leases: LeaseStore,
    private readonly instance: ServiceInstance,
    @Inject(PMS_LINK_SETTINGS) private readonly settings: PmsLinkSettings,
  ) {
    this.keeper = LeaseKeeper.of(instance, {
      ledger,
      leases,
      now: () => clock.now(),
      onError: (error) => this.logger.warn(`A PMS link lease was not renewed: ${String(error)}`),
    });
  }

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
    this.poller = setInterval(() => this.poll(), this.instance.leasePollMs);
    this.poller.unref();
  }

  /** Stops every runner and releases its lease: another instance takes the link at its next look. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.poller);
    this.unsubscribe?.();
    await this.polling;
    await this.serially(async () => {
      const running = [...this.runners.values()];
      this.runners.clear();
      await Promise.all(running.map((runner) => runner.stop()));
      await this.keeper.releaseAll();
    });
  }

  /** Whether this process runs PMS links (PMS_LINKS_ENABLED). */
  get enabled(): boolean {
    return this.settings.enabled;
  }

  /**
   * What the link is doing now: its runner's state when it runs here; `elsewhere` while another
   * instance holds its lease (its live state is known there); else `down`.
   */
  async status(linkId: number): Promise<LinkStatus> {
    const runner = this.runners.get(linkId);
    if (runner) {
      return {
        state: runner.state,
        lastHeardAtMs: runner.lastHeardAtMs,
        instance: this.instance.id,
      };
    }
    const lease = await this.leases.find(linkLease(linkId));
    if (isHeld(lease, this.clock.now()) && lease.holder !== this.instance.id) {
      return { state: 'elsewhere', lastHeardAtMs: null, instance: lease.holder };
    }
    return DOWN;
  }

  isRunning(linkId: number): boolean {
    return this.runners.has(linkId);
  }

  /**
   * Brings the link's runner in line with the ledger: (re)started, or stopped (and its lease
   * released). It starts only while this instance holds the link's lease: when another instance
   * holds it, the link runs there.
   */
  refresh(linkId: number): Promise<void> {
    return this.serially(() => this.reconcile(linkId));
  }

  /** `refresh`'s work, for a caller already in the queue of starts and stops. */
  private async reconcile(linkId: number): Promise<void> {
    const running = this.runners.get(linkId);
    if (running) {
      this.runners.delete(linkId);
      await running.stop();
    }
    if (!this.settings.enabled) return;
    const name = linkLease(linkId);
    const link = await this.links.findById(linkId);
    if (!link?.enabled) {
      if (this.keeper.holds(name)) await this.keeper.release(name);
      return;
    }
    if (!this.keeper.holds(name) && !(await this.keeper.take(name, () => this.lost(linkId)))) {
      return;
    }
    const runner = new LinkRunner(link, await this.zoneOf(link), {
      ledger: this.ledger,
      postings: this.postings,
      stays: this.stays,
      audit: this.audit,
      clock: this.clock,
      idlePollMs: this.settings.idlePollMs,
      connect: this.settings.connect ?? ((l, zone) => this.connect(l, zone)),
      fence: (tx, nowMs) => this.stillHeld(tx, linkId, nowMs),
    });
    await this.home.runInAsyncScope(() => runner.start());
    this.runners.set(linkId, runner);
  }

  /**
   * Renews the link's lease in a posting's claim: an instance that lost it (paused past its
   * expiry) claims nothing more, and its runner stops, before its next renewal round says so.
   */
  private async stillHeld(tx: LedgerTx, linkId: number, nowMs: number): Promise<boolean> {
    const { id, leaseTtlMs } = this.instance;
    const held = await this.leases.renew(tx, linkLease(linkId), id, leaseTtlMs, nowMs);
    if (!held && this.keeper.holds(linkLease(linkId))) {
      this.keeper.forget(linkLease(linkId));
      this.lost(linkId);
    }
    return held;
  }

  /** Another instance took the link over: its runner here stops at once. */
  private lost(linkId: number): void {
    this.logger.warn(`PMS link ${linkId}: another instance holds it now; stopped here`);
    void this.serially(async () => {
      if (this.keeper.holds(linkLease(linkId))) return;
      const runner = this.runners.get(linkId);
      this.runners.delete(linkId);
      await runner?.stop();
    });
  }

  /**
   * Takes the links whose lease lapsed or was released (their instance stopped), and brings
   * the runners here in line with links another instance changed, disabled or deleted.
   */
  private poll(): void {
    if (this.polling) return;
    this.polling = this.serially(() => this.lookAround())
      .catch((error: unknown) =>
        this.logger.warn(`Looking for PMS links to take over failed: ${String(error)}`),
      )
      .finally(() => (this.polling = undefined));
  }

  private async lookAround(): Promise<void> {
    const links = new Map((await this.links.list()).map((link) => [link.id, link]));
    for (const [linkId, runner] of [...this.runners]) {
      const link = links.get(linkId);
      if (!link?.enabled || link.version !== runner.link.version) await this.reconcile(linkId);
    }
    const nowMs = this.clock.now();
    for (const link of links.values()) {
      if (!link.enabled || this.runners.has(link.id)) continue;
      // Free, lapsed, or ours without a runner (its start failed): (re)start it here.
      const lease = await this.leases.find(linkLease(link.id));
      if (!isHeld(lease, nowMs) || lease.holder === this.instance.id) await this.reconcile(link.id);
    }
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
