import type { DecimalString } from '../plan/rate-plan';

/**
 * `pending`, `no-charge` and `needs-review` are line item statuses; `not-billable` means the
 * record makes no line item (quote answers it with its reason).
 */
export type RatingStatus = 'pending' | 'no-charge' | 'needs-review' | 'not-billable';

export type RatingReason =
  | 'unanswered'
  | 'grace'
  | 'free-destination'
  | 'feature-code'
  | 'unroutable-number'
  | 'no-rate'
  | 'missing-account-code'
  | 'unknown-account-code'
  | 'unknown-matter'
  | 'closed-matter'
  | 'non-billable-matter'
  | 'no-charge-rule'
  | 'inbound'
  | 'internal'
  | 'not-a-billing-extension';

export interface TaxAmount {
  name: string;
  ratePercent: DecimalString;
  amountMinor: number;
}

/** The rate fields that priced the call, after any time band's overrides. */
export interface RateUsed {
  connectFee: DecimalString;
  perMinute: DecimalString;
  firstIncrementSeconds: number;
  incrementSeconds: number;
  minimumCharge: DecimalString | null;
  maximumCharge: DecimalString | null;
  markupPercent: DecimalString;
  /** Account-summary plans only. */
  perCall?: DecimalString;
}

/** Everything a reviewer needs to recompute a charge by hand. */
export interface RatingResult {
  status: RatingStatus;
  reason: RatingReason | null;
  billingAccount: string | null;
  /** Named groups of the plan's account-code pattern (LEDES CLIENT_ID / LAW_FIRM_MATTER_ID). */
  client: string | null;
  matter: string | null;
  normalizedNumber: string | null;
  destinationPrefix: string | null;
  destinationClass: string | null;
  /** The time band used, readable (`sat,sun 00:00-24:00`), or null. */
  timeBand: string | null;
  talkSeconds: number;
  billedSeconds: number;
  calls: number;
  rate: RateUsed | null;
  currency: string;
  /** The exact charge before rounding, as a decimal string. */
  charge: DecimalString;
  amountMinor: number;
  taxes: TaxAmount[];
  taxMinor: number;
  totalMinor: number;
  /** One line a person can check: "66 s billed: 60 s first increment + 1 x 6 s; …". */
  explanation: string;
  /**
   * A law firm with a law book only (docs/law-firms.md): the matter rule in force for the
   * call's matter, if any. Absent otherwise, so that other results stay as they were.
   */
  matterRule?: string | null;
}

/** The timekeeper in force for a call's extension (LEDES TIMEKEEPER_*). */
export interface TimekeeperRef {
  id: string;
  name: string;
  classification: string;
}
