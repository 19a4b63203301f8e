import { compilePlan } from './compile-plan';
import { InvalidPlanError } from './errors';
import { lawFirmPerCallPlan } from './fixtures/grand-hotel.plan';
import { call } from './fixtures/records';
import { rateCall } from './rate-call';

/**
 * A law firm billing each call to its account code (docs/rating.md, "Law firms: account
 * codes"): the hotel plan's prices with `"by": "accountCode"` and the pattern
 * ^(?<client>\d{5})-(?<matter>\d{3})$.
 * The long-distance call of the first worked example costs 1.50 + 0.09.
 */
describe('account codes on a per-call plan', () => {
  const firm = compilePlan(lawFirmPerCallPlan);
  const rate = (accountCode: string | null, talkMs = 61_000, dialedNumber = '9 (212) 555-0100') =>
    rateCall(firm, call({ accountCode, talkMs, dialedNumber, extension: null }));

  it('10234-001 bills client 10234, matter 001: pending 1.50 + 0.09', () => {
    expect(rate('10234-001')).toMatchObject({
      status: 'pending',
      reason: null,
      billingAccount: '10234-001',
      client: '10234',
      matter: '001',
      amountMinor: 150,
      totalMinor: 159,
    });
  });

  it('the code is trimmed: " 10234-001 " bills 10234-001', () => {
    expect(rate(' 10234-001 ')).toMatchObject({ status: 'pending', billingAccount: '10234-001' });
  });

  it.each([[null], [''], ['   ']])(
    'no code (%j): needs-review "missing-account-code", amount computed as usual',
    (code) => {
      const result = rate(code);
      expect(result).toMatchObject({
        status: 'needs-review',
        reason: 'missing-account-code',
        billingAccount: null,
        client: null,
        matter: null,
        amountMinor: 150,
        totalMinor: 159,
      });
      expect(result.explanation).toMatch(/total 1\.59 USD; no account code: needs review$/);
    },
  );

  it.each([['10234-1'], ['10234 - 001'], ['1O234-001'], ['10234-0012'], ['x10234-001']])(
    'a malformed code (%j): needs-review "unknown-account-code", billed to the code as entered, amount as usual',
    (code) => {
      const result = rate(code);
      expect(result).toMatchObject({
        status: 'needs-review',
        reason: 'unknown-account-code',
        billingAccount: code.trim(),
        client: null,
        matter: null,
        amountMinor: 150,
      });
      expect(result.explanation).toContain(`account code "${code}" does not match`);
    },
  );

  it('a free or unanswered call without a code is no-charge: there is nothing to bill', () => {
    expect(rate(null, 0)).toMatchObject({ status: 'no-charge', reason: 'unanswered' });
    expect(rate(null, 120_000, '9911')).toMatchObject({
      status: 'no-charge',
      reason: 'free-destination',
    });
    expect(rate('bad', 10_000)).toMatchObject({ status: 'no-charge', reason: 'grace' });
  });

  it('a dial problem wins over a missing code: junk for 61 s is "unroutable-number", *67 "feature-code"', () => {
    expect(rate(null, 61_000, 'junk')).toMatchObject({
      status: 'needs-review',
      reason: 'unroutable-number',
    });
    expect(rate(null, 61_000, '*67')).toMatchObject({
      status: 'needs-review',
      reason: 'feature-code',
    });
  });

  it('an unanswered or short call to junk without a code is no-charge: nothing was billed', () => {
    expect(rate(null, 0, '*67')).toMatchObject({ status: 'no-charge', reason: 'unanswered' });
    expect(rate(null, 0, 'junk')).toMatchObject({ status: 'no-charge', reason: 'unanswered' });
  });

  it('the extension does not matter when billing by account code', () => {
    expect(rateCall(firm, call({ accountCode: '10234-001', extension: '7' })).status).toBe(
      'pending',
    );
  });

  it('an unanchored pattern must match the whole code: 10234-0012 is not matter 001 (decision 0007)', () => {
    const loose = compilePlan({
      ...lawFirmPerCallPlan,
      billingAccount: { by: 'accountCode', pattern: '(?<client>\\d{5})-(?<matter>\\d{3})' },
    });
    const rateLoose = (accountCode: string) => rateCall(loose, call({ accountCode }));
    expect(rateLoose('10234-001')).toMatchObject({ client: '10234', matter: '001' });
    expect(rateLoose('10234-0012').reason).toBe('unknown-account-code');
    expect(rateLoose('x10234-001').reason).toBe('unknown-account-code');
  });

  it('a pattern with alternatives is anchored as a whole', () => {
    const either = compilePlan({
      ...lawFirmPerCallPlan,
      billingAccount: { by: 'accountCode', pattern: '(?<client>\\d{5})|GENERAL' },
    });
    expect(rateCall(either, call({ accountCode: 'GENERAL' })).status).toBe('pending');
    expect(rateCall(either, call({ accountCode: '12345' })).client).toBe('12345');
    expect(rateCall(either, call({ accountCode: '12345x' })).reason).toBe('unknown-account-code');
  });

  it('without a pattern any code bills, with no client or matter', () => {
    const open = compilePlan({ ...lawFirmPerCallPlan, billingAccount: { by: 'accountCode' } });
    expect(rateCall(open, call({ accountCode: 'Smith v. Jones' }))).toMatchObject({
      status: 'pending',
      billingAccount: 'Smith v. Jones',
      client: null,
      matter: null,
    });
  });

  it('only the groups the pattern has are filled', () => {
    const clientOnly = compilePlan({
      ...lawFirmPerCallPlan,
      billingAccount: { by: 'accountCode', pattern: '(?<client>\\d{5})(-\\d+)?' },
    });
    expect(rateCall(clientOnly, call({ accountCode: '10234-9' }))).toMatchObject({
      client: '10234',
      matter: null,
    });
  });

  describe('codes and patterns that could freeze the service (decision 0015)', () => {
    const anything = compilePlan({
      ...lawFirmPerCallPlan,
      billingAccount: { by: 'accountCode', pattern: '.*' },
    });

    it('a code of 32 characters is matched; of 33 it is needs-review "unknown-account-code" without being matched', () => {
      expect(rateCall(anything, call({ accountCode: 'A'.repeat(32) })).status).toBe('pending');
      const long = rateCall(anything, call({ accountCode: 'A'.repeat(33) }));
      expect(long).toMatchObject({
        status: 'needs-review',
        reason: 'unknown-account-code',
        billingAccount: 'A'.repeat(33),
        amountMinor: 150,
      });
      expect(long.explanation).toMatch(/account code is longer than 32 characters: needs review$/);
    });

    it('the length is counted after trimming, and applies without a pattern too', () => {
      expect(rateCall(anything, call({ accountCode: ` ${'A'.repeat(32)} ` })).status).toBe(
        'pending',
      );
      const open = compilePlan({ ...lawFirmPerCallPlan, billingAccount: { by: 'accountCode' } });
      expect(rateCall(open, call({ accountCode: 'A'.repeat(33) })).reason).toBe(
        'unknown-account-code',
      );
    });

    it('a stored pattern that backtracks exponentially does not compile', () => {
      const compile = () =>
        compilePlan({
          ...lawFirmPerCallPlan,
          billingAccount: { by: 'accountCode', pattern: '(?<client>(\\d+)+)-(?<matter>\\d{3})' },
        });
      expect(compile).toThrow(InvalidPlanError);
      expect(compile).toThrow(
        /cannot be compiled: billingAccount\.pattern: must not repeat a part/,
      );
    });
  });
});
