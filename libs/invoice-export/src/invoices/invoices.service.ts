import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
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
  BusinessKind,
  Ledger,
  plainDateZone,
  LedgerTx,
} from '@app/ledger';
import { formatMinor } from '@app/money';
import {
  type InvoiceFilterDto,
  type InvoicePageQueryDto,
  compileInvoiceFilter,
} from './invoice-filter';

/** Invoices one bulk action or archive takes at most: more is a 400 asking to narrow it. */
export const INVOICES_MAX = 1000;

/** What a bulk finalisation did with each invoice it was given. */
export type FinalizeOutcome =
  | { id: number; outcome: 'finalized'; number: string }
  | { id: number; outcome: 'refused'; status: number; message: string };

interface ItemRow {
  id: number;
  call_id: string;
  start_time_ms: number;
  extension: string | null;
  dialed_number: string | null;
  normalized_number: string | null;
  destination_class: string | null;
  talk_seconds: number;
  billed_seconds: number;
  calls: number;
  rated_amount_minor: number;
  amount_minor: number;
  taxes_json: string;
  tax_minor: number;
  total_minor: number;
  breakdown_json: string;
  currency: string;
  source_id: number;
  business_id: number;
  rate_plan_id: number;
  account_summary_id: number | null;
  timezone: string;
}

export interface InvoiceRow {
  id: number;
  number: string | null;
  number_year: number | null;
  sequence: number | null;
  status: 'draft' | 'finalized' | 'void';
  billing_account: string;
  business_id: number;
  /** The business as the invoice names it, from its finalisation: see `Issuer`. */
  issuer_json: string | null;
  source_id: number | null;
  rate_plan_id: number | null;
  timezone: string;
  period_start_ms: number;
  period_end_ms: number;
  currency: string;
  subtotal_minor: number;
  tax_minor: number;
  total_minor: number;
  finalized_at_ms: number | null;
  voided_at_ms: number | null;
  void_reason: string | null;
  created_at_ms: number;
  updated_at_ms: number;
  version: number;
}

/** The business as a finalised invoice names it (copied at finalisation, never changed). */
export interface Issuer {
  name: string;
  kind: BusinessKind;
  address: string[];
  taxId: string | null;
  paymentTerms: string | null;
}

/** The invoice's issuer: as finalised, or (a draft, or numbered before businesses) as it is now. */
export async function issuerOf(manager: EntityManager, invoice: InvoiceRow): Promise<Issuer> {
  if (invoice.issuer_json !== null) return JSON.parse(invoice.issuer_json) as Issuer;
  return issuerFrom(await manager.findOneByOrFail(Business, { id: invoice.business_id }));
}

