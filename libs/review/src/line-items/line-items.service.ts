import { Injectable } from '@nestjs/common';
import { DomainError, isoTime } from '@app/common';
import { Ledger, plainDateZone } from '@app/ledger';
import {
  CompiledFilter,
  LineItemFilterDto,
  LineItemPageQueryDto,
  compileFilter,
  decodeCursor,
  encodeCursor,
} from './line-item-filter';
import { formatMinor } from '@app/money';
import {
  LINE_ITEM_COLUMNS,
  LineItemPageView,
  LineItemRow,
  LineItemTotalsView,
  LineItemView,
  withPlanZones,
} from './line-item.view';

export const DEFAULT_PAGE_SIZE = 100;

export interface LineItemDetail extends LineItemView {
  breakdown: unknown;
  /** What Xima sent: the stored record's fields and its raw row. */
  sourceRecord: Record<string, unknown> & { kind: 'call-record' | 'account-summary'; raw: unknown };
  planVersion: { id: number; version: number; effectiveFrom: string; plan: unknown };
  history: {
    id: number;
    occurredAt: string;
    actor: { keyId: number | null; name: string };
    action: string;
    oldValue: unknown;
    newValue: unknown;
    reason: string | null;
  }[];
}

/**
 * Reads line items for review: keyset pages in (start time, id) order under any filter, the
 * count and sums of everything a filter matches, one item with all that explains it.
 */
@Injectable()
export class LineItemsService {
  constructor(private readonly ledger: Ledger) {}

  /**
   * The filter as SQL; amounts are compared in each currency the ledger bills in, plain dates
   * read in the source's zone, or the default business's.
   */
  async compile(filter: LineItemFilterDto): Promise<CompiledFilter> {
    const currencies =
      filter.minAmount === undefined && filter.maxAmount === undefined
        ? []
        : (
            await this.ledger.manager.query<{ currency: string }[]>(
              'SELECT DISTINCT currency FROM rate_plans ORDER BY currency',
            )
          ).map((row) => row.currency);
    const zone = await plainDateZone(this.ledger.manager, [filter.from, filter.to], {
      sourceId: filter.sourceId,
    });
    return compileFilter(filter, currencies, zone);
  }

  async page(query: LineItemPageQueryDto): Promise<LineItemPageView> {
    const filter = await this.compile(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, filter.key);
    // A row value: SQLite seeks the (start_time_ms, id) index to it (an OR would scan).
    const keyset = after ? ' AND (start_time_ms, id) > (?, ?)' : '';
    const rows = await this.ledger.manager.query<LineItemRow[]>(
      `SELECT ${LINE_ITEM_COLUMNS} FROM line_items WHERE ${filter.where}${keyset}
       ORDER BY start_time_ms, id LIMIT ?`,
      [...filter.params, ...(after ? [after.startTimeMs, after.id] : []), limit + 1],
    );
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const last = shown.at(-1);
    return {
      items: (await withPlanZones(this.ledger.manager, shown)).map((row) => LineItemView.of(row)),
      nextCursor:
        more && last
          ? encodeCursor({ startTimeMs: last.start_time_ms, id: last.id }, filter.key)
          : null,
      totals: after || query.totals === false ? null : await this.totals(filter),
    };
  }

  async totals(filter: CompiledFilter): Promise<LineItemTotalsView> {
    const rows = await this.ledger.manager.query<
      { currency: string; count: number; amount: number; tax: number; total: number }[]
    >(
      `SELECT currency, count(*) AS count, sum(amount_minor) AS amount, sum(tax_minor) AS tax,
              sum(total_minor) AS total
       FROM line_items WHERE ${filter.where} GROUP BY currency ORDER BY currency`,
      filter.params,
    );
    return {
      count: rows.reduce((sum, row) => sum + row.count, 0),
      byCurrency: rows.map((row) => ({
        currency: row.currency,
        count: row.count,
        amount: formatMinor(row.amount, row.currency),
        tax: formatMinor(row.tax, row.currency),
        total: formatMinor(row.total, row.currency),
      })),
    };
  }

