import { currencyExponent, isIsoCurrency } from '@app/money';
import { compareDecimals, decimalTextProblem } from '@app/money';
import { accountPatternProblem, compileAccountPattern } from './account-pattern.validator';
import { feeString } from './decimal-string.validator';
import { FEE_FIELDS } from './dto/rate.dto';
import { dialCountry, isNanpCountry } from './plan-fields.validator';
import { isJsonObject, type JsonObject, type JsonValue } from './json-value';
import type { PathSegment, Problem } from './problem';

/**
 * Rules that relate fields to one another (across DTOs, which class-validator sees one at a
 * time). Each looks only at values whose own checks pass, so that one mistake is one error.
 */
export function planRules(plan: JsonObject): Problem[] {
  const problems: Problem[] = [];
  uniqueNames(plan.taxes, ['taxes'], 'name', 'tax name', problems, isNonBlank);
  if (plan.kind === 'per-call') {
    areaCodeWithNanpCountry(plan, problems);
    feeDecimals(plan, problems);
    minimumNotAboveMaximum(plan, problems);
    uniqueNames(plan.destinations, ['destinations'], 'prefix', 'prefix', problems, isPrefix);
    destinationClassesRated(plan, problems);
  } else if (plan.kind === 'account-summary') {
    uniqueNames(plan.accounts, ['accounts'], 'accountCode', 'account code', problems, isNonBlank);
    accountCodesMatchPattern(plan, problems);
  }
  return problems;
}

const isNonBlank = (name: string): boolean => name.trim() !== '';
const isPrefix = (prefix: string): boolean => /^\d*$/.test(prefix);

function objects(value: JsonValue | undefined): [JsonObject, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [JsonObject, number][] =>
    isJsonObject(item) ? [[item, index]] : [],
  );
}

/** Several entries with one name: each after the first is the error, naming the first. */
function uniqueNames(
  list: JsonValue | undefined,
  path: PathSegment[],
  field: string,
  what: string,
  problems: Problem[],
  isValid: (name: string) => boolean,
): void {
  const first = new Map<string, number>();
  for (const [item, index] of objects(list)) {
    const name = item[field];
    if (typeof name !== 'string' || !isValid(name)) continue;
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, index);
    else {
      problems.push({
        path: [...path, index, field],
        message: `duplicate ${what} "${name}" (first at ${[...path, earlier].join('.')})`,
      });
    }
  }
}

/** 7-digit local dialing is a North American habit: an area code elsewhere is a mistake. */
function areaCodeWithNanpCountry(plan: JsonObject, problems: Problem[]): void {
  const dialPlan = plan.dialPlan;
  if (!isJsonObject(dialPlan) || typeof dialPlan.areaCode !== 'string') return;
  const country = dialPlan.country;
  if (typeof country !== 'string' || dialCountry(country, dialPlan) !== undefined) return;
  if (!isNanpCountry(country)) {
    problems.push({
      path: ['dialPlan', 'areaCode'],
      message: `is only for a country of the North American Numbering Plan (calling code 1), not ${country}`,
    });
  }
}

/** A plan's currency, once its own checks pass; undefined while it has an error of its own. */
function knownCurrency(plan: JsonObject): string | undefined {
  const currency = plan.currency;
  return typeof currency === 'string' && isIsoCurrency(currency) ? currency : undefined;
}

/** A fee that passed its own check and fits the plan's currency, else undefined. */
function validFee(fields: JsonObject, field: string, currency: string): string | undefined {
  const amount = fields[field];
  if (feeString(amount, {}) !== undefined) return undefined;
  const decimals = currencyExponent(currency);
  return decimalTextProblem(amount, { decimals }) === undefined ? (amount as string) : undefined;
}

/** Each rate class and each of its time bands, with their paths. */
function rateEntries(plan: JsonObject): [JsonObject, PathSegment[], JsonObject | null][] {
  if (!isJsonObject(plan.rates)) return [];
  const entries: [JsonObject, PathSegment[], JsonObject | null][] = [];
  for (const [name, rate] of Object.entries(plan.rates)) {
    if (!isJsonObject(rate)) continue;
    entries.push([rate, ['rates', name], null]);
    for (const [band, index] of objects(rate.timeBands)) {
      entries.push([band, ['rates', name, 'timeBands', index], rate]);
    }
  }
  return entries;
}

