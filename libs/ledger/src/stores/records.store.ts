import { Injectable } from '@nestjs/common';
import { AccountSummary, CallRecord, RecordError } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, assertOpen } from '../ledger-tx';
import { selectFields } from './columns';

/** A call as a sync stores it and rating reads it, besides its origin and raw row. */
const CALL_RECORD_FIELDS = [
  'callId',
  'startTimeMs',
  'direction',
  'extension',
  'dialedNumber',
  'talkMs',
  'accountCode',
] as const satisfies readonly (keyof CallRecord)[];
export type CallRecordFields = Pick<CallRecord, (typeof CALL_RECORD_FIELDS)[number]>;

/** An account code's usage over one period, as a sync stores it and rating reads it. */
const ACCOUNT_SUMMARY_FIELDS = [
  'accountCode',
  'periodStartMs',
  'periodEndMs',
  'calls',
  'totalTalkMs',
] as const satisfies readonly (keyof AccountSummary)[];
export type AccountSummaryFields = Pick<AccountSummary, (typeof ACCOUNT_SUMMARY_FIELDS)[number]>;

/** Where the records a writer stores come from: one source, one sync run, one instant. */
export interface RecordOrigin {
  sourceId: number;
  syncRunId: number;
  createdAtMs: number;
}

/** A row of a report as Xima sent it, with its parsed record. */
export interface RawRecord<R> {
  record: R;
  rawJson: string;
}

/**
 * Stores the records of one sync chunk inside the chunk's transaction (see `RecordStore.writer`).
 * A record already in the ledger (an overlapping window, a re-run) is stored again as nothing:
 * the writer says so with `null` in its place, a duplicate and not an error.
 */
export interface RecordWriter {
  /** Stores calls under their natural key (source, call id): each one's new id, or null if it was there. */
  addCalls(calls: RawRecord<CallRecordFields>[]): Promise<(number | null)[]>;
  /** Stores summaries under (source, account code, period): each one's new id, or null if it was there. */
  addSummaries(summaries: RawRecord<AccountSummaryFields>[]): Promise<(number | null)[]>;
  /** Keeps rows that could not be read or rated, with why. */
  addErrors(errors: { reason: string; rawJson: string }[]): Promise<void>;
}

const INSERT_CALL_RECORD = `INSERT INTO call_records (source_id, sync_run_id, call_id, start_time_ms,
    direction, extension, dialed_number, talk_ms, account_code, raw_json, created_at_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (source_id, call_id) DO NOTHING
  RETURNING id`;

const INSERT_ACCOUNT_SUMMARY = `INSERT INTO account_summaries (source_id, sync_run_id, account_code,
    period_start_ms, period_end_ms, calls, total_talk_ms, raw_json, created_at_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (source_id, account_code, period_start_ms, period_end_ms) DO NOTHING
  RETURNING id`;

const INSERT_RECORD_ERROR = `INSERT INTO record_errors (source_id, sync_run_id, reason, raw_json,
    created_at_ms)
  VALUES (?, ?, ?, ?, ?)`;

/**
 * What a sync fetched from Xima: call records and account summaries kept as Xima sent them
 * (under their natural keys), and the rows it could not read.
 * Tables: call_records, account_summaries, record_errors. It holds the SQL of these tables (its reads may join others').
 */
@Injectable()
export class RecordStore {
  constructor(private readonly ledger: Ledger) {}

  /**
   * A writer for the records of one sync chunk, on prepared statements (decision 0010: a chunk
   * is tens of thousands of rows, and building each insert through the entity manager would
   * cost more than SQLite's own work). Make it inside the chunk's transaction and use it there.
   */
  writer(tx: LedgerTx, origin: RecordOrigin): RecordWriter {
    assertOpen(tx);
    const { sourceId, syncRunId, createdAtMs } = origin;
    const call = this.ledger.statement(tx, INSERT_CALL_RECORD);
    const summary = this.ledger.statement(tx, INSERT_ACCOUNT_SUMMARY);
    const error = this.ledger.statement(tx, INSERT_RECORD_ERROR);
    // No row: ON CONFLICT DO NOTHING found the natural key taken.
    const newId = (inserted: { id: number } | undefined) => (inserted ? inserted.id : null);
    return {
      addCalls: async (calls) => {
        const ids: (number | null)[] = [];
        for (const { record, rawJson } of calls) {
          ids.push(
            newId(
              await call.get<{ id: number }>(
                sourceId,
                syncRunId,
                record.callId,
                record.startTimeMs,
                record.direction,
                record.extension,
                record.dialedNumber,
                record.talkMs,
                record.accountCode,
                rawJson,
                createdAtMs,
              ),
            ),
          );
        }
        return ids;
      },
      addSummaries: async (summaries) => {
        const ids: (number | null)[] = [];
        for (const { record, rawJson } of summaries) {
          ids.push(
            newId(
              await summary.get<{ id: number }>(
                sourceId,
                syncRunId,
                record.accountCode,
                record.periodStartMs,
                record.periodEndMs,
                record.calls,
                record.totalTalkMs,
                rawJson,
                createdAtMs,
              ),
            ),
          );
        }
        return ids;
      },
      addErrors: async (errors) => {
        for (const { reason, rawJson } of errors) {
          await error.run(sourceId, syncRunId, reason, rawJson, createdAtMs);
        }
      },
    };
  }

  // --- used by review

  /** One call record, every field; null when there is none. */
  findCallRecord(id: number): Promise<CallRecord | null> {
    return this.ledger.manager.findOneBy(CallRecord, { id });
  }

  /** One account summary, every field; null when there is none. */
  findAccountSummary(id: number): Promise<AccountSummary | null> {
    return this.ledger.manager.findOneBy(AccountSummary, { id });
  }

  /**
   * Prepared reads, inside `tx`, of what rating needs of one stored record: a re-rate reads
   * thousands of them between its writes.
   */
  ratingInputReader(tx: LedgerTx): RatingInputReader {
    assertOpen(tx);
    const call = this.ledger.statement(
      tx,
      `SELECT ${selectFields(CALL_RECORD_FIELDS)} FROM call_records WHERE id = ?`,
    );
    const summary = this.ledger.statement(
      tx,
      `SELECT ${selectFields(ACCOUNT_SUMMARY_FIELDS)} FROM account_summaries WHERE id = ?`,
    );
    return {
      callRecord: (id) => call.get<CallRecordFields>(id),
      accountSummary: (id) => summary.get<AccountSummaryFields>(id),
    };
  }

  // --- used by the console

  /** The rows a sync run could not read or rate, in the order it met them; at most `limit`. */
  findErrorsOfRun(syncRunId: number, limit: number): Promise<RecordError[]> {
    return this.ledger.manager.find(RecordError, {
      where: { syncRunId },
      order: { id: 'ASC' },
      take: limit,
    });
  }
}

/** See `RecordStore.ratingInputReader`: undefined when no record has the id. */
export interface RatingInputReader {
  callRecord(id: number): Promise<CallRecordFields | undefined>;
  accountSummary(id: number): Promise<AccountSummaryFields | undefined>;
}
