import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import { NewSyncRun, SyncRunStore } from './sync-runs.store';
import { openTestLedger } from '../testing';

const DAY = 86_400_000;

describe('SyncRunStore: runs, their counts and the watermark (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let runs: SyncRunStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    runs = new SyncRunStore(ledger);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    for (const [id, enabled] of [
      [1, 1],
      [2, 1],
      [3, 0],
    ]) {
      await db.query(
        `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone,
           enabled, created_at_ms, updated_at_ms)
         VALUES (?, ?, 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', ?, 0, 0)`,
        [id, `Source ${id}`, enabled],
      );
    }
  });

  afterEach(async () => {
    await db.destroy();
  });

  const run = (sourceId: number, startedAtMs = 10): NewSyncRun => ({
    sourceId,
    trigger: 'manual',
    fromMs: 0,
    toMs: DAY,
    startedAtMs,
  });
  const open = (fields: NewSyncRun) => ledger.transaction((tx) => runs.open(tx, fields));
  const watermark = async (sourceId: number) =>
    (
      await db.query<{ watermark_ms: number | null }[]>(
        'SELECT watermark_ms FROM sources WHERE id = ?',
        [sourceId],
      )
    )[0].watermark_ms;

  it('opens one running run per source: a second is refused (null), another source may', async () => {
    const first = await open(run(1));
    expect(first).toMatchObject({
      sourceId: 1,
      status: 'running',
      trigger: 'manual',
      fetched: 0,
      messagesJson: '[]',
      finishedAtMs: null,
    });
    await expect(open(run(1))).resolves.toBeNull();
    await expect(runs.running(1)).resolves.toMatchObject({ id: first!.id });
    await expect(open(run(2))).resolves.toMatchObject({ sourceId: 2, status: 'running' });
  });

  it('adds counts and retries, and ends a run with its message', async () => {
    const opened = (await open(run(1)))!;
    const counts = {
      fetched: 10,
      inserted: 8,
      duplicates: 1,
      rated: 5,
      noCharge: 2,
      needsReview: 1,
      errors: 1,
    };
    await ledger.transaction(async (tx) => {
      await runs.addCounts(tx, opened.id, counts);
      await runs.addCounts(tx, opened.id, counts);
      await runs.addRetries(tx, opened.id, 3);
    });
    const failed = await ledger.transaction((tx) =>
      runs.finish(tx, opened.id, { status: 'failed', message: 'chunk: Xima said no' }, 99),
    );
    expect(failed).toMatchObject({
      status: 'failed',
      finishedAtMs: 99,
      fetched: 20,
      inserted: 16,
      duplicates: 2,
      rated: 10,
      noCharge: 4,
      needsReview: 2,
      errors: 2,
      retries: 3,
      messagesJson: '["chunk: Xima said no"]',
    });
    // A succeeded run without a message keeps the messages it had.
    const other = (await open(run(2)))!;
    await expect(
      ledger.transaction((tx) =>
        runs.finish(tx, other.id, { status: 'succeeded', message: null }, 100),
      ),
    ).resolves.toMatchObject({ status: 'succeeded', messagesJson: '[]' });
  });

  it("fails the source's run left running, with the message added; an ended run stays as it ended", async () => {
    const a = (await open(run(1)))!;
    const b = (await open(run(2)))!;
    await expect(runs.allRunning()).resolves.toEqual([
      expect.objectContaining({ id: a.id }),
      expect.objectContaining({ id: b.id }),
    ]);
    await expect(
      ledger.transaction((tx) => runs.failRunningOf(tx, 1, 'interrupted', 7)),
    ).resolves.toBe(1);
    await expect(runs.find(a.id)).resolves.toMatchObject({
      status: 'failed',
      finishedAtMs: 7,
      messagesJson: '["interrupted"]',
    });
    await expect(runs.find(b.id)).resolves.toMatchObject({ status: 'running' });
    // The instance that ran `a`, back from a pause, cannot end it otherwise.
    await expect(
      ledger.transaction((tx) => runs.finish(tx, a.id, { status: 'succeeded', message: null }, 9)),
    ).resolves.toMatchObject({ status: 'failed', finishedAtMs: 7 });
  });

  it('moves the watermark only along contiguous time', async () => {
    const move = (startMs: number, endMs: number) =>
      ledger.transaction((tx) => runs.moveWatermark(tx, 1, { startMs, endMs }));
    await move(10 * DAY, 11 * DAY); // none yet: the first span sets it
    expect(await watermark(1)).toBe(11 * DAY);
    await move(11 * DAY, 12 * DAY); // starts at the watermark
    expect(await watermark(1)).toBe(12 * DAY);
    await move(14 * DAY, 15 * DAY); // a later backfill: the days between are not synced
    expect(await watermark(1)).toBe(12 * DAY);
    await move(5 * DAY, 6 * DAY); // an older one
    expect(await watermark(1)).toBe(12 * DAY);
    await move(11.5 * DAY, 13 * DAY); // overlaps the watermark (the schedule's overlap)
    expect(await watermark(1)).toBe(13 * DAY);
    expect(await watermark(2)).toBeNull();
  });

  it('lists runs newest first, of one source if asked, at most `limit`', async () => {
    const ids: number[] = [];
    for (const sourceId of [1, 2, 1]) {
      const opened = (await open(run(sourceId)))!;
      ids.push(opened.id);
      await ledger.transaction((tx) =>
        runs.finish(tx, opened.id, { status: 'succeeded', message: null }, 1),
      );
    }
    expect((await runs.list({ limit: 50 })).map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await runs.list({ sourceId: 1, limit: 50 })).map((r) => r.id)).toEqual([
      ids[2],
      ids[0],
    ]);
    expect((await runs.list({ limit: 1 })).map((r) => r.id)).toEqual([ids[2]]);
    await expect(runs.find(12345)).resolves.toBeNull();
  });

  it("gives each enabled source's sync state: syncing now, and its last ended run", async () => {
    const older = (await open(run(1, 100)))!;
    await ledger.transaction((tx) =>
      runs.finish(tx, older.id, { status: 'failed', message: 'first' }, 150),
    );
    const newer = (await open(run(1, 200)))!;
    await ledger.transaction((tx) =>
      runs.finish(tx, newer.id, { status: 'succeeded', message: null }, 250),
    );
    await open(run(1, 300)); // running: not an ended run
    await open(run(3, 300)); // a disabled source is not shown
    await expect(runs.sourceSyncStates()).resolves.toEqual([
      {
        sourceId: 1,
        sourceName: 'Source 1',
        syncing: true,
        lastRun: {
          id: newer.id,
          status: 'succeeded',
          trigger: 'manual',
          fromMs: 0,
          toMs: DAY,
          startedAtMs: 200,
          finishedAtMs: 250,
          messagesJson: '[]',
        },
      },
      { sourceId: 2, sourceName: 'Source 2', syncing: false, lastRun: null },
    ]);
  });

  it("gives each source's newest run, running or ended, and what its last runs add up to", async () => {
    const ended = async (
      sourceId: number,
      startedAtMs: number,
      failed: boolean,
      errors: number,
    ) => {
      const opened = (await open(run(sourceId, startedAtMs)))!;
      await ledger.transaction(async (tx) => {
        await runs.addCounts(tx, opened.id, {
          fetched: 10,
          inserted: 10,
          duplicates: 0,
          rated: 4,
          noCharge: 0,
          needsReview: 0,
          errors,
        });
        await runs.finish(
          tx,
          opened.id,
          { status: failed ? 'failed' : 'succeeded', message: failed ? 'Xima answered 503' : null },
          startedAtMs + 5,
        );
      });
      return opened.id;
    };
    // Source 1: five runs, the oldest the only one with errors beyond the last four.
    await ended(1, 100, false, 9);
    await ended(1, 200, true, 1);
    await ended(1, 300, false, 0);
    await ended(1, 400, true, 2);
    const newest = await ended(1, 500, false, 3);
    // Source 2: one running run.
    const running = (await open(run(2, 600)))!;

    const last = await runs.lastRunOfEachSource();
    expect(last.map((r) => [r.sourceId, r.id, r.status])).toEqual([
      [1, newest, 'succeeded'],
      [2, running.id, 'running'],
    ]);
    expect(last[0]).toMatchObject({ errors: 3, rated: 4, startedAtMs: 500, finishedAtMs: 505 });
    await expect(runs.recentRunsOfEachSource(4)).resolves.toEqual([
      { sourceId: 1, runs: 4, failed: 2, errors: 6 },
      { sourceId: 2, runs: 1, failed: 0, errors: 0 },
    ]);
  });
});
