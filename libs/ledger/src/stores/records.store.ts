import { Injectable } from '@nestjs/common';
import { AccountSummary, CallRecord, RecordError } from '../entities';
import { Ledger, LedgerStatement } from '../ledger';
import { insertInBatches } from './batch-insert';
import { LedgerTx, assertOpen } from '../ledger-tx';
import { selectFields } from './columns';

/** Ids per `IN (...)`: well under SQLite's limit on parameters. */
const IDS_PER_READ = 500;
/** The lengths of `IN (...)` lists a read uses (the last is IDS_PER_READ). */
const READ_SIZES = [1, 16, 128, IDS_PER_READ];

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

const CALL_RECORD_HEAD = `INSERT INTO call_records (source_id, sync_run_id, call_id, start_time_ms,
    direction, extension, dialed_number, talk_ms, account_code, raw_json, created_at_ms)`;
const CALL_RECORD_COLUMNS = 11;
/** A call already there is no row: the writer says null. */
const CALL_RECORD_TAIL = `ON CONFLICT (source_id, call_id) DO NOTHING`;
const INSERT_CALL_RECORD = `${CALL_RECORD_HEAD} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ${CALL_RECORD_TAIL} RETURNING id`;

const ACCOUNT_SUMMARY_HEAD = `INSERT INTO account_summaries (source_id, sync_run_id, account_code,
    period_start_ms, period_end_ms, calls, total_talk_ms, raw_json, created_at_ms)`;
const ACCOUNT_SUMMARY_COLUMNS = 9;
const ACCOUNT_SUMMARY_TAIL = `ON CONFLICT (source_id, account_code, period_start_ms, period_end_ms)
  DO NOTHING`;
const INSERT_ACCOUNT_SUMMARY = `${ACCOUNT_SUMMARY_HEAD} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ${ACCOUNT_SUMMARY_TAIL} RETURNING id`;

/** A call's values in CALL_RECORD_HEAD's order. */
const callValues = (origin: RecordOrigin, record: CallRecordFields, rawJson: string) => [
  origin.sourceId,
  origin.syncRunId,
  record.callId,
  record.startTimeMs,
  record.direction,
  record.extension,
  record.dialedNumber,
  record.talkMs,
  record.accountCode,
  rawJson,
  origin.createdAtMs,
];

/** A summary's values in ACCOUNT_SUMMARY_HEAD's order. */
const summaryValues = (origin: RecordOrigin, record: AccountSummaryFields, rawJson: string) => [
  origin.sourceId,
  origin.syncRunId,
  record.accountCode,
  record.periodStartMs,
  record.periodEndMs,
  record.calls,
  record.totalTalkMs,
  rawJson,
  origin.createdAtMs,
];

/** A summary's natural key within its source, as one string. */
const summaryKey = (accountCode: string, periodStartMs: number, periodEndMs: number) =>
  `${accountCode}\u0000${periodStartMs}\u0000${periodEndMs}`;

/**
 * Each row's new id from what a batch's INSERT returned (its natural key and id), in the rows'
 * order: null for a row the ledger had, and for a repeat of a row earlier in the batch.
 */
function idsInOrder(keys: string[], inserted: { key: string; id: number }[]): (number | null)[] {
  const ids = new Map(inserted.map((row) => [row.key, row.id]));
  return keys.map((key) => {
    const id = ids.get(key);
    if (id === undefined) return null;
    ids.delete(key);
    return id;
  });
}

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
    if (this.ledger.dialect === 'postgres') return this.batchWriter(tx, origin, error);
    return {
      addCalls: async (calls) => {
        const ids: (number | null)[] = [];
        for (const { record, rawJson } of calls) {
          ids.push(newId(await call.get<{ id: number }>(...callValues(origin, record, rawJson))));
        }
        return ids;
      },
      addSummaries: async (summaries) => {
        const ids: (number | null)[] = [];
        for (const { record, rawJson } of summaries) {
          ids.push(
            newId(await summary.get<{ id: number }>(...summaryValues(origin, record, rawJson))),
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

  /**
   * PostgreSQL's writer: a chunk's records in a few multi-row INSERTs (a statement a row would
   * be a round trip a row), each row's id matched back by its natural key.
   */
  private batchWriter(tx: LedgerTx, origin: RecordOrigin, error: LedgerStatement): RecordWriter {
    const { sourceId, syncRunId, createdAtMs } = origin;
    return {
      addCalls: async (calls) => {
        const inserted = await insertInBatches<{ key: string; id: number }>(
          this.ledger,
          tx,
          CALL_RECORD_HEAD,
          CALL_RECORD_COLUMNS,
          calls.map(({ record, rawJson }) => callValues(origin, record, rawJson)),
          `${CALL_RECORD_TAIL} RETURNING call_id AS "key", id`,
        );
        return idsInOrder(
          calls.map(({ record }) => record.callId),
          inserted,
        );
      },
      addSummaries: async (summaries) => {
        const inserted = await insertInBatches<{
          accountCode: string;
          periodStartMs: number;
          periodEndMs: number;
          id: number;
        }>(
          this.ledger,
          tx,
          ACCOUNT_SUMMARY_HEAD,
          ACCOUNT_SUMMARY_COLUMNS,
          summaries.map(({ record, rawJson }) => summaryValues(origin, record, rawJson)),
          `${ACCOUNT_SUMMARY_TAIL} RETURNING account_code AS "accountCode",
             period_start_ms AS "periodStartMs", period_end_ms AS "periodEndMs", id`,
        );
        return idsInOrder(
          summaries.map(({ record }) =>
            summaryKey(record.accountCode, record.periodStartMs, record.periodEndMs),
          ),
          inserted.map((row) => ({
            key: summaryKey(row.accountCode, row.periodStartMs, row.periodEndMs),
            id: row.id,
          })),
        );
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
   * What rating needs of the stored records of `ids`, inside `tx`, by id: a re-rate reads
   * thousands of them, a few hundred a statement. Ids with no record are missing from the maps.
   */
  async ratingInputs(
    tx: LedgerTx,
    ids: { calls: readonly number[]; summaries: readonly number[] },
  ): Promise<RatingInputs> {
    assertOpen(tx);
    const read = async <T>(table: string, fields: string, wanted: readonly number[]) => {
      const found = new Map<number, T>();
      for (let i = 0; i < wanted.length; i += IDS_PER_READ) {
        // A few sizes of statement, the last id repeated to fill one: SQLite keeps each
        // prepared statement, so there are four of them, not one for every length.
        const slice = wanted.slice(i, i + IDS_PER_READ);
        const size = READ_SIZES.find((n) => n >= slice.length)!;
        const padded = [...slice, ...Array<number>(size - slice.length).fill(slice.at(-1)!)];
        const rows = await this.ledger
          .statement(
            tx,
            `SELECT id AS "recordId", ${fields} FROM ${table}
              WHERE id IN (${padded.map(() => '?').join(',')})`,
          )
          .all<T & { recordId: number }>(...padded);
        for (const { recordId, ...record } of rows) found.set(recordId, record as T);
      }
      return found;
    };
    return {
      calls: await read<CallRecordFields>(
        'call_records',
        selectFields(CALL_RECORD_FIELDS),
        ids.calls,
      ),
      summaries: await read<AccountSummaryFields>(
        'account_summaries',
        selectFields(ACCOUNT_SUMMARY_FIELDS),
        ids.summaries,
      ),
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

/** See `RecordStore.ratingInputs`: each stored record found, by id. */
export interface RatingInputs {
  calls: Map<number, CallRecordFields>;
  summaries: Map<number, AccountSummaryFields>;
}
