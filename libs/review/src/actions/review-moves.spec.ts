import { ItemState, refusal } from './review-moves';

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
