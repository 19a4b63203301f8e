import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * What a sync fetched from Xima: call records and account summaries kept as Xima sent them (under their natural keys), and the rows it could not read.
 * Tables: call_records, account_summaries, record_errors. The only code that holds their SQL.
 */
@Injectable()
export class RecordStore {
  constructor(private readonly ledger: Ledger) {}
}
