import type { RatePlanVersion } from '@app/ledger';
import { LawBook, LawBookInput, LawBookRule, compilePlan } from '../engine';
import { firmSummaryPlan, lawFirmPerCallPlan } from '../engine/fixtures/grand-hotel.plan';
import { at, call, summaryRow } from '../engine/fixtures/records';
import type { RatePlanDocument } from '../plan/rate-plan';
import { LawBookContext, PlanInForce, RatingSource, rateRecord } from '../rate-record';
import { nextDay } from './law-books.service';

const ZONE = 'America/Denver';
const day = (date: string) => at(`${date}T00:00`, ZONE);

function inForce(document: RatePlanDocument, id: number): PlanInForce {
  const version = { id: id * 10, version: 1, ratePlanId: id } as RatePlanVersion;
  return { version, compiled: compilePlan(document) };
}

const FIRM = inForce(lawFirmPerCallPlan, 1);
const SUMMARY_PLAN = inForce(firmSummaryPlan, 4);
const AT_COST = inForce({ ...lawFirmPerCallPlan, name: 'At cost, no tax', taxes: [] }, 2);

const matters: LawBookInput['matters'] = [
  {
    clientNumber: '10234',
    matterNumber: '001',
    closedFromMs: null,
    closedDate: null,
    billable: true,
  },
  {
    clientNumber: '10234',
    matterNumber: '002',
    closedDate: '2026-03-10',
    closedFromMs: day(nextDay('2026-03-10')),
    billable: true,
  },
  {
    clientNumber: '20871',
    matterNumber: '001',
    closedFromMs: null,
    closedDate: null,
    billable: false,
  },
  {
    clientNumber: '31502',
    matterNumber: '007',
    closedFromMs: null,
    closedDate: null,
    billable: true,
  },
];

const rule = (fields: Partial<LawBookRule>): LawBookRule => ({
  clientNumber: '31502',
  matterNumber: '',
  kind: 'standard',
  markupPercent: null,
  ratePlanId: null,
  effectiveFrom: '2026-03-01',
  fromMs: day('2026-03-01'),
  ...fields,
});

function context(input: Partial<LawBookInput> = {}): LawBookContext {
  const book = new LawBook({ matters, timekeepers: [], rules: [], ...input });
  return {
    book,
    planInForce: (id) => (id === 2 ? AT_COST : id === 4 ? SUMMARY_PLAN : null),
  };
}

const source = (lawBook: LawBookContext | null): RatingSource => ({
  id: 1,
  ratePlanId: 1,
  autoApprove: false,
  lawBook,
});

/** The worked long-distance call (61 s to New York: 1.50 + 0.09 tax) with a code. */
function rate(accountCode: string | null, lawBook: LawBookContext | null = context(), fields = {}) {
  const record = call({ accountCode, extension: '253', talkMs: 61_000, ...fields });
  return rateRecord({ kind: 'call', recordId: 1, record }, FIRM, source(lawBook), 0);
}

