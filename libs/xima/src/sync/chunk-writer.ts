import { isoTime } from '@app/common';
import type {
  LedgerTx,
  LineItemInserter,
  NewLineItem,
  PostingStore,
  RatePlanVersion,
  RawRecord,
  RecordWriter,
  SyncRunCounts,
} from '@app/ledger';
import {
  AccountSummaryRecord,
  CanonicalCallRecord,
  PlanInForce,
  RatableRecord,
  RatingSource,
  rateRecord,
  recordStart,
} from '@app/rating';
import type { ParsedRow, RowError } from '../report';

/** What one chunk added to the ledger; a sync run sums them. */
export type ChunkCounts = SyncRunCounts;

export const NO_COUNTS: ChunkCounts = {
  fetched: 0,
  inserted: 0,
  duplicates: 0,
  rated: 0,
  noCharge: 0,
  needsReview: 0,
  errors: 0,
};

/**
 * What the chunk writer knows of one report kind: how its record is stored, and how it goes
 * to rating (whose `recordStart` of it picks the plan version in force).
 */
export interface ReportKind<R> {
  /** Stores the records under their natural keys: each one's new id, or null if the ledger has it. */
  store(records: RecordWriter, rows: RawRecord<R>[]): Promise<(number | null)[]>;
  /** The stored record as `rateRecord` takes it. */
  ratable(record: R, recordId: number): RatableRecord;
}

/** Call details: one record per call, keyed (source, call id). */
export const CALL_DETAILS: ReportKind<CanonicalCallRecord> = {
  store: (records, rows) => records.addCalls(rows),
  ratable: (record, recordId) => ({ kind: 'call', recordId, record }),
};

/** Account-code summaries: one record per account code per period. */
export const ACCOUNT_SUMMARIES: ReportKind<AccountSummaryRecord> = {
  store: (records, rows) => records.addSummaries(rows),
  ratable: (record, recordId) => ({ kind: 'summary', recordId, record }),
};

/** A chunk's source, plans and writers, all of one transaction. */
export interface ChunkContext {
  source: RatingSource;
  /** The source's plan versions, oldest first, and the one in force at an instant. */
  versions: RatePlanVersion[];
  inForce: (startTimeMs: number) => PlanInForce | null;
  nowMs: number;
  /** Made in the chunk's transaction (`RecordStore.writer`, `LineItemStore.inserter`). */
  records: RecordWriter;
  lineItems: LineItemInserter;
}

/**
 * Stores one chunk of records and rates the new ones, inside the caller's transaction: raw
 * records under their natural key (a record already there is a duplicate, not an error),
 * unreadable rows and records no plan version covers as record errors, and a line item for
 * every billable new record. The records go to the ledger together, then their items
 * (decision 0010): on PostgreSQL a chunk is a few round trips, not one a row.
 */
export async function writeChunk<R>(
  context: ChunkContext,
  kind: ReportKind<R>,
  parsed: { records: ParsedRow<R>[]; errors: RowError[] },
): Promise<ChunkCounts> {
  const counts = {
    ...NO_COUNTS,
    fetched: parsed.records.length + parsed.errors.length,
    errors: parsed.errors.length,
  };
  await context.records.addErrors(parsed.errors);

  const recordIds = await kind.store(context.records, parsed.records);
  const unrated: RowError[] = [];
  const items: NewLineItem[] = [];
  for (let i = 0; i < parsed.records.length; i++) {
    const recordId = recordIds[i];
    if (recordId === null) {
      counts.duplicates++;
      continue;
    }
    counts.inserted++;
    const { record, rawJson, rowIndex } = parsed.records[i];
    const input = kind.ratable(record, recordId);
    const startMs = recordStart(input);
    const plan = context.inForce(startMs);
    if (!plan) {
      unrated.push({ rowIndex, rawJson, reason: noVersionReason(context, startMs) });
      continue;
    }
    const rating = rateRecord(input, plan, context.source, context.nowMs);
    if (!rating.billable) continue;
    tally(counts, rating.item);
    items.push(rating.item);
  }
  await context.lineItems.insert(items);

  await context.records.addErrors(unrated);
  counts.errors += unrated.length;
  return counts;
}

/** The counts one line item adds. */
function tally(counts: ChunkCounts, item: NewLineItem): void {
  counts.rated++;
  if (item.status === 'no-charge') counts.noCharge++;
  if (item.status === 'needs-review') counts.needsReview++;
}

function noVersionReason(context: ChunkContext, startTimeMs: number): string {
  const first = context.versions[0];
  return (
    `no version of rate plan ${context.source.ratePlanId} is in force at ${isoTime(startTimeMs)}` +
    (first ? ` (the first takes effect ${isoTime(first.effectiveFromMs)})` : '')
  );
}

/** An inserter that also keeps the first and last id it gave (a chunk's new items). */
export function trackingIds(inserter: LineItemInserter): LineItemInserter & {
  range(): { fromId: number; toId: number } | null;
} {
  let fromId: number | null = null;
  let toId = 0;
  return {
    insert: async (items) => {
      const ids = await inserter.insert(items);
      if (ids.length > 0) {
        fromId ??= ids[0];
        toId = ids[ids.length - 1];
      }
      return ids;
    },
    range: () => (fromId === null ? null : { fromId, toId }),
  };
}

/**
 * The chunk's new items that a PMS link posts get their postings, in the chunk's transaction
 * (docs/pms-link.md): in `on-rating` mode every billable one. For a source no link posts this
 * is one indexed lookup a chunk, and nothing at all for a chunk with no new item.
 */
export async function enqueueChunkPostings(
  postings: PostingStore,
  tx: LedgerTx,
  sourceId: number,
  range: { fromId: number; toId: number } | null,
  nowMs: number,
): Promise<number> {
  if (range === null) return 0;
  return postings.enqueue(tx, { sourceId, ...range }, nowMs);
}
