import { AccountSummary } from './account-summary.entity';
import { ApiKey } from './api-key.entity';
import { AuditEvent } from './audit-event.entity';
import { Business } from './business.entity';
import { CallRecord } from './call-record.entity';
import { Invoice } from './invoice.entity';
import { InvoiceDelivery } from './invoice-delivery.entity';
import { InvoiceLine } from './invoice-line.entity';
import { InvoiceNumberSequence } from './invoice-number-sequence.entity';
import { Lease } from './lease.entity';
import { LineItem } from './line-item.entity';
import { Matter } from './matter.entity';
import { MatterRule } from './matter-rule.entity';
import {
  LineItemAccountTotal,
  LineItemDailyTotal,
  LineItemDestinationTotal,
} from './line-item-totals.entity';
import { PmsLink, PmsLinkSource } from './pms-link.entity';
import { Posting } from './posting.entity';
import { RatePlan } from './rate-plan.entity';
import { RatePlanVersion } from './rate-plan-version.entity';
import { RecordError } from './record-error.entity';
import { Session } from './session.entity';
import { SignInFailure } from './sign-in-failure.entity';
import { SignInLockout } from './sign-in-lockout.entity';
import { Source } from './source.entity';
import { Stay } from './stay.entity';
import { SyncRun } from './sync-run.entity';
import { Timekeeper } from './timekeeper.entity';
import { User } from './user.entity';

export * from './account-summary.entity';
export * from './api-key.entity';
export * from './audit-event.entity';
export * from './business.entity';
export * from './call-record.entity';
export * from './invoice.entity';
export * from './invoice-delivery.entity';
export * from './invoice-line.entity';
export * from './invoice-number-sequence.entity';
export * from './lease.entity';
export * from './line-item.entity';
export * from './line-item-totals.entity';
export * from './matter.entity';
export * from './matter-rule.entity';
export * from './pms-link.entity';
export * from './posting.entity';
export * from './rate-plan.entity';
export * from './rate-plan-version.entity';
export * from './record-error.entity';
export * from './session.entity';
export * from './sign-in-failure.entity';
export * from './sign-in-lockout.entity';
export * from './source.entity';
export * from './stay.entity';
export * from './sync-run.entity';
export * from './timekeeper.entity';
export * from './user.entity';

/** Every entity of the ledger, listed explicitly (globs break in bundled builds). */
export const LEDGER_ENTITIES = [
  AccountSummary,
  ApiKey,
  AuditEvent,
  Business,
  CallRecord,
  Invoice,
  InvoiceDelivery,
  InvoiceLine,
  InvoiceNumberSequence,
  Lease,
  LineItem,
  LineItemAccountTotal,
  LineItemDailyTotal,
  LineItemDestinationTotal,
  Matter,
  MatterRule,
  PmsLink,
  PmsLinkSource,
  Posting,
  RatePlan,
  RatePlanVersion,
  RecordError,
  Session,
  SignInFailure,
  SignInLockout,
  Source,
  Stay,
  SyncRun,
  Timekeeper,
  User,
];
