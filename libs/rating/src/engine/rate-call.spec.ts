import type { PerCallPlan, Rate } from '../plan/rate-plan';
import { compilePlan } from './compile-plan';
import { grandHotelPlan } from './fixtures/grand-hotel.plan';
import { ANY_NUMBER, flatPlan } from './fixtures/plans';
import { call } from './fixtures/records';
import { rateCall } from './rate-call';
import { rateSummary } from './rate-summary';
import type { RatingResult } from './rating-result';

const hotel = compilePlan(grandHotelPlan);

/** Rates one call on a one-destination plan priced by `rate`. */
function rateFlat(rate: Rate, talkMs: number, options: Partial<PerCallPlan> = {}): RatingResult {
  return rateCall(compilePlan(flatPlan(rate, options)), call({ dialedNumber: ANY_NUMBER, talkMs }));
}

describe('step 1: which records are rated', () => {
  it('an inbound call makes no line item: not-billable "inbound"', () => {
    const result = rateCall(hotel, call({ direction: 'inbound' }));
    expect(result).toMatchObject({
      status: 'not-billable',
      reason: 'inbound',
      billingAccount: null,
      normalizedNumber: null,
      rate: null,
      amountMinor: 0,
      totalMinor: 0,
      explanation: 'inbound call: not billable',
    });
  });

  it('an internal call makes no line item: not-billable "internal"', () => {
    expect(rateCall(hotel, call({ direction: 'internal' }))).toMatchObject({
      status: 'not-billable',
      reason: 'internal',
    });
  });

  it.each([
    ['1001', 'ROOM-1001'],
    ['1999', 'ROOM-1999'],
    ['1204', 'ROOM-1204'],
    [' 1204 ', 'ROOM-1204'],
  ])('extension %j inside 1001-1999 (ends inclusive) bills %s', (extension, account) => {
    expect(rateCall(hotel, call({ extension })).billingAccount).toBe(account);
  });

  it.each([['1000'], ['2000'], ['200'], [''], [null]])(
    'an outbound call from extension %j (a house phone, or none) is not-billable "not-a-billing-extension"',
    (extension) => {
      expect(rateCall(hotel, call({ extension }))).toMatchObject({
        status: 'not-billable',
        reason: 'not-a-billing-extension',
        amountMinor: 0,
      });
    },
  );

  const ranges = (from: string, to: string) =>
    compilePlan({
      ...grandHotelPlan,
      billingAccount: { by: 'extension', ranges: [{ from, to }] },
    });

  it('numeric ends and a numeric extension compare as numbers: 3 is inside 1-20 (as strings "3" > "20")', () => {
    const plan = ranges('1', '20');
    expect(rateCall(plan, call({ extension: '3' })).billingAccount).toBe('3');
    expect(rateCall(plan, call({ extension: '003' })).billingAccount).toBe('003');
    expect(rateCall(plan, call({ extension: '21' })).status).toBe('not-billable');
  });

  it('numbers longer than a float holds still compare exactly', () => {
    const plan = ranges('100000000000000000001', '100000000000000000009');
    expect(rateCall(plan, call({ extension: '100000000000000000005' })).status).toBe('pending');
    expect(rateCall(plan, call({ extension: '100000000000000000010' })).status).toBe(
      'not-billable',
    );
  });

  it('non-numeric ends compare as strings: A150 is inside A100-A199, A2 is not', () => {
    const plan = ranges('A100', 'A199');
    expect(rateCall(plan, call({ extension: 'A150' })).billingAccount).toBe('A150');
    expect(rateCall(plan, call({ extension: 'A2' })).status).toBe('not-billable');
  });

  it('a non-numeric extension against numeric ends compares as strings: 1500A is inside 1001-1999', () => {
    expect(rateCall(hotel, call({ extension: '1500A' })).billingAccount).toBe('ROOM-1500A');
  });

  it('without a prefix the billing account is the extension itself', () => {
    expect(rateCall(ranges('1001', '1999'), call({ extension: '1204' })).billingAccount).toBe(
      '1204',
    );
  });

  it('a per-call rater refuses an account-summary plan, and the other way round', () => {
    const summary = compilePlan({
      name: 'S',
      kind: 'account-summary',
      currency: 'USD',
      billingAccount: { by: 'accountCode' },
      summaryRate: {},
    });
    expect(() => rateCall(summary, call())).toThrow('rateCall needs a per-call plan');
    expect(() =>
      rateSummary(hotel, {
        accountCode: 'X',
        calls: 1,
        totalTalkMs: 0,
        periodStartMs: 0,
        periodEndMs: 1,
      }),
    ).toThrow('rateSummary needs an account-summary plan');
  });
});

