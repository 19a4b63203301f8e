import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { AccountSummaryPlan, Rate, RoundingMode } from '../plan/rate-plan';
import { compilePlan } from './compile-plan';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { firmSummaryPlan, grandHotelPlan } from './fixtures/grand-hotel.plan';
import { ANY_NUMBER, flatPlan } from './fixtures/plans';
import { call, summaryRow } from './fixtures/records';
import { rateCall } from './rate-call';
import { rateSummary } from './rate-summary';

const RUNS = { numRuns: 300 };

/** A decimal string with up to `decimals` places, from 0 to `max`. */
const decimalString = (max: number, decimals: number) =>
  fc
    .integer({ min: 0, max: max * 10 ** decimals })
    .map((units) => new Decimal(units).div(10 ** decimals).toFixed(decimals));

const rateArb: fc.Arbitrary<Rate> = fc.record(
  {
    connectFee: decimalString(5, 2),
    perMinute: decimalString(3, 6),
    firstIncrementSeconds: fc.integer({ min: 0, max: 120 }),
    incrementSeconds: fc.integer({ min: 1, max: 120 }),
    minimumCharge: decimalString(5, 2),
    maximumCharge: decimalString(50, 2),
  },
  { requiredKeys: [] },
);

const planArb = fc.record({
  rate: rateArb,
  rounding: fc.constantFrom<RoundingMode>('half-up', 'half-even', 'up'),
  markupPercent: decimalString(50, 2),
  gracePeriodSeconds: fc.integer({ min: 0, max: 60 }),
  taxes: fc.array(
    fc.record({ name: fc.constantFrom('State', 'City'), ratePercent: decimalString(25, 3) }),
    { maxLength: 3 },
  ),
  currency: fc.constantFrom('USD', 'JPY', 'BHD'),
});
type PlanInput = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

const compile = (input: PlanInput) =>
  compilePlan(
    flatPlan(input.rate, {
      rounding: input.rounding,
      markupPercent: input.markupPercent,
      gracePeriodSeconds: input.gracePeriodSeconds,
      taxes: input.taxes,
      currency: input.currency,
    }),
  );

const talkMsArb = fc.integer({ min: 0, max: 4 * 3_600_000 });
const startArb = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });

const ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
};

/** docs/rating.md, step 5, written again, independently, with decimal.js at 60 digits. */
function referenceAmount(input: PlanInput, talkMs: number): number {
  const D = Decimal.clone({ precision: 60 });
  const d = Math.ceil(talkMs / 1000);
  if (d === 0 || d < input.gracePeriodSeconds) return 0;
  const { rate } = input;
  const f = rate.firstIncrementSeconds ?? 0;
  const i = rate.incrementSeconds ?? 60;
  const billed = d <= f ? f : f + Math.ceil((d - f) / i) * i;
  const usage = new D(rate.perMinute ?? '0')
    .mul(billed)
    .div(60)
    .mul(new D(1).plus(new D(input.markupPercent).div(100)));
  let charge = new D(rate.connectFee ?? '0').plus(usage);
  if (rate.minimumCharge !== undefined) charge = D.max(charge, rate.minimumCharge);
  if (rate.maximumCharge !== undefined) charge = D.min(charge, rate.maximumCharge);
  const mode = ROUNDING[input.rounding];
  const exponent = { USD: 2, JPY: 0, BHD: 3 }[input.currency] ?? 2;
  return charge
    .mul(10 ** exponent)
    .toDecimalPlaces(0, mode)
    .toNumber();
}

