import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  Actor,
  Clock,
  DomainError,
  checkSpan,
  decodeCursor,
  encodeCursor,
  instantOrLocalDate,
  isoTime,
} from '@app/common';
import {
  AuditEventStore,
  Business,
  BusinessStore,
  type InvoiceableItem,
  type InvoiceableScope,
  Invoice,
  InvoiceStore,
  Ledger,
  LedgerTx,
  LineItemStore,
  type NewInvoiceLine,
  RatePlanStore,
  type Stay,
  StayStore,
} from '@app/ledger';
import { formatMinor } from '@app/money';
import {
  type InvoiceFilterDto,
  type InvoicePageQueryDto,
  type KeyedInvoiceFilter,
  invoiceFilterOf,
} from './invoice-filter';
import { invoiceStay } from './invoice-stay';
import { issuerFrom } from './issuer';

/** How a batch groups items into drafts: per billing account, or per guest stay. */
export const BATCH_GROUPINGS = ['billing-account', 'stay'] as const;
export type BatchGrouping = (typeof BATCH_GROUPINGS)[number];

/** Invoices one bulk action or archive takes at most: more is a 400 asking to narrow it. */
export const INVOICES_MAX = 1000;

/** What a bulk finalisation did with each invoice it was given. */
export type FinalizeOutcome =
  | { id: number; outcome: 'finalized'; number: string }
  | { id: number; outcome: 'refused'; status: number; message: string };

export interface Period {
  startMs: number;
  endMs: number;
}

/** A period as a request gives it, with what it names of whose it is. */
export interface PeriodRequest {
  periodStart: string;
  periodEnd: string;
  sourceId?: number;
  businessId?: number;
  billingAccount?: string;
}

