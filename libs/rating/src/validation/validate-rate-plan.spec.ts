import {
  type AnyPlan,
  deepFreeze,
  hotel,
  lawFirm,
  lawFirmSummary,
  minimal,
  variant,
} from './fixtures/plans';
import { DECIMAL, INVALID_PLAN_CASES, REQUIRED, UNKNOWN, errors } from './fixtures/invalid-plans';
import { validateRatePlan } from './validate-rate-plan';

function isPlainTree(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isPlainTree);
  if (typeof value !== 'object' || value === null) return true;
  return (
    Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlainTree)
  );
}

describe('validateRatePlan: valid plans', () => {
  it.each([
    ['the hotel plan of docs/rating.md', hotel],
    ['the law firm summary plan of docs/rating.md', lawFirmSummary],
    ['a law firm per-call plan by account code with LEDES settings', lawFirm],
    ['the smallest per-call plan', minimal],
  ])('accepts %s, returning a plain copy equal to it, field for field', (_, plan) => {
    const result = validateRatePlan(plan);

    expect(result).toEqual({ ok: true, plan });
    if (!result.ok) return;
    expect(result.plan).not.toBe(plan);
    expect(isPlainTree(result.plan)).toBe(true);
    expect(JSON.stringify(result.plan)).toBe(JSON.stringify(plan));
  });

  it('fills in no defaults', () => {
    const result = validateRatePlan(minimal);

    expect(result.ok && Object.keys(result.plan)).toEqual(Object.keys(minimal));
    expect(result.ok && result.plan.kind === 'per-call' && result.plan.rates.all).toEqual({});
  });

  it('returns a copy that later changes to the input do not reach', () => {
    const input = structuredClone(hotel);
    const result = validateRatePlan(input);
    input.rates.uk.perMinute = 0.45;

    expect(result.ok && result.plan.kind === 'per-call' && result.plan.rates.uk.perMinute).toBe(
      '1.20',
    );
  });

  // Valid neighbours of the rules below: each is a plan a rule must not refuse.
  it.each<[string, AnyPlan]>([
    ['a name of 200 characters', variant(minimal, (p) => (p.name = 'n'.repeat(200)))],
    ['rounding half-even', variant(minimal, (p) => (p.rounding = 'half-even'))],
    ['rounding up', variant(minimal, (p) => (p.rounding = 'up'))],
    ['a time zone alias luxon knows', variant(minimal, (p) => (p.timezone = 'US/Mountain'))],
    ['a rate of 6 decimals', variant(minimal, (p) => (p.rates.all.perMinute = '0.023456'))],
    ['a large rate', variant(minimal, (p) => (p.rates.all.perMinute = '999999999999.99'))],
    ['leading zeros', variant(minimal, (p) => (p.rates.all.perMinute = '007.50'))],
    ['a USD fee of 2 decimals', variant(minimal, (p) => (p.rates.all.connectFee = '0.05'))],
    ['a USD fee without decimals', variant(minimal, (p) => (p.rates.all.maximumCharge = '150'))],
    [
      'a JPY fee without decimals',
      variant(minimal, (p) => ((p.currency = 'JPY'), (p.rates.all.connectFee = '100'))),
    ],
    [
      'a BHD fee of 3 decimals',
      variant(minimal, (p) => ((p.currency = 'BHD'), (p.rates.all.minimumCharge = '0.125'))),
    ],
    [
      'a minimum equal to the maximum (every call costs that)',
      variant(
        minimal,
        (p) => ((p.rates.all.minimumCharge = '5'), (p.rates.all.maximumCharge = '5.00')),
      ),
    ],
    [
      "a band that raises the class's maximum above its minimum",
      variant(hotel, (p) => {
        Object.assign(p.rates.uk, { minimumCharge: '3.00', maximumCharge: '9.00' });
        p.rates.uk.timeBands = [{ days: ['sun'], from: '00:00', to: '24:00', maximumCharge: '20' }];
      }),
    ],
    [
      "a band's minimum and maximum in order, whatever the class's",
      variant(hotel, (p) => {
        p.rates['long-distance'].maximumCharge = '1.00';
        Object.assign(p.rates['long-distance'].timeBands[0], {
          minimumCharge: '2.00',
          maximumCharge: '3.00',
        });
      }),
    ],
    ['a markup above 100 %', variant(hotel, (p) => (p.markupPercent = '150.123456'))],
    ['a markup of exactly 1,000 %', variant(hotel, (p) => (p.markupPercent = '1000.000000'))],
    [
      'a fee of exactly the ceiling',
      variant(minimal, (p) => (p.rates.all.connectFee = '1000000000.00')),
    ],
    ['a tax of exactly 100 %', variant(hotel, (p) => (p.taxes[0].ratePercent = '100.000000'))],
    ['no taxes', variant(hotel, (p) => (p.taxes = []))],
    [
      'increments at their bounds',
      variant(minimal, (p) =>
        Object.assign(p.rates.all, {
          firstIncrementSeconds: 0,
          incrementSeconds: 86400,
        }),
      ),
    ],
    ['a grace period of 0', variant(hotel, (p) => (p.gracePeriodSeconds = 0))],
    ['no dial plan', variant(hotel, (p) => delete p.dialPlan)],
    ['a dial plan without access code', variant(hotel, (p) => delete p.dialPlan.accessCode)],
    ['an access code of 4 digits', variant(hotel, (p) => (p.dialPlan.accessCode = '0011'))],
    ['an area code', variant(hotel, (p) => (p.dialPlan.areaCode = '303'))],
    [
      'an area code dialing from Canada (calling code 1)',
      variant(hotel, (p) => Object.assign(p.dialPlan, { country: 'CA', areaCode: '416' })),
    ],
    [
      'an area code dialing from Jamaica (calling code 1)',
      variant(hotel, (p) => Object.assign(p.dialPlan, { country: 'JM', areaCode: '876' })),
    ],
    [
      'extension ends equal as numbers',
      variant(hotel, (p) => {
        p.billingAccount.ranges = [{ from: '0100', to: '100' }];
      }),
    ],
    [
      'non-numeric extension ends in order',
      variant(hotel, (p) => {
        p.billingAccount.ranges = [{ from: 'A100', to: 'A199' }];
      }),
    ],
    ['an empty extension prefix', variant(hotel, (p) => (p.billingAccount.prefix = ''))],
    ['no extension prefix', variant(hotel, (p) => delete p.billingAccount.prefix)],
    [
      'a pattern without named groups',
      variant(lawFirm, (p) => (p.billingAccount.pattern = '\\d+')),
    ],
    [
      'a pattern with only client',
      variant(lawFirm, (p) => (p.billingAccount.pattern = '(?<client>\\d+)')),
    ],
    [
      'a pattern with a lookbehind',
      variant(lawFirm, (p) => (p.billingAccount.pattern = '(?<=x)\\d+')),
    ],
    [
      'a rate no destination uses',
      variant(hotel, (p) => (p.rates.satellite = { perMinute: '9.99' })),
    ],
    [
      'a class named like a method',
      variant(minimal, (p) => {
        p.destinations = [{ prefix: '', class: 'constructor' }];
        p.rates = { constructor: {}, size: {}, toString: {} };
      }),
    ],
    [
      'a band ending at 24:00',
      variant(minimal, (p) => {
        p.rates.all.timeBands = [{ days: ['sun'], from: '23:59', to: '24:00' }];
      }),
    ],
    [
      'a band of every day',
      variant(minimal, (p) => {
        p.rates.all.timeBands = [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '00:01' },
        ];
      }),
    ],
    [
      'an account-summary plan with a time zone',
      variant(lawFirmSummary, (p) => (p.timezone = 'Europe/London')),
    ],
    ['an account-summary plan without accounts', variant(lawFirmSummary, (p) => delete p.accounts)],
    [
      'an account-summary plan without pattern',
      variant(lawFirmSummary, (p) => {
        delete p.billingAccount.pattern;
        p.accounts = [{ accountCode: 'anything' }];
      }),
    ],
    [
      'LEDES settings on an account-summary plan',
      variant(lawFirmSummary, (p) => (p.ledes = lawFirm.ledes)),
    ],
    ['empty LEDES settings', variant(lawFirm, (p) => (p.ledes = {}))],
  ])('accepts %s', (_, plan) => {
    expect(validateRatePlan(plan)).toEqual({ ok: true, plan });
  });
});

