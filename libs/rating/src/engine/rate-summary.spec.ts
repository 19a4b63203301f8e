import type { AccountSummaryPlan } from '../plan/rate-plan';
import { compilePlan } from './compile-plan';
import { firmSummaryPlan } from './fixtures/grand-hotel.plan';
import { summaryRow } from './fixtures/records';
import { rateSummary } from './rate-summary';

/**
 * The account-summary example of docs/rating.md: 0.10 per call + 0.25/min in 60 s increments;
 * account 10234-001 pays 0.15/min.
 */
describe('account-summary plans', () => {
  const firm = compilePlan(firmSummaryPlan);

  it('10234-002: 3 calls, 125 s -> 180 s billed: 0.30 + 0.75 = 1.05', () => {
    const result = rateSummary(firm, summaryRow({ accountCode: '10234-002' }));
    expect(result).toMatchObject({
      status: 'pending',
      reason: null,
      billingAccount: '10234-002',
      client: '10234',
      matter: '002',
      normalizedNumber: null,
      destinationPrefix: null,
      timeBand: null,
      calls: 3,
      talkSeconds: 125,
      billedSeconds: 180,
      charge: '1.05',
      amountMinor: 105,
      taxes: [],
      totalMinor: 105,
    });
    expect(result.rate).toEqual({
      connectFee: '0',
      perMinute: '0.25',
      firstIncrementSeconds: 0,
      incrementSeconds: 60,
      minimumCharge: null,
      maximumCharge: null,
      markupPercent: '0',
      perCall: '0.10',
    });
    expect(result.explanation).toBe(
      '3 calls x 0.10 = 0.30; 125 s talk, 180 s billed: 3 x 60 s; 0.25/min -> 0.75; ' +
        '0.30 + 0.75 = 1.05 -> 1.05 (half-up); total 1.05 USD',
    );
  });

  it('10234-001 has its own 0.15/min: 0.30 + 0.45 = 0.75', () => {
    const result = rateSummary(firm, summaryRow({ accountCode: '10234-001' }));
    expect(result).toMatchObject({ charge: '0.75', amountMinor: 75 });
    expect(result.rate).toMatchObject({ perMinute: '0.15', perCall: '0.10' });
    expect(result.explanation).toMatch(/^rates of account 10234-001: 3 calls x 0.10/);
  });

  it('the override matches the trimmed code exactly: " 10234-001 " yes, "10234-0010" no', () => {
    expect(rateSummary(firm, summaryRow({ accountCode: ' 10234-001 ' })).amountMinor).toBe(75);
    expect(rateSummary(firm, summaryRow({ accountCode: '10234-0010' })).amountMinor).toBe(105);
  });

  it.each([
    [1, 60],
    [60_000, 60],
    [60_001, 120],
    [125_000, 180],
  ])('%d ms of talk is billed as %d s', (totalTalkMs, billed) => {
    expect(rateSummary(firm, summaryRow({ totalTalkMs })).billedSeconds).toBe(billed);
  });

  it('an override may change the increment: 6 s -> 125 s billed as 126 s = 0.30 + 0.525 = 0.825 -> 0.83', () => {
    const plan = compilePlan({
      ...firmSummaryPlan,
      accounts: [{ accountCode: '10234-002', incrementSeconds: 6 }],
    });
    expect(rateSummary(plan, summaryRow())).toMatchObject({
      billedSeconds: 126,
      charge: '0.825',
      amountMinor: 83,
    });
  });

  it('an empty code: needs-review "missing-account-code", amount computed with the summary rate', () => {
    expect(rateSummary(firm, summaryRow({ accountCode: '  ' }))).toMatchObject({
      status: 'needs-review',
      reason: 'missing-account-code',
      billingAccount: null,
      amountMinor: 105,
    });
  });

  it('a code that does not match the pattern: needs-review "unknown-account-code", amount as usual', () => {
    expect(rateSummary(firm, summaryRow({ accountCode: 'ADMIN' }))).toMatchObject({
      status: 'needs-review',
      reason: 'unknown-account-code',
      billingAccount: 'ADMIN',
      amountMinor: 105,
    });
  });

  it('0 calls and 0 ms: no-charge "unanswered" (nothing to bill), even without a code', () => {
    for (const accountCode of ['10234-002', '']) {
      expect(
        rateSummary(firm, summaryRow({ accountCode, calls: 0, totalTalkMs: 0 })),
      ).toMatchObject({ status: 'no-charge', reason: 'unanswered', amountMinor: 0, taxes: [] });
    }
  });

  it('calls without talk still pay per call: 2 calls, 0 ms = 0.20', () => {
    expect(rateSummary(firm, summaryRow({ calls: 2, totalTalkMs: 0 }))).toMatchObject({
      status: 'pending',
      billedSeconds: 0,
      amountMinor: 20,
    });
  });

  it('talk time with 0 calls (an odd report) pays its minutes: 125 s -> 180 s = 0.75', () => {
    expect(rateSummary(firm, summaryRow({ calls: 0 }))).toMatchObject({
      status: 'pending',
      amountMinor: 75,
    });
  });

  it('taxes and rounding apply as for calls: 1.05 + 6.25 % = 0.065625 -> 0.07', () => {
    const plan = compilePlan({
      ...firmSummaryPlan,
      taxes: [{ name: 'Tax', ratePercent: '6.25' }],
    } satisfies AccountSummaryPlan);
    expect(rateSummary(plan, summaryRow())).toMatchObject({
      amountMinor: 105,
      taxMinor: 7,
      totalMinor: 112,
    });
  });

  it('defaults: no perCall, no perMinute, 60 s increments', () => {
    const plan = compilePlan({ ...firmSummaryPlan, summaryRate: {}, accounts: [] });
    expect(rateSummary(plan, summaryRow())).toMatchObject({
      billedSeconds: 180,
      charge: '0.00',
      amountMinor: 0,
      rate: { perCall: '0', perMinute: '0', incrementSeconds: 60 },
    });
  });

  it('a rate with 6 decimals: 0.023456/min x 180 s = 0.070368, + 0.30 = 0.370368 -> 0.37', () => {
    const plan = compilePlan({
      ...firmSummaryPlan,
      summaryRate: { perCall: '0.10', perMinute: '0.023456' },
    });
    expect(rateSummary(plan, summaryRow())).toMatchObject({ charge: '0.370368', amountMinor: 37 });
  });

  it.each([
    [{ calls: -1 }, 'calls must be an integer >= 0'],
    [{ calls: 1.5 }, 'calls must be an integer >= 0'],
    [{ totalTalkMs: -5 }, 'totalTalkMs must be a finite number of milliseconds >= 0'],
  ])('refuses a row that is not canonical: %j', (fields, message) => {
    expect(() => rateSummary(firm, summaryRow(fields))).toThrow(message);
  });

  it('the same row twice gives the same JSON', () => {
    const row = summaryRow({ accountCode: '10234-001' });
    expect(JSON.stringify(rateSummary(compilePlan(firmSummaryPlan), row))).toBe(
      JSON.stringify(rateSummary(firm, row)),
    );
  });
});
