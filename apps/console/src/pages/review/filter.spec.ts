/// <reference types="jest" />
import {
  allows,
  filterQuery,
  narrowedFor,
  whyNot,
  nextDay,
  previousDay,
  readFilter,
} from './filter';

describe("the review queue's filter", () => {
  it('writes its fields in one order, whatever order the address had them in', () => {
    const filter = readFilter('?to=2026-12-04&sourceId=1&status=pending&from=2026-12-03&page=2');
    expect(filterQuery(filter)).toBe('status=pending&sourceId=1&from=2026-12-03&to=2026-12-04');
  });

  it('leaves out empty fields', () => {
    expect(filterQuery(readFilter('status=&q=%20&billingAccount=ROOM-1012'))).toBe(
      'billingAccount=ROOM-1012',
    );
  });

  it("turns a day people include into the API's excluded end, across months and leap days", () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    // Years below 100 stay themselves (Date.UTC would read 0002 as 1902).
    expect(nextDay('0002-12-05')).toBe('0002-12-06');
  });

  it('narrows "all that match" to the statuses an action may start from', () => {
    expect(narrowedFor('approve', {})).toEqual({ status: 'pending,needs-review' });
    expect(narrowedFor('approve', { status: 'pending', sourceId: '1' })).toEqual({
      status: 'pending',
      sourceId: '1',
    });
    expect(narrowedFor('reject', { status: 'approved' })).toEqual({ status: 'approved' });
    expect(narrowedFor('approve', { status: 'approved' })).toBeNull();
  });

  it("does not offer to approve a law firm's unknown matter until another code is assigned", () => {
    const item = {
      status: 'needs-review' as const,
      invoiceId: null,
      reason: 'unknown-matter',
      accountCode: '10243-001',
      billingAccount: '10243-001',
    };
    expect(allows('approve', item)).toBe(false);
    expect(whyNot('approve', item)).toBe('billed to an unknown matter (assign one first)');
    expect(allows('assign', item)).toBe(true);
    expect(allows('approve', { ...item, status: 'pending', billingAccount: '10234-001' })).toBe(
      true,
    );
  });
});
