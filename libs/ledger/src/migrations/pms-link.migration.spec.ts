import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions } from '../ledger-options';
import { LEDGER_MIGRATIONS } from '.';
import { PmsLink1796300000000 } from './1796300000000-pms-link';

const BEFORE = LEDGER_MIGRATIONS.slice(0, LEDGER_MIGRATIONS.indexOf(PmsLink1796300000000));

/**
 * A ledger of the schema before the PMS link, migrated: its line items are kept as they were
 * (and their sums), with no stay; the triggers that guarded them still do; and back down.
 */
describe('migration: the PMS link (a populated ledger of the earlier schema)', () => {
  let dir: string;
  let db: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-pms-link-'));
    const path = join(dir, 'ledger.sqlite');
    const old = new DataSource({
      ...ledgerDataSourceOptions({ kind: 'sqlite', path }),
      migrations: BEFORE,
    });
    await old.initialize();
    for (const statement of [
      `INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms) VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`,
      `INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json, created_at_ms, created_by)
         VALUES (1, 1, 1, 0, '{}', 0, 'test')`,
      `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone, created_at_ms, updated_at_ms)
         VALUES (1, 'Hotel', 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`,
      `INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction, talk_ms, raw_json, created_at_ms)
         VALUES (1, 1, 'c1', 1000, 'outbound', 61000, '{}', 0), (2, 1, 'c2', 2000, 'outbound', 61000, '{}', 0)`,
      `INSERT INTO line_items (id, source_id, call_record_id, call_id, billing_account, start_time_ms, extension,
         talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, tax_minor, total_minor, status,
         rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
       VALUES (1, 1, 1, 'c1', 'ROOM-1012', 1000, '1012', 61, 66, 'USD', 150, 150, 9, 159, 'approved', 1, 1, 1, '{}', 0, 0, '1969-12-31'),
              (2, 1, 2, 'c2', 'ROOM-1013', 2000, '1013', 61, 66, 'USD', 200, 200, 12, 212, 'pending', 1, 1, 1, '{}', 0, 0, '1969-12-31')`,
    ]) {
      await old.query(statement);
    }
    await old.destroy();
    db = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path }));
    await db.initialize();
  });

  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every line item as it was, with no stay, and the triggers that guard them', async () => {
    await expect(
      db.query(`SELECT id, status, total_minor, stay_id, local_date FROM line_items ORDER BY id`),
    ).resolves.toEqual([
      { id: 1, status: 'approved', total_minor: 159, stay_id: null, local_date: '1969-12-31' },
      { id: 2, status: 'pending', total_minor: 212, stay_id: null, local_date: '1969-12-31' },
    ]);
    const triggers = await db.query<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'line_items' ORDER BY name`,
    );
    expect(triggers.map((t) => t.name)).toEqual([
      'TR_line_items_invoiced_frozen',
      'TR_line_items_invoiced_not_deleted',
      'TR_line_items_posted_frozen',
      'TR_line_items_posted_needs_posting',
      'TR_line_items_posted_not_deleted',
      'TR_line_items_posting_not_invoiced',
      'TR_line_items_sum_account_totals',
      'TR_line_items_sum_daily_totals',
      'TR_line_items_sum_deleted',
      'TR_line_items_sum_destination_totals',
    ]);
  });

  it('admits the status posted, with a posted posting, and then freezes the item', async () => {
    await db.query(`INSERT INTO pms_links (id, name, host, port, charset, posting_mode, answer_timeout_ms,
        alive_interval_ms, created_at_ms, updated_at_ms)
      VALUES (1, 'PMS', '127.0.0.1', 5010, 'ascii', 'on-rating', 30000, 300000, 0, 0)`);
    await db.query(`INSERT INTO postings (link_id, line_item_id, posting_number, room, amount_minor, currency,
        status, created_at_ms, updated_at_ms) VALUES (1, 1, 1, '1012', 159, 'USD', 'posted', 0, 0)`);
    await db.query(`UPDATE line_items SET status = 'posted' WHERE id = 1`);
    await expect(db.query(`UPDATE line_items SET amount_minor = 1 WHERE id = 1`)).rejects.toThrow(
      'a posted line item never changes',
    );
  });

  it('goes back down to the earlier schema, its items kept (none may be posted then)', async () => {
    const other = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path: ':memory:' }));
    await other.initialize();
    await other.query(
      `INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms) VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`,
    );
    await other.query(`INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json, created_at_ms, created_by)
      VALUES (1, 1, 1, 0, '{}', 0, 'test')`);
    await other.query(`INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`);
    await other.query(`INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction, talk_ms, raw_json, created_at_ms)
      VALUES (1, 1, 'c1', 1000, 'outbound', 61000, '{}', 0)`);
    await other.query(`INSERT INTO line_items (id, source_id, call_record_id, call_id, billing_account, start_time_ms,
        talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, tax_minor, total_minor, status,
        rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
      VALUES (1, 1, 1, 'c1', 'ROOM-1012', 1000, 61, 66, 'USD', 150, 150, 9, 159, 'approved', 1, 1, 1, '{}', 0, 0, '1969-12-31')`);
    // Down to just before this migration: every later one first.
    while (
      (await other.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0].name !==
      'PmsLink1796300000000'
    ) {
      await other.undoLastMigration();
    }
    await other.undoLastMigration();
    const tables = await other.query<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('postings', 'stays', 'pms_links')`,
    );
    expect(tables).toEqual([]);
    const columns = await other.query<{ name: string }[]>(`PRAGMA table_info("line_items")`);
    expect(columns.map((c) => c.name)).not.toContain('stay_id');
    await expect(other.query(`SELECT id, status FROM line_items`)).resolves.toEqual([
      { id: 1, status: 'approved' },
    ]);
    await other.destroy();
  });
});
