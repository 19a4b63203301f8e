import { Injectable } from '@nestjs/common';
import { DomainError, isoTime } from '@app/common';
import {
  AuditEventStore,
  BusinessStore,
  LineItemQuery,
  AuditEvent,
  LineItemStore,
  ListedLineItem,
  PostingStore,
  RatePlanStore,
  RecordStore,
  Stay,
  StayStore,
} from '@app/ledger';
import { formatMinor } from '@app/money';
import { LineItemFilterDto, LineItemPageQueryDto } from './line-item-filter.dto';
import { CompiledFilter, compileFilter, decodeCursor, encodeCursor } from './line-item-filter';
import {
  LineItemDetail,
  LineItemPageView,
  LineItemPostingView,
  LineItemTotalsView,
  LineItemView,
} from './line-item.view';
import { ActorView } from '../audit/audit-event.view';
import { LineItemsCsv } from './line-items.csv';

export const DEFAULT_PAGE_SIZE = 100;

/**
 * Reads line items for review: keyset pages in (start time, id) order under any filter, the
 * count and sums of everything a filter matches, one item with all that explains it.
 */
@Injectable()
export class LineItemsService {
  constructor(
    private readonly lineItems: LineItemStore,
    private readonly records: RecordStore,
    private readonly ratePlans: RatePlanStore,
    private readonly businesses: BusinessStore,
    private readonly auditEvents: AuditEventStore,
    private readonly stays: StayStore,
    private readonly postings: PostingStore,
  ) {}

  /**
   * The filter as the ledger's query; amounts are compared in each currency the ledger bills
   * in, plain dates read in the source's zone, or the default business's.
   */
  async compile(filter: LineItemFilterDto): Promise<CompiledFilter> {
    const currencies =
      filter.minAmount === undefined && filter.maxAmount === undefined
        ? []
        : await this.ratePlans.currencies();
    const zone = await this.businesses.plainDateZone([filter.from, filter.to], {
      sourceId: filter.sourceId,
    });
    return compileFilter(filter, currencies, zone);
  }

  /**
   * The views of items. Each one's local time is on its plan version's wall clock: the zones
   * are read once per version rather than once per item, since a plan may be a rate table of
   * thousands of prefixes and bulk actions read up to 200,000 items.
   */
  async views(items: ListedLineItem[]): Promise<LineItemView[]> {
    const zones = await this.ratePlans.versionZones([
      ...new Set(items.map((item) => item.ratePlanVersionId)),
    ]);
    const stays = await this.staysOf(items);
    return items.map((item) =>
      LineItemView.of(
        item,
        zones.get(item.ratePlanVersionId) ?? null,
        item.stayId === null ? null : (stays.get(item.stayId) ?? null),
      ),
    );
  }

  /**
   * The stays of the items that have one, in one query by primary key; none at all for items
   * of sources no PMS link posts (their stay id is null).
   */
  private async staysOf(items: ListedLineItem[]): Promise<Map<number, Stay>> {
    const ids = new Set<number>();
    for (const item of items) if (item.stayId !== null) ids.add(item.stayId);
    if (ids.size === 0) return new Map();
    const stays = await this.stays.findByIds([...ids]);
    return new Map(stays.map((stay) => [stay.id, stay]));
  }

  async page(query: LineItemPageQueryDto): Promise<LineItemPageView> {
    const filter = await this.compile(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, filter.key);
    const items = await this.lineItems.findPage(filter.query, after, limit + 1);
    const more = items.length > limit;
    const shown = more ? items.slice(0, limit) : items;
    const last = shown.at(-1);
    return {
      items: await this.views(shown),
      nextCursor:
        more && last
          ? encodeCursor({ startTimeMs: last.startTimeMs, id: last.id }, filter.key)
          : null,
      totals: after || query.totals === false ? null : await this.totals(filter.query),
    };
  }

  private async totals(query: LineItemQuery): Promise<LineItemTotalsView> {
    const sums = await this.lineItems.sumByCurrency(query);
    return {
      count: sums.reduce((sum, row) => sum + row.count, 0),
      byCurrency: sums.map((row) => ({
        currency: row.currency,
        count: row.count,
        amount: formatMinor(row.amountMinor, row.currency),
        tax: formatMinor(row.taxMinor, row.currency),
        total: formatMinor(row.totalMinor, row.currency),
      })),
    };
  }

