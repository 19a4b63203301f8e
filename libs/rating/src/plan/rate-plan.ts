/**
 * The rate plan document of docs/rating.md, as stored in a plan version (JSON) and as the engine
 * reads it. Money and percentages are decimal strings ("0.45", "6.25"), never numbers.
 */

import type { RoundingMode } from '@app/money';

export { ROUNDING_MODES } from '@app/money';
export type { RoundingMode } from '@app/money';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A decimal string: money (up to the currency's decimals) or a rate (up to 6 decimals). */
export type DecimalString = string;

export interface Tax {
  name: string;
  ratePercent: DecimalString;
}

export interface DialPlan {
  /** ISO 3166-1 alpha-2, the country calls are dialed from ("US"). */
  country: string;
  /** The outside-line prefix dialed before the number ("9"), removed once when present. */
  accessCode?: string;
  /**
   * The home area code ("303"), for a country of the North American Numbering Plan: a local call
   * dialed as 7 digits (first digit 2-9) gets it in front.
   */
  areaCode?: string;
}

/** The fields that price a call; a time band may override any of them. */
export interface RateFields {
  connectFee?: DecimalString;
  perMinute?: DecimalString;
  firstIncrementSeconds?: number;
  incrementSeconds?: number;
  minimumCharge?: DecimalString;
  maximumCharge?: DecimalString;
}

/** The fields of RateFields, in the order a rate table's columns list them. */
export const RATE_FIELDS = [
  'connectFee',
  'perMinute',
  'firstIncrementSeconds',
  'incrementSeconds',
  'minimumCharge',
  'maximumCharge',
] as const satisfies readonly (keyof RateFields)[];

export interface TimeBand extends RateFields {
  /** Days the band applies on, in the plan's time zone. */
  days: Weekday[];
  /** `HH:MM`, inclusive. */
  from: string;
  /** `HH:MM`, exclusive; `24:00` is the end of the day. */
  to: string;
}

export interface Rate extends RateFields {
  /** Emergency, toll-free: no charge, whatever the other fields say. */
  free?: boolean;
  timeBands?: TimeBand[];
}

export interface Destination {
  /** Leading digits of the normalised number; `""` matches every number. */
  prefix: string;
  /** A key of `rates`. */
  class: string;
}

export interface ExtensionRange {
  from: string;
  to: string;
}

export type BillingAccountRule =
  | { by: 'extension'; ranges: ExtensionRange[]; prefix?: string }
  | { by: 'accountCode'; pattern?: string };

export interface LedesSettings {
  /** The firm's tax id (letters, digits and `-`), LEDES LAW_FIRM_ID. */
  lawFirmId?: string;
  /** LEDES INVOICE_DESCRIPTION; default `Telephone charges`. */
  invoiceDescription?: string;
}

interface PlanCommon {
  name: string;
  /** ISO 4217. */
  currency: string;
  /** Default `half-up`. */
  rounding?: RoundingMode;
  taxes?: Tax[];
  ledes?: LedesSettings;
}

export interface PerCallPlan extends PlanCommon {
  kind: 'per-call';
  /** IANA zone: time bands and local dates. */
  timezone: string;
  dialPlan?: DialPlan;
  gracePeriodSeconds?: number;
  markupPercent?: DecimalString;
  billingAccount: BillingAccountRule;
  destinations: Destination[];
  rates: Record<string, Rate>;
}

export interface SummaryRate {
  perCall?: DecimalString;
  perMinute?: DecimalString;
  incrementSeconds?: number;
}

export interface AccountOverride extends SummaryRate {
  accountCode: string;
}

export interface AccountSummaryPlan extends PlanCommon {
  kind: 'account-summary';
  /** IANA zone for local dates on invoices; default UTC. */
  timezone?: string;
  billingAccount: { by: 'accountCode'; pattern?: string };
  summaryRate: SummaryRate;
  accounts?: AccountOverride[];
}

export type RatePlanDocument = PerCallPlan | AccountSummaryPlan;

/** A call record in canonical form (docs/rating.md, "The records"). */
export interface CanonicalCallRecord {
  callId: string;
  /** Epoch milliseconds. */
  startTimeMs: number;
  direction: 'outbound' | 'inbound' | 'internal';
  extension: string | null;
  dialedNumber: string | null;
  talkMs: number;
  accountCode: string | null;
}

/** One row of an account-code summary report for one period. */
export interface AccountSummaryRecord {
  accountCode: string;
  calls: number;
  totalTalkMs: number;
  /** Epoch milliseconds, `[periodStart, periodEnd)`. */
  periodStartMs: number;
  periodEndMs: number;
}