describe('validateRatePlan: each rule names the field and what is wrong with it', () => {
  const cases = INVALID_PLAN_CASES;

  it.each(cases)('%s', (_, input, expected) => {
    const before = structuredClone(input);

    expect(validateRatePlan(input)).toEqual({ ok: false, errors: expected });
    expect(input).toEqual(before);
  });

  it('reports every mistake at once, in the order of the document', () => {
    const plan = variant(hotel, (p) => {
      p.currency = 'usd';
      p.taxes[0].ratePercent = 6.25;
      p.destinations[3].prefix = '+1';
      p.rates.uk.perMinute = 1.2;
      p.rates.uk.perMinuet = '1.20';
      p.rates['long-distance'].timeBands[0].to = '00:00';
      delete p.name;
    });

    expect(validateRatePlan(plan)).toEqual({
      ok: false,
      errors: errors(
        ['currency', 'must be an ISO 4217 currency code in upper case (e.g. USD)'],
        ['taxes.0.ratePercent', DECIMAL],
        ['destinations.3.prefix', 'must be digits, or "" to match every number'],
        [
          'rates.long-distance.timeBands.0.to',
          'must be after from (00:00); a band across midnight is two bands',
        ],
        ['rates.uk.perMinute', DECIMAL],
        ['rates.uk.perMinuet', UNKNOWN],
        ['name', REQUIRED],
      ),
    });
  });

  it('gives one error per path even when one field breaks two rules', () => {
    const plan = variant(hotel, (p) => {
      p.destinations[4].prefix = '1';
      p.destinations[4].class = 'satellite';
    });

    expect(validateRatePlan(plan)).toEqual({
      ok: false,
      errors: errors(
        ['destinations', 'classes missing from rates: satellite'],
        ['destinations.4.prefix', 'duplicate prefix "1" (first at destinations.3)'],
      ),
    });
  });
});

describe('validateRatePlan: the input is left alone', () => {
  it('does not write to a frozen input, valid or not', () => {
    expect(() => validateRatePlan(deepFreeze(structuredClone(hotel)))).not.toThrow();
    expect(() => validateRatePlan(variant(hotel, (p) => (p.rates.uk = 5)))).not.toThrow();
  });
});