describe('step 3: destination', () => {
  it('the longest prefix wins: 9 303 555 0100 -> 13035550100 is local (1303), not long distance (1): 0.75 connect', () => {
    const result = rateCall(hotel, call({ dialedNumber: '9 303 555 0100', talkMs: 120_000 }));
    expect(result).toMatchObject({
      destinationPrefix: '1303',
      destinationClass: 'local',
      billedSeconds: 120,
      charge: '0.75',
      amountMinor: 75,
      taxMinor: 5,
      totalMinor: 80,
    });
  });

  it('1 800 is toll-free: no charge "free-destination"', () => {
    expect(rateCall(hotel, call({ dialedNumber: '9-1-800-555-1234' }))).toMatchObject({
      normalizedNumber: '18005551234',
      destinationClass: 'toll-free',
      status: 'no-charge',
      reason: 'free-destination',
    });
  });

  it('anything else falls to "" (international): +33 1 23 45 67 89, 61 s -> 120 s billed: 2.00 + 5.00 = 7.00', () => {
    expect(rateCall(hotel, call({ dialedNumber: '+33 1 23 45 67 89' }))).toMatchObject({
      destinationPrefix: '',
      destinationClass: 'international',
      billedSeconds: 120,
      amountMinor: 700,
    });
  });

  it('no prefix matches: needs-review "no-rate", amount 0', () => {
    const plan = compilePlan({
      ...grandHotelPlan,
      destinations: grandHotelPlan.destinations.filter((d) => d.prefix !== ''),
    });
    expect(rateCall(plan, call({ dialedNumber: '+33 1 23 45 67 89' }))).toMatchObject({
      status: 'needs-review',
      reason: 'no-rate',
      normalizedNumber: '33123456789',
      destinationPrefix: null,
      rate: null,
      amountMinor: 0,
      explanation: 'no destination prefix matches 33123456789: needs review',
    });
  });

  it('a class missing from rates: needs-review "no-rate", the destination still shown', () => {
    const plan = compilePlan({
      ...grandHotelPlan,
      destinations: [...grandHotelPlan.destinations, { prefix: '33', class: 'france' }],
    });
    expect(rateCall(plan, call({ dialedNumber: '+33 1 23 45 67 89' }))).toMatchObject({
      status: 'needs-review',
      reason: 'no-rate',
      destinationPrefix: '33',
      destinationClass: 'france',
      amountMinor: 0,
    });
  });

  it("a 7-digit number is a local call in the plan's area code: 9 555-0100 -> 13035550100, 61 s -> 0.75 + 0.05", () => {
    expect(rateCall(hotel, call({ dialedNumber: '9 555-0100' }))).toMatchObject({
      status: 'pending',
      normalizedNumber: '13035550100',
      destinationPrefix: '1303',
      destinationClass: 'local',
      amountMinor: 75,
      taxMinor: 5,
      totalMinor: 80,
    });
  });

  it.each([['411'], ['9411'], ['0'], ['9 555-010'], ['9.212.555.0100 ext 12']])(
    'an unroutable number (%j) that no non-empty prefix matches: needs-review "unroutable-number", never priced by ""',
    (dialedNumber) => {
      const result = rateCall(hotel, call({ dialedNumber, talkMs: 45_000 }));
      expect(result).toMatchObject({
        status: 'needs-review',
        reason: 'unroutable-number',
        destinationPrefix: null,
        destinationClass: null,
        rate: null,
        amountMinor: 0,
        totalMinor: 0,
      });
      expect(result.explanation).toMatch(/not a number that can be routed.*needs review$/);
    },
  );

  it('an unroutable number that a non-empty prefix matches is rated by it: 9911 -> 911 emergency', () => {
    expect(rateCall(hotel, call({ dialedNumber: '9911', talkMs: 120_000 }))).toMatchObject({
      normalizedNumber: '911',
      destinationPrefix: '911',
      status: 'no-charge',
      reason: 'free-destination',
    });
  });

  it.each([['*67'], ['#'], ['*67 (212) 555-0100'], ['9#'], ['#*']])(
    'a value holding * or # (%j) is a feature code: needs-review "feature-code", amount 0',
    (dialedNumber) => {
      const result = rateCall(hotel, call({ dialedNumber, talkMs: 45_000 }));
      expect(result).toMatchObject({
        status: 'needs-review',
        reason: 'feature-code',
        normalizedNumber: null,
        destinationPrefix: null,
        rate: null,
        amountMinor: 0,
      });
      expect(result.explanation).toContain('holds * or #: a feature code or keyed sequence');
    },
  );

  it.each([['abc'], [''], ['  '], ['EXT']])(
    'a dialed number with no digit (%j) is needs-review "unroutable-number", never priced by ""',
    (dialedNumber) => {
      expect(rateCall(hotel, call({ dialedNumber }))).toMatchObject({
        status: 'needs-review',
        reason: 'unroutable-number',
        normalizedNumber: '',
        destinationPrefix: null,
        amountMinor: 0,
        explanation:
          'no digits: not a number that can be routed, and no destination prefix matches it; needs review',
      });
    },
  );

  it('a missing dialed number (null) is needs-review "unroutable-number"', () => {
    expect(rateCall(hotel, call({ dialedNumber: null }))).toMatchObject({
      status: 'needs-review',
      reason: 'unroutable-number',
      normalizedNumber: null,
    });
  });

  it('a plan with only the "" prefix prices every routable number and no unroutable one', () => {
    const rate = { perMinute: '1.00' };
    const plan = compilePlan(flatPlan(rate, { dialPlan: { country: 'US', accessCode: '9' } }));
    for (const dialedNumber of ['+44 20 7946 0000', '9 (212) 555-0100', '011 33 1 99 00 12 34']) {
      expect(rateCall(plan, call({ dialedNumber, talkMs: 60_000 }))).toMatchObject({
        destinationPrefix: '',
        destinationClass: 'any',
        amountMinor: 100,
      });
    }
    for (const dialedNumber of ['9911', '911', '0', '555-0100']) {
      expect(rateCall(plan, call({ dialedNumber, talkMs: 60_000 }))).toMatchObject({
        status: 'needs-review',
        reason: 'unroutable-number',
        destinationPrefix: null,
        amountMinor: 0,
      });
    }
  });

  it('without a dial plan only a + number is routable: the catch-all never prices bare digits', () => {
    const plan = compilePlan(flatPlan({ perMinute: '1.00' }, { dialPlan: undefined }));
    expect(rateCall(plan, call({ dialedNumber: '+44 20 7946 0000' })).destinationClass).toBe('any');
    expect(rateCall(plan, call({ dialedNumber: '442079460000' })).reason).toBe('unroutable-number');
  });
});

