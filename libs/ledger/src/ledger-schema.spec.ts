import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { openLedgerDataSource } from './ledger-options';
import { LEDGER_MIGRATIONS, LEDGER_POSTGRES_MIGRATIONS } from './migrations';
import { openTestLedger, testLedgerDriver } from './testing';

const driver = testLedgerDriver();

/** SQLite's ledger in a file, or in memory. */
async function openSqlite(path = ':memory:'): Promise<DataSource> {
  return openLedgerDataSource({ kind: 'sqlite', path });
}

interface IndexInfo {
  unique: boolean;
  partial: boolean;
  columns: string[];
}

/** One table as both drivers can describe it, in the same words. */
interface TableInfo {
  /** Name, type (`integer` for SQLite's integer and PostgreSQL's bigint), NOT NULL. */
  columns: [name: string, type: string, notNull: boolean][];
  indexes: Record<string, IndexInfo>;
  /** `FK_name: (columns) -> table ON DELETE action` */
  foreignKeys: string[];
  checks: string[];
}

interface SchemaInfo {
  tables: Record<string, TableInfo>;
  triggers: string[];
}

const TYPES: Record<string, string> = { bigint: 'integer', integer: 'integer' };

/** The ledger's schema read from the database itself, not from the migrations' text. */
async function readSchema(db: DataSource): Promise<SchemaInfo> {
  return db.options.type === 'postgres' ? readPostgres(db) : readSqlite(db);
}

async function readSqlite(db: DataSource): Promise<SchemaInfo> {
  const tables: Record<string, TableInfo> = {};
  const rows: { name: string; sql: string }[] = await db.query(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name <> 'migrations' ORDER BY name`,
  );
  for (const { name, sql } of rows) {
    const columns = (
      await db.query<{ name: string; type: string; notnull: number; pk: number }[]>(
        `PRAGMA table_info("${name}")`,
      )
    ).map((c): [string, string, boolean] => [
      c.name,
      TYPES[c.type.toLowerCase()] ?? c.type.toLowerCase(),
      c.notnull === 1 || c.pk > 0,
    ]);
    const indexes: Record<string, IndexInfo> = {};
    const list = await db.query<
      { name: string; unique: number; partial: number; origin: string }[]
    >(`PRAGMA index_list("${name}")`);
    for (const index of list.filter((i) => i.origin === 'c')) {
      const info = await db.query<{ name: string }[]>(`PRAGMA index_info("${index.name}")`);
      indexes[index.name] = {
        unique: index.unique === 1,
        partial: index.partial === 1,
        columns: info.map((c) => c.name),
      };
    }
    const foreignKeys = [
      ...sql.matchAll(
        /CONSTRAINT "(FK_\w+)" FOREIGN KEY \(([^)]*)\) REFERENCES "(\w+)" \("id"\) ON DELETE (\w+)/g,
      ),
    ].map(([, fk, columns, target, action]) => foreignKey(fk, columns, target, action));
    const checks = [...sql.matchAll(/CONSTRAINT "(CK_\w+)" CHECK/g)].map(([, check]) => check);
    tables[name] = { columns, indexes, foreignKeys: foreignKeys.sort(), checks: checks.sort() };
  }
  const triggers = await db.query<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`,
  );
  return { tables, triggers: triggers.map((t) => t.name) };
}

