import { currencyExponent, isIsoCurrency } from '@app/money';
import { parseDecimal, pow10 } from '@app/money';
import type { ExactDecimal } from '@app/money';
import { RatioFormatter } from '@app/money';
import { RATE_FIELDS, ROUNDING_MODES } from '../plan/rate-plan';
import type {
  AccountSummaryPlan,
  PerCallPlan,
  Rate,
  RateFields,
  RatePlanDocument,
  RoundingMode,
  SummaryRate,
  Tax,
} from '../plan/rate-plan';
import { AccountCodes, compileBillingAccount } from './billing-account';
import type {
  ClassRate,
  CompiledPerCallPlan,
  CompiledPlan,
  CompiledSummaryPlan,
  CompiledTax,
  PricedRate,
  SummaryPrice,
} from './compiled-plan';
import { DestinationTrie } from './destination-trie';
import { InvalidPlanError } from './errors';
import { DialedNumberNormalizer } from './normalize-number';
import { parseBand } from './time-bands';
import type { ParsedBand } from './time-bands';
import { ZoneClock } from './zone-clock';

/**
 * Prepares a validated plan for rating: decimals read exactly once, destinations in a trie,
 * bands in minutes, the account-code pattern compiled. Throws InvalidPlanError, naming the JSON
 * path, for anything the engine cannot rate with (validation should have refused it first).
 */
export function compilePlan(plan: RatePlanDocument): CompiledPlan {
  if (plan === null || typeof plan !== 'object')
    throw new InvalidPlanError('', 'must be an object');
  switch (plan.kind) {
    case 'per-call':
      return compilePerCall(plan);
    case 'account-summary':
      return compileSummary(plan);
    default:
      throw new InvalidPlanError('kind', 'must be "per-call" or "account-summary"');
  }
}

function decimal(value: unknown, path: string, minimum = 0n): ExactDecimal {
  if (typeof value !== 'string') {
    throw new InvalidPlanError(path, `must be a decimal string, got ${JSON.stringify(value)}`);
  }
  let parsed: ExactDecimal;
  try {
    parsed = parseDecimal(value);
  } catch {
    throw new InvalidPlanError(path, `${JSON.stringify(value)} is not a decimal string`);
  }
  if (parsed.units < minimum * pow10(parsed.scale)) {
    throw new InvalidPlanError(path, `must be at least ${minimum}`);
  }
  return parsed;
}

const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

