import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import {
  CallRecordInput,
  SummaryRecordInput,
  parseQuoteRecords,
  plainlyValid,
} from './quote-records';

/** The hand check is a shortcut for the DTOs: it may send a valid record to them, never pass a bad one. */
describe('quote records: the shortcut for plain records', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 5 }),
    fc.string({ minLength: 99, maxLength: 101 }),
    fc.string({ minLength: 199, maxLength: 201 }),
    fc.constant(null),
    fc.integer(),
  );
  const number = fc.oneof(
    fc.integer({ min: -1, max: 100 }),
    fc.constantFrom(0.5, 31 * 86_400_000, 31 * 86_400_000 + 1, 100_000_001, Number.NaN),
    fc.constant('60'),
  );
  const instant = fc.oneof(
    fc.constantFrom('2026-03-10T14:05:00-06:00', '2026-03-10', 'nope', -1, 0, 1.5),
    fc.integer({ min: 0, max: 2e12 }),
  );
  const record = fc.record(
    {
      callId: text,
      startTime: instant,
      direction: fc.constantFrom('outbound', 'inbound', 'internal', 'sideways', 5),
      extension: text,
      dialedNumber: text,
      talkMs: number,
      accountCode: text,
      calls: number,
      totalTalkMs: number,
      periodStart: instant,
      periodEnd: instant,
      extra: fc.constant(1),
    },
    { requiredKeys: [] },
  );

  it.each([
    ['per-call', CallRecordInput],
    ['account-summary', SummaryRecordInput],
  ] as const)('%s: a record it passes has no error by the DTO (property)', (kind, type) => {
    fc.assert(
      fc.property(record, (r) => {
        if (!plainlyValid(r, kind)) return;
        const errors = validateSync(plainToInstance(type as new () => object, r), {
          whitelist: true,
          forbidNonWhitelisted: true,
        });
        expect(errors).toEqual([]);
      }),
      { numRuns: 2_000, seed: 15 },
    );
  });

  it('passes the usual record, and 10,000 of them quickly', () => {
    const r = {
      callId: 'c-1',
      startTime: '2026-03-10T14:05:00-06:00',
      direction: 'outbound',
      dialedNumber: '9 (212) 555-0100',
      talkMs: 61_000,
      accountCode: '10234-001',
    };
    expect(plainlyValid(r, 'per-call')).toBe(true);
    const started = performance.now();
    expect(parseQuoteRecords({ records: Array(10_000).fill(r) }, 'per-call').ok).toBe(true);
    // About 20 ms; the margin is for a loaded machine.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
