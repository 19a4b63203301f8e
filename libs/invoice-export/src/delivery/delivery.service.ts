import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Actor, Clock, DomainError, ServiceInstance, redactedUrl } from '@app/common';
import {
  AuditEventStore,
  DeliveryStore,
  type Invoice,
  InvoiceStore,
  Lease,
  LeaseKeeper,
  LeaseStore,
  Ledger,
  LedgerTx,
  SourceStore,
} from '@app/ledger';
import { InvoiceFilesService } from '../exporters/invoice-files.service';
import { InvoicesService } from '../invoices/invoices.service';
import {
  AttemptOutcome,
  BillingSystemClient,
  DeliveryRequest,
  withoutCredentials,
} from './billing-system-client';
import { DeliveryLogView, DeliveryState } from './delivery-log.view';
import { DELIVERY_SETTINGS, DeliverySettings, backoffDelayMs } from './delivery-settings';

/** Where an invoice goes: its source's billing system. */
interface Target {
  url: string;
  secret: string | null;
}

/** The lease of an invoice's delivery: the instance holding it runs the invoice's sequence. */
const deliveryLease = (invoiceId: number) => `delivery:${invoiceId}`;
const DELIVERY_LEASES = 'delivery:';

/** What a delivery's lease notes: the first attempt of its sequence, for the one taking it over. */
interface SequenceNote {
  firstAttempt: number;
}

/** How a sequence ended: for good (delivered, refused, spent), or cut off before its end. */
type SequenceEnd = 'ended' | 'cut';

/**
 * Delivers finalised invoices to their source's billing system (docs/invoices.md, Delivery):
 * one sequence of attempts with backoff, each attempt a row of `invoice_deliveries`. Runs in
 * the background; finalisation never waits for it, and its failures are logged, never thrown.
 *
 * An invoice has at most one sequence running, across every instance of the service on the
 * ledger: the sequence holds the invoice's lease (`delivery:<id>`), renewed while it runs and in
 * the transaction that opens each attempt (an instance that lost it sends nothing more),
 * released when it ends. Every instance looks for sequences whose instance stopped (their lease
 * lapsed) every LEASE_POLL_MS and goes on with them: the attempt left pending is closed as
 * failed, and the next goes with the same idempotency key, which the billing system dedupes.
 */
