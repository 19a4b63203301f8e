import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import { openLedgerDataSource } from '../ledger-options';
import {
  SEEDED_CALLS,
  SEEDED_LARGE_AMOUNT_MINOR,
  openTestLedger,
  seedWholeLedger,
  testLedgerDriver,
} from '../testing';
import { type CopyTable, copyTables } from './copy-tables';
import { LedgerCopyMismatchError, type LedgerCopyProgress, copyLedgerBetween } from './ledger-copy';

const openSqlite = () => openLedgerDataSource({ kind: 'sqlite', path: ':memory:' });

/** A table's rows in key order, booleans as booleans (SQLite stores them as 0/1). */
async function rowsOf(db: DataSource, table: CopyTable, raw = false) {
  const order = table.key.map((name) => `"${name}"`).join(', ');
  const rows = await db.query<Record<string, unknown>[]>(
    `SELECT * FROM "${table.name}" ORDER BY ${order}`,
  );
  if (raw) return rows;
  return rows.map((row) =>
    Object.fromEntries(
      table.columns.map(({ name, boolean }) => [
        name,
        boolean && row[name] !== null ? Boolean(row[name]) : row[name],
      ]),
    ),
  );
}

const businessesTable = (db: DataSource) =>
  copyTables(db).find((table) => table.name === 'businesses')!;

async function counts(db: DataSource): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of copyTables(db)) {
    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*) AS n FROM "${table.name}"`);
    result[table.name] = Number(n);
  }
  return result;
}

/**
 * Every index and constraint of the ledger with its definition: a copy drops some for speed,
 * and makes them again.
 */
const indexesOf = (db: DataSource) =>
  db.options.type === 'postgres'
    ? db.query(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
         WHERE schemaname = 'public'
         UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace
         ORDER BY name, definition`,
      )
    : db.query(
        `SELECT name, sql AS definition FROM sqlite_master WHERE type IN ('index', 'table')
         ORDER BY name`,
      );

const nextInvoiceId = async (db: DataSource) =>
  db.query(
    `INSERT INTO invoices (status, billing_account, timezone, period_start_ms, period_end_ms,
       currency, created_at_ms, updated_at_ms, business_id)
     VALUES ('draft', 'ROOM-9', 'UTC', 0, 1, 'USD', 0, 0, 1) RETURNING id`,
  );

