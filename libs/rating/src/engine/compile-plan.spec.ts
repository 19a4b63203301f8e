import type { PerCallPlan, RatePlanDocument } from '../plan/rate-plan';
import { compilePlan } from './compile-plan';
import { InvalidPlanError } from './errors';
import { firmSummaryPlan, grandHotelPlan } from './fixtures/grand-hotel.plan';

/** Plans are validated before they are stored; the engine still refuses what it cannot rate. */
describe('compilePlan', () => {
  it('compiles the example plans of docs/rating.md', () => {
    expect(compilePlan(grandHotelPlan).kind).toBe('per-call');
    expect(compilePlan(firmSummaryPlan).kind).toBe('account-summary');
  });

  it('does not change the plan it is given', () => {
    const copy = structuredClone(grandHotelPlan);
    compilePlan(grandHotelPlan);
    expect(grandHotelPlan).toEqual(copy);
  });

  const broken = (change: (plan: PerCallPlan) => unknown): RatePlanDocument => {
    const plan = structuredClone(grandHotelPlan);
    change(plan);
    return plan;
  };

  it.each([
    [
      'a money number instead of a string',
      broken((p) => ((p.rates.uk as { perMinute: unknown }).perMinute = 1.2)),
      'rates.uk.perMinute: must be a decimal string, got 1.2',
    ],
    [
      'a money string that is not a decimal',
      broken((p) => (p.rates.uk.connectFee = '1e3')),
      'rates.uk.connectFee: "1e3" is not a decimal string',
    ],
    [
      'a negative fee',
      broken((p) => (p.rates.uk.connectFee = '-1.00')),
      'rates.uk.connectFee: must be at least 0',
    ],
    [
      'a band field that is not a decimal',
      broken((p) => (p.rates['long-distance'].timeBands![0].perMinute = 'cheap')),
      'rates.long-distance.timeBands.0.perMinute: "cheap" is not a decimal string',
    ],
    [
      'an increment of 0',
      broken((p) => (p.rates.uk.incrementSeconds = 0)),
      'rates.uk.incrementSeconds: must be an integer >= 1, got 0',
    ],
    [
      'a fractional first increment',
      broken((p) => (p.rates.uk.firstIncrementSeconds = 1.5)),
      'rates.uk.firstIncrementSeconds: must be an integer >= 0, got 1.5',
    ],
    [
      'a band that ends before it starts',
      broken((p) => (p.rates['long-distance'].timeBands![0].to = '00:00')),
      'rates.long-distance.timeBands.0.to: must be after from (00:00)',
    ],
    [
      'a band time that is not HH:MM',
      broken((p) => (p.rates['long-distance'].timeBands![0].from = '7:00')),
      'rates.long-distance.timeBands.0.from: "7:00" is not a time HH:MM',
    ],
    [
      'a band day that does not exist',
      broken((p) => (p.rates['long-distance'].timeBands![0].days = ['sat', 'Sunday' as 'sun'])),
      'rates.long-distance.timeBands.0.days.1: "Sunday" is not mon..sun',
    ],
    [
      'a prefix with punctuation',
      broken((p) => (p.destinations[1].prefix = '1-800')),
      'destinations.1.prefix: must be a string of digits ("" matches all)',
    ],
    [
      'the same prefix twice',
      broken((p) => p.destinations.push({ prefix: '44', class: 'uk' })),
      'destinations.6.prefix: "44" appears twice',
    ],
    [
      'an unknown currency',
      broken((p) => (p.currency = 'XYZ')),
      'currency: "XYZ" is not an ISO 4217 code',
    ],
    [
      'an unknown rounding mode',
      broken((p) => (p.rounding = 'bankers' as 'half-even')),
      'rounding: must be one of half-up, half-even, up',
    ],
    [
      'an unknown time zone',
      broken((p) => (p.timezone = 'Mountain Time')),
      'timezone: "Mountain Time" is not an IANA time zone',
    ],
    [
      'a markup below -100 %',
      broken((p) => (p.markupPercent = '-150')),
      'markupPercent: must be at least -100',
    ],
    [
      'a tax rate that is a number',
      broken((p) => ((p.taxes![0] as { ratePercent: unknown }).ratePercent = 6.25)),
      'taxes.0.ratePercent: must be a decimal string, got 6.25',
    ],
    [
      'a pattern that does not compile',
      broken((p) => (p.billingAccount = { by: 'accountCode', pattern: '(?<client>' })),
      'billingAccount.pattern: does not compile',
    ],
    [
      'a grace period that is negative',
      broken((p) => (p.gracePeriodSeconds = -1)),
      'gracePeriodSeconds: must be an integer >= 0, got -1',
    ],
    [
      'an unknown kind',
      { ...grandHotelPlan, kind: 'flat' } as unknown as RatePlanDocument,
      'kind: must be "per-call" or "account-summary"',
    ],
  ])('refuses %s, naming the path', (_what, plan, message) => {
    expect(() => compilePlan(plan)).toThrow(InvalidPlanError);
    expect(() => compilePlan(plan)).toThrow(`Rate plan cannot be compiled: ${message}`);
  });

  it('refuses an account listed twice in an account-summary plan', () => {
    expect(() =>
      compilePlan({
        ...firmSummaryPlan,
        accounts: [
          { accountCode: '10234-001', perMinute: '0.15' },
          { accountCode: ' 10234-001', perMinute: '0.20' },
        ],
      }),
    ).toThrow('accounts.1.accountCode: "10234-001" appears twice');
  });

  it('refuses an override whose own field is bad, naming the override', () => {
    expect(() =>
      compilePlan({ ...firmSummaryPlan, accounts: [{ accountCode: 'A', perMinute: 'x' }] }),
    ).toThrow('accounts.0.perMinute: "x" is not a decimal string');
  });

  it('a class without a rate is not an error here: its calls are needs-review "no-rate"', () => {
    expect(() =>
      compilePlan({ ...grandHotelPlan, destinations: [{ prefix: '', class: 'nowhere' }] }),
    ).not.toThrow();
  });

  it('a class named like an Object property is only a name', () => {
    const plan = compilePlan({
      ...grandHotelPlan,
      destinations: [{ prefix: '', class: 'constructor' }],
    });
    expect(plan.kind === 'per-call' && plan.rates.has('constructor')).toBe(false);
  });
});