describe("a law firm's law book in rating", () => {
  it('an open, billable matter is billed as without a book, the timekeeper named', () => {
    const lawBook = context({
      timekeepers: [
        {
          extension: '253',
          fromMs: null,
          timekeeper: { id: 'SP', name: 'Spencer Porter', classification: 'PARTNER' },
        },
      ],
    });
    const rating = rate('10234-001', lawBook);
    const without = rate('10234-001', null);
    expect(rating.result).toMatchObject({
      status: 'pending',
      reason: null,
      amountMinor: 150,
      totalMinor: 159,
    });
    expect(rating.result.explanation).toBe(without.result.explanation);
    expect(rating.billable && rating.item).toMatchObject({
      timekeeperId: 'SP',
      timekeeperName: 'Spencer Porter',
      timekeeperClassification: 'PARTNER',
    });
    expect(JSON.stringify(without.result)).not.toMatch(/timekeeper|matterRule/);
  });

  it('a code not in the list: needs-review "unknown-matter", priced as usual', () => {
    expect(rate('10243-001').result).toMatchObject({
      status: 'needs-review',
      reason: 'unknown-matter',
      amountMinor: 150,
    });
    expect(rate('10243-001').result.explanation).toMatch(
      /10243-001 is not in the firm's matter list/,
    );
  });

  it('a closed matter: billable through its closed date, needs-review "closed-matter" the day after', () => {
    // TUESDAY 2026-03-10 14:05 local: the closed date itself.
    expect(
      rate('10234-002', context(), { startTimeMs: at('2026-03-10T23:59', ZONE) }).result,
    ).toMatchObject({
      status: 'pending',
    });
    const after = rate('10234-002', context(), {
      startTimeMs: at('2026-03-11T00:00', ZONE),
    }).result;
    expect(after).toMatchObject({
      status: 'needs-review',
      reason: 'closed-matter',
      amountMinor: 150,
    });
    expect(after.explanation).toMatch(/closed on 2026-03-10/);
  });

  it('a matter not billable: no-charge "non-billable-matter", nothing billed', () => {
    expect(rate('20871-001').result).toMatchObject({
      status: 'no-charge',
      reason: 'non-billable-matter',
      amountMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      taxes: [],
    });
  });

  it('missing and malformed codes keep their own reasons; an unanswered call stays unanswered', () => {
    expect(rate(null).result.reason).toBe('missing-account-code');
    expect(rate('1023-01').result.reason).toBe('unknown-account-code');
    expect(rate('10243-001', context(), { talkMs: 0 }).result).toMatchObject({
      status: 'no-charge',
      reason: 'unanswered',
    });
  });

  it('a firm without a matter list only names timekeepers: every well-formed code is billed', () => {
    expect(rate('99999-999', context({ matters: [] })).result).toMatchObject({ status: 'pending' });
  });

  it('a client rule "no-charge" makes its matters no-charge from its date, not before', () => {
    const lawBook = context({ rules: [rule({ kind: 'no-charge' })] });
    expect(rate('31502-007', lawBook).result).toMatchObject({
      status: 'no-charge',
      reason: 'no-charge-rule',
      amountMinor: 0,
      matterRule: "client 31502's rule from 2026-03-01",
    });
    const before = rate('31502-007', lawBook, { startTimeMs: at('2026-02-27T14:05', ZONE) }).result;
    expect(before).toMatchObject({ status: 'pending', amountMinor: 150, matterRule: null });
  });

  it("a markup multiplies the amount, rounded by the plan; taxes follow; a matter rule beats its client's", () => {
    const lawBook = context({
      rules: [
        rule({ kind: 'no-charge' }),
        rule({ matterNumber: '007', kind: 'markup', markupPercent: '12.5' }),
      ],
    });
    const result = rate('31502-007', lawBook).result;
    // 1.50 * 1.125 = 1.6875 -> 1.69 (half-up); tax 6.25% of 1.69 = 0.105625 -> 0.11
    expect(result).toMatchObject({
      status: 'pending',
      amountMinor: 169,
      taxMinor: 11,
      totalMinor: 180,
    });
    expect(result.explanation).toMatch(/12.5% markup, 1.50 -> 1.69/);
    // Remembered per plan and amount: the same again, and another plan's taxes are its own.
    expect(rate('31502-007', lawBook).result).toEqual(result);
    const untaxed = rateRecord(
      {
        kind: 'call',
        recordId: 1,
        record: call({ accountCode: '31502-007', extension: '253', talkMs: 61_000 }),
      },
      AT_COST,
      { id: 1, ratePlanId: 2, autoApprove: false, lawBook },
      0,
    ).result;
    expect(untaxed).toMatchObject({ amountMinor: 169, taxMinor: 0, totalMinor: 169, taxes: [] });
  });

  it('a later rule replaces an earlier one from its date ("standard" goes back to the plan)', () => {
    const lawBook = context({
      rules: [
        rule({ kind: 'no-charge' }),
        rule({ kind: 'standard', effectiveFrom: '2026-03-10', fromMs: day('2026-03-10') }),
      ],
    });
    expect(
      rate('31502-007', lawBook, { startTimeMs: at('2026-03-09T12:00', ZONE) }).result.status,
    ).toBe('no-charge');
    expect(
      rate('31502-007', lawBook, { startTimeMs: at('2026-03-10T12:00', ZONE) }).result.status,
    ).toBe('pending');
  });

  it('a rate-plan rule rates with that plan: its price, its version on the item, the account kept', () => {
    const lawBook = context({ rules: [rule({ kind: 'rate-plan', ratePlanId: 2 })] });
    const rating = rate('31502-007', lawBook);
    // The other plan charges no tax: 1.50, not 1.50 + 0.09.
    const atCost = rateRecord(
      {
        kind: 'call',
        recordId: 1,
        record: call({ accountCode: '31502-007', extension: '253', talkMs: 61_000 }),
      },
      AT_COST,
      { id: 1, ratePlanId: 2, autoApprove: false },
      0,
    );
    expect(rating.result).toMatchObject({ amountMinor: 150, taxMinor: 0, totalMinor: 150 });
    expect(rating.result.totalMinor).toBe(atCost.result.totalMinor);
    expect(rating.billable && rating.item).toMatchObject({
      ratePlanId: 2,
      ratePlanVersionId: 20,
      billingAccount: '31502-007',
    });
    expect(rating.result.explanation).toMatch(/rated with plan 2/);
  });

  it('a rate-plan rule naming a plan of another kind is not applied to this record', () => {
    const lawBook = context({ rules: [rule({ kind: 'rate-plan', ratePlanId: 4 })] });
    const rating = rate('31502-007', lawBook);
    expect(rating.result).toMatchObject({ status: 'pending', amountMinor: 150, totalMinor: 159 });
    expect(rating.billable && rating.item).toMatchObject({ ratePlanId: 1 });
    expect(rating.result.explanation).toMatch(/rates another kind or currency: not applied/);
  });

  it('a rate-plan rule whose plan has no version then: needs review, saying so', () => {
    const lawBook = context({ rules: [rule({ kind: 'rate-plan', ratePlanId: 3 })] });
    expect(rate('31502-007', lawBook).result).toMatchObject({
      status: 'needs-review',
      reason: 'no-rate',
    });
  });

  it('a timekeeper in force by date: a new owner of an extension from a day on', () => {
    const lawBook = context({
      timekeepers: [
        {
          extension: '253',
          fromMs: null,
          timekeeper: { id: 'A', name: 'Old', classification: 'ASSOCIATE' },
        },
        {
          extension: '253',
          fromMs: day('2026-03-10'),
          timekeeper: { id: 'B', name: 'New', classification: 'PARTNER' },
        },
      ],
    });
    const item = (rating: ReturnType<typeof rate>) => (rating.billable ? rating.item : null);
    expect(
      item(rate('10234-001', lawBook, { startTimeMs: at('2026-03-09T23:59', ZONE) })),
    ).toMatchObject({
      timekeeperId: 'A',
      timekeeperName: 'Old',
      timekeeperClassification: 'ASSOCIATE',
    });
    expect(item(rate('10234-001', lawBook))?.timekeeperId).toBe('B');
    // An extension as recorded, with spaces, is the same extension.
    expect(item(rate('10234-001', lawBook, { extension: ' 253 ' }))?.timekeeperId).toBe('B');
    expect(item(rate('10234-001', lawBook, { extension: '999' }))?.timekeeperId).toBeNull();
    // Who dialed does not change the charge: the breakdown does not carry it.
    expect(JSON.stringify(rate('10234-001', lawBook).result)).not.toMatch(/timekeeper|Old|New/);
  });

  it('account-code summaries are checked too (no timekeeper: a summary has no extension)', () => {
    const summaryPlan = inForce(firmSummaryPlan, 5);
    const rated = (accountCode: string) =>
      rateRecord(
        {
          kind: 'summary',
          recordId: 1,
          record: summaryRow({ accountCode, calls: 3, totalTalkMs: 300_000 }),
        },
        summaryPlan,
        { id: 1, ratePlanId: 5, autoApprove: false, lawBook: context() },
        0,
      );
    expect(rated('10234-001').billable && rated('10234-001')).toMatchObject({
      result: { status: 'pending' },
      item: { timekeeperId: null },
    });
    expect(rated('77001-001').result).toMatchObject({
      status: 'needs-review',
      reason: 'unknown-matter',
    });
    expect(rated('20871-001').result).toMatchObject({
      status: 'no-charge',
      reason: 'non-billable-matter',
    });
  });

  it('a plan whose pattern names no groups finds the matter by the code "client-matter"', () => {
    const plain = inForce(
      { ...lawFirmPerCallPlan, billingAccount: { by: 'accountCode', pattern: '\\d{5}-\\d{3}' } },
      6,
    );
    const rated = (accountCode: string) =>
      rateRecord(
        {
          kind: 'call',
          recordId: 1,
          record: call({ accountCode, extension: '253', talkMs: 61_000 }),
        },
        plain,
        { id: 1, ratePlanId: 6, autoApprove: false, lawBook: context() },
        0,
      ).result;
    expect(rated('10234-001').status).toBe('pending');
    expect(rated('20871-001').reason).toBe('non-billable-matter');
    expect(rated('11111-111').reason).toBe('unknown-matter');
  });

  it('the same record and book give the same result, byte for byte', () => {
    expect(JSON.stringify(rate('10234-002').result)).toBe(JSON.stringify(rate('10234-002').result));
  });

  it('nextDay crosses months and years', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
