import { ItemState, refusal, statusAfter } from './review-moves';

describe("refusal: a law firm's unknown matter", () => {
  const item: ItemState = {
    id: 7,
    status: 'needs-review',
    billingAccount: '10243-001',
    accountCode: ' 10243-001 ',
    invoiceId: null,
    reason: 'unknown-matter',
  };

  it('is not approved while it is billed to the code as dialed', () => {
    expect(refusal('approve', item)).toBe(
      "line item 7's code 10243-001 is not a known matter: assign a matter first",
    );
    expect(refusal('assign', item)).toBeNull();
    expect(refusal('reject', item)).toBeNull();
  });

  it('is approved once an assign gave it another code', () => {
    expect(
      refusal('approve', { ...item, status: 'pending', billingAccount: '10234-001' }),
    ).toBeNull();
  });

  it('a closed matter may be approved: billing after the closing is the reviewer’s call', () => {
    expect(refusal('approve', { ...item, reason: 'closed-matter' })).toBeNull();
  });
});

describe('reset: back to what rating made of the item', () => {
  const rejected: ItemState = {
    id: 8,
    status: 'rejected',
    billingAccount: '10243-001',
    accountCode: '10243-001',
    invoiceId: null,
    reason: 'unknown-matter',
  };

  it.each(['unknown-matter', 'closed-matter', 'unknown-account-code'])(
    'a %s code still billed as dialed needs review again',
    (reason) => {
      expect(statusAfter('reset', { ...rejected, reason })).toBe('needs-review');
    },
  );

  it('a code reassigned since is pending', () => {
    expect(statusAfter('reset', { ...rejected, billingAccount: '10234-001' })).toBe('pending');
  });

  it('a valid code rating billed is pending', () => {
    expect(statusAfter('reset', { ...rejected, reason: null })).toBe('pending');
  });
});