describe('which outcome wins', () => {
  const plan = (destinations = grandHotelPlan.destinations) =>
    compilePlan({ ...grandHotelPlan, destinations });

  it('unanswered wins over every dial problem: a 0 s "#", "*67", "411" or unmatched number is no-charge', () => {
    const noCatchAll = plan([{ prefix: '44', class: 'uk' }]);
    for (const dialedNumber of ['#', '*67', '411', null]) {
      expect(rateCall(hotel, call({ dialedNumber, talkMs: 0 }))).toMatchObject({
        status: 'no-charge',
        reason: 'unanswered',
      });
    }
    expect(
      rateCall(noCatchAll, call({ dialedNumber: '+33 1 23 45 67 89', talkMs: 0 })),
    ).toMatchObject({ status: 'no-charge', reason: 'unanswered' });
  });

  it('grace wins over every dial problem: 20 s of "411" or "*67" with 30 s grace is no-charge "grace"', () => {
    for (const dialedNumber of ['411', '*67']) {
      expect(rateCall(hotel, call({ dialedNumber, talkMs: 20_000 }))).toMatchObject({
        status: 'no-charge',
        reason: 'grace',
      });
    }
  });

  it('past the grace period the dial problem stops the rating: 411 for 45 s -> needs-review "unroutable-number"', () => {
    expect(rateCall(hotel, call({ dialedNumber: '411', talkMs: 45_000 }))).toMatchObject({
      status: 'needs-review',
      reason: 'unroutable-number',
    });
  });

  it('no-rate (a routable number with no match) wins over free-destination and the charge', () => {
    const noCatchAll = plan([{ prefix: '911', class: 'emergency' }]);
    expect(
      rateCall(noCatchAll, call({ dialedNumber: '+33 1 23 45 67 89', talkMs: 61_000 })),
    ).toMatchObject({ status: 'needs-review', reason: 'no-rate', amountMinor: 0 });
  });
});

