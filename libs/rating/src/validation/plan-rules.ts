import { currencyExponent, isIsoCurrency } from '../money/currency';
import { accountPatternProblem, compileAccountPattern } from './account-pattern.validator';
import { currencyDecimalsProblem, isDecimalString } from './decimal-string.validator';
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

/** Fees are money: no more decimals than the currency's minor unit (rating.md, Money). */
function feeDecimals(plan: JsonObject, problems: Problem[]): void {
  const currency = plan.currency;
  // An invalid currency has its own error; fees are judged once it is known.
  if (typeof currency !== 'string' || !isIsoCurrency(currency) || !isJsonObject(plan.rates)) {
    return;
  }
  const exponent = currencyExponent(currency);
  const check = (fields: JsonObject, path: PathSegment[]): void => {
    for (const field of FEE_FIELDS) {
      const amount = fields[field];
      if (!isDecimalString(amount)) continue;
      const message = currencyDecimalsProblem(amount, currency, exponent);
      if (message !== undefined) problems.push({ path: [...path, field], message });
    }
  };
  for (const [name, rate] of Object.entries(plan.rates)) {
    if (!isJsonObject(rate)) continue;
    check(rate, ['rates', name]);
    for (const [band, index] of objects(rate.timeBands)) {
      check(band, ['rates', name, 'timeBands', index]);
    }
  }
}

/** rating.md step 3 makes a call of an unrated class `needs-review`: a plan must not. */
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