  /**
   * Every item the filter matches, as CSV. The filter is judged now (a bad one is refused
   * before anything is sent); the items are read in pages as the CSV is written.
   */
  async exportCsv(filterInput: LineItemFilterDto): Promise<LineItemsCsv> {
    const filter = await this.compile(filterInput);
    const lineItems = this.lineItems;
    const views = (items: ListedLineItem[]) => this.views(items);
    return new LineItemsCsv(async function* () {
      for await (const items of lineItems.findAll(filter.query)) yield await views(items);
    });
  }

  async detail(id: number): Promise<LineItemDetail> {
    const item = await this.lineItems.findOne(id);
    if (!item) throw new DomainError('not-found', `Line item ${id} does not exist`);
    const [view] = await this.views([item]);
    const sourceRecord = await this.sourceRecord(item.callRecordId, item.accountSummaryId);
    const version = await this.ratePlans.findVersion(item.ratePlanVersionId);
    if (!version) throw new Error(`Line item ${id}'s plan version does not exist`);
    const postings = await this.postings.forLineItem(id);
    const events: (AuditEvent & { postingId?: number })[] = await this.auditEvents.findFor(
      'line-item',
      id,
    );
    for (const posting of postings) {
      const own = await this.auditEvents.findFor('posting', posting.id);
      events.push(...own.map((event) => ({ ...event, postingId: posting.id })));
    }
    events.sort((a, b) => a.id - b.id);
    const breakdown = JSON.parse(item.breakdownJson) as { client?: unknown; matter?: unknown };
    const part = (value: unknown) => (typeof value === 'string' ? value : null);
    const matter = { client: part(breakdown.client), matter: part(breakdown.matter) };
    return {
      ...view,
      breakdown,
      matter: matter.client === null && matter.matter === null ? null : matter,
      sourceRecord,
      planVersion: {
        id: version.id,
        version: version.version,
        effectiveFrom: isoTime(version.effectiveFromMs),
        plan: JSON.parse(version.planJson) as unknown,
      },
      postings: postings.map((posting) => LineItemPostingView.of(posting)),
      history: events.map((event) => ({
        id: event.id,
        occurredAt: isoTime(event.occurredAtMs),
        actor: ActorView.of(event),
        action: event.action,
        oldValue: event.oldJson === null ? null : (JSON.parse(event.oldJson) as unknown),
        newValue: event.newJson === null ? null : (JSON.parse(event.newJson) as unknown),
        reason: event.reason,
        ...(event.postingId === undefined ? {} : { postingId: event.postingId }),
      })),
    };
  }

  private async sourceRecord(
    callRecordId: number | null,
    accountSummaryId: number | null,
  ): Promise<LineItemDetail['sourceRecord']> {
    if (callRecordId !== null) {
      const r = await this.records.findCallRecord(callRecordId);
      if (!r) throw new Error(`Call record ${callRecordId} does not exist`);
      return {
        kind: 'call-record',
        id: r.id,
        syncRunId: r.syncRunId,
        callId: r.callId,
        startTime: isoTime(r.startTimeMs),
        direction: r.direction,
        extension: r.extension,
        dialedNumber: r.dialedNumber,
        talkMs: r.talkMs,
        accountCode: r.accountCode,
        raw: JSON.parse(r.rawJson) as unknown,
      };
    }
    const r =
      accountSummaryId === null ? null : await this.records.findAccountSummary(accountSummaryId);
    if (!r) throw new Error(`Account summary ${accountSummaryId} does not exist`);
    return {
      kind: 'account-summary',
      id: r.id,
      syncRunId: r.syncRunId,
      accountCode: r.accountCode,
      periodStart: isoTime(r.periodStartMs),
      periodEnd: isoTime(r.periodEndMs),
      calls: r.calls,
      totalTalkMs: r.totalTalkMs,
      raw: JSON.parse(r.rawJson) as unknown,
    };
  }
}
