import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions } from '../ledger-options';
import { LEDGER_MIGRATIONS } from '.';
import { OverviewTotals1796200000000 } from './1796200000000-overview-totals';

const at = (text: string) => Date.parse(text);

/** Items of two sources in two zones, each `[id, source, start, status, account, amount]`. */
const ITEMS: [number, number, number, string, string | null, number][] = [
  // Denver, 2026-03-07 23:30 MST: that evening is still the 7th there (06:30 UTC on the 8th).
  [1, 1, at('2026-03-07T23:30:00-07:00'), 'pending', 'ROOM-1012', 150],
  // The night the clocks go forward (02:00 MST -> 03:00 MDT on the 8th).
  [2, 1, at('2026-03-08T01:59:00-07:00'), 'approved', 'ROOM-1012', 200],
  [3, 1, at('2026-03-08T03:01:00-06:00'), 'rejected', 'ROOM-1013', 300],
  [4, 1, at('2026-03-08T23:59:59.999-06:00'), 'needs-review', null, 400],
  // London, 00:30 on 2026-03-30 BST is 23:30 UTC on the 29th.
  [5, 2, at('2026-03-30T00:30:00+01:00'), 'no-charge', 'OFFICE', 0],
  [6, 2, at('2026-03-29T00:30:00Z'), 'pending', 'OFFICE', 75],
];

/**
 * A ledger made before the overview's sums existed, migrated: each item gets the date of its
 * start on its source's wall clock, the sums are made from the items, and the triggers that
 * guarded line items still do.
 */
