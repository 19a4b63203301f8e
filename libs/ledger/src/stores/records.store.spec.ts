import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';
import { CallRecordFields, RecordOrigin, RecordStore } from './records.store';
import { SyncRunStore } from './sync-runs.store';
import { openTestLedger } from '../testing';

const call = (callId: string): CallRecordFields => ({
  callId,
  startTimeMs: 1_000,
  direction: 'outbound',
  extension: '1012',
  dialedNumber: '9 1 303 555 0100',
  talkMs: 61_000,
  accountCode: null,
});

const summary = (accountCode: string, periodStartMs: number) => ({
  accountCode,
  periodStartMs,
  periodEndMs: periodStartMs + 86_400_000,
  calls: 3,
  totalTalkMs: 125_000,
});

describe('RecordStore: the records a sync chunk stores (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let records: RecordStore;
  let origin: RecordOrigin;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    records = new RecordStore(ledger);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    for (const id of [1, 2]) {
      await db.query(
        `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone,
           created_at_ms, updated_at_ms)
         VALUES (?, ?, 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`,
        [id, `Source ${id}`],
      );
    }
    const run = await ledger.transaction((tx) =>
      new SyncRunStore(ledger).open(tx, {
        sourceId: 1,
        trigger: 'manual',
        fromMs: 0,
        toMs: 1,
        startedAtMs: 5,
      }),
    );
    origin = { sourceId: 1, syncRunId: run!.id, createdAtMs: 42 };
  });

  afterEach(async () => {
    await db.destroy();
  });

  const rows = (sql: string) => db.query<Record<string, unknown>[]>(sql);
  const inTx = <T>(work: (tx: LedgerTx) => T | Promise<T>) =>
    ledger.transaction(async (tx) => work(tx));

  it('stores a call under (source, call id): its id, then null for the same call again', async () => {
    const ids = await inTx((tx) =>
      records.writer(tx, origin).addCalls([
        { record: call('c1'), rawJson: '{"row":1}' },
        { record: call('c2'), rawJson: '{"row":2}' },
        { record: call('c1'), rawJson: '{"row":3}' },
      ]),
    );
    expect(ids).toEqual([expect.any(Number), expect.any(Number), null]);
    // The same call id from another source is another call.
    const [other] = await inTx((tx) =>
      records
        .writer(tx, { ...origin, sourceId: 2 })
        .addCalls([{ record: call('c1'), rawJson: '{}' }]),
    );
    expect(new Set([...ids, other]).size).toBe(4);
    await expect(
      rows(`SELECT id, source_id, sync_run_id, call_id, start_time_ms, direction, extension,
              dialed_number, talk_ms, account_code, raw_json, created_at_ms
            FROM call_records WHERE source_id = 1 AND call_id = 'c1'`),
    ).resolves.toEqual([
      {
        id: ids[0],
        source_id: 1,
        sync_run_id: origin.syncRunId,
        call_id: 'c1',
        start_time_ms: 1_000,
        direction: 'outbound',
        extension: '1012',
        dialed_number: '9 1 303 555 0100',
        talk_ms: 61_000,
        account_code: null,
        raw_json: '{"row":1}', // the first row: the duplicate changed nothing
        created_at_ms: 42,
      },
    ]);
  });

  it('stores a summary under (source, account code, period): a new period is a new record', async () => {
    const ids = await inTx((tx) =>
      records
        .writer(tx, origin)
        .addSummaries(
          [
            summary('10234-001', 0),
            summary('10234-001', 0),
            summary('10234-001', 86_400_000),
            summary('10234-002', 0),
          ].map((record) => ({ record, rawJson: '{}' })),
        ),
    );
    expect(ids).toEqual([expect.any(Number), null, expect.any(Number), expect.any(Number)]);
    expect(new Set(ids).size).toBe(4);
    await expect(
      rows(`SELECT id, account_code, period_start_ms, period_end_ms, calls, total_talk_ms
            FROM account_summaries ORDER BY id LIMIT 1`),
    ).resolves.toEqual([
      {
        id: ids[0],
        account_code: '10234-001',
        period_start_ms: 0,
        period_end_ms: 86_400_000,
        calls: 3,
        total_talk_ms: 125_000,
      },
    ]);
  });

  it('keeps a row it could not read with its reason', async () => {
    await inTx((tx) =>
      records
        .writer(tx, origin)
        .addErrors([{ reason: 'Talk Time: not a duration', rawJson: '["x"]' }]),
    );
    await expect(
      rows(`SELECT source_id, sync_run_id, reason, raw_json, created_at_ms FROM record_errors`),
    ).resolves.toEqual([
      {
        source_id: 1,
        sync_run_id: origin.syncRunId,
        reason: 'Talk Time: not a duration',
        raw_json: '["x"]',
        created_at_ms: 42,
      },
    ]);
  });

  it('reads what rating needs of many records by id, in statements of a few sizes; ids with no record are left out', async () => {
    const ids = (await inTx((tx) =>
      records
        .writer(tx, origin)
        .addCalls(
          Array.from({ length: 600 }, (_, i) => ({ record: call(`m${i}`), rawJson: '{}' })),
        ),
    )) as number[];
    for (const wanted of [ids.slice(0, 1), ids.slice(0, 17), ids]) {
      const read = await inTx((tx) =>
        records.ratingInputs(tx, { calls: [...wanted, 999_999], summaries: [] }),
      );
      expect([...read.calls.keys()].sort((a, b) => a - b)).toEqual(wanted);
      expect(read.calls.get(wanted[0])).toEqual(call('m0'));
      expect(read.summaries.size).toBe(0);
    }
  });

  it("rolls back with the chunk's transaction", async () => {
    await expect(
      inTx(async (tx) => {
        await records.writer(tx, origin).addCalls([{ record: call('c1'), rawJson: '{}' }]);
        throw new Error('the chunk fails');
      }),
    ).rejects.toThrow('the chunk fails');
    await expect(rows(`SELECT count(*) AS n FROM call_records`)).resolves.toEqual([{ n: 0 }]);
  });

  it('refuses to make a writer for a transaction that has ended', async () => {
    let ended: LedgerTx | undefined;
    await inTx((tx) => {
      ended = tx;
    });
    expect(() => records.writer(ended!, origin)).toThrow('This ledger transaction has ended');
  });
});
