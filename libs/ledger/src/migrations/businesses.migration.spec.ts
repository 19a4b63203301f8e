import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions } from '../ledger-options';
import { InitialSchema1795824000000 } from './1795824000000-initial-schema';

/**
 * A ledger made before businesses existed, with sources and numbered invoices, migrated: the
 * first start makes the default business and gives it everything, numbers and sequences kept,
 * and the triggers still guard what they guarded.
 */
describe('migration: businesses (a populated ledger of the earlier schema)', () => {
  let dir: string;
  let db: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-businesses-'));
    const path = join(dir, 'ledger.sqlite');
    const old = new DataSource({
      ...ledgerDataSourceOptions({ kind: 'sqlite', path }),
      migrations: [InitialSchema1795824000000],
    });
    await old.initialize();
    for (const statement of [
      `INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms) VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`,
      `INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json, created_at_ms, created_by)
         VALUES (1, 1, 1, 0, '{"billingAccount":{"by":"extension","prefix":"ROOM-"}}', 0, 'test')`,
      `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, timezone, created_at_ms, updated_at_ms)
         VALUES (1, 'Calls', 'call-records', 'CALLDTL1', 1, 'America/Denver', 0, 0),
                (2, 'Office', 'call-records', 'CALLDTL2', 1, 'Europe/London', 0, 0)`,
      `INSERT INTO invoices (id, number, number_year, sequence, status, billing_account, source_id, timezone,
         period_start_ms, period_end_ms, currency, subtotal_minor, tax_minor, total_minor, finalized_at_ms,
         created_at_ms, updated_at_ms)
         VALUES (1, 'INV-2026-000001', 2026, 1, 'finalized', 'ROOM-1012', 1, 'America/Denver', 0, 10, 'USD', 150, 9, 159, 5, 0, 0),
                (2, 'INV-2026-000002', 2026, 2, 'finalized', 'ROOM-1013', 1, 'America/Denver', 0, 10, 'USD', 75, 5, 80, 6, 0, 0),
                (3, NULL, NULL, NULL, 'draft', 'ROOM-1014', 1, 'America/Denver', 0, 10, 'USD', 0, 0, 0, NULL, 0, 0)`,
      `UPDATE invoices SET status = 'void', voided_at_ms = 7, void_reason = 'wrong room' WHERE id = 2`,
      `INSERT INTO invoice_number_sequences (year, last_sequence) VALUES (2026, 2)`,
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

  it("makes the default business (prefix INV, the first source's zone, a hotel as its rooms are billed by extension) and gives it everything", async () => {
    await expect(
      db.query(
        `SELECT id, name, kind, timezone, invoice_prefix, is_default, address_json FROM businesses`,
      ),
    ).resolves.toEqual([
      {
        id: 1,
        name: 'My business',
        kind: 'hotel',
        timezone: 'America/Denver',
        invoice_prefix: 'INV',
        is_default: 1,
        address_json: '[]',
      },
    ]);
    await expect(db.query(`SELECT id, business_id FROM sources ORDER BY id`)).resolves.toEqual([
      { id: 1, business_id: 1 },
      { id: 2, business_id: 1 },
    ]);
    await expect(
      db.query(`SELECT id, number, status, business_id FROM invoices ORDER BY id`),
    ).resolves.toEqual([
      { id: 1, number: 'INV-2026-000001', status: 'finalized', business_id: 1 },
      { id: 2, number: 'INV-2026-000002', status: 'void', business_id: 1 },
      { id: 3, number: null, status: 'draft', business_id: 1 },
    ]);
    await expect(
      db.query(`SELECT business_id, year, last_sequence FROM invoice_number_sequences`),
    ).resolves.toEqual([{ business_id: 1, year: 2026, last_sequence: 2 }]);
  });

  it('matches the entities exactly', async () => {
    expect((await db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  it('still freezes a finalised invoice, now its business and issuer too; a void one for good', async () => {
    await db.query(`INSERT INTO businesses (name, kind, timezone, invoice_prefix, created_at_ms, updated_at_ms)
      VALUES ('Other', 'hotel', 'UTC', 'OT', 0, 0)`);
    for (const change of [
      `business_id = 2`,
      `issuer_json = '{"name":"x"}'`,
      `total_minor = 1, subtotal_minor = 1, tax_minor = 0`,
    ]) {
      await expect(db.query(`UPDATE invoices SET ${change} WHERE id = 1`)).rejects.toThrow(
        'a finalized invoice never changes',
      );
    }
    await expect(db.query(`UPDATE invoices SET business_id = 2 WHERE id = 2`)).rejects.toThrow(
      'a void invoice never changes',
    );
    await expect(db.query(`DELETE FROM invoices WHERE id = 1`)).rejects.toThrow(
      'only a draft invoice can be deleted',
    );
  });

  it('numbers are unique per business and year, and a number names one invoice', async () => {
    await expect(
      db.query(`UPDATE invoices SET status = 'finalized', number = 'INV-2026-000003', number_year = 2026,
        sequence = 1, finalized_at_ms = 9 WHERE id = 3`),
    ).rejects.toThrow(
      /UNIQUE constraint failed: invoices\.business_id, invoices\.number_year, invoices\.sequence/,
    );
    await expect(
      db.query(`UPDATE invoices SET status = 'finalized', number = 'INV-2026-000001', number_year = 2026,
        sequence = 3, finalized_at_ms = 9 WHERE id = 3`),
    ).rejects.toThrow(/UNIQUE constraint failed: invoices\.number/);
    await expect(
      db.query(`INSERT INTO sources (name, kind, historic_data_key, rate_plan_id, timezone, created_at_ms, updated_at_ms)
        VALUES ('No business', 'call-records', 'K', 1, 'UTC', 0, 0)`),
    ).rejects.toThrow(/NOT NULL constraint failed: sources\.business_id/);
  });
});
