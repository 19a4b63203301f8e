import { compilePlan } from './compile-plan';
import { grandHotelPlan } from './fixtures/grand-hotel.plan';
import { SATURDAY, TUESDAY, call } from './fixtures/records';
import { rateCall } from './rate-call';

/** The worked examples of docs/rating.md ("A hotel", step 5), on the hotel example plan. */
describe('docs/rating.md worked examples (Grand Hotel plan, America/Denver)', () => {
  const plan = compilePlan(grandHotelPlan);

  it('long distance, Tuesday, 61 s, 60/6 increments -> 1.495 -> 1.50 + 0.09 tax = 1.59', () => {
    const result = rateCall(plan, call({ startTimeMs: TUESDAY, talkMs: 61_000 }));
    expect(result).toMatchObject({
      status: 'pending',
      reason: null,
      billingAccount: 'ROOM-1204',
      normalizedNumber: '12125550100',
      destinationPrefix: '1',
      destinationClass: 'long-distance',
      timeBand: null,
      talkSeconds: 61,
      billedSeconds: 66,
      charge: '1.495',
      amountMinor: 150,
      taxes: [{ name: 'State sales tax', ratePercent: '6.25', amountMinor: 9 }],
      taxMinor: 9,
      totalMinor: 159,
      currency: 'USD',
    });
    expect(result.explanation).toBe(
      '61 s talk, 66 s billed: 60 s first increment + 1 x 6 s; 0.45/min -> 0.495; ' +
        '+ 1.00 connect = 1.495 -> 1.50 (half-up); State sales tax 6.25% = 0.09375 -> 0.09; ' +
        'total 1.59 USD',
    );
  });

  it('the same call on a Saturday: band 0.30/min -> 0.33 + 1.00 = 1.33 + 0.08 tax = 1.41', () => {
    const result = rateCall(plan, call({ startTimeMs: SATURDAY, talkMs: 61_000 }));
    expect(result).toMatchObject({
      status: 'pending',
      timeBand: 'sat,sun 00:00-24:00',
      billedSeconds: 66,
      charge: '1.33',
      amountMinor: 133,
      taxes: [{ name: 'State sales tax', ratePercent: '6.25', amountMinor: 8 }],
      totalMinor: 141,
    });
    expect(result.rate).toEqual({
      connectFee: '1.00',
      perMinute: '0.30',
      firstIncrementSeconds: 60,
      incrementSeconds: 6,
      minimumCharge: null,
      maximumCharge: null,
      markupPercent: '0',
    });
    expect(result.explanation).toContain(
      '0.30/min (band sat,sun 00:00-24:00, start Sat 10:15 America/Denver) -> 0.33',
    );
    expect(result.explanation).toContain('6.25% = 0.083125 -> 0.08; total 1.41 USD');
  });

  it('UK, 30.5 s: d = 31 >= 30 grace, billed 60 -> 2.00 + 1.20 = 3.20 (over the 3.00 minimum) + 0.20 = 3.40', () => {
    const result = rateCall(plan, call({ dialedNumber: '9011 44 20 7946 0000', talkMs: 30_500 }));
    expect(result).toMatchObject({
      status: 'pending',
      normalizedNumber: '442079460000',
      destinationPrefix: '44',
      destinationClass: 'uk',
      talkSeconds: 31,
      billedSeconds: 60,
      charge: '3.20',
      amountMinor: 320,
      taxMinor: 20,
      totalMinor: 340,
    });
    expect(result.explanation).not.toContain('minimum');
  });

  it('9 (212) 555-0100 -> 2125550100 -> 12125550100 -> long distance', () => {
    const result = rateCall(plan, call({ dialedNumber: '9 (212) 555-0100' }));
    expect(result.normalizedNumber).toBe('12125550100');
    expect(result.destinationClass).toBe('long-distance');
  });

  it('UK, 29 s < 30 s grace -> no charge "grace"', () => {
    const result = rateCall(plan, call({ dialedNumber: '9011442079460000', talkMs: 29_000 }));
    expect(result).toMatchObject({
      status: 'no-charge',
      reason: 'grace',
      destinationClass: 'uk',
      talkSeconds: 29,
      billedSeconds: 0,
      charge: '0.00',
      amountMinor: 0,
      taxes: [],
      totalMinor: 0,
      explanation: '29 s < 30 s grace period: no charge',
    });
  });

  it('9911, 120 s -> 911 -> emergency -> no charge "free-destination"', () => {
    const result = rateCall(plan, call({ dialedNumber: '9911', talkMs: 120_000 }));
    expect(result).toMatchObject({
      status: 'no-charge',
      reason: 'free-destination',
      normalizedNumber: '911',
      destinationPrefix: '911',
      destinationClass: 'emergency',
      amountMinor: 0,
      taxes: [],
      explanation: 'emergency (prefix 911) is a free destination: no charge',
    });
  });

  it('9911 at 20 s -> "grace", not "free-destination": the checks run in the order written', () => {
    const result = rateCall(plan, call({ dialedNumber: '9911', talkMs: 20_000 }));
    expect(result).toMatchObject({ status: 'no-charge', reason: 'grace' });
  });
});