function issuerFrom(business: Business): Issuer {
  return {
    name: business.name,
    kind: business.kind,
    address: JSON.parse(business.addressJson) as string[],
    taxId: business.taxId,
    paymentTerms: business.paymentTerms,
  };
}

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
export function lineDescription(item: ItemRow): string {
  if (item.account_summary_id !== null) {
    return `Telephone: ${item.calls} ${item.calls === 1 ? 'call' : 'calls'}, ${duration(item.talk_seconds)}`;
  }
  const number = item.normalized_number ? `+${item.normalized_number}` : (item.dialed_number ?? '');
  return `Telephone: ${number}, ${duration(item.billed_seconds || item.talk_seconds)}`;
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

/** Which approved items an invoice may take, besides its account and period. */
export interface ItemScope {
  sourceId: number | null;
  businessId: number | null;
}

function scopeWhere(scope: ItemScope): { where: string; params: number[] } {
  const clauses: string[] = [];
  const params: number[] = [];
  if (scope.sourceId !== null) {
    clauses.push('AND li.source_id = ?');
    params.push(scope.sourceId);
  }
  if (scope.businessId !== null) {
    clauses.push('AND s.business_id = ?');
    params.push(scope.businessId);
  }
  return { where: clauses.join(' '), params };
}

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
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
  ) {}

  /**
   * A draft's or a batch's period as typed: plain dates are the days of the business it is for
   * (the source's, when one is named), decision 0020.
   */
  async period(request: PeriodRequest): Promise<Period> {
    const { periodStart: start, periodEnd: end } = request;
    const zone = await plainDateZone(this.ledger.manager, [start, end], {
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
  ): Promise<InvoiceRow> {
    return this.ledger.transaction(async (manager) => {
      if (businessId !== null) await this.business(manager, businessId);
      const items = await this.collect(manager, billingAccount, period, {
        sourceId: null,
        businessId,
      });
      if (items.length === 0) {
        throw new DomainError(
          'conflict',
          `${billingAccount} has no approved, uninvoiced items from ${isoTime(period.startMs)} to ${isoTime(period.endMs)}${businessId === null ? '' : ` of business ${businessId}`}`,
        );
      }
      const businesses = [...new Set(items.map((item) => item.business_id))];
      if (businesses.length > 1) {
        throw new DomainError(
          'conflict',
          `${billingAccount} has approved items of businesses ${businesses.join(' and ')}: an invoice is one business's; name a businessId`,
          [{ field: 'businessId', message: `must be one of ${businesses.join(', ')}` }],
        );
      }
      return this.draft(manager, billingAccount, period, items, actor);
    });
  }

  /**
   * One draft per business and billing account with approved, uninvoiced items in the period.
   * An account whose items total 0 (all adjusted to nothing) gets no draft unless `includeZero`:
   * nobody sends a bill for nothing; `skippedZero` counts them.
   */
  batch(
    period: Period,
    scope: ItemScope,
    actor: Actor,
    includeZero = false,
  ): Promise<{ drafts: InvoiceRow[]; skippedZero: number }> {
    return this.ledger.transaction(async (manager) => {
      if (scope.businessId !== null) await this.business(manager, scope.businessId);
      const { where, params } = scopeWhere(scope);
      const accounts = await manager.query<{ billing_account: string; business_id: number }[]>(
        `SELECT DISTINCT li.billing_account, s.business_id
         FROM line_items li JOIN sources s ON s.id = li.source_id
         WHERE li.status = 'approved' AND li.invoice_id IS NULL AND li.billing_account IS NOT NULL
           AND li.start_time_ms >= ? AND li.start_time_ms < ? ${where}
         ORDER BY s.business_id, li.billing_account`,
        [period.startMs, period.endMs, ...params],
      );
      const drafts: InvoiceRow[] = [];
      let skippedZero = 0;
      for (const { billing_account: account, business_id: businessId } of accounts) {
        const items = await this.collect(manager, account, period, { ...scope, businessId });
        if (!includeZero && items.every((item) => item.total_minor === 0)) {
          skippedZero++;
          continue;
        }
        drafts.push(await this.draft(manager, account, period, items, actor));
      }
      return { drafts, skippedZero };
    });
  }

  /** A draft's lines collected again (items approved since join, items changed leave). */
  refresh(id: number, actor: Actor): Promise<InvoiceRow> {
    return this.ledger.transaction(async (manager) => {
      const invoice = await this.draftOf(manager, id, 'refresh');
      this.release(id);
      const items = await this.collect(
        manager,
        invoice.billing_account,
        { startMs: invoice.period_start_ms, endMs: invoice.period_end_ms },
        { sourceId: invoice.source_id, businessId: invoice.business_id },
      );
      this.fill(invoice, items);
      const fresh = await this.load(manager, id);
      await this.audit.record(
        manager,
        actor,
        {
          action: 'invoice.refresh',
          entityType: 'invoice',
          entityId: id,
          oldValue: { total: formatMinor(invoice.total_minor, invoice.currency) },
          newValue: { total: formatMinor(fresh.total_minor, fresh.currency) },
        },
        this.clock.now(),
      );
      return fresh;
    });
  }

  remove(id: number, actor: Actor): Promise<void> {
    return this.ledger.transaction(async (manager) => {
      const invoice = await this.draftOf(manager, id, 'delete');
      this.release(id);
      this.ledger.statement('DELETE FROM invoices WHERE id = ?').run(id);
      await this.audit.record(
        manager,
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

  finalize(id: number, actor: Actor): Promise<InvoiceRow> {
    return this.ledger.transaction(async (manager) => {
      const invoice = await this.draftOf(manager, id, 'finalize');
      const business = await this.business(manager, invoice.business_id);
      const now = this.clock.now();
      // The year of the number is the business's: a hotel's New Year's Eve is its own.
      const year = DateTime.fromMillis(now, { zone: business.timezone }).year;
      // The sequence row is read and raised in this transaction; transactions run one after
      // another (Ledger), so two finalisations never share or skip a number.
      this.ledger
        .statement(
          `INSERT INTO invoice_number_sequences (business_id, year, last_sequence) VALUES (?, ?, 1)
           ON CONFLICT (year, business_id) DO UPDATE SET last_sequence = last_sequence + 1`,
        )
        .run(business.id, year);
      const { last_sequence: sequence } = this.ledger
        .statement(
          'SELECT last_sequence FROM invoice_number_sequences WHERE business_id = ? AND year = ?',
        )
        .get<{ last_sequence: number }>(business.id, year)!;
      const number = `${business.invoicePrefix}-${year}-${String(sequence).padStart(6, '0')}`;
      this.ledger
        .statement(
          `UPDATE invoices SET status = 'finalized', number = ?, number_year = ?, sequence = ?,
             issuer_json = ?, finalized_at_ms = ?, updated_at_ms = ?, version = version + 1
           WHERE id = ?`,
        )
        .run(number, year, sequence, JSON.stringify(issuerFrom(business)), now, now, id);
      this.ledger
        .statement(
          `UPDATE line_items SET status = 'invoiced', version = version + 1, updated_at_ms = ?
           WHERE invoice_id = ?`,
        )
        .run(now, id);
      await this.audit.record(
        manager,
        actor,
        {
          action: 'invoice.finalize',
          entityType: 'invoice',
          entityId: id,
          oldValue: { status: 'draft' },
          newValue: {
            status: 'finalized',
            number,
            total: formatMinor(invoice.total_minor, invoice.currency),
          },
        },
        now,
      );
      return this.load(manager, id);
    });
  }

  void(id: number, reason: string, actor: Actor): Promise<InvoiceRow> {
    return this.ledger.transaction(async (manager) => {
      const invoice = await this.load(manager, id);
      if (invoice.status !== 'finalized') {
        throw new DomainError(
          'conflict',
          `Invoice ${id} is ${invoice.status}: only a finalized invoice can be voided`,
          [{ field: 'status', message: invoice.status }],
        );
      }
      const now = this.clock.now();
      this.ledger
        .statement(
          `UPDATE invoices SET status = 'void', voided_at_ms = ?, void_reason = ?,
             updated_at_ms = ?, version = version + 1 WHERE id = ?`,
        )
        .run(now, reason, now, id);
      // The invoice is void first: the ledger lets its items go back only then.
      this.ledger
        .statement(
          `UPDATE line_items SET status = 'approved', invoice_id = NULL, version = version + 1,
             updated_at_ms = ? WHERE invoice_id = ?`,
        )
        .run(now, id);
      await this.audit.record(
        manager,
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
      return this.load(manager, id);
    });
  }

  /** A page of invoices, newest first (keyset on id: no page is skipped or repeated). */
  async list(
    query: InvoicePageQueryDto,
  ): Promise<{ items: InvoiceRow[]; nextCursor: string | null }> {
    const filter = await this.compileFilter(query);
    const limit = query.limit ?? 100;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, filter.key, 1)[0];
    const rows = await this.ledger.manager.query<InvoiceRow[]>(
      `SELECT * FROM invoices WHERE ${filter.where} ${after === null ? '' : 'AND id < ?'}
       ORDER BY id DESC LIMIT ?`,
      [...filter.params, ...(after === null ? [] : [after]), limit + 1],
    );
    const items = rows.slice(0, limit);
    const nextCursor =
      rows.length > limit ? encodeCursor([items[items.length - 1].id], filter.key) : null;
    return { items, nextCursor };
  }

  /**
   * The invoices named by `ids` or matched by `filter` (exactly one of them), oldest first; an
   * unknown id is a 404 and more than INVOICES_MAX a 400, before anything is done.
   */
  async matching(
    ids: number[] | undefined,
    filter: InvoiceFilterDto | undefined,
  ): Promise<InvoiceRow[]> {
    if ((ids === undefined) === (filter === undefined)) {
      throw DomainError.invalid('request', [
        { field: 'ids', message: 'name the invoices by ids or by filter, one of the two' },
      ]);
    }
    if (ids !== undefined) {
      const unique = [...new Set(ids)];
      const rows = await this.ledger.manager.query<InvoiceRow[]>(
        `SELECT * FROM invoices WHERE id IN (${unique.map(() => '?').join(', ')}) ORDER BY id`,
        unique,
      );
      const missing = unique.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length > 0) {
        throw new DomainError(
          'not-found',
          `Invoice${missing.length > 1 ? 's' : ''} ${missing.join(', ')} do${missing.length > 1 ? '' : 'es'} not exist`,
        );
      }
      return rows;
    }
    const compiled = await this.compileFilter(filter!);
    const rows = await this.ledger.manager.query<InvoiceRow[]>(
      `SELECT * FROM invoices WHERE ${compiled.where} ORDER BY id LIMIT ?`,
      [...compiled.params, INVOICES_MAX + 1],
    );
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
    invoices: InvoiceRow[],
    actor: Actor,
  ): Promise<{ outcomes: FinalizeOutcome[]; finalized: InvoiceRow[] }> {
    const outcomes: FinalizeOutcome[] = [];
    const finalized: InvoiceRow[] = [];
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
  private async compileFilter(filter: InvoiceFilterDto) {
    const zone = await plainDateZone(this.ledger.manager, [filter.from, filter.to], {
      businessId: filter.businessId,
      sourceId: filter.sourceId,
    });
    return compileInvoiceFilter(filter, zone);
  }

  async load(manager: EntityManager, id: number): Promise<InvoiceRow> {
    const [invoice] = await manager.query<InvoiceRow[]>('SELECT * FROM invoices WHERE id = ?', [
      id,
    ]);
    if (!invoice) throw new DomainError('not-found', `Invoice ${id} does not exist`);
    return invoice;
  }

  /** A numbered invoice by its number (`INV-2026-000001`), as a billing clerk knows it. */
  async loadByNumber(manager: EntityManager, number: string): Promise<InvoiceRow> {
    const [invoice] = await manager.query<InvoiceRow[]>('SELECT * FROM invoices WHERE number = ?', [
      number,
    ]);
    if (!invoice) {
      const hint = INVOICE_NUMBER.test(number) ? '' : ' (an invoice number reads INV-2026-000001)';
      throw new DomainError('not-found', `Invoice ${number} does not exist${hint}`);
    }
    return invoice;
  }

  private async draftOf(manager: EntityManager, id: number, action: string): Promise<InvoiceRow> {
    const invoice = await this.load(manager, id);
    if (invoice.status !== 'draft') {
      throw new DomainError(
        'conflict',
        `Invoice ${id} is ${invoice.status}${invoice.number ? ` (${invoice.number})` : ''}: only a draft can ${action}; a finalized invoice never changes`,
        [{ field: 'status', message: invoice.status }],
      );
    }
    return invoice;
  }

  private collect(
    manager: EntityManager,
    billingAccount: string,
    period: Period,
    scope: ItemScope,
  ): Promise<ItemRow[]> {
    const { where, params } = scopeWhere(scope);
    return manager.query<ItemRow[]>(
      `SELECT li.id, li.call_id, li.start_time_ms, li.extension, li.dialed_number,
         li.normalized_number, li.destination_class, li.talk_seconds, li.billed_seconds, li.calls,
         li.rated_amount_minor, li.amount_minor, li.taxes_json, li.tax_minor, li.total_minor,
         li.breakdown_json, li.currency, li.source_id, s.business_id, li.rate_plan_id,
         li.account_summary_id,
         -- an account-summary plan may name no zone: its local times are UTC
         coalesce(json_extract(v.plan_json, '$.timezone'), 'UTC') AS timezone
       FROM line_items li JOIN rate_plan_versions v ON v.id = li.rate_plan_version_id
         JOIN sources s ON s.id = li.source_id
       WHERE li.billing_account = ? AND li.status = 'approved' AND li.invoice_id IS NULL
         AND li.start_time_ms >= ? AND li.start_time_ms < ? ${where}
       ORDER BY li.start_time_ms, li.id`,
      [billingAccount, period.startMs, period.endMs, ...params],
    );
  }

  private async business(manager: EntityManager, id: number): Promise<Business> {
    const business = await manager.findOneBy(Business, { id });
    if (!business) {
      throw DomainError.invalid('request', [
        { field: 'businessId', message: `business ${id} does not exist` },
      ]);
    }
    return business;
  }

  private async draft(
    manager: LedgerTx & EntityManager,
    billingAccount: string,
    period: Period,
    items: ItemRow[],
    actor: Actor,
  ): Promise<InvoiceRow> {
    const currencies = [...new Set(items.map((item) => item.currency))];
    if (currencies.length > 1) {
      throw new DomainError(
        'conflict',
        `${billingAccount} has approved items in ${currencies.join(' and ')}: an invoice has one currency`,
      );
    }
    const one = <T>(values: T[]): T | null => (new Set(values).size === 1 ? values[0] : null);
    const now = this.clock.now();
    const { lastInsertRowid } = this.ledger
      .statement(
        `INSERT INTO invoices (status, billing_account, business_id, source_id, rate_plan_id,
           timezone, period_start_ms, period_end_ms, currency, created_at_ms, updated_at_ms)
         VALUES ('draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        billingAccount,
        items[0].business_id,
        one(items.map((item) => item.source_id)),
        one(items.map((item) => item.rate_plan_id)),
        items[0].timezone,
        period.startMs,
        period.endMs,
        currencies[0],
        now,
        now,
      );
    const id = Number(lastInsertRowid);
    const invoice = await this.load(manager, id);
    this.fill(invoice, items);
    const drafted = await this.load(manager, id);
    await this.audit.record(
      manager,
      actor,
      {
        action: 'invoice.draft',
        entityType: 'invoice',
        entityId: id,
        newValue: {
          billingAccount,
          period: [isoTime(period.startMs), isoTime(period.endMs)],
          lines: items.length,
          total: formatMinor(drafted.total_minor, drafted.currency),
        },
      },
      now,
    );
    return drafted;
  }

  /** Writes a draft's lines and totals from its items, and ties the items to it. */
  private fill(invoice: InvoiceRow, items: ItemRow[]): void {
    const line = this.ledger.statement(
      `INSERT INTO invoice_lines (invoice_id, line_number, line_item_id, call_id, start_time_ms,
         extension, dialed_number, normalized_number, destination_class, talk_seconds,
         billed_seconds, calls, description, rated_amount_minor, rated_tax_minor,
         rated_total_minor, adjustment_minor, amount_minor, taxes_json, tax_minor, total_minor,
         breakdown_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const claim = this.ledger.statement(
      'UPDATE line_items SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL',
    );
    let subtotal = 0;
    let tax = 0;
    for (const [index, item] of items.entries()) {
      const ratedTax =
        (JSON.parse(item.breakdown_json) as { taxMinor?: number }).taxMinor ?? item.tax_minor;
      line.run(
        invoice.id,
        index + 1,
        item.id,
        item.call_id,
        item.start_time_ms,
        item.extension,
        item.dialed_number,
        item.normalized_number,
        item.destination_class,
        item.talk_seconds,
        item.billed_seconds,
        item.calls,
        lineDescription(item),
        item.rated_amount_minor,
        ratedTax,
        item.rated_amount_minor + ratedTax,
        item.total_minor - (item.rated_amount_minor + ratedTax),
        item.amount_minor,
        item.taxes_json,
        item.tax_minor,
        item.total_minor,
        item.breakdown_json,
      );
      if (claim.run(invoice.id, item.id).changes !== 1) {
        throw new DomainError('conflict', `Line item ${item.id} is already on an invoice`);
      }
      subtotal += item.amount_minor;
      tax += item.tax_minor;
    }
    this.ledger
      .statement(
        `UPDATE invoices SET subtotal_minor = ?, tax_minor = ?, total_minor = ?, updated_at_ms = ?
         WHERE id = ?`,
      )
      .run(subtotal, tax, subtotal + tax, this.clock.now(), invoice.id);
  }

  /** A draft lets its items go: its lines are removed and the items are free again. */
  private release(id: number): void {
    this.ledger.statement('DELETE FROM invoice_lines WHERE invoice_id = ?').run(id);
    this.ledger.statement('UPDATE line_items SET invoice_id = NULL WHERE invoice_id = ?').run(id);
  }
}