/** `4 min`, `2 h 13 min`: how long, for a line's description. */
function duration(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** What the line was, in words a client reads on the bill. */
export function lineDescription(
  item: Pick<
    InvoiceableItem,
    | 'accountSummaryId'
    | 'calls'
    | 'talkSeconds'
    | 'billedSeconds'
    | 'normalizedNumber'
    | 'dialedNumber'
  >,
): string {
  if (item.accountSummaryId !== null) {
    return `Telephone: ${item.calls} ${item.calls === 1 ? 'call' : 'calls'}, ${duration(item.talkSeconds)}`;
  }
  const number = item.normalizedNumber ? `+${item.normalizedNumber}` : (item.dialedNumber ?? '');
  return `Telephone: ${number}, ${duration(item.billedSeconds || item.talkSeconds)}`;
}

/** An item as it stands on an invoice: a copy, with what it was rated and what it bills. */
function lineOf(item: InvoiceableItem, lineNumber: number): Omit<NewInvoiceLine, 'invoiceId'> {
  const ratedTax =
    (JSON.parse(item.breakdownJson) as { taxMinor?: number }).taxMinor ?? item.taxMinor;
  return {
    lineNumber,
    lineItemId: item.id,
    callId: item.callId,
    startTimeMs: item.startTimeMs,
    extension: item.extension,
    dialedNumber: item.dialedNumber,
    normalizedNumber: item.normalizedNumber,
    destinationClass: item.destinationClass,
    talkSeconds: item.talkSeconds,
    billedSeconds: item.billedSeconds,
    calls: item.calls,
    description: lineDescription(item),
    ratedAmountMinor: item.ratedAmountMinor,
    ratedTaxMinor: ratedTax,
    ratedTotalMinor: item.ratedAmountMinor + ratedTax,
    adjustmentMinor: item.totalMinor - (item.ratedAmountMinor + ratedTax),
    amountMinor: item.amountMinor,
    taxesJson: item.taxesJson,
    taxMinor: item.taxMinor,
    totalMinor: item.totalMinor,
    timekeeperId: item.timekeeperId,
    timekeeperName: item.timekeeperName,
    timekeeperClassification: item.timekeeperClassification,
    breakdownJson: item.breakdownJson,
  };
}

/**
 * `[periodStart, periodEnd)` as typed (plain dates are midnights in `zone`): after, and at most
 * 400 days long (the rule sync windows share).
 */
export function parsePeriod(start: string, end: string, zone: string): Period {
  const period = {
    startMs: instantOrLocalDate(start, 'periodStart', zone),
    endMs: instantOrLocalDate(end, 'periodEnd', zone),
  };
  return checkSpan(period, { start: 'periodStart', end: 'periodEnd' }, 'period');
}

/** `GH-2026-000001`: a business's prefix, the year, a six-digit sequence. */
export const INVOICE_NUMBER = /^[A-Z0-9]{1,12}-\d{4}-\d{6}$/;

/**
 * Invoices: a draft collects the approved, uninvoiced items of one billing account
 * and period; `finalize` gives it the next gapless number of its year and makes its lines
 * `invoiced`; `void` sends them back to `approved` and keeps the number. Every change is one
 * transaction with its audit event; a finalised invoice never changes (and the ledger's
 * triggers refuse it too).
 */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly ledger: Ledger,
    private readonly invoices: InvoiceStore,
    private readonly lineItems: LineItemStore,
    private readonly businesses: BusinessStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
    private readonly stays: StayStore,
    private readonly ratePlans: RatePlanStore,
  ) {}

  /**
   * A draft's or a batch's period as typed: plain dates are the days of the business it is for
   * (the source's, when one is named), decision 0020.
   */
  async period(request: PeriodRequest): Promise<Period> {
    const { periodStart: start, periodEnd: end } = request;
    const zone = await this.businesses.plainDateZone([start, end], {
      sourceId: request.sourceId,
      businessId: request.businessId,
      invoicing: { billingAccount: request.billingAccount ?? null },
    });
    return parsePeriod(start, end, zone);
  }

  /**
   * A draft of one billing account's approved items in the period. An invoice is one business's:
   * when the account has items of several businesses, `businessId` says which.
   */
  createDraft(
    billingAccount: string,
    period: Period,
    actor: Actor,
    businessId: number | null = null,
  ): Promise<Invoice> {
    return this.ledger.transaction(async (tx) => {
      if (businessId !== null) await this.business(businessId, tx);
      const items = await this.lineItems.findInvoiceable(tx, billingAccount, period, {
        sourceId: null,
        businessId,
      });
      if (items.length === 0) {
        throw new DomainError(
          'conflict',
          `${billingAccount} has no approved, uninvoiced items from ${isoTime(period.startMs)} to ${isoTime(period.endMs)}${businessId === null ? '' : ` of business ${businessId}`}`,
        );
      }
      const businesses = [...new Set(items.map((item) => item.businessId))];
      if (businesses.length > 1) {
        throw new DomainError(
          'conflict',
          `${billingAccount} has approved items of businesses ${businesses.join(' and ')}: an invoice is one business's; name a businessId`,
          [{ field: 'businessId', message: `must be one of ${businesses.join(', ')}` }],
        );
      }
      return this.draft(tx, billingAccount, period, items, actor);
    });
  }

  /**
   * One draft per business and billing account with approved, uninvoiced items in the period;
   * per stay (`groupBy` `stay`), one per business, guest stay and billing account of the items
   * tied to a stay. An account whose items total 0 (all adjusted to nothing) gets no draft unless
   * `includeZero`: nobody sends a bill for nothing; `skippedZero` counts them. Items with a
   * posting to a PMS are billed on the guest's folio and never drafted.
   */
  batch(
    period: Period,
    scope: InvoiceableScope,
    actor: Actor,
    includeZero = false,
    groupBy: BatchGrouping = 'billing-account',
  ): Promise<{ drafts: Invoice[]; skippedZero: number }> {
    return this.ledger.transaction(async (tx) => {
      if (scope.businessId !== null) await this.business(scope.businessId, tx);
      const groups: { businessId: number; billingAccount: string; stayId?: number }[] =
        groupBy === 'stay'
          ? await this.lineItems.findStaysToInvoice(tx, period, scope)
          : await this.lineItems.findAccountsToInvoice(tx, period, scope);
      const drafts: Invoice[] = [];
      let skippedZero = 0;
      for (const { billingAccount: account, businessId, stayId } of groups) {
        const items = await this.lineItems.findInvoiceable(tx, account, period, {
          ...scope,
          businessId,
          stayId: stayId ?? null,
        });
        if (!includeZero && items.every((item) => item.totalMinor === 0)) {
          skippedZero++;
          continue;
        }
        drafts.push(await this.draft(tx, account, period, items, actor, stayId ?? null));
      }
      return { drafts, skippedZero };
    });
  }

  /** A draft's lines collected again (items approved since join, items changed leave). */
  refresh(id: number, actor: Actor): Promise<Invoice> {
    return this.ledger.transaction(async (tx) => {
      const invoice = await this.draftOf(tx, id, 'refresh');
      // A draft of one stay's calls stays that stay's: another guest's calls never join it.
      const stayId = await this.lineItems.stayOfInvoice(id, tx);
      await this.release(tx, id);
      const items = await this.lineItems.findInvoiceable(
        tx,
        invoice.billingAccount,
        { startMs: invoice.periodStartMs, endMs: invoice.periodEndMs },
        { sourceId: invoice.sourceId, businessId: invoice.businessId, stayId },
      );
      await this.fill(tx, id, items);
      const fresh = await this.load(id, tx);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'invoice.refresh',
          entityType: 'invoice',
          entityId: id,
          oldValue: { total: formatMinor(invoice.totalMinor, invoice.currency) },
          newValue: { total: formatMinor(fresh.totalMinor, fresh.currency) },
        },
        this.clock.now(),
      );
      return fresh;
    });
  }

  remove(id: number, actor: Actor): Promise<void> {
    return this.ledger.transaction(async (tx) => {
      const invoice = await this.draftOf(tx, id, 'delete');
      await this.release(tx, id);
      await this.invoices.deleteDraft(tx, id);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'invoice.delete',
          entityType: 'invoice',
          entityId: id,
          oldValue: { status: invoice.status },
        },
        this.clock.now(),
      );
    });
  }

  finalize(id: number, actor: Actor): Promise<Invoice> {
    return this.ledger.transaction(async (tx) => {
      const invoice = await this.draftOf(tx, id, 'finalize');
      const business = await this.business(invoice.businessId, tx);
      const now = this.clock.now();
      // The year of the number is the business's: a hotel's New Year's Eve is its own.
      const year = DateTime.fromMillis(now, { zone: business.timezone }).year;
      const sequence = await this.invoices.takeNextSequence(tx, business.id, year);
      const number = `${business.invoicePrefix}-${year}-${String(sequence).padStart(6, '0')}`;
      await this.invoices.markFinalized(tx, id, {
        number,
        numberYear: year,
        sequence,
        issuerJson: JSON.stringify(issuerFrom(business)),
        finalizedAtMs: now,
      });
      await this.lineItems.markInvoiced(tx, id, now);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'invoice.finalize',
          entityType: 'invoice',
          entityId: id,
          oldValue: { status: 'draft' },
          newValue: {
            status: 'finalized',
            number,
            total: formatMinor(invoice.totalMinor, invoice.currency),
          },
        },
        now,
      );
      return this.load(id, tx);
    });
  }

  void(id: number, reason: string, actor: Actor): Promise<Invoice> {
    return this.ledger.transaction(async (tx) => {
      const invoice = await this.load(id, tx);
      if (invoice.status !== 'finalized') {
        throw new DomainError(
          'conflict',
          `Invoice ${id} is ${invoice.status}: only a finalized invoice can be voided`,
          [{ field: 'status', message: invoice.status }],
        );
      }
      const now = this.clock.now();
      await this.invoices.markVoid(tx, id, reason, now);
      // The invoice is void first: the ledger lets its items go back only then.
      await this.lineItems.returnFromVoidInvoice(tx, id, now);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'invoice.void',
          entityType: 'invoice',
          entityId: id,
          oldValue: { status: 'finalized', number: invoice.number },
          newValue: { status: 'void', number: invoice.number },
          reason,
        },
        now,
      );
      return this.load(id, tx);
    });
  }

  /** A page of invoices, newest first (keyset on id: no page is skipped or repeated). */
  async list(query: InvoicePageQueryDto): Promise<{ items: Invoice[]; nextCursor: string | null }> {
    const { filter, key } = await this.filterOf(query);
    const limit = query.limit ?? 100;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, key, 1)[0];
    const { items, more } = await this.invoices.findPage(filter, after, limit);
    const nextCursor = more ? encodeCursor([items[items.length - 1].id], key) : null;
    return { items, nextCursor };
  }

  /**
   * The invoices named by `ids` or matched by `filter` (exactly one of them), oldest first; an
   * unknown id is a 404 and more than INVOICES_MAX a 400, before anything is done.
   */
  async matching(
    ids: number[] | undefined,
    filter: InvoiceFilterDto | undefined,
  ): Promise<Invoice[]> {
    if ((ids === undefined) === (filter === undefined)) {
      throw DomainError.invalid('request', [
        { field: 'ids', message: 'name the invoices by ids or by filter, one of the two' },
      ]);
    }
    if (ids !== undefined) {
      const unique = [...new Set(ids)];
      const rows = await this.invoices.findByIds(unique);
      const missing = unique.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length > 0) {
        throw new DomainError(
          'not-found',
          `Invoice${missing.length > 1 ? 's' : ''} ${missing.join(', ')} do${missing.length > 1 ? '' : 'es'} not exist`,
        );
      }
      return rows;
    }
    const { filter: matched } = await this.filterOf(filter!);
    const rows = await this.invoices.findMatching(matched, INVOICES_MAX + 1);
    if (rows.length > INVOICES_MAX) {
      throw DomainError.invalid('request', [
        { field: 'filter', message: `matches more than ${INVOICES_MAX} invoices; narrow it` },
      ]);
    }
    return rows;
  }

  /**
   * Finalises each draft in its own transaction, oldest first: all or nothing per invoice, so
   * one refusal (not a draft any more, changed by someone) leaves the others finalised. Each
   * answer says what became of it.
   */
  async finalizeMany(
    invoices: Invoice[],
    actor: Actor,
  ): Promise<{ outcomes: FinalizeOutcome[]; finalized: Invoice[] }> {
    const outcomes: FinalizeOutcome[] = [];
    const finalized: Invoice[] = [];
    for (const { id } of invoices) {
      try {
        const invoice = await this.finalize(id, actor);
        finalized.push(invoice);
        outcomes.push({ id, outcome: 'finalized', number: invoice.number! });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ id, outcome: 'refused', status: error.status, message: error.message });
      }
    }
    return { outcomes, finalized };
  }

  /** A filter's plain dates are days of its business, else of its source's, else the default's. */
  private async filterOf(filter: InvoiceFilterDto): Promise<KeyedInvoiceFilter> {
    const zone = await this.businesses.plainDateZone([filter.from, filter.to], {
      businessId: filter.businessId,
      sourceId: filter.sourceId,
    });
    return invoiceFilterOf(filter, zone);
  }

  /** The invoice, or a 404; inside `tx`, as the transaction has left it. */
  async load(id: number, tx?: LedgerTx): Promise<Invoice> {
    const invoice = await this.invoices.findById(id, tx);
    if (!invoice) throw new DomainError('not-found', `Invoice ${id} does not exist`);
    return invoice;
  }

  /** The guest stay the invoice is for (drafted per stay), or null. */
  stayOf(invoiceId: number): Promise<Stay | null> {
    return invoiceStay(this.lineItems, this.stays, invoiceId);
  }

  /** A numbered invoice by its number (`INV-2026-000001`), as a billing clerk knows it. */
  async loadByNumber(number: string): Promise<Invoice> {
    const invoice = await this.invoices.findByNumber(number);
    if (!invoice) {
      const hint = INVOICE_NUMBER.test(number) ? '' : ' (an invoice number reads INV-2026-000001)';
      throw new DomainError('not-found', `Invoice ${number} does not exist${hint}`);
    }
    return invoice;
  }

  private async draftOf(tx: LedgerTx, id: number, action: string): Promise<Invoice> {
    const invoice = await this.load(id, tx);
    if (invoice.status !== 'draft') {
      throw new DomainError(
        'conflict',
        `Invoice ${id} is ${invoice.status}${invoice.number ? ` (${invoice.number})` : ''}: only a draft can ${action}; a finalized invoice never changes`,
        [{ field: 'status', message: invoice.status }],
      );
    }
    return invoice;
  }

  private async business(id: number, tx: LedgerTx): Promise<Business> {
    const business = await this.businesses.findById(id, tx);
    if (!business) {
      throw DomainError.invalid('request', [
        { field: 'businessId', message: `business ${id} does not exist` },
      ]);
    }
    return business;
  }

  private async draft(
    tx: LedgerTx,
    billingAccount: string,
    period: Period,
    items: InvoiceableItem[],
    actor: Actor,
    stayId: number | null = null,
  ): Promise<Invoice> {
    const currencies = [...new Set(items.map((item) => item.currency))];
    if (currencies.length > 1) {
      throw new DomainError(
        'conflict',
        `${billingAccount} has approved items in ${currencies.join(' and ')}: an invoice has one currency`,
      );
    }
    const one = <T>(values: T[]): T | null => (new Set(values).size === 1 ? values[0] : null);
    // The zone of the plan version that rated the first item; an account-summary plan may name
    // none: its local times are UTC.
    const version = items[0].ratePlanVersionId;
    const timezone = (await this.ratePlans.versionZones([version], tx)).get(version) ?? 'UTC';
    const now = this.clock.now();
    const id = await this.invoices.insertDraft(tx, {
      billingAccount,
      businessId: items[0].businessId,
      sourceId: one(items.map((item) => item.sourceId)),
      ratePlanId: one(items.map((item) => item.ratePlanId)),
      timezone,
      periodStartMs: period.startMs,
      periodEndMs: period.endMs,
      currency: currencies[0],
      createdAtMs: now,
      updatedAtMs: now,
    });
    await this.fill(tx, id, items);
    const drafted = await this.load(id, tx);
    await this.audit.record(
      tx,
      actor,
      {
        action: 'invoice.draft',
        entityType: 'invoice',
        entityId: id,
        newValue: {
          billingAccount,
          ...(stayId === null ? {} : { stayId }),
          period: [isoTime(period.startMs), isoTime(period.endMs)],
          lines: items.length,
          total: formatMinor(drafted.totalMinor, drafted.currency),
        },
      },
      now,
    );
    return drafted;
  }

  /** Writes a draft's lines and totals from its items, and ties the items to it. */
  private async fill(tx: LedgerTx, invoiceId: number, items: InvoiceableItem[]): Promise<void> {
    const lines = this.invoices.lineWriter(tx, invoiceId);
    const claimed = this.lineItems.invoiceClaimer(tx, invoiceId);
    let subtotal = 0;
    let tax = 0;
    for (const [index, item] of items.entries()) {
      await lines.add(lineOf(item, index + 1));
      if (!(await claimed.take(item.id))) {
        throw new DomainError('conflict', `Line item ${item.id} is already on an invoice`);
      }
      subtotal += item.amountMinor;
      tax += item.taxMinor;
    }
    await this.invoices.setTotals(
      tx,
      invoiceId,
      { subtotalMinor: subtotal, taxMinor: tax, totalMinor: subtotal + tax },
      this.clock.now(),
    );
  }

  /** A draft lets its items go: its lines are removed and the items are free again. */
  private async release(tx: LedgerTx, id: number): Promise<void> {
    await this.invoices.removeLines(tx, id);
    await this.lineItems.releaseFromDraft(tx, id);
  }
}