describe('step 5: charge', () => {
  // Long distance: 1.00 connect, 0.45/min, 60 s first increment then 6 s; grace 30 s; 6.25 % tax.
  const longDistance = (talkMs: number) => rateCall(hotel, call({ talkMs }));

  it('0 ms: no charge "unanswered"', () => {
    expect(longDistance(0)).toMatchObject({
      status: 'no-charge',
      reason: 'unanswered',
      talkSeconds: 0,
      explanation: '0 s talk: unanswered, no charge',
    });
  });

  it('999 ms is 1 s: under the 30 s grace period', () => {
    expect(longDistance(999)).toMatchObject({ talkSeconds: 1, reason: 'grace' });
  });

  it('999 ms is 1 s and, without a grace period, pays the whole 60 s first increment: 1.45', () => {
    const plan = compilePlan({ ...grandHotelPlan, gracePeriodSeconds: 0, taxes: [] });
    expect(rateCall(plan, call({ talkMs: 999 }))).toMatchObject({
      status: 'pending',
      talkSeconds: 1,
      billedSeconds: 60,
      amountMinor: 145,
    });
  });

  it('exactly the 30 s grace period is charged: 60 s billed -> 1.45 + 0.090625 -> 0.09 = 1.54', () => {
    expect(longDistance(30_000)).toMatchObject({
      status: 'pending',
      talkSeconds: 30,
      billedSeconds: 60,
      charge: '1.45',
      amountMinor: 145,
      taxMinor: 9,
      totalMinor: 154,
    });
  });

  it('29 001 ms rounds up to 30 s: charged, not grace', () => {
    expect(longDistance(29_001)).toMatchObject({ status: 'pending', talkSeconds: 30 });
  });

  it('exactly the 60 s first increment: 60 s billed -> 1.45', () => {
    expect(longDistance(60_000)).toMatchObject({ billedSeconds: 60, amountMinor: 145 });
  });

  it('one second past the first increment: 61 s -> 66 s billed -> 1.495 -> 1.50', () => {
    expect(longDistance(61_000)).toMatchObject({ billedSeconds: 66, amountMinor: 150 });
  });

  it('60.001 s is 61 s: one more 6 s increment', () => {
    expect(longDistance(60_001)).toMatchObject({ talkSeconds: 61, billedSeconds: 66 });
  });

  it('67 s -> 72 s billed -> 0.54 + 1.00 = 1.54', () => {
    expect(longDistance(67_000)).toMatchObject({ billedSeconds: 72, charge: '1.54' });
  });

  it('no first increment, 60 s increments: 61 s -> 2 x 60 s = 120 s at 1.00/min = 2.00', () => {
    const result = rateFlat({ perMinute: '1.00', incrementSeconds: 60 }, 61_000);
    expect(result).toMatchObject({ billedSeconds: 120, amountMinor: 200 });
    expect(result.explanation).toBe(
      '61 s talk, 120 s billed: 2 x 60 s; 1.00/min -> 2.00 -> 2.00 (half-up); total 2.00 USD',
    );
  });

  it('defaults: no first increment, 60 s increments, no connect fee, 0/min', () => {
    expect(rateFlat({}, 61_000)).toMatchObject({
      status: 'pending',
      billedSeconds: 120,
      charge: '0.00',
      amountMinor: 0,
      rate: {
        connectFee: '0',
        perMinute: '0',
        firstIncrementSeconds: 0,
        incrementSeconds: 60,
        minimumCharge: null,
        maximumCharge: null,
        markupPercent: '0',
      },
    });
  });

  it('a minimum: 60 s at 1.00/min = 1.00, raised to the 1.50 minimum', () => {
    const result = rateFlat({ perMinute: '1.00', minimumCharge: '1.50' }, 60_000);
    expect(result).toMatchObject({ charge: '1.50', amountMinor: 150 });
    expect(result.explanation).toContain('1.00/min -> 1.00; below the 1.50 minimum: 1.50 -> 1.50');
  });

  it('a maximum: 5 h to France at 2.50/min = 752.00, capped at 150.00 (+ 9.375 -> 9.38 tax)', () => {
    const result = rateCall(hotel, call({ dialedNumber: '+33 1 23 45 67 89', talkMs: 18_000_000 }));
    expect(result).toMatchObject({
      billedSeconds: 18_000,
      charge: '150.00',
      amountMinor: 15_000,
      taxMinor: 938,
      totalMinor: 15_938,
    });
    expect(result.explanation).toContain(
      '+ 2.00 connect = 752.00; above the 150.00 maximum: 150.00 -> 150.00',
    );
  });

  it('a maximum below the minimum: the maximum, applied last, wins (3.00, never 5.00)', () => {
    const rate = { perMinute: '1.00', minimumCharge: '5.00', maximumCharge: '3.00' };
    const short = rateFlat(rate, 60_000);
    expect(short).toMatchObject({ charge: '3.00', amountMinor: 300 });
    expect(short.explanation).toContain(
      '1.00/min -> 1.00; below the 5.00 minimum: 5.00; above the 3.00 maximum: 3.00 -> 3.00',
    );
    expect(rateFlat(rate, 600_000)).toMatchObject({ charge: '3.00', amountMinor: 300 });
  });

  it('markup applies to usage only: 10 % on 0.495 -> 0.5445, + 1.00 connect = 1.5445 -> 1.54', () => {
    const plan = compilePlan({ ...grandHotelPlan, markupPercent: '10', taxes: [] });
    const result = rateCall(plan, call({ talkMs: 61_000 }));
    expect(result).toMatchObject({ charge: '1.5445', amountMinor: 154 });
    expect(result.rate?.markupPercent).toBe('10');
    expect(result.explanation).toBe(
      '61 s talk, 66 s billed: 60 s first increment + 1 x 6 s; 0.45/min -> 0.495; ' +
        '+ 10% markup -> 0.5445; + 1.00 connect = 1.5445 -> 1.54 (half-up); total 1.54 USD',
    );
  });

  it('a negative markup is a discount: -10 % on 0.495 -> 0.4455, + 1.00 connect = 1.4455 -> 1.45', () => {
    const plan = compilePlan({ ...grandHotelPlan, markupPercent: '-10', taxes: [] });
    expect(rateCall(plan, call({ talkMs: 61_000 }))).toMatchObject({
      charge: '1.4455',
      amountMinor: 145,
    });
  });

  it('a fractional markup: 12.5 % on 1.00 -> 1.125 -> 1.13', () => {
    expect(rateFlat({ perMinute: '1.00' }, 60_000, { markupPercent: '12.5' })).toMatchObject({
      charge: '1.125',
      amountMinor: 113,
    });
  });

  it('a charge that never ends (0.10/min, 1 s increments, 61 s = 0.101666…) is rounded from the exact value', () => {
    const rate = { perMinute: '0.10', incrementSeconds: 1 };
    const halfUp = rateFlat(rate, 61_000);
    expect(halfUp).toMatchObject({ charge: '0.101666666666666666', amountMinor: 10 });
    expect(halfUp.explanation).toContain('0.10/min -> 0.101666666666666666… -> 0.10 (half-up)');
    expect(rateFlat(rate, 61_000, { rounding: 'up' }).amountMinor).toBe(11);
  });

  it('rounds once on the whole charge, never per increment: 100 x 1 s at 0.003/min = 0.005 -> 0.01', () => {
    // Per increment: 0.00005 -> 0.00 each, 0.00 in total; the whole charge is 0.005 -> 0.01.
    expect(rateFlat({ perMinute: '0.003', incrementSeconds: 1 }, 100_000)).toMatchObject({
      charge: '0.005',
      amountMinor: 1,
    });
  });
});

