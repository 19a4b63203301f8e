import type { ErrorDetail } from '@app/common';
import {
  type AnyPlan,
  deepFreeze,
  hotel,
  lawFirm,
  lawFirmSummary,
  minimal,
  variant,
} from './fixtures/plans';
import { validateRatePlan } from './validate-rate-plan';

type Case = [rule: string, input: unknown, errors: ErrorDetail[]];

/** `field: message` pairs, in the order expected. */
function errors(...pairs: [string, string][]): ErrorDetail[] {
  return pairs.map(([field, message]) => ({ field, message }));
}

function bad(
  rule: string,
  base: AnyPlan,
  change: (plan: AnyPlan) => void,
  ...expected: [string, string][]
): Case {
  return [rule, variant(base, change), errors(...expected)];
}

function isPlainTree(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isPlainTree);
  if (typeof value !== 'object' || value === null) return true;
  return (
    Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlainTree)
  );
}

const DECIMAL = 'must be a decimal string';
const OBJECT = 'must be an object';
const ARRAY = 'must be an array';
const UNKNOWN = 'is not a known field';
const REQUIRED = 'is required';
const EMPTY = 'must not be empty';

describe('validateRatePlan: valid plans', () => {
  it.each([
    ['the hotel plan of rating.md', hotel],
    ['the law firm summary plan of rating.md', lawFirmSummary],
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
      'a maximum below the minimum (the engine applies the maximum last)',
      variant(
        minimal,
        (p) => ((p.rates.all.minimumCharge = '5'), (p.rates.all.maximumCharge = '1')),
      ),
    ],
    ['a markup above 100 %', variant(hotel, (p) => (p.markupPercent = '150.123456'))],
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
  const cases: Case[] = [
    // The document
    ['null', null, errors(['', 'must be a JSON object'])],
    ['an array', [hotel], errors(['', 'must be a JSON object'])],
    ['a string', JSON.stringify(hotel), errors(['', 'must be a JSON object'])],
    ['a number', 42, errors(['', 'must be a JSON object'])],
    ['undefined', undefined, errors(['', 'must be a JSON object'])],
    [
      'an empty object',
      {},
      errors(
        ['name', REQUIRED],
        ['kind', REQUIRED],
        ['currency', REQUIRED],
        ['billingAccount', REQUIRED],
      ),
    ],

    // Unknown fields, anywhere
    bad('a top-level typo', hotel, (p) => (p.gracePeriod = 30), ['gracePeriod', UNKNOWN]),
    bad('a typo in a rate', hotel, (p) => (p.rates.uk.perMinuet = '1.20'), [
      'rates.uk.perMinuet',
      UNKNOWN,
    ]),
    bad(
      'a typo in a time band',
      hotel,
      (p) => (p.rates['long-distance'].timeBands[0].perMinutes = '0.3'),
      ['rates.long-distance.timeBands.0.perMinutes', UNKNOWN],
    ),
    bad('free in a time band', hotel, (p) => (p.rates['long-distance'].timeBands[0].free = true), [
      'rates.long-distance.timeBands.0.free',
      UNKNOWN,
    ]),
    bad('a typo in a destination', hotel, (p) => (p.destinations[2].clas = 'local'), [
      'destinations.2.clas',
      UNKNOWN,
    ]),
    bad('a typo in the dial plan', hotel, (p) => (p.dialPlan.acessCode = '9'), [
      'dialPlan.acessCode',
      UNKNOWN,
    ]),
    bad('a typo in the billing account', hotel, (p) => (p.billingAccount.prefx = 'R'), [
      'billingAccount.prefx',
      UNKNOWN,
    ]),
    bad('a typo in a range', hotel, (p) => (p.billingAccount.ranges[0].too = '1999'), [
      'billingAccount.ranges.0.too',
      UNKNOWN,
    ]),
    bad('a typo in a tax', hotel, (p) => (p.taxes[0].rate = '6'), ['taxes.0.rate', UNKNOWN]),
    bad('a typo in LEDES', lawFirm, (p) => (p.ledes.lawFirmID = 'X'), ['ledes.lawFirmID', UNKNOWN]),
    bad('a typo in the summary rate', lawFirmSummary, (p) => (p.summaryRate.perCalls = '1'), [
      'summaryRate.perCalls',
      UNKNOWN,
    ]),
    bad('a typo in an account', lawFirmSummary, (p) => (p.accounts[0].perMinutes = '1'), [
      'accounts.0.perMinutes',
      UNKNOWN,
    ]),
    bad(
      'keys named like methods',
      hotel,
      (p) => Object.assign(p, { toString: 'x', hasOwnProperty: 1, valueOf: 2 }),
      ['toString', UNKNOWN],
      ['hasOwnProperty', UNKNOWN],
      ['valueOf', UNKNOWN],
    ),
    bad('a constructor key', hotel, (p) => (p.rates.uk.constructor = { x: 1 }), [
      'rates.uk.constructor',
      UNKNOWN,
    ]),

    // name, kind, currency, timezone, rounding
    bad('name missing', hotel, (p) => delete p.name, ['name', REQUIRED]),
    bad('name empty', hotel, (p) => (p.name = ''), ['name', EMPTY]),
    bad('name blank', hotel, (p) => (p.name = '  '), ['name', EMPTY]),
    bad('name not a string', hotel, (p) => (p.name = 7), ['name', 'must be a string']),
    bad('name too long', hotel, (p) => (p.name = 'n'.repeat(201)), [
      'name',
      'must be at most 200 characters',
    ]),
    // Without a kind, the fields of either kind are not judged (nor called unknown).
    bad('kind missing', hotel, (p) => delete p.kind, ['kind', REQUIRED]),
    bad('kind unknown', hotel, (p) => (p.kind = 'hotel'), [
      'kind',
      'must be one of per-call, account-summary',
    ]),
    bad(
      'kind unknown, and a field no kind has',
      lawFirmSummary,
      (p) => ((p.kind = 'summary'), (p.foo = 1)),
      ['kind', 'must be one of per-call, account-summary'],
      ['foo', UNKNOWN],
    ),
    bad('currency missing', hotel, (p) => delete p.currency, ['currency', REQUIRED]),
    ...['usd', 'XYZ', 'US', 840, null].map((currency) =>
      bad(`currency ${JSON.stringify(currency)}`, hotel, (p) => (p.currency = currency), [
        'currency',
        'must be an ISO 4217 currency code in upper case (e.g. USD)',
      ]),
    ),
    bad('timezone missing on a per-call plan', hotel, (p) => delete p.timezone, [
      'timezone',
      REQUIRED,
    ]),
    ...['Mars/Olympus', '+05:00', 'America/Denver ', '', 7].map((timezone) =>
      bad(`timezone ${JSON.stringify(timezone)}`, hotel, (p) => (p.timezone = timezone), [
        'timezone',
        'must be an IANA time zone (e.g. America/Denver)',
      ]),
    ),
    bad(
      'timezone invalid on an account-summary plan',
      lawFirmSummary,
      (p) => (p.timezone = 'Denver'),
      ['timezone', 'must be an IANA time zone (e.g. America/Denver)'],
    ),
    ...['half-down', 'HALF-UP', null].map((rounding) =>
      bad(`rounding ${JSON.stringify(rounding)}`, hotel, (p) => (p.rounding = rounding), [
        'rounding',
        'must be one of half-up, half-even, up',
      ]),
    ),

    // Money and percentages
    bad('a rate as a JSON number', hotel, (p) => (p.rates.uk.perMinute = 0.45), [
      'rates.uk.perMinute',
      DECIMAL,
    ]),
    bad('zero as a JSON number', hotel, (p) => (p.rates.local.perMinute = 0), [
      'rates.local.perMinute',
      DECIMAL,
    ]),
    ...['-1', '+1', '1e3', ' 1', '1 ', '.5', '1.', '1,5', '', '0x1', '١'].map((amount) =>
      bad(`a rate of ${JSON.stringify(amount)}`, hotel, (p) => (p.rates.uk.perMinute = amount), [
        'rates.uk.perMinute',
        DECIMAL,
      ]),
    ),
    bad('a rate of 7 decimals', hotel, (p) => (p.rates.uk.perMinute = '0.0234567'), [
      'rates.uk.perMinute',
      'must have at most 6 decimal places',
    ]),
    bad('a rate of 13 integer digits', hotel, (p) => (p.rates.uk.perMinute = '1000000000000'), [
      'rates.uk.perMinute',
      'must be less than 1000000000000',
    ]),
    bad(
      'a band rate of 7 decimals',
      hotel,
      (p) => (p.rates['long-distance'].timeBands[0].perMinute = '0.3000001'),
      ['rates.long-distance.timeBands.0.perMinute', 'must have at most 6 decimal places'],
    ),
    bad('a fee as a JSON number', hotel, (p) => (p.rates.uk.connectFee = 2), [
      'rates.uk.connectFee',
      DECIMAL,
    ]),
    bad('a fee finer than cents', hotel, (p) => (p.rates.uk.connectFee = '2.005'), [
      'rates.uk.connectFee',
      'must have at most 2 decimal places (USD)',
    ]),
    bad('a minimum finer than cents', hotel, (p) => (p.rates.uk.minimumCharge = '3.001'), [
      'rates.uk.minimumCharge',
      'must have at most 2 decimal places (USD)',
    ]),
    bad(
      'a maximum finer than cents, in a band',
      hotel,
      (p) => (p.rates['long-distance'].timeBands[0].maximumCharge = '9.999'),
      ['rates.long-distance.timeBands.0.maximumCharge', 'must have at most 2 decimal places (USD)'],
    ),
    bad(
      'a JPY fee with decimals',
      minimal,
      (p) => ((p.currency = 'JPY'), (p.rates.all.connectFee = '1.5')),
      ['rates.all.connectFee', 'must have no decimal places (JPY)'],
    ),
    bad(
      'a BHD fee of 4 decimals',
      minimal,
      (p) => ((p.currency = 'BHD'), (p.rates.all.connectFee = '0.1255')),
      ['rates.all.connectFee', 'must have at most 3 decimal places (BHD)'],
    ),
    // One mistake, one error: fees are judged once the currency is known.
    bad(
      'fees in an unknown currency',
      minimal,
      (p) => ((p.currency = 'XYZ'), (p.rates.all.connectFee = '1.005')),
      ['currency', 'must be an ISO 4217 currency code in upper case (e.g. USD)'],
    ),
    bad('a markup as a JSON number', hotel, (p) => (p.markupPercent = 10), [
      'markupPercent',
      DECIMAL,
    ]),
    bad('a markup of 7 decimals', hotel, (p) => (p.markupPercent = '0.0000001'), [
      'markupPercent',
      'must have at most 6 decimal places',
    ]),
    bad('a tax rate as a JSON number', hotel, (p) => (p.taxes[0].ratePercent = 6.25), [
      'taxes.0.ratePercent',
      DECIMAL,
    ]),
    bad('a tax rate above 100 %', hotel, (p) => (p.taxes[0].ratePercent = '100.000001'), [
      'taxes.0.ratePercent',
      'must be at most 100',
    ]),
    bad('a tax rate of 7 decimals', hotel, (p) => (p.taxes[0].ratePercent = '6.2500001'), [
      'taxes.0.ratePercent',
      'must have at most 6 decimal places',
    ]),
    bad(
      'a summary rate as a JSON number',
      lawFirmSummary,
      (p) => (p.summaryRate.perMinute = 0.25),
      ['summaryRate.perMinute', DECIMAL],
    ),
    bad(
      'a per-call charge of 7 decimals',
      lawFirmSummary,
      (p) => (p.summaryRate.perCall = '0.1000001'),
      ['summaryRate.perCall', 'must have at most 6 decimal places'],
    ),
    bad(
      'an account rate that is negative',
      lawFirmSummary,
      (p) => (p.accounts[0].perMinute = '-0.15'),
      ['accounts.0.perMinute', DECIMAL],
    ),
    bad(
      'an account per-call charge as a number',
      lawFirmSummary,
      (p) => (p.accounts[0].perCall = 1),
      ['accounts.0.perCall', DECIMAL],
    ),

    // Seconds
    ...[-1, 1.5, '30', null, 86401].map((seconds) =>
      bad(
        `a grace period of ${JSON.stringify(seconds)}`,
        hotel,
        (p) => (p.gracePeriodSeconds = seconds),
        ['gracePeriodSeconds', 'must be an integer from 0 to 86400'],
      ),
    ),
    ...[0, 6.5, '6', -6, 86401].map((seconds) =>
      bad(
        `an increment of ${JSON.stringify(seconds)}`,
        hotel,
        (p) => (p.rates.uk.incrementSeconds = seconds),
        ['rates.uk.incrementSeconds', 'must be an integer from 1 to 86400'],
      ),
    ),
    bad('a first increment below 0', hotel, (p) => (p.rates.uk.firstIncrementSeconds = -60), [
      'rates.uk.firstIncrementSeconds',
      'must be an integer from 0 to 86400',
    ]),
    bad(
      'a band increment of 0',
      hotel,
      (p) => (p.rates['long-distance'].timeBands[0].incrementSeconds = 0),
      ['rates.long-distance.timeBands.0.incrementSeconds', 'must be an integer from 1 to 86400'],
    ),
    bad('a summary increment of 0', lawFirmSummary, (p) => (p.summaryRate.incrementSeconds = 0), [
      'summaryRate.incrementSeconds',
      'must be an integer from 1 to 86400',
    ]),
    bad(
      'an account increment as a string',
      lawFirmSummary,
      (p) => (p.accounts[0].incrementSeconds = '60'),
      ['accounts.0.incrementSeconds', 'must be an integer from 1 to 86400'],
    ),

    // Dial plan
    bad('a dial plan that is a string', hotel, (p) => (p.dialPlan = 'US'), ['dialPlan', OBJECT]),
    bad('a dial plan without country', hotel, (p) => delete p.dialPlan.country, [
      'dialPlan.country',
      REQUIRED,
    ]),
    ...['us', 'USA', 'XX', 'UK', 1].map((country) =>
      bad(`country ${JSON.stringify(country)}`, hotel, (p) => (p.dialPlan.country = country), [
        'dialPlan.country',
        'must be an ISO 3166-1 alpha-2 country code in upper case (e.g. US)',
      ]),
    ),
    ...['99999', '9a', '', ' 9', 9].map((code) =>
      bad(`access code ${JSON.stringify(code)}`, hotel, (p) => (p.dialPlan.accessCode = code), [
        'dialPlan.accessCode',
        'must be 1 to 4 digits',
      ]),
    ),

    // Billing account
    bad('billing account missing', hotel, (p) => delete p.billingAccount, [
      'billingAccount',
      REQUIRED,
    ]),
    bad('billing account not an object', hotel, (p) => (p.billingAccount = 'extension'), [
      'billingAccount',
      OBJECT,
    ]),
    bad('billing account without by', hotel, (p) => delete p.billingAccount.by, [
      'billingAccount.by',
      REQUIRED,
    ]),
    bad('billing account by room', hotel, (p) => (p.billingAccount.by = 'room'), [
      'billingAccount.by',
      'must be one of extension, accountCode',
    ]),
    bad('ranges missing', hotel, (p) => delete p.billingAccount.ranges, [
      'billingAccount.ranges',
      REQUIRED,
    ]),
    bad('ranges empty', hotel, (p) => (p.billingAccount.ranges = []), [
      'billingAccount.ranges',
      EMPTY,
    ]),
    bad('ranges an object', hotel, (p) => (p.billingAccount.ranges = { from: '1', to: '2' }), [
      'billingAccount.ranges',
      ARRAY,
    ]),
    bad('a range that is a string', hotel, (p) => (p.billingAccount.ranges = ['1001-1999']), [
      'billingAccount.ranges.0',
      OBJECT,
    ]),
    bad('a range without from', hotel, (p) => delete p.billingAccount.ranges[0].from, [
      'billingAccount.ranges.0.from',
      REQUIRED,
    ]),
    bad('a range from ""', hotel, (p) => (p.billingAccount.ranges[0].from = ''), [
      'billingAccount.ranges.0.from',
      EMPTY,
    ]),
    bad('a range to as a number', hotel, (p) => (p.billingAccount.ranges[0].to = 1999), [
      'billingAccount.ranges.0.to',
      'must be a string',
    ]),
    bad('a range end with a space', hotel, (p) => (p.billingAccount.ranges[0].from = '1001 '), [
      'billingAccount.ranges.0.from',
      'must not start or end with a space',
    ]),
    bad('a range backwards, as numbers', hotel, (p) => (p.billingAccount.ranges[0].to = '999'), [
      'billingAccount.ranges.0.to',
      'must not be less than from (1001)',
    ]),
    bad(
      'a range backwards, as text',
      hotel,
      (p) => (p.billingAccount.ranges = [{ from: 'B1', to: 'A9' }]),
      ['billingAccount.ranges.0.to', 'must not be less than from (B1)'],
    ),
    bad('an extension prefix that is a number', hotel, (p) => (p.billingAccount.prefix = 1), [
      'billingAccount.prefix',
      'must be a string',
    ]),
    bad(
      'ranges by account code',
      lawFirm,
      (p) => (p.billingAccount.ranges = hotel.billingAccount.ranges),
      ['billingAccount.ranges', 'is only allowed when by is extension'],
    ),
    bad('a prefix by account code', lawFirm, (p) => (p.billingAccount.prefix = 'X'), [
      'billingAccount.prefix',
      'is only allowed when by is extension',
    ]),
    bad('a pattern that does not compile', lawFirm, (p) => (p.billingAccount.pattern = '(\\d{5}'), [
      'billingAccount.pattern',
      'must be a valid regular expression (Invalid regular expression: /(\\d{5}/: Unterminated group)',
    ]),
    bad(
      'a pattern that only compiles once anchored',
      lawFirm,
      (p) => (p.billingAccount.pattern = 'a)|(b'),
      [
        'billingAccount.pattern',
        "must be a valid regular expression (Invalid regular expression: /a)|(b/: Unmatched ')')",
      ],
    ),
    bad(
      'a pattern with another named group',
      lawFirm,
      (p) => {
        p.billingAccount.pattern = '^(?<client>\\d{5})-(?<case>\\d{3})-(?<$x>\\d)$';
      },
      ['billingAccount.pattern', 'may name only the groups client and matter, not "case", "$x"'],
    ),
    bad('a pattern that is not a string', lawFirm, (p) => (p.billingAccount.pattern = 5), [
      'billingAccount.pattern',
      'must be a string',
    ]),
    bad(
      'an account-summary plan by extension',
      lawFirmSummary,
      (p) => (p.billingAccount = hotel.billingAccount),
      ['billingAccount.by', 'must be accountCode on account-summary plans'],
    ),

    // Destinations
    bad('destinations missing', hotel, (p) => delete p.destinations, ['destinations', REQUIRED]),
    bad('destinations an object', hotel, (p) => (p.destinations = { 44: 'uk' }), [
      'destinations',
      ARRAY,
    ]),
    bad('destinations empty', hotel, (p) => (p.destinations = []), ['destinations', EMPTY]),
    bad('a destination that is a string', hotel, (p) => (p.destinations[1] = '1800'), [
      'destinations.1',
      OBJECT,
    ]),
    bad('a destination that is an array', hotel, (p) => (p.destinations[1] = [['1800']]), [
      'destinations.1',
      OBJECT,
    ]),
    ...['+44', '44 ', '4a', 44, null].map((prefix) =>
      bad(
        `a prefix of ${JSON.stringify(prefix)}`,
        hotel,
        (p) => (p.destinations[4].prefix = prefix),
        ['destinations.4.prefix', 'must be digits, or "" to match every number'],
      ),
    ),
    bad('a destination without class', hotel, (p) => delete p.destinations[4].class, [
      'destinations.4.class',
      REQUIRED,
    ]),
    bad('a destination class ""', hotel, (p) => (p.destinations[4].class = ''), [
      'destinations.4.class',
      EMPTY,
    ]),
    bad(
      'a duplicate prefix',
      hotel,
      (p) => p.destinations.push({ prefix: '1800', class: 'toll-free' }),
      ['destinations.6.prefix', 'duplicate prefix "1800" (first at destinations.1)'],
    ),
    bad('two catch-alls', hotel, (p) => p.destinations.unshift({ prefix: '', class: 'uk' }), [
      'destinations.6.prefix',
      'duplicate prefix "" (first at destinations.0)',
    ]),
    bad(
      'classes missing from rates',
      hotel,
      (p) => {
        p.destinations.push(
          { prefix: '4477', class: 'mobile' },
          { prefix: '8816', class: 'satellite' },
        );
        p.destinations.push({ prefix: '4478', class: 'mobile' });
        delete p.rates.uk;
      },
      ['destinations', 'classes missing from rates: uk, mobile, satellite'],
    ),

    // Rates
    bad('rates missing', hotel, (p) => delete p.rates, ['rates', REQUIRED]),
    bad('rates an array', hotel, (p) => (p.rates = [hotel.rates.uk]), ['rates', OBJECT]),
    bad('rates a string', hotel, (p) => (p.rates = 'uk'), ['rates', OBJECT]),
    bad('a rate that is a number', hotel, (p) => (p.rates.uk = 1.2), ['rates.uk', OBJECT]),
    bad('a rate that is null', hotel, (p) => (p.rates.uk = null), ['rates.uk', OBJECT]),
    bad('free that is a string', hotel, (p) => (p.rates.emergency.free = 'yes'), [
      'rates.emergency.free',
      'must be true or false',
    ]),
    bad('time bands an object', hotel, (p) => (p.rates.uk.timeBands = { days: ['sat'] }), [
      'rates.uk.timeBands',
      ARRAY,
    ]),
    bad('a time band that is a string', hotel, (p) => (p.rates.uk.timeBands = ['sat']), [
      'rates.uk.timeBands.0',
      OBJECT,
    ]),
    ...(
      [
        ['days missing', (b: AnyPlan) => delete b.days, ['days', REQUIRED]],
        ['days empty', (b: AnyPlan) => (b.days = []), ['days', EMPTY]],
        ['days a string', (b: AnyPlan) => (b.days = 'sat'), ['days', ARRAY]],
        [
          'a day in capitals',
          (b: AnyPlan) => (b.days = ['sat', 'Sun']),
          ['days.1', 'must be one of mon, tue, wed, thu, fri, sat, sun'],
        ],
        [
          'a day as a number',
          (b: AnyPlan) => (b.days = [6]),
          ['days.0', 'must be one of mon, tue, wed, thu, fri, sat, sun'],
        ],
        [
          'a day twice',
          (b: AnyPlan) => (b.days = ['sat', 'sun', 'sat']),
          ['days.2', 'repeats "sat"'],
        ],
        ['from missing', (b: AnyPlan) => delete b.from, ['from', REQUIRED]],
        [
          'from 24:00',
          (b: AnyPlan) => (b.from = '24:00'),
          ['from', 'must be a time HH:MM from 00:00 to 23:59'],
        ],
        [
          'from 7:00',
          (b: AnyPlan) => (b.from = '7:00'),
          ['from', 'must be a time HH:MM from 00:00 to 23:59'],
        ],
        [
          'from as minutes',
          (b: AnyPlan) => (b.from = 420),
          ['from', 'must be a time HH:MM from 00:00 to 23:59'],
        ],
        ['to missing', (b: AnyPlan) => delete b.to, ['to', REQUIRED]],
        [
          'to 24:01',
          (b: AnyPlan) => (b.to = '24:01'),
          ['to', 'must be a time HH:MM from 00:00 to 24:00'],
        ],
        [
          'to 12:60',
          (b: AnyPlan) => (b.to = '12:60'),
          ['to', 'must be a time HH:MM from 00:00 to 24:00'],
        ],
        [
          'to equal to from',
          (b: AnyPlan) => ((b.from = '18:00'), (b.to = '18:00')),
          ['to', 'must be after from (18:00); a band across midnight is two bands'],
        ],
        [
          'a band across midnight',
          (b: AnyPlan) => ((b.from = '22:00'), (b.to = '06:00')),
          ['to', 'must be after from (22:00); a band across midnight is two bands'],
        ],
      ] as [string, (band: AnyPlan) => void, [string, string]][]
    ).map(([rule, change, [field, message]]) =>
      bad(`a time band with ${rule}`, hotel, (p) => change(p.rates['long-distance'].timeBands[0]), [
        `rates.long-distance.timeBands.0.${field}`,
        message,
      ]),
    ),
    bad(
      'a __proto__ class',
      hotel,
      (p) => Object.defineProperty(p.rates, '__proto__', { value: {}, enumerable: true }),
      ['rates.__proto__', 'is a reserved name'],
    ),

    // Taxes
    bad('taxes an object', hotel, (p) => (p.taxes = { name: 'VAT', ratePercent: '20' }), [
      'taxes',
      ARRAY,
    ]),
    bad('a tax that is a string', hotel, (p) => (p.taxes = ['VAT 20%']), ['taxes.0', OBJECT]),
    bad('a tax without name', hotel, (p) => delete p.taxes[0].name, ['taxes.0.name', REQUIRED]),
    bad('a tax name blank', hotel, (p) => (p.taxes[0].name = ' '), ['taxes.0.name', EMPTY]),
    bad('a tax without rate', hotel, (p) => delete p.taxes[0].ratePercent, [
      'taxes.0.ratePercent',
      REQUIRED,
    ]),
    bad(
      'two taxes of one name',
      hotel,
      (p) =>
        p.taxes.push(
          { name: 'City tax', ratePercent: '1' },
          { name: 'State sales tax', ratePercent: '1' },
        ),
      ['taxes.2.name', 'duplicate tax name "State sales tax" (first at taxes.0)'],
    ),

    // LEDES
    bad('LEDES settings that are a string', lawFirm, (p) => (p.ledes = '24-6437381'), [
      'ledes',
      OBJECT,
    ]),
    ...['24 6437381', '24_6437381', '', 'x'.repeat(21), 246437381].map((id) =>
      bad(`a law firm id of ${JSON.stringify(id)}`, lawFirm, (p) => (p.ledes.lawFirmId = id), [
        'ledes.lawFirmId',
        'must be 1 to 20 letters, digits or -',
      ]),
    ),
    ...['Phone | fax', 'Calls []', 'Calls\nand faxes', 'Calls\r\n'].map((description) =>
      bad(
        `an invoice description of ${JSON.stringify(description)}`,
        lawFirm,
        (p) => (p.ledes.invoiceDescription = description),
        ['ledes.invoiceDescription', 'must not contain |, [, ] or a line break'],
      ),
    ),
    bad(
      'an invoice description too long',
      lawFirm,
      (p) => (p.ledes.invoiceDescription = 'd'.repeat(201)),
      ['ledes.invoiceDescription', 'must be at most 200 characters'],
    ),
    bad('an invoice description empty', lawFirm, (p) => (p.ledes.invoiceDescription = ''), [
      'ledes.invoiceDescription',
      EMPTY,
    ]),

    // Account-summary plans
    bad('summary rate missing', lawFirmSummary, (p) => delete p.summaryRate, [
      'summaryRate',
      REQUIRED,
    ]),
    bad('summary rate an array', lawFirmSummary, (p) => (p.summaryRate = []), [
      'summaryRate',
      OBJECT,
    ]),
    bad('accounts an object', lawFirmSummary, (p) => (p.accounts = { '10234-001': {} }), [
      'accounts',
      ARRAY,
    ]),
    bad('an account that is a string', lawFirmSummary, (p) => (p.accounts = ['10234-001']), [
      'accounts.0',
      OBJECT,
    ]),
    bad('an account without code', lawFirmSummary, (p) => delete p.accounts[0].accountCode, [
      'accounts.0.accountCode',
      REQUIRED,
    ]),
    bad(
      'an account code with a space',
      lawFirmSummary,
      (p) => (p.accounts[0].accountCode = '10234-001 '),
      ['accounts.0.accountCode', 'must not start or end with a space'],
    ),
    bad(
      'two overrides of one account',
      lawFirmSummary,
      (p) => p.accounts.push({ accountCode: '10234-001', perCall: '0' }),
      ['accounts.1.accountCode', 'duplicate account code "10234-001" (first at accounts.0)'],
    ),
    bad(
      'an account the pattern refuses',
      lawFirmSummary,
      (p) => (p.accounts[0].accountCode = '10234-01'),
      ['accounts.0.accountCode', 'does not match billingAccount.pattern'],
    ),
    bad(
      'per-call fields on an account-summary plan',
      lawFirmSummary,
      (p) =>
        Object.assign(p, {
          dialPlan: hotel.dialPlan,
          gracePeriodSeconds: 30,
          markupPercent: '0',
          destinations: hotel.destinations,
          rates: hotel.rates,
        }),
      ['dialPlan', 'is only allowed in per-call plans'],
      ['gracePeriodSeconds', 'is only allowed in per-call plans'],
      ['markupPercent', 'is only allowed in per-call plans'],
      ['destinations', 'is only allowed in per-call plans'],
      ['rates', 'is only allowed in per-call plans'],
    ),
    bad(
      'account-summary fields on a per-call plan',
      hotel,
      (p) =>
        Object.assign(p, {
          summaryRate: lawFirmSummary.summaryRate,
          accounts: lawFirmSummary.accounts,
        }),
      ['summaryRate', 'is only allowed in account-summary plans'],
      ['accounts', 'is only allowed in account-summary plans'],
    ),
  ];

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
