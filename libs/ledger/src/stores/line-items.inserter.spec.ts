import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { LineItem } from '../entities';
import { Ledger } from '../ledger';
import { LineItemStore, NewLineItem } from './line-items.store';
import { LineItemTotalsStore } from './line-item-totals.store';
import { openTestLedger } from '../testing';

describe('LineItemStore.inserter (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    await db.query(`INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json, created_at_ms, created_by)
      VALUES (1, 1, 1, 0, '{}', 0, 'test')`);
    await db.query(`INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone, created_at_ms, updated_at_ms)
      VALUES (1, 'Calls', 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`);
    await db.query(`INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction, talk_ms, raw_json, created_at_ms)
      VALUES (7, 1, 'c1', 1000, 'outbound', 61000, '{}', 0)`);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const item: NewLineItem = {
    sourceId: 1,
    callRecordId: 7,
    accountSummaryId: null,
    callId: 'c1',
    startTimeMs: 1000,
    extension: '1012',
    accountCode: null,
    dialedNumber: '9 1 505 555 0191',
    billingAccount: 'ROOM-1012',
    normalizedNumber: '15055550191',
    destinationPrefix: '1',
    destinationClass: 'long-distance',
    timeBand: null,
    talkSeconds: 66,
    billedSeconds: 66,
    calls: 1,
    currency: 'USD',
    ratedAmountMinor: 150,
    adjustedAmountMinor: null,
    amountMinor: 150,
    taxesJson: '[{"name":"State sales tax","ratePercent":"6.25","amountMinor":9}]',
    taxMinor: 9,
    totalMinor: 159,
    status: 'pending',
    reason: null,
    reviewReason: null,
    ratePlanId: 1,
    ratePlanVersionId: 1,
    ratePlanVersionNumber: 1,
    timekeeperId: null,
    timekeeperName: null,
    timekeeperClassification: null,
    breakdownJson: '{"charge":"1.495"}',
    invoiceId: null,
    version: 1,
    createdAtMs: 5,
    updatedAtMs: 5,
  };

  const store = () => new LineItemStore(ledger, new LineItemTotalsStore(ledger));
  const sums = () =>
    db.query(`SELECT * FROM line_item_daily_totals ORDER BY local_date, status, currency`);

  it('inserts a new line item with every field rating gave it, and its local date; its id', async () => {
    const [id] = await ledger.transaction((tx) => store().inserter(tx).insert([item]));
    const stored = await db.getRepository(LineItem).findOneByOrFail({ id });
    // 1 s after the epoch is the evening before in Denver.
    expect(stored).toEqual({ id, ...item, localDate: '1969-12-31', stayId: null });
  });

  it("dates an item on its source's wall clock: 23:30 in Denver is that day, 06:30 the next in UTC", async () => {
    const lateEvening = Date.parse('2026-03-02T23:30:00-07:00');
    await db.query(
      `INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction, talk_ms, raw_json, created_at_ms)
      VALUES (8, 1, 'c2', ?, 'outbound', 61000, '{}', 0)`,
      [lateEvening],
    );
    const [id] = await ledger.transaction((tx) =>
      store()
        .inserter(tx)
        .insert([{ ...item, callRecordId: 8, callId: 'c2', startTimeMs: lateEvening }]),
    );
    await expect(db.getRepository(LineItem).findOneByOrFail({ id })).resolves.toMatchObject({
      localDate: '2026-03-02',
    });
  });

  it("adds the transaction's items to the sums when it commits, and nothing when it fails", async () => {
    await expect(
      ledger.transaction(async (tx) => {
        await store().inserter(tx).insert([item]);
        throw new Error('the chunk failed');
      }),
    ).rejects.toThrow('the chunk failed');
    await expect(sums()).resolves.toEqual([]);

    await ledger.transaction((tx) => store().inserter(tx).insert([item]));
    await expect(sums()).resolves.toEqual([
      {
        local_date: '1969-12-31',
        source_id: 1,
        status: 'pending',
        currency: 'USD',
        items: 1,
        calls: 1,
        amount_minor: 150,
      },
    ]);
  });
});
