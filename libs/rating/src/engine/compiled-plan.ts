import type { RoundingMode } from '../plan/rate-plan';
import type { RatioFormatter } from '../money/ratio-format';
import type { AccountCodes, BillingAccounts } from './billing-account';
import type { DestinationTrie } from './destination-trie';
import type { DialedNumberNormalizer } from './normalize-number';
import type { RateUsed } from './rating-result';
import type { ParsedBand } from './time-bands';
import type { ZoneClock } from './zone-clock';

/**
 * The rate fields in force for a class (or a class inside one of its bands), as integer
 * numerators over the plan's `chargeDenominator`: charge = connect + usagePerSecond * billed.
 */
export interface PricedRate {
  free: boolean;
  used: RateUsed;
  bandLabel: string | null;
  firstIncrementSeconds: number;
  incrementSeconds: number;
  connect: bigint;
  /** perMinute / 60 * (1 + markup / 100). */
  usagePerSecond: bigint;
  /** perMinute / 60, before markup: for the explanation. */
  listUsagePerSecond: bigint;
  minimum: bigint | null;
  maximum: bigint | null;
}

export interface ClassRate {
  base: PricedRate;
  bands: { band: ParsedBand; rate: PricedRate }[];
}

export interface CompiledTax {
  name: string;
  ratePercent: string;
  /** ratePercent = units / 10^scale; tax = amount * units / (100 * 10^scale). */
  units: bigint;
  scale: number;
  denominator: bigint;
}

interface CompiledCommon {
  name: string;
  currency: string;
  /** Decimals of the currency's minor unit (ISO 4217). */
  exponent: number;
  /** 10^exponent. */
  minorFactor: bigint;
  rounding: RoundingMode;
  taxes: CompiledTax[];
  /** Exact charges are `numerator / chargeDenominator`. */
  chargeDenominator: bigint;
  chargeFormatter: RatioFormatter;
  /** "0.00" (USD), "0" (JPY), "0.000" (BHD). */
  zeroCharge: string;
}

export interface CompiledPerCallPlan extends CompiledCommon {
  kind: 'per-call';
  clock: ZoneClock;
  normalizer: DialedNumberNormalizer;
  gracePeriodSeconds: number;
  markupPercent: string;
  hasMarkup: boolean;
  billing: BillingAccounts;
  destinations: DestinationTrie;
  rates: ReadonlyMap<string, ClassRate>;
}

/** An account-summary price: charge = perCall * calls + perSecond * billed. */
export interface SummaryPrice {
  used: RateUsed;
  /** The account whose override this is; null for the plan's summaryRate. */
  account: string | null;
  incrementSeconds: number;
  perCall: bigint;
  perSecond: bigint;
}

export interface CompiledSummaryPlan extends CompiledCommon {
  kind: 'account-summary';
  billing: AccountCodes;
  summaryRate: SummaryPrice;
  accounts: ReadonlyMap<string, SummaryPrice>;
}

/** A plan prepared once for rating many records: see compilePlan. */
export type CompiledPlan = CompiledPerCallPlan | CompiledSummaryPlan;
