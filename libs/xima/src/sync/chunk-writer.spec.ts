import type {
  AccountSummaryFields,
  CallRecordFields,
  LineItemInserter,
  NewLineItem,
  RatePlanVersion,
  RawRecord,
  RecordWriter,
} from '@app/ledger';
import {
  AccountSummaryPlan,
  AccountSummaryRecord,
  CanonicalCallRecord,
  PerCallPlan,
  compilePlan,
} from '@app/rating';
import type { ParsedRow, RowError } from '../report';
import { ACCOUNT_SUMMARIES, CALL_DETAILS, ChunkContext, writeChunk } from './chunk-writer';

const EFFECTIVE_MS = Date.parse('2026-03-01T00:00:00Z');
const MONDAY_NOON_MS = Date.parse('2026-03-02T19:00:00Z'); // 12:00 in Denver

const hotel: PerCallPlan = {
  name: 'Hotel',
  kind: 'per-call',
  currency: 'USD',
  timezone: 'America/Denver',
  rounding: 'half-up',
  dialPlan: { country: 'US', accessCode: '9', areaCode: '303' },
  taxes: [{ name: 'State sales tax', ratePercent: '6.25' }],
  billingAccount: { by: 'extension', ranges: [{ from: '1001', to: '1999' }], prefix: 'ROOM-' },
  destinations: [{ prefix: '1', class: 'long-distance' }],
  rates: {
    'long-distance': {
      connectFee: '1.00',
      perMinute: '0.45',
      firstIncrementSeconds: 60,
      incrementSeconds: 6,
    },
  },
};

const firm: AccountSummaryPlan = {
  name: 'Firm',
  kind: 'account-summary',
  currency: 'USD',
  rounding: 'half-up',
  billingAccount: { by: 'accountCode', pattern: '^(?<client>\\d{5})-(?<matter>\\d{3})$' },
  summaryRate: { perCall: '0.10', perMinute: '0.25', incrementSeconds: 60 },
  taxes: [],
};

const version = (id: number): RatePlanVersion => ({
  id,
  ratePlanId: 3,
  version: 2,
  effectiveFromMs: EFFECTIVE_MS,
  planJson: '{}',
  createdAtMs: 0,
  createdBy: 'test',
});

/** A writer that keeps what it is given, with natural keys like the ledger's. */
class MemoryRecords implements RecordWriter {
  readonly calls = new Map<string, number>();
  readonly summaries = new Map<string, number>();
  readonly errors: { reason: string; rawJson: string }[] = [];
  private nextId = 100;

  addCalls(calls: RawRecord<CallRecordFields>[]): Promise<(number | null)[]> {
    return Promise.resolve(calls.map(({ record }) => this.add(this.calls, record.callId)));
  }

  addSummaries(summaries: RawRecord<AccountSummaryFields>[]): Promise<(number | null)[]> {
    return Promise.resolve(
      summaries.map(({ record }) =>
        this.add(
          this.summaries,
          `${record.accountCode}|${record.periodStartMs}|${record.periodEndMs}`,
        ),
      ),
    );
  }

  addErrors(errors: { reason: string; rawJson: string }[]): Promise<void> {
    this.errors.push(...errors.map(({ reason, rawJson }) => ({ reason, rawJson })));
    return Promise.resolve();
  }

  private add(keys: Map<string, number>, key: string): number | null {
    if (keys.has(key)) return null;
    keys.set(key, this.nextId++);
    return keys.get(key)!;
  }
}

class MemoryItems implements LineItemInserter {
  readonly items: NewLineItem[] = [];
  insert(items: readonly NewLineItem[]): Promise<number[]> {
    return Promise.resolve(items.map((item) => this.items.push(item)));
  }
}

function chunk(plan: PerCallPlan | AccountSummaryPlan, autoApprove = false) {
  const records = new MemoryRecords();
  const lineItems = new MemoryItems();
  const compiled = compilePlan(plan);
  const context: ChunkContext = {
    source: { id: 5, ratePlanId: 3, autoApprove },
    versions: [version(9)],
    inForce: (startMs) => (startMs >= EFFECTIVE_MS ? { version: version(9), compiled } : null),
    nowMs: 1234,
    records,
    lineItems,
  };
  return { context, records, lineItems };
}

const row = <R>(record: R, rowIndex: number): ParsedRow<R> => ({
  record,
  rowIndex,
  rawJson: `{"row":${rowIndex}}`,
});

