import { Injectable } from '@nestjs/common';
import { Ledger } from '../ledger';

/**
 * Sync runs and each source's watermark (how far its records are in the ledger).
 * Tables: sync_runs, sources.watermark_ms. The only code that holds their SQL.
 */
@Injectable()
export class SyncRunStore {
  constructor(private readonly ledger: Ledger) {}
}
