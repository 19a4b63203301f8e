import { ApiProperty } from '@nestjs/swagger';
import { SYNC_RUN_STATUSES, SYNC_TRIGGERS, SyncRunStatus, SyncTrigger } from '@app/ledger';
import { TOP_BY, TopBy } from './overview-query.dto';

/** An amount in one currency, never summed with another's. */
export class CurrencyAmountView {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 15240, description: 'Integer minor units of `currency` (cents).' })
  amountMinor!: number;
  @ApiProperty({ example: '152.40', description: 'The same, as the currency writes it.' })
  amount!: string;
}

/** A source's newest sync run. */
export class LastSyncRunView {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ enum: SYNC_RUN_STATUSES, example: 'succeeded' }) status!: SyncRunStatus;
  @ApiProperty({ enum: SYNC_TRIGGERS, example: 'schedule' }) trigger!: SyncTrigger;
  @ApiProperty({ example: '2026-03-02T07:00:00.000Z', description: 'Its window, from.' })
  from!: string;
  @ApiProperty({ example: '2026-03-03T07:00:00.000Z', description: 'Its window, to (excluded).' })
  to!: string;
  @ApiProperty({ example: '2026-03-03T07:20:00.000Z' }) startedAt!: string;
  @ApiProperty({ example: '2026-03-03T07:20:04.000Z', nullable: true, type: String })
  finishedAt!: string | null;
  @ApiProperty({ example: 14210, description: 'Rows Xima sent.' }) fetched!: number;
  @ApiProperty({ example: 5631, description: 'Line items it made.' }) rated!: number;
  @ApiProperty({ example: 0, description: 'Rows it could not store as line items.' })
  errors!: number;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Why it failed (its last message); null unless failed.',
  })
  error!: string | null;
}

export class RecentRunsView {
  @ApiProperty({ example: 10, description: 'Runs counted: the last 10, or fewer.' })
  total!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({
    example: 3,
    description:
      "Rows of those runs that made no line item: unreadable rows and records no plan version covers (each run's `errors`).",
  })
  unreadableRows!: number;
}

export class PendingView {
  @ApiProperty({
    example: 412,
    description: 'Items waiting for review: status `pending` or `needs-review`, any day.',
  })
  items!: number;
  @ApiProperty({
    example: 7,
    description: 'Of those, `needs-review`: no billing account or no rate yet.',
  })
  needsReview!: number;
  @ApiProperty({
    type: [CurrencyAmountView],
    description: 'Their billed amounts (before tax), per currency.',
  })
  byCurrency!: CurrencyAmountView[];
}

/** How a source's sync and review stand. */
export class SourceOverviewView {
  @ApiProperty({ example: 1 }) sourceId!: number;
  @ApiProperty({ example: 'Grand Hotel' }) name!: string;
  @ApiProperty({ example: 'America/Denver', description: 'Its IANA zone: its days are its own.' })
  timeZone!: string;
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({
    example: '2026-03-03T06:45:00.000Z',
    nullable: true,
    type: String,
    description: 'Everything before this instant is in the ledger; null: never synced.',
  })
  watermark!: string | null;
  @ApiProperty({
    example: 1500,
    nullable: true,
    type: Number,
    description: 'Seconds from the watermark to now (never below 0); null: never synced.',
  })
  lagSeconds!: number | null;
  @ApiProperty({ type: LastSyncRunView, nullable: true, description: 'Running or ended.' })
  lastRun!: LastSyncRunView | null;
  @ApiProperty({ type: RecentRunsView }) recentRuns!: RecentRunsView;
  @ApiProperty({ type: PendingView }) pending!: PendingView;
}

export class SourcesOverviewView {
  @ApiProperty({ example: '2026-03-03T07:10:00.000Z', description: 'Now, as lags are measured.' })
  asOf!: string;
  @ApiProperty({ type: [SourceOverviewView], description: 'Every source, by id.' })
  sources!: SourceOverviewView[];
}

export class DayView {
  @ApiProperty({ example: '2026-03-02', description: "A local day of the items' sources." })
  date!: string;
  @ApiProperty({
    example: 1210,
    description: 'Calls started that day, whatever their status (a summary item carries several).',
  })
  calls!: number;
  @ApiProperty({
    type: [CurrencyAmountView],
    description:
      'Billed amounts (before tax) of items not rejected and not no-charge, per currency the day has items in; empty on a day without items.',
  })
  byCurrency!: CurrencyAmountView[];
}

export class DailyView {
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-30' }) to!: string;
  @ApiProperty({ example: null, nullable: true, type: Number }) sourceId!: number | null;
  @ApiProperty({ type: [DayView], description: 'Every day from `from` to `to`, none left out.' })
  days!: DayView[];
}

export class TopRowView {
  @ApiProperty({
    example: 'ROOM-1012',
    nullable: true,
    type: String,
    description:
      'The billing account, or the destination as `class:prefix` (`international:44`); null: items without one.',
  })
  key!: string | null;
  @ApiProperty({ example: 'ROOM-1012', description: '`International +44`, `No billing account`…' })
  label!: string;
  @ApiProperty({ example: 96, description: 'Calls, whatever their status.' }) calls!: number;
  @ApiProperty({
    type: [CurrencyAmountView],
    description: 'Billed amounts (before tax), per currency.',
  })
  byCurrency!: CurrencyAmountView[];
}

export class TopView {
  @ApiProperty({ enum: TOP_BY, example: 'billing-account' }) by!: TopBy;
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-30' }) to!: string;
  @ApiProperty({ example: null, nullable: true, type: Number }) sourceId!: number | null;
  @ApiProperty({
    type: [TopRowView],
    description:
      'The largest amount in any one currency first (amounts compared as written, no exchange rates), then the most calls, then by label.',
  })
  rows!: TopRowView[];
}