@Injectable()
export class DeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly stopping = new AbortController();
  /** Ids of the invoices this process is delivering (or about to). */
  private readonly running = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly keeper: LeaseKeeper;
  private poller: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly ledger: Ledger,
    private readonly invoices: InvoicesService,
    private readonly invoiceStore: InvoiceStore,
    private readonly deliveryStore: DeliveryStore,
    private readonly sources: SourceStore,
    private readonly files: InvoiceFilesService,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
    private readonly client: BillingSystemClient,
    private readonly leases: LeaseStore,
    private readonly instance: ServiceInstance,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {
    this.keeper = LeaseKeeper.of(instance, {
      ledger,
      leases,
      now: () => clock.now(),
      onError: (error) => this.logger.warn(`A delivery lease was not renewed: ${String(error)}`),
    });
  }

  /**
   * Goes on with the sequences a stopped instance left (this one's earlier process among them),
   * then looks for more every LEASE_POLL_MS. An attempt left `pending` with no lease at all
   * (written before leases existed) is failed, `interrupted`, as it always was.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.takeOverOrphans(true);
    this.poller = setInterval(() => void this.poll(), this.instance.leasePollMs);
    this.poller.unref();
  }

  /**
   * Retries waiting for their timer are not made; an attempt in flight is cut off and
   * recorded as failed. Each sequence cut off is handed over (its lease lapses now): another
   * instance, or this one started again, goes on with it.
   */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.poller);
    this.stopping.abort();
    await this.polling;
    await Promise.allSettled([...this.inFlight]);
    this.keeper.stop();
  }

  /** After finalisation: delivers in the background if the source names a billing system. */
  deliverFinalized(invoice: Invoice): void {
    if (this.running.has(invoice.id)) return;
    this.running.add(invoice.id);
    this.launch(invoice.id, invoice.number, async () => {
      const target = await this.targetOf(invoice);
      if (!target) return 'ended';
      const claimed = await this.ledger.transaction((tx) => this.claim(tx, invoice.id));
      // Another instance is delivering it already.
      if (!claimed) return 'ended';
      return this.deliver(invoice, target, 0, claimed);
    });
  }

  /** A fresh sequence now, asked for by a person (after a failure): 409 unless it can run. */
  async retry(id: number, actor: Actor): Promise<DeliveryLogView> {
    if (this.running.has(id)) throw this.beingDelivered(id, null);
    this.running.add(id);
    let started: { invoice: Invoice; target: Target; lost: AbortSignal };
    try {
      started = await this.ledger.transaction(async (tx) => {
        const invoice = await this.invoices.load(id, tx);
        const target = await this.retryableTarget(tx, invoice);
        const lost = await this.claim(tx, id);
        if (!lost) throw this.beingDelivered(id, await this.leases.find(deliveryLease(id), tx));
        await this.audit.record(
          tx,
          actor,
          {
            action: 'invoice.deliver',
            entityType: 'invoice',
            entityId: id,
            newValue: { number: invoice.number, url: redactedUrl(target.url) },
          },
          this.clock.now(),
        );
        return { invoice, target, lost };
      });
    } catch (error) {
      this.keeper.forget(deliveryLease(id));
      this.running.delete(id);
      throw error;
    }
    const { invoice, target, lost } = started;
    this.launch(id, invoice.number, () => this.deliver(invoice, target, 0, lost));
    return this.log(id);
  }

  /**
   * The invoice's attempts in order, and where its delivery stands: `in-progress` while any
   * instance holds its lease (or one lapsed, about to be taken over) or an attempt is open.
   */
  async log(id: number): Promise<DeliveryLogView> {
    const invoice = await this.invoices.load(id);
    // The lease before the attempts: a sequence closes its attempt before it lets the lease go,
    // so attempts read after a lease found gone are final. (On PostgreSQL these reads are
    // separate statements, and a sequence may end between them.)
    const leased = this.running.has(id) || (await this.leases.find(deliveryLease(id))) !== null;
    const attempts = await this.deliveryStore.findAttempts(id);
    const state: DeliveryState =
      leased || attempts.some((attempt) => attempt.status === 'pending')
        ? 'in-progress'
        : attempts.some((attempt) => attempt.status === 'delivered')
          ? 'delivered'
          : attempts.length === 0
            ? 'none'
            : 'failed';
    return DeliveryLogView.of({ invoice, state, attempts });
  }

  private beingDelivered(id: number, lease: Lease | null): DomainError {
    const where = lease && lease.holder !== this.instance.id ? ` by instance ${lease.holder}` : '';
    return new DomainError(
      'conflict',
      `Invoice ${id} is being delivered${where}; wait for it to end`,
    );
  }

  /**
   * Takes the invoice's lease in `tx` for a new sequence, kept renewed once `tx` commits; its
   * signal tells when another instance took it over. Null when another instance holds it.
   */
  private async claim(tx: LedgerTx, invoiceId: number): Promise<AbortSignal | null> {
    const attempts = await this.deliveryStore.findAttempts(invoiceId);
    const note: SequenceNote = { firstAttempt: attempts.length + 1 };
    const { id, leaseTtlMs } = this.instance;
    const name = deliveryLease(invoiceId);
    if (!(await this.leases.take(tx, name, id, leaseTtlMs, this.clock.now(), note))) return null;
    const lost = new AbortController();
    this.keeper.keep(name, () => lost.abort());
    return lost.signal;
  }

  /**
   * Runs a claimed invoice's delivery in the background; whatever happens is logged. When it
   * ends the lease is released; when the service stops before its end, handed over.
   */
  private launch(invoiceId: number, number: string | null, work: () => Promise<SequenceEnd>): void {
    const done: Promise<void> = work()
      .catch(async (error: unknown): Promise<SequenceEnd> => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.logger.error(`Delivery of ${number} stopped by an unexpected error: ${text}`);
        await this.closeOpenAttempt(invoiceId).catch((closing: unknown) =>
          this.logger.warn(`The open attempt of ${number} was not closed: ${String(closing)}`),
        );
        return 'ended';
      })
      .then((end) => this.endLease(invoiceId, end))
      .catch((error: unknown) =>
        this.logger.warn(`The delivery lease of ${number} was not released: ${String(error)}`),
      )
      .finally(() => {
        this.running.delete(invoiceId);
        this.inFlight.delete(done);
      });
    this.inFlight.add(done);
  }

  /**
   * After an unexpected error, the attempt the sequence left open is failed, so that its log
   * does not read in progress until some instance starts again: only while this instance
   * still holds the invoice's lease (else the attempt open is another instance's).
   */
  private async closeOpenAttempt(invoiceId: number): Promise<void> {
    const { id, leaseTtlMs } = this.instance;
    await this.ledger.transaction(async (tx) => {
      if (
        !(await this.leases.renew(tx, deliveryLease(invoiceId), id, leaseTtlMs, this.clock.now()))
      ) {
        return;
      }
      await this.deliveryStore.failPendingOf(tx, invoiceId, 'stopped by an unexpected error');
    });
  }

  private async endLease(invoiceId: number, end: SequenceEnd): Promise<void> {
    const name = deliveryLease(invoiceId);
    if (!this.keeper.holds(name)) return;
    this.keeper.forget(name);
    const { id } = this.instance;
    await this.ledger.transaction((tx) =>
      end === 'cut'
        ? this.leases.handOver(tx, name, id, this.clock.now())
        : this.leases.release(tx, name, id),
    );
  }

  private poll(): void {
    if (this.polling || this.stopping.signal.aborted) return;
    this.polling = this.takeOverOrphans(false)
      .catch((error: unknown) =>
        this.logger.warn(`Looking for deliveries to take over failed: ${String(error)}`),
      )
      .finally(() => (this.polling = undefined));
  }

  /**
   * Takes over each sequence whose instance stopped (its lease lapsed); at start, also those
   * this instance's earlier process left, and attempts left pending without a lease.
   */
  private async takeOverOrphans(atStart: boolean): Promise<void> {
    const nowMs = this.clock.now();
    const ids = new Set<number>();
    const held = atStart ? this.instance.id : undefined;
    for (const lease of await this.leases.orphans(DELIVERY_LEASES, nowMs, held)) {
      ids.add(Number(lease.name.slice(DELIVERY_LEASES.length)));
    }
    if (atStart) for (const id of await this.deliveryStore.pendingInvoiceIds()) ids.add(id);
    for (const id of ids) {
      if (this.stopping.signal.aborted) return;
      if (!this.running.has(id)) await this.takeOver(id);
    }
  }

  /**
   * Takes the invoice's sequence over from the instance that stopped: its attempt left pending
   * is failed, and the sequence goes on with the attempts it has left.
   */
  private async takeOver(invoiceId: number): Promise<void> {
    this.running.add(invoiceId);
    const name = deliveryLease(invoiceId);
    const { id, leaseTtlMs } = this.instance;
    let taken: { previous: Lease | null; lost: AbortController } | null;
    try {
      taken = await this.ledger.transaction(async (tx) => {
        const previous = await this.leases.find(name, tx);
        const note = previous?.dataJson ?? null;
        const data = note === null ? null : (JSON.parse(note) as SequenceNote);
        if (!(await this.leases.take(tx, name, id, leaseTtlMs, this.clock.now(), data))) {
          return null;
        }
        const failed = await this.deliveryStore.failPendingOf(
          tx,
          invoiceId,
          previous === null
            ? 'interrupted'
            : `interrupted: instance ${previous.holder} stopped during this attempt`,
        );
        if (failed > 0 || previous !== null) {
          this.logger.warn(
            `Delivery of invoice ${invoiceId} taken over${previous ? ` from instance ${previous.holder}` : ''}`,
          );
        }
        const lost = new AbortController();
        this.keeper.keep(name, () => lost.abort());
        return { previous, lost };
      });
    } catch (error) {
      this.keeper.forget(name);
      this.running.delete(invoiceId);
      throw error;
    }
    if (!taken) {
      this.running.delete(invoiceId);
      return;
    }
    const { previous, lost } = taken;
    const invoice = await this.invoices.load(invoiceId).catch(() => null);
    this.launch(invoiceId, invoice?.number ?? null, async () => {
      // Without a lease there was no sequence to go on with: the attempt was only closed.
      if (previous === null || invoice === null) return 'ended';
      if (
        (await this.ledger.transaction((tx) =>
          this.deliveryStore.findDeliveredAttempt(tx, invoiceId),
        )) !== null
      ) {
        return 'ended';
      }
      const target = await this.targetOf(invoice);
      if (!target) return 'ended';
      const note =
        previous.dataJson === null ? null : (JSON.parse(previous.dataJson) as SequenceNote);
      const attempts = (await this.deliveryStore.findAttempts(invoiceId)).length;
      const made = note === null ? 1 : attempts - note.firstAttempt + 1;
      return this.deliver(invoice, target, made, lost.signal);
    });
  }

  private async targetOf(invoice: Invoice): Promise<Target | null> {
    if (invoice.sourceId === null) return null;
    const source = await this.sources.findDeliveryTarget(invoice.sourceId);
    if (!source?.deliveryUrl) return null;
    return { url: withoutCredentials(source.deliveryUrl), secret: source.deliverySecret };
  }

  /** The target of a manual delivery, or why there is none to make. */
  private async retryableTarget(tx: LedgerTx, invoice: Invoice): Promise<Target> {
    const refuse = (why: string) =>
      new DomainError('conflict', `Invoice ${invoice.id} cannot be delivered: ${why}`);
    if (invoice.status !== 'finalized') {
      throw refuse(`it is ${invoice.status}; only a finalized invoice is delivered`);
    }
    const target = await this.targetOf(invoice);
    if (!target) {
      throw refuse(
        invoice.sourceId === null
          ? 'its lines come from more than one source, so it has no billing system'
          : `source ${invoice.sourceId} has no deliveryUrl (set it with PATCH /api/v1/sources/${invoice.sourceId})`,
      );
    }
    const delivered = await this.deliveryStore.findDeliveredAttempt(tx, invoice.id);
    if (delivered !== null) {
      throw refuse(`${invoice.number} was already delivered (attempt ${delivered})`);
    }
    return target;
  }

  /**
   * One sequence, or what is left of it after `made` attempts: attempts until one is delivered
   * or refused for good, the attempts are spent, the service stops or another instance takes
   * the sequence over (`lost`). The body and the key are the same on every attempt.
   */
  private async deliver(
    invoice: Invoice,
    target: Target,
    made: number,
    lost: AbortSignal,
  ): Promise<SequenceEnd> {
    const request: DeliveryRequest = {
      ...target,
      idempotencyKey: invoice.number!,
      body: await this.files.deliveryBody(invoice),
    };
    const signal = AbortSignal.any([this.stopping.signal, lost]);
    for (let attempt = made + 1; attempt <= this.settings.maxAttempts; attempt++) {
      if (
        attempt > made + 1 &&
        !(await this.pause(backoffDelayMs(this.settings, attempt - 1), signal))
      ) {
        return 'cut';
      }
      const outcome = await this.attempt(invoice, request, signal);
      if (outcome === 'cut') return 'cut';
      if (outcome?.kind !== 'retryable') return 'ended';
      if (signal.aborted) return 'cut';
    }
    return 'ended';
  }

  /** Waits before a retry; false when the sequence is cut off meanwhile (the retry is not made). */
  private async pause(ms: number, signal: AbortSignal): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * One attempt and its row: `pending` before the request, so that a crash leaves a trace,
   * then its outcome. Null, and nothing sent, once the invoice is no longer finalised; `cut`,
   * and nothing sent, once another instance holds the invoice's lease.
   */
  private async attempt(
    invoice: Invoice,
    request: DeliveryRequest,
    signal: AbortSignal,
  ): Promise<AttemptOutcome | null | 'cut'> {
    const row = await this.ledger.transaction((tx) => this.openAttempt(tx, invoice, request));
    if (row === null || row === 'cut') return row;
    let outcome: AttemptOutcome;
    try {
      outcome = await this.client.post(request, signal);
    } catch (error) {
      if (!signal.aborted) throw error;
      outcome = {
        kind: 'retryable',
        httpStatus: null,
        error: this.stopping.signal.aborted
          ? 'interrupted by shutdown'
          : 'interrupted: another instance took the delivery over',
      };
    }
    await this.ledger.transaction((tx) =>
      this.deliveryStore.closeAttempt(tx, row.id, {
        status: outcome.kind === 'delivered' ? 'delivered' : 'failed',
        httpStatus: outcome.httpStatus,
        error: outcome.kind === 'delivered' ? null : outcome.error,
      }),
    );
    if (outcome.kind !== 'delivered') {
      this.logger.warn(
        `Delivery of ${invoice.number}, attempt ${row.attempt}, to ${redactedUrl(request.url)} failed: ${outcome.error}`,
      );
    }
    return outcome;
  }

  /**
   * The attempt's row, or null (nothing to send) once the invoice is no longer finalised, or
   * `cut` once the invoice's lease is another instance's. The lease is renewed here, so that an
   * attempt opens only while this instance holds it.
   */
  private async openAttempt(
    tx: LedgerTx,
    invoice: Invoice,
    request: DeliveryRequest,
  ): Promise<{ id: number; attempt: number } | null | 'cut'> {
    const nowMs = this.clock.now();
    const { id, leaseTtlMs } = this.instance;
    if (!(await this.leases.renew(tx, deliveryLease(invoice.id), id, leaseTtlMs, nowMs))) {
      return 'cut';
    }
    if ((await this.invoiceStore.statusOf(tx, invoice.id)) !== 'finalized') return null;
    return this.deliveryStore.openAttempt(tx, {
      invoiceId: invoice.id,
      url: redactedUrl(request.url),
      idempotencyKey: request.idempotencyKey,
      attemptedAtMs: nowMs,
    });
  }
}
