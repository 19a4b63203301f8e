import type { EntityManager } from 'typeorm';
import { isoTime } from '@app/common';
import { LineItem, RatePlanVersion, RecordError, Source } from '@app/ledger';
import {
  AccountSummaryRecord,
  CanonicalCallRecord,
  CompiledPlan,
  RatingResult,
  rateCall,
  rateSummary,
  summaryCallId,
} from '@app/rating';
import type { ParsedRow, RowError } from '../report';
import { lineItemFromResult } from './line-item-from-result';

/** What one chunk added to the ledger; a sync run sums them. */
export interface ChunkCounts {
  fetched: number;
  inserted: number;
  duplicates: number;
  rated: number;
  noCharge: number;
  needsReview: number;
  errors: number;
}

export const NO_COUNTS: ChunkCounts = {
  fetched: 0,
  inserted: 0,
  duplicates: 0,
  rated: 0,
  noCharge: 0,
  needsReview: 0,
  errors: 0,
};

export function addCounts(a: ChunkCounts, b: ChunkCounts): ChunkCounts {
  return {
    fetched: a.fetched + b.fetched,
    inserted: a.inserted + b.inserted,
    duplicates: a.duplicates + b.duplicates,
    rated: a.rated + b.rated,
    noCharge: a.noCharge + b.noCharge,
    needsReview: a.needsReview + b.needsReview,
    errors: a.errors + b.errors,
  };
}

export interface ChunkContext {
  source: Source;
  runId: number;
  /** The source's plan versions, oldest first, and how to compile one. */
  versions: RatePlanVersion[];
  inForce: (startTimeMs: number) => { version: RatePlanVersion; compiled: CompiledPlan } | null;
  nowMs: number;
}

/** Rows a statement may carry: well under SQLite's limit on bound parameters. */
const BATCH = 200;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function keepErrors(
  manager: EntityManager,
  context: ChunkContext,
  errors: RowError[],
): Promise<void> {
  for (const batch of batches(errors)) {
    await manager.insert(
      RecordError,
      batch.map((error) => ({
        sourceId: context.source.id,
        syncRunId: context.runId,
        reason: error.reason,
        rawJson: JSON.stringify(error.raw) ?? 'null',
        createdAtMs: context.nowMs,
      })),
    );
  }
}

/** The counts one rating result adds. */
function tally(counts: ChunkCounts, item: Partial<LineItem>): void {
  counts.rated++;
  if (item.status === 'no-charge') counts.noCharge++;
  if (item.status === 'needs-review') counts.needsReview++;
}

/**
 * Stores one chunk of call records and rates the new ones, inside the caller's transaction:
 * raw records under their natural key (a record already there is a duplicate, not an error),
 * unreadable rows as record errors, a line item for every billable new record.
 */
export async function writeCallChunk(
  manager: EntityManager,
  context: ChunkContext,
  parsed: { records: ParsedRow<CanonicalCallRecord>[]; errors: RowError[] },
): Promise<ChunkCounts> {
  const counts = { ...NO_COUNTS, fetched: parsed.records.length + parsed.errors.length };
  await keepErrors(manager, context, parsed.errors);
  counts.errors += parsed.errors.length;

  const items: Partial<LineItem>[] = [];
  const lateErrors: RowError[] = [];
  for (const batch of batches(parsed.records)) {
    const placeholders = batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const values = batch.flatMap(({ record, raw }) => [
      context.source.id,
      context.runId,
      record.callId,
      record.startTimeMs,
      record.direction,
      record.extension,
      record.dialedNumber,
      record.talkMs,
      record.accountCode,
      JSON.stringify(raw),
      context.nowMs,
    ]);
    // A record already in the ledger (an overlapping window, a re-run) inserts nothing.
    const inserted: { id: number; call_id: string }[] = await manager.query(
      `INSERT INTO call_records (source_id, sync_run_id, call_id, start_time_ms, direction, extension,
         dialed_number, talk_ms, account_code, raw_json, created_at_ms)
       VALUES ${placeholders}
       ON CONFLICT (source_id, call_id) DO NOTHING
       RETURNING id, call_id`,
      values,
    );
    counts.inserted += inserted.length;
    counts.duplicates += batch.length - inserted.length;
    const idOf = new Map(inserted.map((row) => [row.call_id, row.id]));
    for (const { record, raw, rowIndex } of batch) {
      const id = idOf.get(record.callId);
      if (id === undefined) continue;
      idOf.delete(record.callId); // a second row with the same id in this batch is a duplicate
      const plan = context.inForce(record.startTimeMs);
      if (!plan) {
        lateErrors.push({ rowIndex, raw, reason: noVersionReason(context, record.startTimeMs) });
        continue;
      }
      const result: RatingResult = rateCall(plan.compiled, record);
      if (result.status === 'not-billable') continue;
      const item = lineItemFromResult(result, {
        sourceId: context.source.id,
        callRecordId: id,
        accountSummaryId: null,
        callId: record.callId,
        startTimeMs: record.startTimeMs,
        extension: record.extension,
        accountCode: record.accountCode,
        dialedNumber: record.dialedNumber,
        ratePlanId: context.source.ratePlanId,
        ratePlanVersionId: plan.version.id,
        ratePlanVersionNumber: plan.version.version,
        autoApprove: context.source.autoApprove,
        nowMs: context.nowMs,
      });
      tally(counts, item);
      items.push(item);
    }
  }
  return finishChunk(manager, context, { counts, items, lateErrors });
}

