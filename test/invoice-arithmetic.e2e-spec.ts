import Decimal from 'decimal.js';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { samplePlan } from './support/fixtures';
import { Seeded, seedItems, seedSource } from './support/line-items';
import { TestApp, bearer, createTestApp } from './support/test-app';

// Invoice arithmetic (docs/exports.md "Totals", docs/rating.md step 5), through the real adjust and
// invoice code paths: a line bills the reviewer's adjusted amount with taxes recomputed on it
// with the plan's rates and rounding (else the rated amount and tax); subtotal, tax and total
// are sums of already-rounded line values. Every expected tax here is computed again with
// decimal.js from the plan's JSON, never with the product's own tax function.

const T0 = Date.parse('2026-03-02T07:00:00Z');
const PERIOD = { periodStart: '2026-03-01T00:00:00-07:00', periodEnd: '2026-04-01T00:00:00-06:00' };
const MAX_AMOUNT = 500_000; // minor units: 5,000.00

type Rounding = 'half-up' | 'half-even' | 'up';
interface Tax {
  name: string;
  ratePercent: string;
}
interface TaxLine extends Tax {
  amountMinor: number;
}
interface PlanUnderTest {
  name: string;
  rounding: Rounding;
  taxes: Tax[];
}

interface InvoiceView {
  id: number;
  status: string;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  lines: { lineItemId: number; amount: string; tax: string; total: string }[];
}
interface InvoiceJson extends Omit<InvoiceView, 'lines'> {
  lines: {
    lineItemId: number;
    ratedAmount: string;
    ratedTax: string;
    adjustment: string;
    amount: string;
    taxes: { name: string; ratePercent: string; amount: string }[];
    tax: string;
    total: string;
  }[];
}

const grandHotel = samplePlan<PlanUnderTest & Record<string, unknown>>('grand-hotel');

/**
 * The plans the items are rated with: the shipped hotel plan (half-up, one tax), and the same
 * plan with the other rounding modes and several taxes, each rounded on its own.
 */
const PLANS: PlanUnderTest[] = [
  { name: 'Arithmetic grand hotel', rounding: grandHotel.rounding, taxes: grandHotel.taxes },
  {
    name: 'Arithmetic half-even, two taxes',
    rounding: 'half-even',
    taxes: [
      { name: 'State sales tax', ratePercent: '6.25' },
      { name: 'City telephone tax', ratePercent: '2.5' },
    ],
  },
  {
    name: 'Arithmetic up, three taxes',
    rounding: 'up',
    taxes: [
      { name: 'State sales tax', ratePercent: '4' },
      { name: 'City sales tax', ratePercent: '4.5' },
      { name: 'Transit surcharge', ratePercent: '0.375' },
    ],
  },
];

const DEC = Decimal.clone({ precision: 60 });
const MODE: Record<Rounding, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
};

