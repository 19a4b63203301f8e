import { isoTime } from '@app/common';
import {
  LINE_ITEM_FIELDS,
  LedgerStatement,
  NewLineItem,
  RatePlanVersion,
  Source,
  lineItemColumn,
} from '@app/ledger';
import { AccountSummaryRecord, CanonicalCallRecord, CompiledPlan, rateRecord } from '@app/rating';
import type { ParsedRow, RowError } from '../report';

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
  /** `Ledger.statement`: the writer runs inside the chunk's transaction. */
  statement: (sql: string) => LedgerStatement;
}

const INSERT_LINE_ITEM = `INSERT INTO line_items (${LINE_ITEM_FIELDS.map(lineItemColumn).join(', ')})
  VALUES (${LINE_ITEM_FIELDS.map(() => '?').join(', ')})`;

// A record already in the ledger (an overlapping window, a re-run) inserts nothing (no changes):
// a duplicate, not an error.
const INSERT_CALL_RECORD = `INSERT INTO call_records (source_id, sync_run_id, call_id, start_time_ms,
    direction, extension, dialed_number, talk_ms, account_code, raw_json, created_at_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (source_id, call_id) DO NOTHING`;

const INSERT_ACCOUNT_SUMMARY = `INSERT INTO account_summaries (source_id, sync_run_id, account_code,
    period_start_ms, period_end_ms, calls, total_talk_ms, raw_json, created_at_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (source_id, account_code, period_start_ms, period_end_ms) DO NOTHING`;

const INSERT_RECORD_ERROR = `INSERT INTO record_errors (source_id, sync_run_id, reason, raw_json,
    created_at_ms)
  VALUES (?, ?, ?, ?, ?)`;

function keepErrors(context: ChunkContext, errors: RowError[]): void {
  const insert = context.statement(INSERT_RECORD_ERROR);
  for (const error of errors) {
    insert.run(context.source.id, context.runId, error.reason, error.rawJson, context.nowMs);
  }
}

/** The counts one rating result adds. */
function tally(counts: ChunkCounts, item: NewLineItem): void {
  counts.rated++;
  if (item.status === 'no-charge') counts.noCharge++;
  if (item.status === 'needs-review') counts.needsReview++;
}

/**
 * Stores one chunk of call records and rates the new ones, inside the caller's transaction:
 * raw records under their natural key (a record already there is a duplicate, not an error),
 * unreadable rows as record errors, a line item for every billable new record.
 */
export function writeCallChunk(
  context: ChunkContext,
  parsed: { records: ParsedRow<CanonicalCallRecord>[]; errors: RowError[] },
): ChunkCounts {
  const counts = { ...NO_COUNTS, fetched: parsed.records.length + parsed.errors.length };
  keepErrors(context, parsed.errors);
  counts.errors += parsed.errors.length;

  const insertRecord = context.statement(INSERT_CALL_RECORD);
  const insertItem = context.statement(INSERT_LINE_ITEM);
  const lateErrors: RowError[] = [];
  for (const { record, rawJson, rowIndex } of parsed.records) {
    const inserted = insertRecord.run(
      context.source.id,
      context.runId,
      record.callId,
      record.startTimeMs,
      record.direction,
      record.extension,
      record.dialedNumber,
      record.talkMs,
      record.accountCode,
      rawJson,
      context.nowMs,
    );
    if (inserted.changes === 0) {
      counts.duplicates++;
      continue;
    }
    counts.inserted++;
    const plan = context.inForce(record.startTimeMs);
    if (!plan) {
      lateErrors.push({ rowIndex, rawJson, reason: noVersionReason(context, record.startTimeMs) });
      continue;
    }
    const rating = rateRecord(
      { kind: 'call', recordId: Number(inserted.lastInsertRowid), record },
      plan,
      context.source,
      context.nowMs,
    );
    if (!rating.billable) continue;
    const { item } = rating;
    tally(counts, item);
    insertItem.run(...LINE_ITEM_FIELDS.map((field) => item[field]));
  }
  return finishChunk(context, counts, lateErrors);
}

/**
 * Stores one chunk of account-code summary rows for one period and rates the new ones: one
 * line item per account code per period, keyed (source, accountCode, periodStart, periodEnd).
 */
export function writeSummaryChunk(
  context: ChunkContext,
  parsed: { records: ParsedRow<AccountSummaryRecord>[]; errors: RowError[] },
): ChunkCounts {
  const counts = { ...NO_COUNTS, fetched: parsed.records.length + parsed.errors.length };
  keepErrors(context, parsed.errors);
  counts.errors += parsed.errors.length;
  const insertSummary = context.statement(INSERT_ACCOUNT_SUMMARY);
  const insertItem = context.statement(INSERT_LINE_ITEM);
  const lateErrors: RowError[] = [];
  for (const { record, rawJson, rowIndex } of parsed.records) {
    const inserted = insertSummary.run(
      context.source.id,
      context.runId,
      record.accountCode,
      record.periodStartMs,
      record.periodEndMs,
      record.calls,
      record.totalTalkMs,
      rawJson,
      context.nowMs,
    );
    if (inserted.changes === 0) {
      counts.duplicates++;
      continue;
    }
    counts.inserted++;
    const plan = context.inForce(record.periodStartMs);
    if (!plan) {
      lateErrors.push({
        rowIndex,
        rawJson,
        reason: noVersionReason(context, record.periodStartMs),
      });
      continue;
    }
    const rating = rateRecord(
      { kind: 'summary', recordId: Number(inserted.lastInsertRowid), record },
      plan,
      context.source,
      context.nowMs,
    );
    if (!rating.billable) continue;
    const { item } = rating;
    tally(counts, item);
    insertItem.run(...LINE_ITEM_FIELDS.map((field) => item[field]));
  }
  return finishChunk(context, counts, lateErrors);
}

/** Stores the records a chunk could not rate; returns the chunk's counts. */
function finishChunk(
  context: ChunkContext,
  counts: ChunkCounts,
  lateErrors: RowError[],
): ChunkCounts {
  keepErrors(context, lateErrors);
  return { ...counts, errors: counts.errors + lateErrors.length };
}

function noVersionReason(context: ChunkContext, startTimeMs: number): string {
  const first = context.versions[0];
  return (
    `no version of rate plan ${context.source.ratePlanId} is in force at ${isoTime(startTimeMs)}` +
    (first ? ` (the first takes effect ${isoTime(first.effectiveFromMs)})` : '')
  );
}
