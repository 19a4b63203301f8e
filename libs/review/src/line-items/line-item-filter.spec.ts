import { DomainError } from '@app/common';
import { compileFilter, decodeCursor, encodeCursor } from './line-item-filter';

describe('compileFilter: a filter as the ledger query', () => {
  it('passes each field on, and reads plain dates at midnight in the zone given', () => {
    expect(
      compileFilter(
        {
          sourceId: 2,
          status: ['pending', 'approved'],
          billingAccount: 'ROOM-1012',
          destinationClass: 'local',
          from: '2026-03-02',
          to: '2026-03-09T00:00:00Z',
          q: '555',
          reason: ['unknown-matter', 'closed-matter'],
          extension: '253',
          timekeeper: 'TK-014',
        },
        [],
        'America/Denver',
      ).query,
    ).toEqual({
      sourceId: 2,
      statuses: ['pending', 'approved'],
      reasons: ['unknown-matter', 'closed-matter'],
      extension: '253',
      timekeeperId: 'TK-014',
      billingAccount: 'ROOM-1012',
      destinationClass: 'local',
      fromMs: Date.parse('2026-03-02T07:00:00Z'),
      toMs: Date.parse('2026-03-09T00:00:00Z'),
      minAmount: undefined,
      maxAmount: undefined,
      text: '555',
    });
  });

  it('bounds amounts in each currency exactly: at least 1.005 is 101 cents, at most 100', () => {
    const { query } = compileFilter(
      { minAmount: '1.005', maxAmount: '1.005' },
      ['JPY', 'USD'],
      'UTC',
    );
    expect(query.minAmount).toEqual([
      { currency: 'JPY', minor: 2n },
      { currency: 'USD', minor: 101n },
    ]);
    expect(query.maxAmount).toEqual([
      { currency: 'JPY', minor: 1n },
      { currency: 'USD', minor: 100n },
    ]);
  });

  it('refuses a minimum above the maximum, and a range that ends before it starts', () => {
    expect(() => compileFilter({ minAmount: '2', maxAmount: '1.99' }, ['USD'], 'UTC')).toThrow(
      DomainError,
    );
    expect(() => compileFilter({ from: '2026-03-02', to: '2026-03-01' }, [], 'UTC')).toThrow(
      'to must be after from',
    );
  });

  it('gives a cursor that only the same filter takes back', () => {
    const key = compileFilter({ status: ['pending'] }, [], 'UTC').key;
    expect(compileFilter({ status: ['pending'] }, ['USD'], 'UTC').key).toBe(key);
    const other = compileFilter({ status: ['approved'] }, [], 'UTC').key;
    expect(other).not.toBe(key);
    const cursor = encodeCursor({ startTimeMs: 1000, id: 7 }, key);
    expect(decodeCursor(cursor, key)).toEqual({ startTimeMs: 1000, id: 7 });
    expect(() => decodeCursor(cursor, other)).toThrow('cursor belongs to another filter');
  });
});