describe('rounding modes, on the charge and on each tax', () => {
  it.each([
    ['half-up', '0.125', 13],
    ['half-even', '0.125', 12],
    ['up', '0.125', 13],
    ['half-up', '0.135', 14],
    ['half-even', '0.135', 14],
    ['half-up', '0.121', 12],
    ['half-even', '0.121', 12],
    ['up', '0.121', 13],
    ['up', '0.120', 12],
  ] as const)('%s: a charge of %s -> %d cents', (rounding, perMinute, cents) => {
    expect(rateFlat({ perMinute }, 60_000, { rounding })).toMatchObject({
      charge: perMinute.replace(/0$/, ''),
      amountMinor: cents,
    });
  });

  it.each([
    ['half-up', '12.5', 13],
    ['half-even', '12.5', 12],
    ['up', '12.5', 13],
    ['half-up', '12.1', 12],
    ['half-even', '12.1', 12],
    ['up', '12.1', 13],
  ] as const)('%s: a %s %% tax on 1.00 -> %d cents', (rounding, ratePercent, cents) => {
    const result = rateFlat({ perMinute: '1.00' }, 60_000, {
      rounding,
      taxes: [{ name: 'Tax', ratePercent }],
    });
    expect(result).toMatchObject({
      amountMinor: 100,
      taxes: [{ name: 'Tax', ratePercent, amountMinor: cents }],
      taxMinor: cents,
      totalMinor: 100 + cents,
    });
  });

  it('each tax is rounded on its own: two 0.5 % taxes on 1.00 are 0.005 -> 0.01 each, 0.02 together', () => {
    const result = rateFlat({ perMinute: '1.00' }, 60_000, {
      taxes: [
        { name: 'City', ratePercent: '0.5' },
        { name: 'County', ratePercent: '0.5' },
      ],
    });
    expect(result.taxes.map((tax) => tax.amountMinor)).toEqual([1, 1]);
    expect(result).toMatchObject({ taxMinor: 2, totalMinor: 102 });
    expect(result.explanation).toContain('City 0.5% = 0.005 -> 0.01; County 0.5% = 0.005 -> 0.01');
  });

  it('a no-charge line has no taxes', () => {
    expect(rateCall(hotel, call({ talkMs: 0 }))).toMatchObject({ taxes: [], taxMinor: 0 });
  });
});