describe('rating properties (fast-check)', () => {
  it('agrees to the minor unit with an independent decimal.js implementation of step 5 and the taxes', () => {
    fc.assert(
      fc.property(planArb, talkMsArb, (input, talkMs) => {
        const result = rateCall(compile(input), call({ dialedNumber: ANY_NUMBER, talkMs }));
        const amount = referenceAmount(input, talkMs);
        expect(result.amountMinor).toBe(amount);
        if (result.status === 'pending') {
          expect(result.taxes.map((tax) => tax.amountMinor)).toEqual(
            input.taxes.map((tax) =>
              new Decimal(amount)
                .mul(tax.ratePercent)
                .div(100)
                .toDecimalPlaces(0, ROUNDING[input.rounding])
                .toNumber(),
            ),
          );
        }
      }),
      RUNS,
    );
  });

  it('amount, taxes and total are integers >= 0, and total = amount + the sum of taxes', () => {
    fc.assert(
      fc.property(planArb, talkMsArb, startArb, (input, talkMs, startTimeMs) => {
        const result = rateCall(
          compile(input),
          call({ dialedNumber: ANY_NUMBER, talkMs, startTimeMs }),
        );
        expect(Number.isSafeInteger(result.amountMinor) && result.amountMinor >= 0).toBe(true);
        for (const tax of result.taxes) {
          expect(Number.isSafeInteger(tax.amountMinor) && tax.amountMinor >= 0).toBe(true);
        }
        const taxes = result.taxes.reduce((sum, tax) => sum + tax.amountMinor, 0);
        expect(result.taxMinor).toBe(taxes);
        expect(result.totalMinor).toBe(result.amountMinor + taxes);
      }),
      RUNS,
    );
  });

  it('the amount never decreases when the call gets longer (same plan, start and number)', () => {
    fc.assert(
      fc.property(planArb, talkMsArb, talkMsArb, startArb, (input, a, b, startTimeMs) => {
        const plan = compile(input);
        const rate = (talkMs: number) =>
          rateCall(plan, call({ dialedNumber: ANY_NUMBER, talkMs, startTimeMs })).amountMinor;
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        expect(rate(shorter)).toBeLessThanOrEqual(rate(longer));
      }),
      RUNS,
    );
  });

  it('the same input twice, with a warm or a fresh compiled plan, gives the identical result', () => {
    const numbers = fc.constantFrom(
      ANY_NUMBER,
      '9 (212) 555-0100',
      '9911',
      'junk',
      '+44 20 7946 0000',
    );
    fc.assert(
      fc.property(planArb, talkMsArb, startArb, numbers, (input, talkMs, startTimeMs, number) => {
        const record = call({ dialedNumber: number, talkMs, startTimeMs });
        const plan = compile(input);
        const first = rateCall(plan, record);
        const again = rateCall(plan, record);
        const fresh = rateCall(compile(input), record);
        expect(again).toEqual(first);
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        expect(JSON.stringify(fresh)).toBe(JSON.stringify(first));
      }),
      RUNS,
    );
  });

  describe('dialed numbers (steps 2 and 3, "Which outcome wins")', () => {
    const hotel = compilePlan(grandHotelPlan);
    // Dialed values as people key them: digits, the access code, + and punctuation, * and #.
    const dialedArb = fc
      .array(fc.constantFrom(...'0123456789012345678901234567890123456789 -()+*#.'.split('')), {
        maxLength: 18,
      })
      .map((chars) => chars.join(''));
    const talkMsArb = fc.integer({ min: 0, max: 7_200_000 });

    it('the catch-all prices only routable numbers; * or # is never priced; unanswered and grace win over every dial problem', () => {
      fc.assert(
        fc.property(dialedArb, talkMsArb, (dialedNumber, talkMs) => {
          const result = rateCall(hotel, call({ dialedNumber, talkMs }));
          const talkSeconds = Math.ceil(talkMs / 1000);
          if (talkSeconds === 0) expect(result.reason).toBe('unanswered');
          else if (talkSeconds < 30) expect(result.reason).toBe('grace');
          else if (/[*#]/.test(dialedNumber)) expect(result.reason).toBe('feature-code');
          if (result.destinationPrefix === '') {
            // Only a + number or a possible international number reaches the catch-all.
            const plus = dialedNumber.trimStart().startsWith('+');
            const international = parsePhoneNumberFromString(`+${result.normalizedNumber}`);
            expect(plus || international?.isPossible()).toBe(true);
            expect(dialedNumber).not.toMatch(/[*#]/);
          }
          if (result.status === 'pending') expect(result.amountMinor).toBeGreaterThan(0);
          if (result.reason === 'unroutable-number' || result.reason === 'feature-code') {
            expect(result.amountMinor).toBe(0);
            expect(result.status).toBe('needs-review');
          }
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('account-summary', () => {
    const summaryPlanArb = fc.record({
      perCall: decimalString(2, 2),
      perMinute: decimalString(3, 6),
      incrementSeconds: fc.integer({ min: 1, max: 120 }),
      rounding: fc.constantFrom<RoundingMode>('half-up', 'half-even', 'up'),
    });
    const compileSummary = (
      input: typeof summaryPlanArb extends fc.Arbitrary<infer T> ? T : never,
    ) =>
      compilePlan({
        ...firmSummaryPlan,
        rounding: input.rounding,
        summaryRate: {
          perCall: input.perCall,
          perMinute: input.perMinute,
          incrementSeconds: input.incrementSeconds,
        },
        accounts: [],
      } satisfies AccountSummaryPlan);
    const callsArb = fc.integer({ min: 0, max: 10_000 });
    const talkArb = fc.integer({ min: 0, max: 1_000 * 3_600_000 });

    it('the charge never decreases with more calls', () => {
      fc.assert(
        fc.property(summaryPlanArb, callsArb, callsArb, talkArb, (input, a, b, totalTalkMs) => {
          const plan = compileSummary(input);
          const amount = (calls: number) =>
            rateSummary(plan, summaryRow({ calls, totalTalkMs })).amountMinor;
          expect(amount(Math.min(a, b))).toBeLessThanOrEqual(amount(Math.max(a, b)));
        }),
        RUNS,
      );
    });

    it('the charge never decreases with more talk time', () => {
      fc.assert(
        fc.property(summaryPlanArb, callsArb, talkArb, talkArb, (input, calls, a, b) => {
          const plan = compileSummary(input);
          const amount = (totalTalkMs: number) =>
            rateSummary(plan, summaryRow({ calls, totalTalkMs })).amountMinor;
          expect(amount(Math.min(a, b))).toBeLessThanOrEqual(amount(Math.max(a, b)));
        }),
        RUNS,
      );
    });

    it('total = amount + taxes, and the same row twice gives the same JSON', () => {
      fc.assert(
        fc.property(summaryPlanArb, callsArb, talkArb, (input, calls, totalTalkMs) => {
          const row = summaryRow({ calls, totalTalkMs });
          const first = rateSummary(compileSummary(input), row);
          expect(first.amountMinor).toBeGreaterThanOrEqual(0);
          expect(first.totalMinor).toBe(first.amountMinor + first.taxMinor);
          expect(JSON.stringify(rateSummary(compileSummary(input), row))).toBe(
            JSON.stringify(first),
          );
        }),
        RUNS,
      );
    });
  });
});
