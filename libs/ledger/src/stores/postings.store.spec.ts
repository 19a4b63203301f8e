import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import { PostingQueueSignal } from '../posting-queue-signal';
import { PostingStore } from './postings.store';
import { openTestLedger } from '../testing';

const T0 = Date.parse('2026-03-02T12:00:00Z');

describe('PostingStore.enqueue and the queue signal (in-memory ledger)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let store: PostingStore;
  let notified: number;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    const signal = new PostingQueueSignal();
    notified = 0;
    signal.subscribe(() => notified++);
    store = new PostingStore(ledger, signal);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    await db.query(`INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms,
        plan_json, created_at_ms, created_by) VALUES (1, 1, 1, 0, '{}', 0, 'test')`);
    for (const id of [1, 2]) {
      await db.query(
        `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id,
           timezone, created_at_ms, updated_at_ms)
         VALUES (?, ?, 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`,
        [id, `Calls ${id}`],
      );
    }
    // Source 1 is posted by an on-rating link, with a guest in room 1012; source 2 by none.
    await db.query(`INSERT INTO pms_links (id, name, host, port, charset, posting_mode,
        answer_timeout_ms, alive_interval_ms, created_at_ms, updated_at_ms)
      VALUES (1, 'PMS', '127.0.0.1', 5010, 'ascii', 'on-rating', 5000, 60000, 0, 0)`);
    await db.query(`INSERT INTO pms_link_sources (link_id, source_id) VALUES (1, 1)`);
  });

  afterEach(async () => {
    await db.destroy();
  });

  /** A rated call of room 1012 in `sourceId`; returns the item's id. */
  const seed = async (sourceId: number): Promise<number> => {
    const callId = `c${Math.random()}`;
    const [record] = await db.query<{ id: number }[]>(
      `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, talk_ms, raw_json,
         created_at_ms) VALUES (?, ?, ?, 'outbound', 61000, '{}', 0) RETURNING id`,
      [sourceId, callId, T0],
    );
    const [row] = await db.query<{ id: number }[]>(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, extension,
         start_time_ms, dialed_number, normalized_number, destination_class, talk_seconds,
         billed_seconds, currency, rated_amount_minor, amount_minor, tax_minor, total_minor,
         status, rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json,
         created_at_ms, updated_at_ms, local_date)
       VALUES (?, ?, ?, 'ROOM-1012', '1012', ?, '13035550100', '13035550100', 'long-distance',
         61, 66, 'USD', 150, 150, 0, 150, 'pending', 1, 1, 1, '{}', 0, 0, '2026-03-02')
       RETURNING id`,
      [sourceId, record.id, callId, T0],
    );
    return row.id;
  };

  it('says so when it queued postings, and only then', async () => {
    const linked = await seed(1);
    const unlinked = await seed(2);
    const enqueue = (sourceId: number, id: number) =>
      ledger.transaction((tx) => store.enqueue(tx, { sourceId, fromId: id, toId: id }, T0));

    await expect(enqueue(2, unlinked)).resolves.toBe(0);
    expect(notified).toBe(0);
    await expect(enqueue(1, linked)).resolves.toBe(1);
    expect(notified).toBe(1);
    // Queued already: nothing new, nothing said.
    await expect(enqueue(1, linked)).resolves.toBe(0);
    expect(notified).toBe(1);
  });
});
