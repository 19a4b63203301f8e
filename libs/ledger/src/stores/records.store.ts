import { Injectable } from '@nestjs/common';
import { AccountSummary, CallRecord } from '../entities';
import { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';
import { selectFields } from './columns';

/**
 * What a sync fetched from Xima: call records and account summaries kept as Xima sent them (under their natural keys), and the rows it could not read.
 * Tables: call_records, account_summaries, record_errors. The only code that holds their SQL.
 */
@Injectable()
export class RecordStore {
  constructor(private readonly ledger: Ledger) {}

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
   * thousands of them between its writes, which never await.
   */
  ratingInputReader(tx: LedgerTx): RatingInputReader {
    void tx; // the statements run on the connection `tx` holds open
    const call = this.ledger.statement(
      `SELECT ${selectFields(CALL_RATING_FIELDS)} FROM call_records WHERE id = ?`,
    );
    const summary = this.ledger.statement(
      `SELECT ${selectFields(SUMMARY_RATING_FIELDS)} FROM account_summaries WHERE id = ?`,
    );
    return {
      callRecord: (id) => call.get<CallRecordRatingInput>(id),
      accountSummary: (id) => summary.get<AccountSummaryRatingInput>(id),
    };
  }
}

// --- used by review

/** What rating reads of a call record (its canonical form). */
const CALL_RATING_FIELDS = [
  'callId',
  'startTimeMs',
  'direction',
  'extension',
  'dialedNumber',
  'talkMs',
  'accountCode',
] as const satisfies readonly (keyof CallRecord)[];
export type CallRecordRatingInput = Pick<CallRecord, (typeof CALL_RATING_FIELDS)[number]>;

/** What rating reads of an account summary. */
const SUMMARY_RATING_FIELDS = [
  'accountCode',
  'periodStartMs',
  'periodEndMs',
  'calls',
  'totalTalkMs',
] as const satisfies readonly (keyof AccountSummary)[];
export type AccountSummaryRatingInput = Pick<
  AccountSummary,
  (typeof SUMMARY_RATING_FIELDS)[number]
>;

/** See `RecordStore.ratingInputReader`: undefined when no record has the id. */
export interface RatingInputReader {
  callRecord(id: number): CallRecordRatingInput | undefined;
  accountSummary(id: number): AccountSummaryRatingInput | undefined;
}