async function readPostgres(db: DataSource): Promise<SchemaInfo> {
  const tables: Record<string, TableInfo> = {};
  const rows: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ?
     ORDER BY table_name`,
    ['migrations'],
  );
  for (const { name } of rows) {
    const columns = (
      await db.query<{ name: string; type: string; nullable: string }[]>(
        `SELECT column_name AS name, data_type AS type, is_nullable AS nullable
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?
         ORDER BY ordinal_position`,
        [name],
      )
    ).map((c): [string, string, boolean] => [c.name, TYPES[c.type] ?? c.type, c.nullable === 'NO']);
    const indexes: Record<string, IndexInfo> = {};
    const list = await db.query<
      { name: string; unique: boolean; partial: boolean; columns: string[] }[]
    >(
      `SELECT i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
         ARRAY(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
           JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
           ORDER BY k.n) AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relname = ? AND NOT x.indisprimary`,
      [name],
    );
    for (const index of list) {
      indexes[index.name] = {
        unique: index.unique,
        partial: index.partial,
        columns: index.columns,
      };
    }
    const constraints = await db.query<{ name: string; kind: string; definition: string }[]>(
      `SELECT c.conname AS name, c.contype AS kind, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = ?`,
      [name],
    );
    const foreignKeys = constraints
      .filter((c) => c.kind === 'f')
      .map((c) => {
        const [, columns, target, action = 'NO ACTION'] =
          /^FOREIGN KEY \(([^)]*)\) REFERENCES (\w+)\(id\)(?: ON DELETE (\w+))?/.exec(
            c.definition,
          ) ?? [];
        return foreignKey(c.name, columns, target, action);
      });
    const checks = constraints.filter((c) => c.kind === 'c').map((c) => c.name);
    tables[name] = { columns, indexes, foreignKeys: foreignKeys.sort(), checks: checks.sort() };
  }
  const triggers = await db.query<{ name: string }[]>(
    `SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`,
  );
  return { tables, triggers: triggers.map((t) => t.name) };
}

function foreignKey(name: string, columns: string, target: string, action: string): string {
  const names = columns
    .split(',')
    .map((column) => column.trim().replace(/"/g, ''))
    .join(', ');
  return `${name}: (${names}) -> ${target} ON DELETE ${action}`;
}

describe(`ledger schema (real migrations, ${driver})`, () => {
  let db: DataSource;
  let schema: SchemaInfo;

  beforeAll(async () => {
    db = await openTestLedger();
    schema = await readSchema(db);
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('creates every table of the product', () => {
    expect(Object.keys(schema.tables)).toEqual([
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

  if (driver === 'postgres') {
    it("is SQLite's schema: tables, columns, indexes, keys, checks and triggers", async () => {
      const sqlite = await openSqlite();
      try {
        expect(schema).toEqual(await readSchema(sqlite));
      } finally {
        await sqlite.destroy();
      }
    });
  }

  it('names its foreign keys and checks, and says what a deleted parent does', () => {
    expect(schema.tables.line_items.foreignKeys).toEqual([
      'FK_line_items_account_summary: (account_summary_id) -> account_summaries ON DELETE RESTRICT',
      'FK_line_items_call_record: (call_record_id) -> call_records ON DELETE RESTRICT',
      'FK_line_items_invoice: (invoice_id) -> invoices ON DELETE RESTRICT',
      'FK_line_items_rate_plan_version: (rate_plan_version_id) -> rate_plan_versions ON DELETE RESTRICT',
      'FK_line_items_source: (source_id) -> sources ON DELETE RESTRICT',
      'FK_line_items_stay: (stay_id) -> stays ON DELETE RESTRICT',
    ]);
    expect(schema.tables.pms_link_sources.foreignKeys).toContain(
      'FK_pms_link_sources_link: (link_id) -> pms_links ON DELETE CASCADE',
    );
    expect(schema.tables.line_items.checks).toEqual([
      'CK_line_items_money',
      'CK_line_items_one_origin',
      'CK_line_items_status',
      'CK_line_items_total',
    ]);
    expect(schema.triggers).toHaveLength(22);
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
  ])('%s has the unique key %s', (table, index, columns) => {
    expect(schema.tables[table].indexes[index]).toEqual({ unique: true, partial: false, columns });
  });

  it.each([
    ['IX_line_items_status_start', ['status', 'start_time_ms', 'id']],
    ['IX_line_items_account_start', ['billing_account', 'start_time_ms', 'id']],
    ['IX_line_items_start', ['start_time_ms', 'id']],
    ['IX_line_items_source_start', ['source_id', 'start_time_ms', 'id']],
  ])('line_items has the review index %s', (index, columns) => {
    expect(schema.tables.line_items.indexes[index]).toEqual({
      unique: false,
      partial: false,
      columns,
    });
  });

  it('lets only one sync of a source run at a time, and one business be the default', () => {
    expect(schema.tables.sync_runs.indexes.UQ_sync_runs_one_running_per_source).toEqual({
      unique: true,
      partial: true,
      columns: ['source_id'],
    });
    expect(schema.tables.businesses.indexes.UQ_businesses_default).toEqual({
      unique: true,
      partial: true,
      columns: ['is_default'],
    });
  });

  it('makes the default business', async () => {
    await expect(
      db.query(`SELECT id, name, kind, invoice_prefix, is_default FROM businesses`),
    ).resolves.toEqual([
      {
        id: 1,
        name: 'My business',
        kind: 'other',
        invoice_prefix: 'INV',
        is_default: driver === 'postgres' ? true : 1,
      },
    ]);
  });

  it(`stores money as ${driver === 'postgres' ? 'bigint' : 'INTEGER'} minor units, read back as exact numbers`, async () => {
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
      expect(schema.tables[table].columns.find(([name]) => name === column)?.[1]).toBe('integer');
    }
    if (driver === 'postgres') {
      const types: { type: string }[] = await db.query(
        `SELECT data_type AS type FROM information_schema.columns
         WHERE table_name = ? AND column_name = ?`,
        ['line_items', 'amount_minor'],
      );
      expect(types).toEqual([{ type: 'bigint' }]);
    }
    // The largest amount a double holds exactly goes in and comes back whole, summed too.
    const largest = Number.MAX_SAFE_INTEGER;
    await expect(
      db.query(
        `SELECT CAST(? AS bigint) AS amount, count(*) AS n, sum(CAST(? AS bigint)) AS total`,
        [largest, largest],
      ),
    ).resolves.toEqual([{ amount: largest, n: 1, total: largest }]);
  });

  if (driver === 'sqlite') {
    it('turns foreign keys on', async () => {
      await expect(db.query('PRAGMA foreign_keys')).resolves.toEqual([{ foreign_keys: 1 }]);
    });
  }

  it('refuses UPDATE and DELETE of an audit event', async () => {
    await db.query(
      `INSERT INTO audit_events (occurred_at_ms, actor_name, action, entity_type, entity_id)
       VALUES (1, 'system', 'test', 'thing', '1')`,
    );
    await expect(db.query(`UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(
      'audit events are append-only',
    );
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(
      'audit events are append-only',
    );
    await expect(db.query(`SELECT action FROM audit_events`)).resolves.toEqual([
      { action: 'test' },
    ]);
  });

  it('reverts cleanly: down then up again', async () => {
    const other = await openTestLedger();
    try {
      const migrations = driver === 'postgres' ? LEDGER_POSTGRES_MIGRATIONS : LEDGER_MIGRATIONS;
      for (let i = 0; i < migrations.length; i++) await other.undoLastMigration();
      await expect(readSchema(other)).resolves.toEqual({ tables: {}, triggers: [] });
      if (driver === 'postgres') {
        await expect(
          other.query(
            `SELECT count(*) AS n FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
             WHERE s.nspname = 'public'`,
          ),
        ).resolves.toEqual([{ n: 0 }]);
      }
      await other.runMigrations();
      expect((await other.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
      await expect(readSchema(other)).resolves.toEqual(schema);
    } finally {
      await other.destroy();
    }
  });
});

describe('ledger file (DATABASE_URL=sqlite:<path>)', () => {
  it('creates missing folders, uses WAL and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    try {
      const db = await openSqlite(join(dir, 'nested', 'deeper', 'ledger.sqlite'));
      await expect(db.query('PRAGMA journal_mode')).resolves.toEqual([{ journal_mode: 'wal' }]);
      await expect(db.query('PRAGMA busy_timeout')).resolves.toEqual([{ timeout: 5000 }]);
      await db.destroy();
      // A second start finds the schema in place and applies nothing twice.
      const again = await openSqlite(join(dir, 'nested', 'deeper', 'ledger.sqlite'));
      await expect(again.query('SELECT count(*) AS n FROM migrations')).resolves.toEqual([
        { n: LEDGER_MIGRATIONS.length },
      ]);
      await again.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
