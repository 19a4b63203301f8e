import type { AccountSummaryRecord } from '../plan/rate-plan';
import { accountOutcome } from './billing-account';
import { ceilDiv, ceilSeconds, roundCharge, taxesOn } from './charge';
import { InvalidRecordError } from './errors';
import type { CompiledPlan } from './compiled-plan';
import { explainSummary } from './explain';
import { emptyResult } from './line-result';
import type { RatingResult } from './rating-result';

/**
 * Rates one row of an account-code summary report (docs/rating.md, "Account-code summaries"):
 * s = ceil(totalTalkMs / 1000), billed = ceil(s / i) * i,
 * charge = perCall * calls + perMinute * billed / 60, with the account's overrides.
 */
export function rateSummary(plan: CompiledPlan, record: AccountSummaryRecord): RatingResult {
  if (plan.kind !== 'account-summary') {
    throw new Error(
      `rateSummary needs an account-summary plan; "${plan.name}" is ${plan.kind}: use rateCall`,
    );
  }
  const calls = record.calls;
  if (typeof calls !== 'number' || !Number.isSafeInteger(calls) || calls < 0) {
    throw new InvalidRecordError('calls', `must be an integer >= 0, got ${calls}`);
  }
  const talkSeconds = ceilSeconds(record.totalTalkMs, 'totalTalkMs');
  const account = plan.billing.resolve(record.accountCode);
  const code = account.kind === 'missing-account-code' ? null : (record.accountCode ?? '').trim();
  const price = (code !== null ? plan.accounts.get(code) : undefined) ?? plan.summaryRate;
  const result = emptyResult(plan, talkSeconds, calls);
  result.billingAccount = code;
  if (account.kind === 'billed') {
    result.client = account.client;
    result.matter = account.matter;
  }
  result.rate = price.used;

  // Nothing happened on the account in the period: there is nothing to bill (decision 0007).
  if (calls === 0 && talkSeconds === 0) {
    result.status = 'no-charge';
    result.reason = 'unanswered';
    result.explanation = '0 calls, 0 s talk: nothing to bill, no charge';
    return result;
  }

  const billedSeconds = ceilDiv(talkSeconds, price.incrementSeconds) * price.incrementSeconds;
  const callsPart = price.perCall * BigInt(calls);
  const usagePart = price.perSecond * BigInt(billedSeconds);
  const charge = callsPart + usagePart;
  const amountMinor = roundCharge(plan, charge);
  const taxes = taxesOn(plan, amountMinor);
  let taxMinor = 0;
  for (const tax of taxes) taxMinor += tax.amountMinor;
  const totalMinor = amountMinor + taxMinor;
  const outcome = accountOutcome(account);
  result.status = outcome.status;
  result.reason = outcome.reason;
  result.billedSeconds = billedSeconds;
  result.charge = plan.chargeFormatter.format(charge, plan.exponent).text;
  result.amountMinor = amountMinor;
  result.taxes = taxes.map((tax) => ({
    name: tax.name,
    ratePercent: tax.ratePercent,
    amountMinor: tax.amountMinor,
  }));
  result.taxMinor = taxMinor;
  result.totalMinor = totalMinor;
  result.explanation = explainSummary({
    plan,
    price,
    calls,
    talkSeconds,
    billedSeconds,
    callsPart,
    usagePart,
    charge,
    amountMinor,
    taxes,
    totalMinor,
  });
  if (outcome.note !== null) result.explanation += `; ${outcome.note}`;
  return result;
}
