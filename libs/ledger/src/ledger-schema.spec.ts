import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions } from './ledger-options';
import { LEDGER_MIGRATIONS } from './migrations';

async function openLedger(path = ':memory:'): Promise<DataSource> {
  const dataSource = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path }));
  await dataSource.initialize();
  return dataSource;
}

interface IndexRow {
  name: string;
  unique: number;
  partial: number;
}

describe('ledger schema (real migrations on :memory:)', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await openLedger();
  });

  afterAll(async () => {
    await db.destroy();
  });

  const indexesOf = async (table: string): Promise<Map<string, IndexRow>> => {
    const rows: IndexRow[] = await db.query(`PRAGMA index_list("${table}")`);
    return new Map(rows.map((row) => [row.name, row]));
  };
  const columnsOf = async (index: string): Promise<string[]> =>
    (await db.query<{ name: string }[]>(`PRAGMA index_info("${index}")`)).map((c) => c.name);

  it('creates every table of the product', async () => {
    const tables: { name: string }[] = await db.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    );
    expect(tables.map((t) => t.name)).toEqual([
      'account_summaries',
      'api_keys',
      'audit_events',
      'businesses',
      'call_records',
      'invoice_deliveries',
      'invoice_lines',
      'invoice_number_sequences',
      'invoices',
      'leases',
      'line_item_account_totals',
      'line_item_daily_totals',
      'line_item_destination_totals',
      'line_items',
      'matter_rules',
      'matters',
      'migrations',
      'pms_link_sources',
      'pms_links',
      'postings',
      'rate_plan_versions',
      'rate_plans',
      'record_errors',
      'sessions',
      'sign_in_failures',
      'sign_in_lockouts',
      'sources',
      'stays',
      'sync_runs',
      'timekeepers',
      'users',
    ]);
  });

  it('matches the entities exactly: no schema change is pending', async () => {
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it.each([
    ['call_records', 'UQ_call_records_source_call', ['source_id', 'call_id']],
    [
      'account_summaries',
      'UQ_account_summaries_natural_key',
      ['source_id', 'account_code', 'period_start_ms', 'period_end_ms'],
    ],
    ['line_items', 'UQ_line_items_call_record', ['call_record_id']],
    ['line_items', 'UQ_line_items_account_summary', ['account_summary_id']],
    ['invoices', 'UQ_invoices_number', ['number']],
    ['invoices', 'UQ_invoices_business_year_sequence', ['business_id', 'number_year', 'sequence']],
    ['businesses', 'UQ_businesses_invoice_prefix', ['invoice_prefix']],
    ['businesses', 'UQ_businesses_name', ['name']],
    ['api_keys', 'UQ_api_keys_key_hash', ['key_hash']],
    ['users', 'UQ_users_email', ['email']],
    ['sessions', 'UQ_sessions_token_hash', ['token_hash']],
    ['rate_plan_versions', 'UQ_rate_plan_versions_plan_version', ['rate_plan_id', 'version']],
  ])('%s has the unique key %s', async (table, index, columns) => {
    const found = (await indexesOf(table)).get(index);
    expect(found?.unique).toBe(1);
    await expect(columnsOf(index)).resolves.toEqual(columns);
  });

  it.each([
    ['IX_line_items_status_start', ['status', 'start_time_ms', 'id']],
    ['IX_line_items_account_start', ['billing_account', 'start_time_ms', 'id']],
    ['IX_line_items_start', ['start_time_ms', 'id']],
    ['IX_line_items_source_start', ['source_id', 'start_time_ms', 'id']],
  ])('line_items has the review index %s', async (index, columns) => {
    expect((await indexesOf('line_items')).has(index)).toBe(true);
    await expect(columnsOf(index)).resolves.toEqual(columns);
  });

  it('lets only one sync of a source run at a time (partial unique index)', async () => {
    const found = (await indexesOf('sync_runs')).get('UQ_sync_runs_one_running_per_source');
    expect(found).toMatchObject({ unique: 1, partial: 1 });
  });

  it('stores money as INTEGER minor units', async () => {
    const moneyColumns: [string, string][] = [
      ['line_items', 'rated_amount_minor'],
      ['line_items', 'adjusted_amount_minor'],
      ['line_items', 'amount_minor'],
      ['line_items', 'tax_minor'],
      ['line_items', 'total_minor'],
      ['invoices', 'subtotal_minor'],
      ['invoices', 'tax_minor'],
      ['invoices', 'total_minor'],
      ['invoice_lines', 'amount_minor'],
      ['invoice_lines', 'adjustment_minor'],
      ['invoice_lines', 'total_minor'],
    ];
    for (const [table, column] of moneyColumns) {
      const info: { name: string; type: string }[] = await db.query(
        `PRAGMA table_info("${table}")`,
      );
      expect(info.find((c) => c.name === column)?.type.toLowerCase()).toBe('integer');
    }
  });

  it('turns foreign keys on', async () => {
    await expect(db.query('PRAGMA foreign_keys')).resolves.toEqual([{ foreign_keys: 1 }]);
  });

  it('refuses UPDATE and DELETE of an audit event', async () => {
    await db.query(
      `INSERT INTO audit_events (occurred_at_ms, actor_name, action, entity_type, entity_id)
       VALUES (1, 'system', 'test', 'thing', '1')`,
    );
    await expect(db.query(`UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(db.query(`SELECT action FROM audit_events`)).resolves.toEqual([
      { action: 'test' },
    ]);
  });

  it('reverts cleanly: down then up again', async () => {
    const other = await openLedger();
    for (let i = 0; i < LEDGER_MIGRATIONS.length; i++) await other.undoLastMigration();
    const left: { n: number }[] = await other.query(
      `SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'migrations'`,
    );
    expect(left[0].n).toBe(0);
    await other.runMigrations();
    expect((await other.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    await other.destroy();
  });
});

describe('ledger file (DATABASE_URL=sqlite:<path>)', () => {
  it('creates missing folders, uses WAL and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    try {
      const db = await openLedger(join(dir, 'nested', 'deeper', 'ledger.sqlite'));
      await expect(db.query('PRAGMA journal_mode')).resolves.toEqual([{ journal_mode: 'wal' }]);
      await expect(db.query('PRAGMA busy_timeout')).resolves.toEqual([{ timeout: 5000 }]);
      await db.destroy();
      // A second start finds the schema in place and applies nothing twice.
      const again = await openLedger(join(dir, 'nested', 'deeper', 'ledger.sqlite'));
      await expect(again.query('SELECT count(*) AS n FROM migrations')).resolves.toEqual([
        { n: LEDGER_MIGRATIONS.length },
      ]);
      await again.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