const call = (callId: string, fields: Partial<CanonicalCallRecord> = {}): CanonicalCallRecord => ({
  callId,
  startTimeMs: MONDAY_NOON_MS,
  direction: 'outbound',
  extension: '1012',
  dialedNumber: '9 1 505 555 0191',
  talkMs: 65_101,
  accountCode: null,
  ...fields,
});

describe('writeChunk: one writer for both report kinds', () => {
  it('stores each call once, rates the new billable ones, and counts every row', async () => {
    const { context, records, lineItems } = chunk(hotel);
    // An overlapping window took it before.
    await records.addCalls([{ record: call('already-there'), rawJson: '{}' }]);
    const unreadable: RowError = {
      rowIndex: 5,
      reason: 'Talk Time: not a duration',
      rawJson: '[]',
    };
    const counts = await writeChunk(context, CALL_DETAILS, {
      records: [
        row(call('billed'), 0),
        row(call('already-there'), 1),
        row(call('inbound', { direction: 'inbound' }), 2),
        row(call('lobby', { extension: '200' }), 3),
        row(call('too-early', { startTimeMs: EFFECTIVE_MS - 1 }), 4),
      ],
      errors: [unreadable],
    });
    expect(counts).toEqual({
      fetched: 6,
      inserted: 4,
      duplicates: 1,
      rated: 1,
      noCharge: 0,
      needsReview: 0,
      errors: 2, // the unreadable row and the call no plan version covers
    });
    expect([...records.calls.keys()]).toEqual([
      'already-there',
      'billed',
      'inbound',
      'lobby',
      'too-early',
    ]);
    expect(records.errors).toEqual([
      { reason: unreadable.reason, rawJson: '[]' },
      {
        reason:
          'no version of rate plan 3 is in force at 2026-02-28T23:59:59.999Z (the first takes effect 2026-03-01T00:00:00.000Z)',
        rawJson: '{"row":4}',
      },
    ]);
    // 66 s billed: 60 s + 1 x 6 s at 0.45/min = 0.495, + 1.00 = 1.495 -> 1.50; tax 0.09.
    expect(lineItems.items).toEqual([
      expect.objectContaining({
        sourceId: 5,
        callRecordId: records.calls.get('billed'),
        accountSummaryId: null,
        callId: 'billed',
        startTimeMs: MONDAY_NOON_MS,
        billingAccount: 'ROOM-1012',
        amountMinor: 150,
        taxMinor: 9,
        totalMinor: 159,
        status: 'pending',
        ratePlanId: 3,
        ratePlanVersionId: 9,
        ratePlanVersionNumber: 2,
        createdAtMs: 1234,
      }),
    ]);
  });

  it('approves what rating leaves pending for a source that auto-approves', async () => {
    const { context, lineItems } = chunk(hotel, true);
    await writeChunk(context, CALL_DETAILS, { records: [row(call('billed'), 0)], errors: [] });
    expect(lineItems.items.map((item) => item.status)).toEqual(['approved']);
  });

  it('stores summaries under (account code, period) and makes one line item for each new one', async () => {
    const { context, records, lineItems } = chunk(firm);
    const summary = (accountCode: string): AccountSummaryRecord => ({
      accountCode,
      calls: 3,
      totalTalkMs: 125_000,
      periodStartMs: MONDAY_NOON_MS,
      periodEndMs: MONDAY_NOON_MS + 86_400_000,
    });
    const counts = await writeChunk(context, ACCOUNT_SUMMARIES, {
      records: [row(summary('10234-002'), 0), row(summary('10234-002'), 1), row(summary('ABC'), 2)],
      errors: [],
    });
    expect(counts).toEqual({
      fetched: 3,
      inserted: 2,
      duplicates: 1,
      rated: 2,
      noCharge: 0,
      needsReview: 1, // ABC: an account code the pattern does not match
      errors: 0,
    });
    // 3 calls x 0.10 + 180 s billed x 0.25/min = 0.30 + 0.75 = 1.05.
    expect(lineItems.items[0]).toMatchObject({
      callRecordId: null,
      accountSummaryId: records.summaries.get(
        `10234-002|${MONDAY_NOON_MS}|${MONDAY_NOON_MS + 86_400_000}`,
      ),
      extension: null,
      dialedNumber: null,
      accountCode: '10234-002',
      billingAccount: '10234-002',
      calls: 3,
      amountMinor: 105,
      status: 'pending',
    });
    expect(lineItems.items[1]).toMatchObject({
      status: 'needs-review',
      reason: 'unknown-account-code',
    });
  });
});
