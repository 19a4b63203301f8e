import type { Destination, RoundingMode } from '../plan/rate-plan';
import type { RatioFormatter } from '@app/money';
import type { AccountCodes, BillingAccounts } from './billing-account';
import type { DestinationTrie } from './destination-trie';
import type { DialedNumberNormalizer } from './normalize-number';
import type { RateUsed, TaxAmount } from './rating-result';
import type { ParsedBand } from './time-bands';
import type { ZoneClock } from './zone-clock';

/**
 * The rate fields in force for a class (or a class inside one of its bands), as integer
 * numerators over the plan's `chargeDenominator`: charge = connect + usagePerSecond * billed.
 */
export interface PricedRate {
  free: boolean;
  /** Frozen: every result priced by this rate shares it (decision 0007, "Results"). */
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
  /**
   * Everything step 5 gives for a number of billed seconds, filled in as calls come: the charge
   * depends only on the rate and the billed seconds, so each (rate, billed) is priced once per
   * compiled plan. Bounded; dropped whole when full.
   */
  pricings: Map<number, CallPricing>;
  /** Per local minute of the week, the band part of the explanation (bands only). */
  bandNotes: (string | undefined)[];
}

/** Step 5 for one (rate, billed seconds), with the explanation around the talk and start time. */
export interface CallPricing {
  billedSeconds: number;
  /** The exact charge, written out. */
  charge: string;
  amountMinor: number;
  /** Frozen, shared by every result with this pricing. */
  taxes: TaxAmount[];
  taxMinor: number;
  totalMinor: number;
  /** `66 s billed: 60 s first increment + 1 x 6 s; 0.45/min`: after `61 s talk, `. */
  head: string;
  /** ` -> 0.495; + 1.00 connect = 1.495 -> 1.50 (half-up); …; total 1.59 USD`: after the band. */
  tail: string;
}

/**
 * Steps 2 and 3 for one dialed value as recorded: they depend only on the value and the plan, so
 * each value is routed once per compiled plan (decision 0007, "Speed").
 */
export interface Route {
  normalizedNumber: string | null;
  destination: Destination | null;
  /**
   * What stops the rating before a rate is found (`feature-code`, `unroutable-number`,
   * `no-rate`); null when the route has a rate.
   */
  problem: RouteProblem | null;
  /** undefined when there is a problem. */
  classRate: ClassRate | undefined;
  /** The explanation of a problem, or of a free destination's `no-charge` line. */
  explanation: string;
}

export type RouteProblem = 'feature-code' | 'unroutable-number' | 'no-rate';

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
  /** Dialed value as recorded -> its route; bounded, dropped whole when full. */
  routes: Map<string, Route>;
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