describe(`ledger copy: SQLite → ${testLedgerDriver()} → SQLite`, () => {
  const opened: DataSource[] = [];
  const open = async (db: Promise<DataSource>) => {
    const dataSource = await db;
    opened.push(dataSource);
    return dataSource;
  };
  let source: DataSource;

  beforeEach(async () => {
    source = await open(openSqlite());
    await seedWholeLedger(source);
  });

  afterEach(async () => {
    for (const db of opened.splice(0).reverse()) await db.destroy();
  });

  it('copies every table row for row, ids kept, and back again; the check finds both sides equal', async () => {
    const tables = copyTables(source);
    const empty = Object.entries(await counts(source)).filter(([, n]) => n === 0);
    expect(empty).toEqual([]);

    const middle = await open(openTestLedger());
    const indexes = await indexesOf(middle);
    expect(indexes.length).toBeGreaterThan(40);
    const there = await copyLedgerBetween(source, middle, { pageSize: 7 });
    await expect(indexesOf(middle)).resolves.toEqual(indexes);
    for (const table of tables) {
      expect({ table: table.name, rows: await rowsOf(middle, table) }).toEqual({
        table: table.name,
        rows: await rowsOf(source, table),
      });
    }
    expect(there.check.filter((table) => !table.equal)).toEqual([]);
    expect(there.rows).toBe(Object.values(await counts(source)).reduce((a, b) => a + b, 0));

    const back = await open(openSqlite());
    const again = await copyLedgerBetween(middle, back, { pageSize: 1_000 });
    await expect(indexesOf(back)).resolves.toEqual(await indexesOf(source));
    expect(again.check.filter((table) => !table.equal)).toEqual([]);
    for (const table of tables) {
      expect({ table: table.name, rows: await rowsOf(back, table, true) }).toEqual({
        table: table.name,
        rows: await rowsOf(source, table, true),
      });
    }

    // Invoices 4 and 6 were made and deleted in the source: no id is given twice.
    await expect(nextInvoiceId(middle)).resolves.toEqual([{ id: 7 }]);
    await expect(nextInvoiceId(back)).resolves.toEqual([{ id: 7 }]);
  });

  it(`copies from one ${testLedgerDriver()} ledger to another`, async () => {
    const first = await open(openTestLedger());
    await copyLedgerBetween(source, first);
    const second = await open(openTestLedger());
    const { check } = await copyLedgerBetween(first, second, { pageSize: 3 });
    expect(check.every((table) => table.equal)).toBe(true);
    for (const table of copyTables(source)) {
      expect({ table: table.name, rows: await rowsOf(second, table) }).toEqual({
        table: table.name,
        rows: await rowsOf(source, table),
      });
    }
    await expect(nextInvoiceId(second)).resolves.toEqual([{ id: 7 }]);
  });

  it('reports each page and each table, and checks rows and money per currency', async () => {
    const middle = await open(openTestLedger());
    const progress: LedgerCopyProgress[] = [];
    const { check } = await copyLedgerBetween(source, middle, {
      pageSize: 10,
      onProgress: (step) => progress.push(step),
    });
    const items = SEEDED_CALLS + 1;
    expect(
      progress.filter((step) => step.table === 'line_items').map((step) => step.copied),
    ).toEqual([10, 20, 30, 40, items, items]);
    expect(progress.filter((step) => step.done)).toHaveLength(copyTables(source).length);
    expect(progress.every((step) => step.copied <= step.total)).toBe(true);

    const lineItems = check.find((table) => table.table === 'line_items')!;
    const usd = 100 * SEEDED_CALLS + (SEEDED_CALLS * (SEEDED_CALLS + 1)) / 2;
    expect(lineItems.measures).toEqual(
      expect.arrayContaining([
        { currency: null, measure: 'rows', source: items, target: items },
        { currency: 'GBP', measure: 'rows', source: 1, target: 1 },
        {
          currency: 'GBP',
          measure: 'amount_minor',
          source: SEEDED_LARGE_AMOUNT_MINOR,
          target: SEEDED_LARGE_AMOUNT_MINOR,
        },
        { currency: 'USD', measure: 'amount_minor', source: usd, target: usd },
      ]),
    );
    // A table without a currency: its money summed whole.
    const lines = check.find((table) => table.table === 'invoice_lines')!;
    expect(lines.measures).toContainEqual({
      currency: null,
      measure: 'total_minor',
      source: 1125 + 600 + 128,
      target: 1125 + 600 + 128,
    });
  });

  it('refuses a target holding anything but what a new ledger holds, and writes nothing to it', async () => {
    const target = await open(openTestLedger());
    await target.query(
      `INSERT INTO rate_plans (name, kind, currency, created_at_ms, updated_at_ms)
       VALUES ('Theirs', 'per-call', 'EUR', 0, 0)`,
    );
    const before = await counts(target);
    const copying = copyLedgerBetween(source, target);
    await expect(copying).rejects.toThrow(DomainError);
    await expect(copyLedgerBetween(source, target)).rejects.toThrow(
      'the target ledger is not empty (rate_plans has rows): ledger copy writes only into a new, empty ledger',
    );
    await expect(counts(target)).resolves.toEqual(before);
    await expect(target.query(`SELECT name FROM businesses`)).resolves.toEqual([
      { name: 'My business' },
    ]);
  });

  it('refuses a target whose default business was changed: it is no longer as new', async () => {
    const target = await open(openTestLedger());
    await target.query(`UPDATE businesses SET name = 'Their hotel' WHERE id = 1`);
    await expect(copyLedgerBetween(source, target)).rejects.toThrow(
      'the target ledger is not empty (businesses has rows)',
    );
    await expect(target.query(`SELECT name FROM businesses`)).resolves.toEqual([
      { name: 'Their hotel' },
    ]);
  });

  it('keeps nothing when the check finds the copy different from the source, and says where', async () => {
    const target = await open(openTestLedger());
    // A target that quietly changes what it is given: one minor unit more on each pending item.
    if (target.options.type === 'postgres') {
      await target.query(`CREATE FUNCTION test_skew() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.status = 'pending' THEN NEW.rated_amount_minor := NEW.rated_amount_minor + 1; END IF;
          RETURN NEW;
        END $$`);
      await target.query(`CREATE TRIGGER test_skew BEFORE INSERT ON line_items
        FOR EACH ROW EXECUTE FUNCTION test_skew()`);
    } else {
      await target.query(`CREATE TRIGGER test_skew AFTER INSERT ON line_items
        WHEN NEW.status = 'pending'
        BEGIN UPDATE line_items SET rated_amount_minor = rated_amount_minor + 1 WHERE id = NEW.id; END`);
    }
    const before = await counts(target);
    const [{ n: pending }] = await source.query<{ n: number }[]>(
      `SELECT count(*) AS n FROM line_items WHERE status = 'pending'`,
    );
    const copying = copyLedgerBetween(source, target);
    await expect(copying).rejects.toThrow(
      'the copy differs from the source in line_items: nothing was kept, the target is as it was',
    );
    const error = (await copying.catch((e: unknown) => e)) as LedgerCopyMismatchError;
    const lineItems = error.check.find((table) => table.table === 'line_items')!;
    expect(lineItems.equal).toBe(false);
    expect(lineItems.measures.filter((m) => m.source !== m.target)).toEqual([
      {
        currency: 'USD',
        measure: 'rated_amount_minor',
        source: expect.any(Number) as number,
        target: expect.any(Number) as number,
      },
    ]);
    const [skewed] = lineItems.measures.filter((m) => m.source !== m.target);
    expect(skewed.target - skewed.source).toBe(pending);
    expect(error.check.filter((table) => !table.equal).map((table) => table.table)).toEqual([
      'line_items',
    ]);
    await expect(counts(target)).resolves.toEqual(before);
  });

  it('leaves the target as it was when the copy fails midway (one transaction)', async () => {
    const target = await open(openTestLedger());
    const before = await counts(target);
    const indexes = await indexesOf(target);
    const businesses = await rowsOf(target, businessesTable(target));
    await expect(
      copyLedgerBetween(source, target, {
        pageSize: 5,
        onProgress: (step) => {
          if (step.table === 'line_items' && step.copied >= 20) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    await expect(counts(target)).resolves.toEqual(before);
    await expect(indexesOf(target)).resolves.toEqual(indexes);
    expect(before).toMatchObject({ businesses: 1, line_items: 0, invoices: 0, audit_events: 0 });
    await expect(rowsOf(target, businessesTable(target))).resolves.toEqual(businesses);
    // Id sequences were not moved either.
    await expect(nextInvoiceId(target)).resolves.toEqual([{ id: 1 }]);

    // And the copy, run again, goes through.
    await target.query(`DELETE FROM invoices`);
    const { check } = await copyLedgerBetween(source, target);
    expect(check.every((table) => table.equal)).toBe(true);
  });
});