/** docs/rating.md, step 5: tax_k = round(amount * ratePercent_k / 100), each rounded on its own. */
function expectedTaxes(plan: PlanUnderTest, amountMinor: number): TaxLine[] {
  return plan.taxes.map(({ name, ratePercent }) => ({
    name,
    ratePercent,
    amountMinor: new DEC(amountMinor)
      .mul(ratePercent)
      .div(100)
      .toDecimalPlaces(0, MODE[plan.rounding])
      .toNumber(),
  }));
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** A USD money string ("12.34", "-0.50") as integer cents, read digit by digit: no float. */
function cents(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`${JSON.stringify(text)} is not a USD amount with 2 decimals`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

type AmountStyle = 'fixed' | 'short' | 'long';

/** Cents as the decimal string a reviewer sends: "12.50", "12.5" or "12.500000". */
function amountText(amountMinor: number, style: AmountStyle): string {
  const fixed = `${Math.floor(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, '0')}`;
  if (style === 'fixed') return fixed;
  return style === 'short' ? fixed.replace(/\.?0+$/, '') : `${fixed}0000`;
}

/**
 * Amounts whose tax lands exactly on half a cent for one of the plans' rates: with the rate
 * n/d in lowest terms and d even, amount = (d/2)(2k+1) gives amount * n/d = an integer + 1/2.
 */
const tieAmountArbs = [
  ...new Set(PLANS.flatMap((plan) => plan.taxes.map((tax) => tax.ratePercent))),
].flatMap((ratePercent) => {
  const d = new DEC(ratePercent).div(100).toFraction()[1].toNumber();
  if (d % 2 !== 0) return [];
  const half = d / 2;
  return [
    fc
      .integer({ min: 0, max: Math.floor((MAX_AMOUNT / half - 1) / 2) })
      .map((k) => half * (2 * k + 1)),
  ];
});

const amountArb = fc.oneof(
  fc.integer({ min: 0, max: MAX_AMOUNT }),
  ...tieAmountArbs,
  fc.constantFrom(0, 1, 8, 200, MAX_AMOUNT),
);

/** A reviewer's adjustment: to an amount (0 included), or above the rated amount. */
const adjustmentArb = fc.record({
  to: fc.oneof(
    amountArb.map((amount) => ({ amount })),
    fc.constant({ amount: 0 }),
    fc.integer({ min: 1, max: 100_000 }).map((above) => ({ above })),
  ),
  style: fc.constantFrom<AmountStyle>('fixed', 'short', 'long'),
});

const itemArb = fc.record({
  rated: amountArb,
  // Unadjusted, or adjusted once or twice (the last one bills).
  adjustments: fc.oneof(fc.constant([]), fc.array(adjustmentArb, { minLength: 1, maxLength: 2 })),
  adjustAfterApproval: fc.boolean(),
});

const runArb = fc.record({
  plan: fc.integer({ min: 0, max: PLANS.length - 1 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 12 }),
});

describe('invoice arithmetic: adjusted and unadjusted lines, taxes and totals (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  const seeded: Seeded[] = [];
  let accounts = 0;

  const http = () => request(t.app.getHttpServer());

  /**
   * Pending items of a fresh account as rating stores them: the rated amount, each rated tax
   * and (in the breakdown) the rated tax total, for `plan`. Returns the ids and rated taxes.
   */
  async function seedRated(plan: number, account: string, rated: number[]) {
    const taxes = rated.map((amount) => expectedTaxes(PLANS[plan], amount));
    const ids = await seedItems(
      db,
      seeded[plan],
      rated.map((amount, i) => ({
        startTimeMs: T0 + i * 60_000,
        billingAccount: account,
        amountMinor: amount,
        taxMinor: sum(taxes[i].map((tax) => tax.amountMinor)),
      })),
    );
    for (const [i, id] of ids.entries()) {
      const taxMinor = sum(taxes[i].map((tax) => tax.amountMinor));
      await db.query('UPDATE line_items SET taxes_json = ?, breakdown_json = ? WHERE id = ?', [
        JSON.stringify(taxes[i]),
        JSON.stringify({
          status: 'pending',
          amountMinor: rated[i],
          taxes: taxes[i],
          taxMinor,
          totalMinor: rated[i] + taxMinor,
        }),
        id,
      ]);
    }
    return { ids, ratedTaxes: taxes };
  }

  async function versionsOf(account: string): Promise<Map<number, number>> {
    const res = await http()
      .get('/api/v1/line-items')
      .query({ billingAccount: account, totals: 'false' })
      .set(...bearer(t.adminKey))
      .expect(200);
    const items = res.body.items as { id: number; version: number }[];
    return new Map(items.map((item) => [item.id, item.version]));
  }

  const adjust = (id: number, version: number, amount: string) =>
    http()
      .post(`/api/v1/line-items/${id}/adjust`)
      .set(...bearer(t.adminKey))
      .send({ version, amount, reason: 'Guest disputed the call' });

  const approveAll = (ids: number[]) =>
    http()
      .post('/api/v1/line-items/bulk')
      .set(...bearer(t.adminKey))
      .send({ action: 'approve', ids })
      .expect(200);

  /** Draft, finalize, read back: the draft, the finalized invoice and its JSON export. */
  async function invoice(account: string) {
    const draft = await http()
      .post('/api/v1/invoices')
      .set(...bearer(t.adminKey))
      .send({ billingAccount: account, ...PERIOD })
      .expect(201);
    await http()
      .post(`/api/v1/invoices/${draft.body.id}/finalize`)
      .set(...bearer(t.adminKey))
      .expect(200);
    const final = await http()
      .get(`/api/v1/invoices/${draft.body.id}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    const exported = await http()
      .get(`/api/v1/invoices/${draft.body.id}/export`)
      .query({ format: 'json' })
      .set(...bearer(t.adminKey))
      .expect(200);
    return {
      draft: draft.body as InvoiceView,
      final: final.body as InvoiceView,
      json: JSON.parse(exported.text) as InvoiceJson,
    };
  }

  beforeAll(async () => {
    t = await createTestApp({});
    db = t.app.get(DataSource);
    for (const plan of PLANS) {
      const { rounding, taxes } = plan;
      seeded.push(await seedSource(t, plan.name, { ...grandHotel, rounding, taxes }));
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('worked by hand: 6.25 % half-up on an adjusted 2.00 is 0.13; the invoice sums rounded line taxes', async () => {
    // Grand hotel: one tax, State sales tax 6.25 %, rounding half-up.
    // Item A is rated 1.50: tax round(1.50 * 6.25 %) = round(0.09375) = 0.09 (docs/rating.md).
    //   The reviewer adjusts it to 2.00: tax round(2.00 * 6.25 %) = round(0.125) = 0.13, exactly
    //   half a cent rounded up (keeping the rated tax would give 0.09), total 2.13.
    // Item B is rated 2.00 and not adjusted: rated tax 0.13, total 2.13.
    // Invoice: subtotal 2.00 + 2.00 = 4.00; tax 0.13 + 0.13 = 0.26 (the tax on the subtotal
    //   would be 4.00 * 6.25 % = 0.25: taxes are rounded per line, then summed); total 4.26.
    const account = `HAND-${++accounts}`;
    const {
      ids: [a, b],
    } = await seedRated(0, account, [150, 200]);
    await adjust(a, 1, '-1.00').expect(400); // a negative amount is refused
    await adjust(a, 1, '2.001').expect(400); // more decimals than USD has
    const adjusted = await adjust(a, 1, '2.00').expect(200);
    expect(adjusted.body).toMatchObject({
      amount: '2.00',
      ratedAmount: '1.50',
      adjusted: true,
      taxes: [{ name: 'State sales tax', ratePercent: '6.25', amount: '0.13' }],
      tax: '0.13',
      total: '2.13',
    });
    await approveAll([a, b]);
    const { final, json } = await invoice(account);
    expect(final).toMatchObject({
      status: 'finalized',
      subtotal: '4.00',
      tax: '0.26',
      total: '4.26',
    });
    expect(
      json.lines.map(({ lineItemId, amount, tax, total }) => ({ lineItemId, amount, tax, total })),
    ).toEqual([
      { lineItemId: a, amount: '2.00', tax: '0.13', total: '2.13' },
      { lineItemId: b, amount: '2.00', tax: '0.13', total: '2.13' },
    ]);
    expect(json.lines[0]).toMatchObject({
      ratedAmount: '1.50',
      ratedTax: '0.09',
      adjustment: '0.54',
    });

    // The same adjustment under half-even with two taxes (6.25 % and 2.5 %), each rounded on
    // its own: round(0.125) = 0.12 (the even neighbour), round(0.05) = 0.05; tax 0.17, total 2.17.
    const other = `HAND-${++accounts}`;
    const {
      ids: [c],
    } = await seedRated(1, other, [150]);
    await adjust(c, 1, '2').expect(200);
    await approveAll([c]);
    const evenInvoice = await invoice(other);
    expect(evenInvoice.json.lines[0].taxes).toEqual([
      { name: 'State sales tax', ratePercent: '6.25', amount: '0.12' },
      { name: 'City telephone tax', ratePercent: '2.5', amount: '0.05' },
    ]);
    expect(evenInvoice.final).toMatchObject({ subtotal: '2.00', tax: '0.17', total: '2.17' });
  });

  it('property: every line bills its (adjusted) amount with taxes recomputed on it; totals are sums of rounded lines', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ plan, items }) => {
        const account = `PROP-${++accounts}`;
        const { ids, ratedTaxes } = await seedRated(
          plan,
          account,
          items.map((item) => item.rated),
        );
        const billed = new Map<number, number>(); // line item id -> the last adjusted amount
        const adjustWhen = async (afterApproval: boolean) => {
          const versions = await versionsOf(account);
          for (const [i, item] of items.entries()) {
            if (item.adjustAfterApproval !== afterApproval) continue;
            for (const { to, style } of item.adjustments) {
              const amount = 'amount' in to ? to.amount : item.rated + to.above;
              const res = await adjust(ids[i], versions.get(ids[i])!, amountText(amount, style));
              expect(res.status).toBe(200);
              versions.set(ids[i], res.body.version as number);
              billed.set(ids[i], amount);
            }
          }
        };
        await adjustWhen(false);
        await approveAll(ids);
        await adjustWhen(true);
        const { draft, final, json } = await invoice(account);

        const expected = new Map(
          items.map((item, i) => {
            const adjusted = billed.has(ids[i]);
            const amount = adjusted ? billed.get(ids[i])! : item.rated;
            // Recomputed on an adjusted amount; an unadjusted line keeps what rating stored.
            const taxes = adjusted ? expectedTaxes(PLANS[plan], amount) : ratedTaxes[i];
            const tax = sum(taxes.map((line) => line.amountMinor));
            const ratedTax = sum(ratedTaxes[i].map((line) => line.amountMinor));
            return [
              ids[i],
              { rated: item.rated, ratedTax, adjusted, amount, taxes, tax, total: amount + tax },
            ];
          }),
        );

        for (const view of [draft, final, json]) {
          expect(view.lines.map((line) => line.lineItemId).sort((x, y) => x - y)).toEqual(
            [...ids].sort((x, y) => x - y),
          );
          for (const line of view.lines) {
            const want = expected.get(line.lineItemId)!;
            // (a) the billed amount and its tax; (b) line total = amount + tax.
            expect({
              id: line.lineItemId,
              amount: cents(line.amount),
              tax: cents(line.tax),
            }).toEqual({ id: line.lineItemId, amount: want.amount, tax: want.tax });
            expect(cents(line.total)).toBe(cents(line.amount) + cents(line.tax));
          }
          // (c) sums of the rounded line values, as exact integers of cents.
          const lineSum = (pick: (line: InvoiceView['lines'][number]) => string) =>
            sum(view.lines.map((line) => cents(pick(line))));
          const subtotal = cents(view.subtotal);
          const tax = cents(view.tax);
          expect(view.currency).toBe('USD');
          expect(subtotal).toBe(lineSum((line) => line.amount));
          expect(tax).toBe(lineSum((line) => line.tax));
          expect(cents(view.total)).toBe(subtotal + tax);
          expect(cents(view.total)).toBe(lineSum((line) => line.total));
          expect({ subtotal, tax }).toEqual({
            subtotal: sum([...expected.values()].map((line) => line.amount)),
            tax: sum([...expected.values()].map((line) => line.tax)),
          });
        }
        expect(final.status).toBe('finalized');

        // The export shows each tax: recomputed on an adjusted amount, the rated ones otherwise;
        // and the rated values beside the billed ones, the difference as the adjustment.
        for (const line of json.lines) {
          const want = expected.get(line.lineItemId)!;
          expect(line.taxes.map((tax) => ({ ...tax, amount: cents(tax.amount) }))).toEqual(
            want.taxes.map(({ name, ratePercent, amountMinor }) => ({
              name,
              ratePercent,
              amount: amountMinor,
            })),
          );
          expect(cents(line.tax)).toBe(sum(line.taxes.map((tax) => cents(tax.amount))));
          expect(cents(line.ratedAmount)).toBe(want.rated);
          expect(cents(line.ratedTax)).toBe(want.ratedTax);
          expect(cents(line.adjustment)).toBe(want.total - (want.rated + want.ratedTax));
          if (!want.adjusted) expect(cents(line.adjustment)).toBe(0);
        }
      }),
      { numRuns: 30, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: true },
    );
  }, 60_000);
});
