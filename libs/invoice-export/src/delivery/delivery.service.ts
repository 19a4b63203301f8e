import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Actor, Clock, DomainError, redactedUrl } from '@app/common';
import {
  AuditEventStore,
  DeliveryStore,
  type Invoice,
  InvoiceStore,
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

/**
 * Delivers finalised invoices to their source's billing system (docs/invoices.md, Delivery):
 * one sequence of attempts with backoff, each attempt a row of `invoice_deliveries`. Runs in
 * the background; finalisation never waits for it, and its failures are logged, never thrown.
 * An invoice has at most one sequence running in this process at a time.
 */
@Injectable()
export class DeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly stopping = new AbortController();
  /** Ids of the invoices being delivered. */
  private readonly running = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();

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
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  /** An attempt left `pending` by a stopped process never had its answer recorded. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ledger.transaction((tx) => this.deliveryStore.failInterrupted(tx));
  }

  /**
   * Retries waiting for their timer are not made; an attempt in flight is cut off and
   * recorded as failed. Either way the invoice reads `failed` and can be delivered again.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  /** After finalisation: delivers in the background if the source names a billing system. */
  deliverFinalized(invoice: Invoice): void {
    if (!this.claim(invoice.id)) return;
    this.launch(invoice, async () => {
      const target = await this.targetOf(invoice);
      if (target) await this.deliver(invoice, target);
    });
  }

  /** A fresh sequence now, asked for by a person (after a failure): 409 unless it can run. */
  async retry(id: number, actor: Actor): Promise<DeliveryLogView> {
    if (!this.claim(id)) {
      throw new DomainError('conflict', `Invoice ${id} is being delivered; wait for it to end`);
    }
    try {
      const { invoice, target } = await this.ledger.transaction(async (tx) => {
        const invoice = await this.invoices.load(id, tx);
        const target = await this.retryableTarget(tx, invoice);
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
        return { invoice, target };
      });
      this.launch(invoice, () => this.deliver(invoice, target));
    } catch (error) {
      this.running.delete(id);
      throw error;
    }
    return this.log(id);
  }

  /** The invoice's attempts in order, and where its delivery stands. */
  async log(id: number): Promise<DeliveryLogView> {
    const invoice = await this.invoices.load(id);
    const attempts = await this.deliveryStore.findAttempts(id);
    const state: DeliveryState = this.running.has(id)
      ? 'in-progress'
      : attempts.some((attempt) => attempt.status === 'delivered')
        ? 'delivered'
        : attempts.length === 0
          ? 'none'
          : 'failed';
    return DeliveryLogView.of({ invoice, state, attempts });
  }

  /** Marks the invoice as being delivered; false when it already is. */
  private claim(invoiceId: number): boolean {
    if (this.running.has(invoiceId)) return false;
    this.running.add(invoiceId);
    return true;
  }

  /** Runs a claimed invoice's delivery in the background; whatever happens is logged. */
  private launch(invoice: Invoice, work: () => Promise<void>): void {
    const done: Promise<void> = work()
      .catch((error: unknown) => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.logger.error(`Delivery of ${invoice.number} stopped by an unexpected error: ${text}`);
      })
      .finally(() => {
        this.running.delete(invoice.id);
        this.inFlight.delete(done);
      });
    this.inFlight.add(done);
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
   * One sequence: attempts until one is delivered or refused for good, the attempts are spent,
   * or the service stops. The body and the key are the same on every attempt.
   */
  private async deliver(invoice: Invoice, target: Target): Promise<void> {
    const request: DeliveryRequest = {
      ...target,
      idempotencyKey: invoice.number!,
      body: await this.files.deliveryBody(invoice),
    };
    for (let attempt = 1; attempt <= this.settings.maxAttempts; attempt++) {
      if (attempt > 1 && !(await this.pause(backoffDelayMs(this.settings, attempt - 1)))) return;
      const outcome = await this.attempt(invoice, request);
      if (outcome?.kind !== 'retryable') return;
    }
  }

  /** Waits before a retry; false when the service stops meanwhile (the retry is not made). */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.stopping.signal });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * One attempt and its row: `pending` before the request, so that a crash leaves a trace,
   * then its outcome. Null, and nothing sent, once the invoice is no longer finalised.
   */
  private async attempt(
    invoice: Invoice,
    request: DeliveryRequest,
  ): Promise<AttemptOutcome | null> {
    const row = await this.ledger.transaction((tx) =>
      Promise.resolve(this.openAttempt(tx, invoice, request)),
    );
    if (!row) return null;
    let outcome: AttemptOutcome;
    try {
      outcome = await this.client.post(request, this.stopping.signal);
    } catch (error) {
      if (!this.stopping.signal.aborted) throw error;
      outcome = { kind: 'retryable', httpStatus: null, error: 'interrupted by shutdown' };
    }
    await this.ledger.transaction((tx) =>
      Promise.resolve(
        this.deliveryStore.closeAttempt(tx, row.id, {
          status: outcome.kind === 'delivered' ? 'delivered' : 'failed',
          httpStatus: outcome.httpStatus,
          error: outcome.kind === 'delivered' ? null : outcome.error,
        }),
      ),
    );
    if (outcome.kind !== 'delivered') {
      this.logger.warn(
        `Delivery of ${invoice.number}, attempt ${row.attempt}, to ${redactedUrl(request.url)} failed: ${outcome.error}`,
      );
    }
    return outcome;
  }

  /** The attempt's row, or null (nothing to send) once the invoice is no longer finalised. */
  private async openAttempt(
    tx: LedgerTx,
    invoice: Invoice,
    request: DeliveryRequest,
  ): Promise<{ id: number; attempt: number } | null> {
    if ((await this.invoiceStore.statusOf(tx, invoice.id)) !== 'finalized') return null;
    return this.deliveryStore.openAttempt(tx, {
      invoiceId: invoice.id,
      url: redactedUrl(request.url),
      idempotencyKey: request.idempotencyKey,
      attemptedAtMs: this.clock.now(),
    });
  }
}
