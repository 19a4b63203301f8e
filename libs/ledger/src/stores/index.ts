import { ApiKeyStore } from './api-keys.store';
import { AuditEventStore } from './audit-events.store';
import { BusinessStore } from './businesses.store';
import { DeliveryStore } from './deliveries.store';
import { InvoiceStore } from './invoices.store';
import { LawBookStore } from './law-book.store';
import { LeaseStore } from './leases.store';
import { LineItemStore } from './line-items.store';
import { LineItemTotalsStore } from './line-item-totals.store';
import { MatterRuleStore } from './matter-rules.store';
import { MatterStore } from './matters.store';
import { PmsLinkStore } from './pms-links.store';
import { PostingStore } from './postings.store';
import { RatePlanStore } from './rate-plans.store';
import { RecordStore } from './records.store';
import { SessionStore } from './sessions.store';
import { SignInAttemptStore } from './sign-in-attempts.store';
import { SourceStore } from './sources.store';
import { StayStore } from './stays.store';
import { SyncRunStore } from './sync-runs.store';
import { TimekeeperStore } from './timekeepers.store';
import { UserStore } from './users.store';

export * from './api-keys.store';
export * from './audit-events.store';
export * from './businesses.store';
export * from './deliveries.store';
export * from './invoices.store';
export * from './law-book.store';
export * from './leases.store';
export * from './line-items.store';
export * from './line-item-totals.store';
export * from './matter-rules.store';
export * from './matters.store';
export * from './pms-links.store';
export * from './postings.store';
export * from './rate-plans.store';
export * from './records.store';
export * from './sessions.store';
export * from './sign-in-attempts.store';
export * from './sources.store';
export * from './stays.store';
export * from './sync-runs.store';
export * from './timekeepers.store';
export * from './users.store';

/** One store per aggregate: the only code in the product that holds SQL. */
export const LEDGER_STORES = [
  ApiKeyStore,
  AuditEventStore,
  BusinessStore,
  DeliveryStore,
  InvoiceStore,
  LawBookStore,
  LeaseStore,
  LineItemStore,
  LineItemTotalsStore,
  MatterRuleStore,
  MatterStore,
  PmsLinkStore,
  PostingStore,
  RatePlanStore,
  RecordStore,
  SessionStore,
  SignInAttemptStore,
  SourceStore,
  StayStore,
  SyncRunStore,
  TimekeeperStore,
  UserStore,
];
