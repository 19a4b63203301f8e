import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions } from './ledger-options';

/**
 * The ledger's own guarantees, enforced by triggers whatever the code does, walked through an
 * invoice's life: approved item -> draft -> finalised (frozen) -> void -> back to approved.
 */
describe('ledger triggers (real migrations on :memory:)', () => {
  let db: DataSource;

  beforeEach(async () => {
    db = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path: ':memory:' }));
    await db.initialize();
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    await db.query(`INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json, created_at_ms, created_by)
      VALUES (1, 1, 1, 0, '{}', 0, 'test')`);
    await db.query(`INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone, created_at_ms, updated_at_ms)
      VALUES (1, 'Calls', 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`);
    await db.query(`INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction, talk_ms, raw_json, created_at_ms)
      VALUES (1, 1, 'c1', 1000, 'outbound', 61000, '{}', 0)`);
    await db.query(`INSERT INTO line_items (id, source_id, call_record_id, call_id, billing_account, start_time_ms,
        talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, tax_minor, total_minor, status,
        rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms)
      VALUES (1, 1, 1, 'c1', 'ROOM-1012', 1000, 61, 66, 'USD', 150, 150, 9, 159, 'approved', 1, 1, 1, '{}', 0, 0)`);
    await db.query(`INSERT INTO invoices (id, status, billing_account, business_id, rate_plan_id, timezone, period_start_ms, period_end_ms,
        currency, subtotal_minor, tax_minor, total_minor, created_at_ms, updated_at_ms)
      VALUES (1, 'draft', 'ROOM-1012', 1, 1, 'America/Denver', 0, 86400000, 'USD', 150, 9, 159, 0, 0)`);
    await db.query(`INSERT INTO invoice_lines (invoice_id, line_number, line_item_id, call_id, start_time_ms, talk_seconds,
        billed_seconds, description, rated_amount_minor, rated_tax_minor, rated_total_minor, amount_minor, tax_minor,
        total_minor, breakdown_json)
      VALUES (1, 1, 1, 'c1', 1000, 61, 66, 'Telephone', 150, 9, 159, 150, 9, 159, '{}')`);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const finalize = async () => {
    await db.query(`UPDATE invoices SET status = 'finalized', number = 'INV-2026-000001', number_year = 2026,
      sequence = 1, finalized_at_ms = 5 WHERE id = 1`);
    await db.query(`UPDATE line_items SET status = 'invoiced', invoice_id = 1 WHERE id = 1`);
  };

  it('has exactly the triggers the product relies on', async () => {
    const rows: { name: string }[] = await db.query(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'TR_audit_events_no_delete',
      'TR_audit_events_no_update',
      'TR_invoice_lines_delete_draft_only',
      'TR_invoice_lines_insert_draft_only',
      'TR_invoice_lines_update_draft_only',
      'TR_invoices_finalized_immutable',
      'TR_invoices_only_drafts_deleted',
      'TR_invoices_void_is_final',
      'TR_line_items_invoiced_frozen',
      'TR_line_items_invoiced_not_deleted',
      'TR_rate_plan_versions_no_delete',
      'TR_rate_plan_versions_no_update',
    ]);
  });

  it('lets a draft change freely', async () => {
    await db.query(`UPDATE invoice_lines SET description = 'Calls' WHERE invoice_id = 1`);
    await db.query(`UPDATE invoices SET subtotal_minor = 150 WHERE id = 1`);
    await db.query(`DELETE FROM invoice_lines WHERE invoice_id = 1`);
    await db.query(`DELETE FROM invoices WHERE id = 1`);
    await expect(db.query(`SELECT count(*) AS n FROM invoices`)).resolves.toEqual([{ n: 0 }]);
  });

  it.each([
    ['its total', `UPDATE invoices SET subtotal_minor = 1, total_minor = 10 WHERE id = 1`],
    ['its number', `UPDATE invoices SET number = 'INV-2026-000002' WHERE id = 1`],
    [
      'back to draft',
      `UPDATE invoices SET status = 'draft', number = NULL, sequence = NULL WHERE id = 1`,
    ],
    ['deleting it', `DELETE FROM invoices WHERE id = 1`],
    ['a line', `UPDATE invoice_lines SET amount_minor = 1, total_minor = 10 WHERE invoice_id = 1`],
    ['deleting a line', `DELETE FROM invoice_lines WHERE invoice_id = 1`],
    [
      'adding a line',
      `INSERT INTO invoice_lines (invoice_id, line_number, line_item_id, call_id, start_time_ms, talk_seconds,
        billed_seconds, description, rated_amount_minor, rated_tax_minor, rated_total_minor, amount_minor, tax_minor,
        total_minor, breakdown_json) VALUES (1, 2, 1, 'c1', 1000, 61, 66, 'x', 1, 0, 1, 1, 0, 1, '{}')`,
    ],
    ['the item amount', `UPDATE line_items SET amount_minor = 100, total_minor = 109 WHERE id = 1`],
    ['the item account', `UPDATE line_items SET billing_account = 'ROOM-2000' WHERE id = 1`],
    ['the item off the invoice', `UPDATE line_items SET invoice_id = NULL WHERE id = 1`],
    [
      'the item approved again',
      `UPDATE line_items SET status = 'approved', invoice_id = NULL WHERE id = 1`,
    ],
    ['the item rejected', `UPDATE line_items SET status = 'rejected' WHERE id = 1`],
    ['deleting the item', `DELETE FROM line_items WHERE id = 1`],
  ])('refuses changing a finalised invoice: %s', async (_change, statement) => {
    await finalize();
    const before = await db.query(`SELECT * FROM invoices, invoice_lines, line_items`);
    await expect(db.query(statement)).rejects.toThrow(/never|only/);
    await expect(db.query(`SELECT * FROM invoices, invoice_lines, line_items`)).resolves.toEqual(
      before,
    );
  });

  it('voids an invoice (number kept), then frees its items, then freezes the void invoice', async () => {
    await finalize();
    await db.query(
      `UPDATE invoices SET status = 'void', void_reason = 'wrong room', voided_at_ms = 9 WHERE id = 1`,
    );
    await db.query(`UPDATE line_items SET status = 'approved', invoice_id = NULL WHERE id = 1`);
    await expect(db.query(`SELECT status, number FROM invoices`)).resolves.toEqual([
      { status: 'void', number: 'INV-2026-000001' },
    ]);
    await expect(db.query(`UPDATE invoices SET void_reason = 'x' WHERE id = 1`)).rejects.toThrow(
      /void invoice never changes/,
    );
    await expect(db.query(`DELETE FROM invoices WHERE id = 1`)).rejects.toThrow(/only a draft/);
  });

  it('refuses voiding that changes anything but status and void fields', async () => {
    await finalize();
    await expect(
      db.query(
        `UPDATE invoices SET status = 'void', total_minor = 0, subtotal_minor = 0, tax_minor = 0 WHERE id = 1`,
      ),
    ).rejects.toThrow(/finalized invoice never changes/);
  });

  it('refuses changing or deleting a rate plan version', async () => {
    await expect(db.query(`UPDATE rate_plan_versions SET plan_json = '{"x":1}'`)).rejects.toThrow(
      /never changes/,
    );
    await expect(db.query(`DELETE FROM rate_plan_versions`)).rejects.toThrow(/never deleted/);
  });

  it('refuses a negative adjusted amount (CHECK)', async () => {
    await expect(
      db.query(`UPDATE line_items SET adjusted_amount_minor = -1 WHERE id = 1`),
    ).rejects.toThrow(/CHECK constraint failed: CK_line_items_money/);
  });
});