  /** Every item a filter matches, in pages of `batch`: for exports. */
  async *all(filter: CompiledFilter, batch = 1000): AsyncGenerator<LineItemRow[]> {
    let after: { startTimeMs: number; id: number } | null = null;
    for (;;) {
      const keyset: string = after ? ' AND (start_time_ms, id) > (?, ?)' : '';
      const rows: LineItemRow[] = await this.ledger.manager.query<LineItemRow[]>(
        `SELECT ${LINE_ITEM_COLUMNS} FROM line_items WHERE ${filter.where}${keyset}
         ORDER BY start_time_ms, id LIMIT ?`,
        [...filter.params, ...(after ? [after.startTimeMs, after.id] : []), batch],
      );
      if (rows.length === 0) return;
      yield await withPlanZones(this.ledger.manager, rows);
      const last = rows[rows.length - 1];
      after = { startTimeMs: last.start_time_ms, id: last.id };
      if (rows.length < batch) return;
    }
  }

  async detail(id: number): Promise<LineItemDetail> {
    const manager = this.ledger.manager;
    const [extra] = await manager.query<
      (LineItemRow & {
        breakdown_json: string;
        call_record_id: number | null;
        account_summary_id: number | null;
      })[]
    >(
      `SELECT ${LINE_ITEM_COLUMNS}, breakdown_json, call_record_id, account_summary_id
       FROM line_items WHERE id = ?`,
      [id],
    );
    if (!extra) throw new DomainError('not-found', `Line item ${id} does not exist`);
    await withPlanZones(manager, [extra]);
    const sourceRecord = await this.sourceRecord(extra.call_record_id, extra.account_summary_id);
    const [version] = await manager.query<
      { id: number; version: number; effective_from_ms: number; plan_json: string }[]
    >(`SELECT id, version, effective_from_ms, plan_json FROM rate_plan_versions WHERE id = ?`, [
      extra.rate_plan_version_id,
    ]);
    const events = await manager.query<
      {
        id: number;
        occurred_at_ms: number;
        actor_key_id: number | null;
        actor_name: string;
        action: string;
        old_json: string | null;
        new_json: string | null;
        reason: string | null;
      }[]
    >(
      `SELECT id, occurred_at_ms, actor_key_id, actor_name, action, old_json, new_json, reason
       FROM audit_events WHERE entity_type = 'line-item' AND entity_id = ? ORDER BY id`,
      [String(id)],
    );
    return {
      ...LineItemView.of(extra),
      breakdown: JSON.parse(extra.breakdown_json) as unknown,
      sourceRecord,
      planVersion: {
        id: version.id,
        version: version.version,
        effectiveFrom: isoTime(version.effective_from_ms),
        plan: JSON.parse(version.plan_json) as unknown,
      },
      history: events.map((event) => ({
        id: event.id,
        occurredAt: isoTime(event.occurred_at_ms),
        actor: { keyId: event.actor_key_id, name: event.actor_name },
        action: event.action,
        oldValue: event.old_json === null ? null : (JSON.parse(event.old_json) as unknown),
        newValue: event.new_json === null ? null : (JSON.parse(event.new_json) as unknown),
        reason: event.reason,
      })),
    };
  }

  private async sourceRecord(
    callRecordId: number | null,
    accountSummaryId: number | null,
  ): Promise<LineItemDetail['sourceRecord']> {
    const manager = this.ledger.manager;
    if (callRecordId !== null) {
      const [r] = await manager.query<Record<string, never>[]>(
        `SELECT * FROM call_records WHERE id = ?`,
        [callRecordId],
      );
      return {
        kind: 'call-record',
        id: r.id,
        syncRunId: r.sync_run_id,
        callId: r.call_id,
        startTime: isoTime(r.start_time_ms),
        direction: r.direction,
        extension: r.extension,
        dialedNumber: r.dialed_number,
        talkMs: r.talk_ms,
        accountCode: r.account_code,
        raw: JSON.parse(r.raw_json) as unknown,
      };
    }
    const [r] = await manager.query<Record<string, never>[]>(
      `SELECT * FROM account_summaries WHERE id = ?`,
      [accountSummaryId],
    );
    return {
      kind: 'account-summary',
      id: r.id,
      syncRunId: r.sync_run_id,
      accountCode: r.account_code,
      periodStart: isoTime(r.period_start_ms),
      periodEnd: isoTime(r.period_end_ms),
      calls: r.calls,
      totalTalkMs: r.total_talk_ms,
      raw: JSON.parse(r.raw_json) as unknown,
    };
  }
}