/**
 * Stores one chunk of account-code summary rows for one period and rates the new ones: one
 * line item per account code per period, keyed (source, accountCode, periodStart, periodEnd).
 */
export async function writeSummaryChunk(
  manager: EntityManager,
  context: ChunkContext,
  parsed: { records: ParsedRow<AccountSummaryRecord>[]; errors: RowError[] },
): Promise<ChunkCounts> {
  const counts = { ...NO_COUNTS, fetched: parsed.records.length + parsed.errors.length };
  await keepErrors(manager, context, parsed.errors);
  counts.errors += parsed.errors.length;
  const items: Partial<LineItem>[] = [];
  const lateErrors: RowError[] = [];
  for (const { record, raw, rowIndex } of parsed.records) {
    const inserted: { id: number }[] = await manager.query(
      `INSERT INTO account_summaries (source_id, sync_run_id, account_code, period_start_ms, period_end_ms,
         calls, total_talk_ms, raw_json, created_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_id, account_code, period_start_ms, period_end_ms) DO NOTHING
       RETURNING id`,
      [
        context.source.id,
        context.runId,
        record.accountCode,
        record.periodStartMs,
        record.periodEndMs,
        record.calls,
        record.totalTalkMs,
        JSON.stringify(raw),
        context.nowMs,
      ],
    );
    if (inserted.length === 0) {
      counts.duplicates++;
      continue;
    }
    counts.inserted++;
    const plan = context.inForce(record.periodStartMs);
    if (!plan) {
      lateErrors.push({ rowIndex, raw, reason: noVersionReason(context, record.periodStartMs) });
      continue;
    }
    const result = rateSummary(plan.compiled, record);
    if (result.status === 'not-billable') continue;
    const item = lineItemFromResult(result, {
      sourceId: context.source.id,
      callRecordId: null,
      accountSummaryId: inserted[0].id,
      callId: summaryCallId(record.accountCode, record.periodStartMs),
      startTimeMs: record.periodStartMs,
      extension: null,
      accountCode: record.accountCode,
      dialedNumber: null,
      ratePlanId: context.source.ratePlanId,
      ratePlanVersionId: plan.version.id,
      ratePlanVersionNumber: plan.version.version,
      autoApprove: context.source.autoApprove,
      nowMs: context.nowMs,
    });
    tally(counts, item);
    items.push(item);
  }
  return finishChunk(manager, context, { counts, items, lateErrors });
}

/** Stores a chunk's line items and the records it could not rate; returns its counts. */
async function finishChunk(
  manager: EntityManager,
  context: ChunkContext,
  chunk: { counts: ChunkCounts; items: Partial<LineItem>[]; lateErrors: RowError[] },
): Promise<ChunkCounts> {
  for (const batch of batches(chunk.items)) await manager.insert(LineItem, batch);
  await keepErrors(manager, context, chunk.lateErrors);
  return { ...chunk.counts, errors: chunk.counts.errors + chunk.lateErrors.length };
}

function noVersionReason(context: ChunkContext, startTimeMs: number): string {
  const first = context.versions[0];
  return (
    `no version of rate plan ${context.source.ratePlanId} is in force at ${isoTime(startTimeMs)}` +
    (first ? ` (the first takes effect ${isoTime(first.effectiveFromMs)})` : '')
  );
}