/** Fees are money: no more decimals than the currency's minor unit (docs/rating.md, "Money"). */
function feeDecimals(plan: JsonObject, problems: Problem[]): void {
  // An invalid currency has its own error; fees are judged once it is known.
  const currency = knownCurrency(plan);
  if (currency === undefined) return;
  const decimals = currencyExponent(currency);
  for (const [fields, path] of rateEntries(plan)) {
    for (const field of FEE_FIELDS) {
      const amount = fields[field];
      // A fee that fails its own check has its error already.
      if (feeString(amount, {}) !== undefined) continue;
      const message = decimalTextProblem(amount, { decimals, currency });
      if (message !== undefined) problems.push({ path: [...path, field], message });
    }
  }
}

/**
 * A minimum above the maximum is a typo (decision 0008): the engine would charge the maximum
 * for every call. A band's fields replace its class's one by one, so a band is judged with the
 * class's minimum or maximum where it sets only the other; the error names the field the entry
 * sets, the minimum when it sets both. A band that sets neither is its class's case.
 */
function minimumNotAboveMaximum(plan: JsonObject, problems: Problem[]): void {
  const currency = knownCurrency(plan);
  if (currency === undefined) return;
  for (const [fields, path, rate] of rateEntries(plan)) {
    const own = (field: string) => validFee(fields, field, currency);
    // A band's field that is absent is its class's; one that is present but wrong has its error.
    const inherited = (field: string) =>
      rate !== null && !(field in fields) ? validFee(rate, field, currency) : undefined;
    const ownMinimum = own('minimumCharge');
    const ownMaximum = own('maximumCharge');
    if (ownMinimum === undefined && ownMaximum === undefined) continue;
    const minimum = ownMinimum ?? inherited('minimumCharge');
    const maximum = ownMaximum ?? inherited('maximumCharge');
    if (minimum === undefined || maximum === undefined) continue;
    if (compareDecimals(minimum, maximum) <= 0) continue;
    if (ownMinimum !== undefined) {
      const whose = ownMaximum === undefined ? "the class's " : '';
      problems.push({
        path: [...path, 'minimumCharge'],
        message: `is larger than ${whose}maximumCharge (${maximum})`,
      });
    } else {
      problems.push({
        path: [...path, 'maximumCharge'],
        message: `is less than the class's minimumCharge (${minimum})`,
      });
    }
  }
}

/** docs/rating.md, step 3 makes a call of an unrated class `needs-review`: a plan must not. */
function destinationClassesRated(plan: JsonObject, problems: Problem[]): void {
  const rates = plan.rates;
  if (!isJsonObject(rates)) return;
  const missing = new Set<string>();
  for (const [destination] of objects(plan.destinations)) {
    const name = destination.class;
    if (typeof name === 'string' && name.trim() !== '' && !Object.hasOwn(rates, name)) {
      missing.add(name);
    }
  }
  if (missing.size > 0) {
    problems.push({
      path: ['destinations'],
      message: `classes missing from rates: ${[...missing].join(', ')}`,
    });
  }
}

/** An override for a code the pattern refuses could never apply: surely a typo. */
function accountCodesMatchPattern(plan: JsonObject, problems: Problem[]): void {
  const rule = plan.billingAccount;
  if (!isJsonObject(rule) || typeof rule.pattern !== 'string') return;
  if (accountPatternProblem(rule.pattern) !== undefined) return;
  const pattern = compileAccountPattern(rule.pattern);
  for (const [account, index] of objects(plan.accounts)) {
    const code = account.accountCode;
    if (typeof code === 'string' && code.trim() === code && code !== '' && !pattern.test(code)) {
      problems.push({
        path: ['accounts', index, 'accountCode'],
        message: 'does not match billingAccount.pattern',
      });
    }
  }
}