function integer(value: unknown, path: string, minimum: number, fallback: number): number {
  if (absent(value)) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw new InvalidPlanError(
      path,
      `must be an integer >= ${minimum}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Scales `value` (units / 10^scale) to `target` decimals: the units at that scale. */
function atScale(value: ExactDecimal, target: number): bigint {
  return value.units * pow10(target - value.scale);
}

function common(plan: RatePlanDocument) {
  if (typeof plan.currency !== 'string' || !isIsoCurrency(plan.currency)) {
    throw new InvalidPlanError(
      'currency',
      `${JSON.stringify(plan.currency)} is not an ISO 4217 code`,
    );
  }
  const rounding: RoundingMode = plan.rounding ?? 'half-up';
  if (!ROUNDING_MODES.includes(rounding)) {
    throw new InvalidPlanError('rounding', `must be one of ${ROUNDING_MODES.join(', ')}`);
  }
  const exponent = currencyExponent(plan.currency);
  return {
    name: plan.name,
    currency: plan.currency,
    exponent,
    minorFactor: pow10(exponent),
    zeroCharge: exponent > 0 ? `0.${'0'.repeat(exponent)}` : '0',
    rounding,
    taxes: compileTaxes(plan.taxes),
  };
}

function compileTaxes(taxes: Tax[] | undefined): CompiledTax[] {
  if (absent(taxes)) return [];
  if (!Array.isArray(taxes)) throw new InvalidPlanError('taxes', 'must be a list');
  return taxes.map((tax, index) => {
    if (typeof tax?.name !== 'string') {
      throw new InvalidPlanError(`taxes.${index}.name`, 'must be a string');
    }
    const rate = decimal(tax.ratePercent, `taxes.${index}.ratePercent`);
    return {
      name: tax.name,
      ratePercent: tax.ratePercent,
      units: rate.units,
      scale: rate.scale,
      denominator: 100n * pow10(rate.scale),
    };
  });
}

/** A class's fields with a band's fields laid over them (docs/rating.md, step 4). */
interface MergedRate {
  path: string;
  fields: RateFields;
  free: boolean;
  band: ParsedBand | null;
}

interface ParsedRate {
  merged: MergedRate;
  connect: ExactDecimal | null;
  perMinute: ExactDecimal | null;
  minimum: ExactDecimal | null;
  maximum: ExactDecimal | null;
  first: number;
  increment: number;
}

function parseRate(merged: MergedRate): ParsedRate {
  const { fields, path } = merged;
  const money = (field: 'connectFee' | 'perMinute' | 'minimumCharge' | 'maximumCharge') =>
    absent(fields[field]) ? null : decimal(fields[field], `${path}.${field}`);
  return {
    merged,
    connect: money('connectFee'),
    perMinute: money('perMinute'),
    minimum: money('minimumCharge'),
    maximum: money('maximumCharge'),
    first: integer(fields.firstIncrementSeconds, `${path}.firstIncrementSeconds`, 0, 0),
    increment: integer(fields.incrementSeconds, `${path}.incrementSeconds`, 1, 60),
  };
}

function mergedRates(className: string, rate: Rate): MergedRate[] {
  const path = `rates.${className}`;
  if (rate === null || typeof rate !== 'object')
    throw new InvalidPlanError(path, 'must be an object');
  const free = rate.free === true;
  const base: MergedRate = { path, fields: rate, free, band: null };
  if (absent(rate.timeBands)) return [base];
  if (!Array.isArray(rate.timeBands))
    throw new InvalidPlanError(`${path}.timeBands`, 'must be a list');
  const bands = rate.timeBands.map((band, index): MergedRate => {
    const bandPath = `${path}.timeBands.${index}`;
    const fields: RateFields = { ...rate };
    for (const field of RATE_FIELDS) {
      if (!absent(band[field])) (fields as Record<string, unknown>)[field] = band[field];
    }
    return { path: bandPath, fields, free, band: parseBand(band, bandPath) };
  });
  return [base, ...bands];
}

function compilePerCall(plan: PerCallPlan): CompiledPerCallPlan {
  const shared = common(plan);
  const clock = new ZoneClock(plan.timezone);
  const normalizer = new DialedNumberNormalizer(plan.dialPlan ?? undefined);
  const gracePeriodSeconds = integer(plan.gracePeriodSeconds, 'gracePeriodSeconds', 0, 0);
  const markupPercent = plan.markupPercent ?? '0';
  // A markup below -100 % would make usage negative.
  const markup = decimal(markupPercent, 'markupPercent', -100n);
  const billing = compileBillingAccount(plan.billingAccount);

  const destinations = new DestinationTrie();
  if (!Array.isArray(plan.destinations))
    throw new InvalidPlanError('destinations', 'must be a list');
  const prefixes = new Set<string>();
  plan.destinations.forEach((destination, index) => {
    const path = `destinations.${index}`;
    if (typeof destination?.prefix !== 'string' || !/^\d*$/.test(destination.prefix)) {
      throw new InvalidPlanError(`${path}.prefix`, 'must be a string of digits ("" matches all)');
    }
    if (typeof destination.class !== 'string') {
      throw new InvalidPlanError(`${path}.class`, 'must be a string');
    }
    if (prefixes.has(destination.prefix)) {
      throw new InvalidPlanError(`${path}.prefix`, `"${destination.prefix}" appears twice`);
    }
    prefixes.add(destination.prefix);
    destinations.add({ prefix: destination.prefix, class: destination.class });
  });

  if (plan.rates === null || typeof plan.rates !== 'object') {
    throw new InvalidPlanError('rates', 'must be an object');
  }
  const parsedByClass = Object.keys(plan.rates).map((className) => ({
    className,
    parsed: mergedRates(className, plan.rates[className]).map(parseRate),
  }));

  // One denominator for every charge of the plan: 6000 = 60 s/min * 100 (markup percent).
  let scale = 0;
  for (const { parsed } of parsedByClass) {
    for (const rate of parsed) {
      scale = Math.max(
        scale,
        (rate.perMinute?.scale ?? 0) + markup.scale,
        rate.connect?.scale ?? 0,
        rate.minimum?.scale ?? 0,
        rate.maximum?.scale ?? 0,
      );
    }
  }
  const chargeDenominator = 6000n * pow10(scale);
  const markupFactor = 100n * pow10(markup.scale) + markup.units;
  const money = (value: ExactDecimal | null): bigint | null =>
    value === null ? null : 6000n * atScale(value, scale);

  const priced = (rate: ParsedRate): PricedRate => {
    const { fields, free, band } = rate.merged;
    const perMinute = rate.perMinute ?? { units: 0n, scale: 0 };
    return {
      free,
      // Frozen and shared by the results it prices: copying it per call cost a fifth of the
      // rating time, and a frozen object cannot be changed by one caller under another's feet.
      used: Object.freeze({
        connectFee: fields.connectFee ?? '0',
        perMinute: fields.perMinute ?? '0',
        firstIncrementSeconds: rate.first,
        incrementSeconds: rate.increment,
        minimumCharge: fields.minimumCharge ?? null,
        maximumCharge: fields.maximumCharge ?? null,
        markupPercent,
      }),
      bandLabel: band?.label ?? null,
      firstIncrementSeconds: rate.first,
      incrementSeconds: rate.increment,
      connect: money(rate.connect) ?? 0n,
      usagePerSecond:
        perMinute.units * pow10(scale - perMinute.scale - markup.scale) * markupFactor,
      listUsagePerSecond: perMinute.units * 100n * pow10(scale - perMinute.scale),
      minimum: money(rate.minimum),
      maximum: money(rate.maximum),
      pricings: new Map(),
      // Filled per local minute of the week (7 * 1440) as calls come; only a band's are used.
      bandNotes: band === null ? [] : new Array<string | undefined>(7 * 1440),
    };
  };

  const rates = new Map<string, ClassRate>();
  for (const { className, parsed } of parsedByClass) {
    const [base, ...bands] = parsed;
    rates.set(className, {
      base: priced(base),
      bands: bands.map((rate) => ({ band: rate.merged.band as ParsedBand, rate: priced(rate) })),
    });
  }

  return {
    kind: 'per-call',
    ...shared,
    chargeDenominator,
    chargeFormatter: new RatioFormatter(chargeDenominator),
    clock,
    normalizer,
    gracePeriodSeconds,
    markupPercent,
    hasMarkup: markup.units !== 0n,
    billing,
    destinations,
    rates,
    routes: new Map(),
  };
}

function compileSummary(plan: AccountSummaryPlan): CompiledSummaryPlan {
  const shared = common(plan);
  if (plan.billingAccount?.by !== 'accountCode') {
    throw new InvalidPlanError(
      'billingAccount.by',
      'must be "accountCode" for an account-summary plan',
    );
  }
  const billing = new AccountCodes(plan.billingAccount.pattern);
  if (plan.summaryRate === null || typeof plan.summaryRate !== 'object') {
    throw new InvalidPlanError('summaryRate', 'must be an object');
  }
  const accounts = plan.accounts ?? [];
  if (!Array.isArray(accounts)) throw new InvalidPlanError('accounts', 'must be a list');

  interface ParsedSummary {
    account: string | null;
    perCallText: string;
    perMinuteText: string;
    perCall: ExactDecimal;
    perMinute: ExactDecimal;
    increment: number;
  }
  const parse = (rate: SummaryRate, path: string, account: string | null): ParsedSummary => {
    // Per-account overrides replace the summary rate's fields one by one.
    const perCallText = rate.perCall ?? plan.summaryRate.perCall ?? '0';
    const perMinuteText = rate.perMinute ?? plan.summaryRate.perMinute ?? '0';
    const field = (name: keyof SummaryRate) =>
      rate === plan.summaryRate || !absent(rate[name]) ? `${path}.${name}` : `summaryRate.${name}`;
    return {
      account,
      perCallText,
      perMinuteText,
      perCall: decimal(perCallText, field('perCall')),
      perMinute: decimal(perMinuteText, field('perMinute')),
      increment: integer(
        rate.incrementSeconds ?? plan.summaryRate.incrementSeconds,
        field('incrementSeconds'),
        1,
        60,
      ),
    };
  };
  const parsed = [parse(plan.summaryRate, 'summaryRate', null)];
  const seen = new Set<string>();
  accounts.forEach((override, index) => {
    const path = `accounts.${index}`;
    const code = typeof override?.accountCode === 'string' ? override.accountCode.trim() : '';
    if (code === '')
      throw new InvalidPlanError(`${path}.accountCode`, 'must be a non-empty string');
    if (seen.has(code))
      throw new InvalidPlanError(`${path}.accountCode`, `"${code}" appears twice`);
    seen.add(code);
    parsed.push(parse(override, path, code));
  });

  const scale = Math.max(...parsed.map((p) => Math.max(p.perCall.scale, p.perMinute.scale)));
  const chargeDenominator = 60n * pow10(scale);
  const priced = (p: ParsedSummary): SummaryPrice => ({
    // Frozen and shared by the results it prices, as a per-call plan's rates.
    used: Object.freeze({
      connectFee: '0',
      perMinute: p.perMinuteText,
      firstIncrementSeconds: 0,
      incrementSeconds: p.increment,
      minimumCharge: null,
      maximumCharge: null,
      markupPercent: '0',
      perCall: p.perCallText,
    }),
    account: p.account,
    incrementSeconds: p.increment,
    perCall: 60n * atScale(p.perCall, scale),
    perSecond: atScale(p.perMinute, scale),
  });
  const [summaryRate, ...overrides] = parsed.map(priced);
  return {
    kind: 'account-summary',
    ...shared,
    chargeDenominator,
    chargeFormatter: new RatioFormatter(chargeDenominator),
    billing,
    summaryRate,
    accounts: new Map(overrides.map((price) => [price.account as string, price])),
  };
}