describe('currencies with other minor units', () => {
  it('JPY (0 decimals): 100 connect + 12.5/min x 66 s = 113.75 -> 114, + 10 % = 11.4 -> 11 = 125', () => {
    const result = rateFlat(
      { connectFee: '100', perMinute: '12.5', firstIncrementSeconds: 60, incrementSeconds: 6 },
      61_000,
      { currency: 'JPY', taxes: [{ name: 'Consumption tax', ratePercent: '10' }] },
    );
    expect(result).toMatchObject({
      currency: 'JPY',
      charge: '113.75',
      amountMinor: 114,
      taxMinor: 11,
      totalMinor: 125,
    });
    expect(result.explanation).toContain('= 113.75 -> 114 (half-up)');
    expect(result.explanation).toContain('total 125 JPY');
  });

  it('JPY no-charge writes the charge as "0"', () => {
    expect(rateFlat({ perMinute: '1' }, 0, { currency: 'JPY' }).charge).toBe('0');
  });

  it('BHD (3 decimals): 0.500 + 0.1225/min x 60 s = 0.6225 -> 0.623 half-up, 0.622 half-even', () => {
    const rate = { connectFee: '0.500', perMinute: '0.1225' };
    expect(rateFlat(rate, 60_000, { currency: 'BHD' })).toMatchObject({
      charge: '0.6225',
      amountMinor: 623,
    });
    expect(rateFlat(rate, 60_000, { currency: 'BHD', rounding: 'half-even' }).amountMinor).toBe(
      622,
    );
    expect(rateFlat({}, 0, { currency: 'BHD' }).charge).toBe('0.000');
  });
});

describe('records that are not canonical', () => {
  it.each([[-1], [-1000], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53]])(
    'talkMs %d is refused with a clear error',
    (talkMs) => {
      expect(() => rateCall(hotel, call({ talkMs }))).toThrow(
        /Record cannot be rated: talkMs must be a finite number of milliseconds >= 0/,
      );
    },
  );

  it('a fractional talkMs is rated with the same formula: 60 000.5 ms -> 61 s', () => {
    expect(rateCall(hotel, call({ talkMs: 60_000.5 })).talkSeconds).toBe(61);
  });

  it('a start that is not an instant is refused', () => {
    expect(() => rateCall(hotel, call({ startTimeMs: Number.NaN }))).toThrow(
      'Record cannot be rated: startTimeMs',
    );
  });

  it('an unknown direction is refused', () => {
    expect(() => rateCall(hotel, call({ direction: 'sideways' as unknown as 'outbound' }))).toThrow(
      'Record cannot be rated: direction',
    );
  });
});

describe('results', () => {
  it('rating the same record twice gives the same JSON, byte for byte, and no shared objects', () => {
    const record = call({ dialedNumber: '9011 44 20 7946 0000', talkMs: 30_500 });
    const first = rateCall(hotel, record);
    const second = rateCall(compilePlan(grandHotelPlan), record);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(second.rate).not.toBe(first.rate);
  });

  it('every result has the same keys in the same order', () => {
    const keys = (result: RatingResult) => Object.keys(result).join(',');
    const expected = keys(rateCall(hotel, call()));
    for (const record of [
      call({ direction: 'inbound' }),
      call({ dialedNumber: 'junk' }),
      call({ talkMs: 0 }),
      call({ extension: '1' }),
    ]) {
      expect(keys(rateCall(hotel, record))).toBe(expected);
    }
  });
});
