import { Injectable } from '@nestjs/common';
import { Clock, DomainError, isoTime, localDate } from '@app/common';
import {
  BusinessStore,
  LineItemStatus,
  LineItemTotalsStore,
  SourceStore,
  SyncRun,
  SyncRunStore,
} from '@app/ledger';
import { OverviewRangeQueryDto, OverviewTopQueryDto } from './dto/overview-query.dto';
import {
  DailyView,
  DayView,
  LastSyncRunView,
  SourcesOverviewView,
  TopRowView,
  TopView,
} from './dto/overview.view';
import { DayRange, dayRange, daysOf } from './overview-days';
import {
  currencyAmount,
  destinationKey,
  destinationLabel,
  groupByKey,
  topRows,
} from './overview-rows';

/** Items waiting for a reviewer: `pending` ones to approve, `needs-review` ones to fix first. */
export const WAITING_FOR_REVIEW: readonly LineItemStatus[] = ['pending', 'needs-review'];

/** Runs a source's recent errors are counted over. */
export const RECENT_RUNS = 10;

export const DEFAULT_TOP_ROWS = 10;

/**
 * The console's overview (docs/api.md, "Overview"): how each source's sync and review stand,
 * calls and charges per local day, and the top billing accounts and destinations of a period.
 * Sums come from the ledger's totals (decision 0026), never from the million items themselves.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly sourceStore: SourceStore,
    private readonly businesses: BusinessStore,
    private readonly runs: SyncRunStore,
    private readonly totals: LineItemTotalsStore,
    private readonly clock: Clock,
  ) {}

  async sources(): Promise<SourcesOverviewView> {
    const nowMs = this.clock.now();
    const [sources, lastRuns, recentRuns, waiting, needsReview] = await Promise.all([
      this.sourceStore.list(),
      this.runs.lastRunOfEachSource(),
      this.runs.recentRunsOfEachSource(RECENT_RUNS),
      this.totals.sumByStatuses(WAITING_FOR_REVIEW),
      this.totals.sumByStatuses(['needs-review']),
    ]);
    const lastRunOf = new Map(lastRuns.map((run) => [run.sourceId, run]));
    const recentOf = new Map(recentRuns.map((recent) => [recent.sourceId, recent]));
    return {
      asOf: isoTime(nowMs),
      sources: sources.map((source) => {
        const recent = recentOf.get(source.id);
        const lastRun = lastRunOf.get(source.id);
        const pending = waiting.filter((sum) => sum.sourceId === source.id);
        return {
          sourceId: source.id,
          name: source.name,
          timeZone: source.timezone,
          enabled: source.enabled,
          watermark: source.watermarkMs === null ? null : isoTime(source.watermarkMs),
          lagSeconds:
            source.watermarkMs === null
              ? null
              : Math.max(0, Math.floor((nowMs - source.watermarkMs) / 1000)),
          lastRun: lastRun === undefined ? null : lastRunView(lastRun),
          recentRuns: {
            total: recent?.runs ?? 0,
            failed: recent?.failed ?? 0,
            unreadableRows: recent?.errors ?? 0,
          },
          pending: {
            items: pending.reduce((items, sum) => items + sum.items, 0),
            needsReview: needsReview
              .filter((sum) => sum.sourceId === source.id)
              .reduce((items, sum) => items + sum.items, 0),
            byCurrency: pending.map((sum) => currencyAmount(sum.currency, sum.amountMinor)),
          },
        };
      }),
    };
  }

  async daily(query: OverviewRangeQueryDto): Promise<DailyView> {
    const range = await this.range(query);
    const sums = await this.totals.sumByDay({ ...range, sourceId: query.sourceId });
    const days = new Map<string, DayView>(
      daysOf(range).map((date) => [date, { date, calls: 0, byCurrency: [] }]),
    );
    // The sums come in day then currency order: each day's currencies in code order.
    for (const sum of sums) {
      const day = days.get(sum.localDate)!;
      day.calls += sum.calls;
      day.byCurrency.push(currencyAmount(sum.currency, sum.billedMinor));
    }
    return { ...range, sourceId: query.sourceId ?? null, days: [...days.values()] };
  }

  async top(query: OverviewTopQueryDto): Promise<TopView> {
    const range = await this.range(query);
    const scope = { ...range, sourceId: query.sourceId };
    let rows: TopRowView[];
    if (query.by === 'billing-account') {
      const groups = groupByKey(await this.totals.sumByAccount(scope), (sum) => sum.billingAccount);
      rows = [...groups].map(([account, { calls, byCurrency }]) => ({
        key: account === '' ? null : account,
        label: account === '' ? 'No billing account' : account,
        calls,
        byCurrency,
      }));
    } else {
      const groups = groupByKey(
        await this.totals.sumByDestination(scope),
        (sum) => `${sum.destinationClass}\u0000${sum.destinationPrefix}`,
      );
      rows = [...groups.values()].map(({ first, calls, byCurrency }) => ({
        key: destinationKey(first.destinationClass, first.destinationPrefix),
        label: destinationLabel(first.destinationClass, first.destinationPrefix),
        calls,
        byCurrency,
      }));
    }
    return {
      by: query.by,
      ...range,
      sourceId: query.sourceId ?? null,
      rows: topRows(rows, query.limit ?? DEFAULT_TOP_ROWS),
    };
  }

  /**
   * The days asked for. "Today" is the source's (`sourceId`), else the default business's: the
   * zone review reads plain dates in (docs/review.md, "Dates"). A source that does not exist is
   * a 400 naming `sourceId`.
   */
  private async range(query: OverviewRangeQueryDto): Promise<DayRange> {
    let zone = 'UTC';
    if (query.sourceId !== undefined) {
      const source = await this.sourceStore.findById(query.sourceId);
      if (source === null) {
        throw DomainError.invalid('request', [
          { field: 'sourceId', message: `sourceId ${query.sourceId} names no source` },
        ]);
      }
      zone = source.timezone;
    } else {
      zone = (await this.businesses.findDefault())?.timezone ?? zone;
    }
    return dayRange(query.from, query.to, localDate(this.clock.now(), zone));
  }
}

function lastRunView(run: SyncRun): LastSyncRunView {
  const messages = JSON.parse(run.messagesJson) as string[];
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    from: isoTime(run.fromMs),
    to: isoTime(run.toMs),
    startedAt: isoTime(run.startedAtMs),
    finishedAt: run.finishedAtMs === null ? null : isoTime(run.finishedAtMs),
    fetched: run.fetched,
    rated: run.rated,
    errors: run.errors,
    error: run.status === 'failed' ? (messages.at(-1) ?? 'failed') : null,
  };
}