describe('migration: overview totals (a populated ledger of the earlier schema)', () => {
  let dir: string;
  let db: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-overview-totals-'));
    const path = join(dir, 'ledger.sqlite');
    const old = new DataSource({
      ...ledgerDataSourceOptions({ kind: 'sqlite', path }),
      migrations: LEDGER_MIGRATIONS.slice(
        0,
        LEDGER_MIGRATIONS.indexOf(OverviewTotals1796200000000),
      ),
    });
    await old.initialize();
    for (const statement of [
      `INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms) VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`,
      `INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json, created_at_ms, created_by)
         VALUES (1, 1, 1, 0, '{}', 0, 'test')`,
      `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone, created_at_ms, updated_at_ms)
         VALUES (1, 'Hotel', 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0),
                (2, 'Office', 'call-records', 'CALLDTL2', 1, 1, 'Europe/London', 0, 0)`,
    ]) {
      await old.query(statement);
    }
    for (const [id, sourceId, startMs, status, account, amount] of ITEMS) {
      await old.query(
        `INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction, talk_ms, raw_json, created_at_ms)
         VALUES (?, ?, ?, ?, 'outbound', 61000, '{}', 0)`,
        [id, sourceId, `c${id}`, startMs],
      );
      await old.query(
        `INSERT INTO line_items (id, source_id, call_record_id, call_id, billing_account, start_time_ms,
           destination_class, destination_prefix, talk_seconds, billed_seconds, currency,
           rated_amount_minor, amount_minor, tax_minor, total_minor, status, rate_plan_id,
           rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, 'international', '44', 61, 66, 'USD', ?, ?, 0, ?, ?, 1, 1, 1, '{}', 0, 0)`,
        [id, sourceId, id, `c${id}`, account, startMs, amount, amount, amount, status],
      );
    }
    await old.destroy();
    db = new DataSource({
      ...ledgerDataSourceOptions({ kind: 'sqlite', path }),
      migrations: LEDGER_MIGRATIONS.slice(
        0,
        LEDGER_MIGRATIONS.indexOf(OverviewTotals1796200000000) + 1,
      ),
    });
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("dates every item on its source's wall clock, across a change of the clocks", async () => {
    await expect(db.query(`SELECT id, local_date FROM line_items ORDER BY id`)).resolves.toEqual([
      { id: 1, local_date: '2026-03-07' },
      { id: 2, local_date: '2026-03-08' },
      { id: 3, local_date: '2026-03-08' },
      { id: 4, local_date: '2026-03-08' },
      { id: 5, local_date: '2026-03-30' },
      { id: 6, local_date: '2026-03-29' },
    ]);
  });

  it('makes the sums from the items: by status, by billing account, by destination', async () => {
    await expect(
      db.query(
        `SELECT local_date, source_id, status, items, calls, amount_minor
         FROM line_item_daily_totals ORDER BY local_date, source_id, status`,
      ),
    ).resolves.toEqual([
      {
        local_date: '2026-03-07',
        source_id: 1,
        status: 'pending',
        items: 1,
        calls: 1,
        amount_minor: 150,
      },
      {
        local_date: '2026-03-08',
        source_id: 1,
        status: 'approved',
        items: 1,
        calls: 1,
        amount_minor: 200,
      },
      {
        local_date: '2026-03-08',
        source_id: 1,
        status: 'needs-review',
        items: 1,
        calls: 1,
        amount_minor: 400,
      },
      {
        local_date: '2026-03-08',
        source_id: 1,
        status: 'rejected',
        items: 1,
        calls: 1,
        amount_minor: 300,
      },
      {
        local_date: '2026-03-29',
        source_id: 2,
        status: 'pending',
        items: 1,
        calls: 1,
        amount_minor: 75,
      },
      {
        local_date: '2026-03-30',
        source_id: 2,
        status: 'no-charge',
        items: 1,
        calls: 1,
        amount_minor: 0,
      },
    ]);
    // A rejected item is counted, not billed; an item without an account is summed under ''.
    await expect(
      db.query(
        `SELECT local_date, billing_account, items, billed_minor FROM line_item_account_totals
         WHERE source_id = 1 ORDER BY local_date, billing_account`,
      ),
    ).resolves.toEqual([
      { local_date: '2026-03-07', billing_account: 'ROOM-1012', items: 1, billed_minor: 150 },
      { local_date: '2026-03-08', billing_account: '', items: 1, billed_minor: 400 },
      { local_date: '2026-03-08', billing_account: 'ROOM-1012', items: 1, billed_minor: 200 },
      { local_date: '2026-03-08', billing_account: 'ROOM-1013', items: 1, billed_minor: 0 },
    ]);
    await expect(
      db.query(
        `SELECT local_date, destination_class, destination_prefix, items, calls, billed_minor
         FROM line_item_destination_totals WHERE source_id = 1 ORDER BY local_date`,
      ),
    ).resolves.toEqual([
      {
        local_date: '2026-03-07',
        destination_class: 'international',
        destination_prefix: '44',
        items: 1,
        calls: 1,
        billed_minor: 150,
      },
      {
        local_date: '2026-03-08',
        destination_class: 'international',
        destination_prefix: '44',
        items: 3,
        calls: 3,
        billed_minor: 600,
      },
    ]);
  });

  it('keeps the triggers of line items, and adds those that keep the sums', async () => {
    const rows = await db.query<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'line_items' ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'TR_line_items_invoiced_frozen',
      'TR_line_items_invoiced_not_deleted',
      'TR_line_items_sum_account_totals',
      'TR_line_items_sum_daily_totals',
      'TR_line_items_sum_deleted',
      'TR_line_items_sum_destination_totals',
    ]);
    await db.query(`UPDATE line_items SET status = 'approved' WHERE id = 1`);
    await expect(
      db.query(`SELECT status, items FROM line_item_daily_totals WHERE local_date = '2026-03-07'`),
    ).resolves.toEqual([{ status: 'approved', items: 1 }]);
  });

  it('goes back down to the earlier schema, items kept', async () => {
    await db.undoLastMigration();
    await expect(db.query(`SELECT count(*) AS n FROM line_items`)).resolves.toEqual([{ n: 6 }]);
    const columns = await db.query<{ name: string }[]>(`PRAGMA table_info("line_items")`);
    expect(columns.map((c) => c.name)).not.toContain('local_date');
    await expect(
      db.query(`SELECT name FROM sqlite_master WHERE name LIKE 'line_item_%_totals'`),
    ).resolves.toEqual([]);
    await db.runMigrations();
    await expect(db.query(`SELECT count(*) AS n FROM line_item_daily_totals`)).resolves.toEqual([
      { n: 6 },
    ]);
  });
});
