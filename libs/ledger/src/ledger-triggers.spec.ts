import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { openTestLedger, testLedgerDriver } from './testing';

const driver = testLedgerDriver();

/** The names of the triggers the ledger holds, on the driver under test. */
const TRIGGER_NAMES =
  driver === 'postgres'
    ? `SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`
    : `SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`;

/**
 * The ledger's own guarantees, enforced by triggers whatever the code does, walked through an
 * invoice's life: approved item -> draft -> finalised (frozen) -> void -> back to approved.
 * The same refusals, in the same words, on SQLite and on PostgreSQL.
 */
describe(`ledger triggers (real migrations, ${driver})`, () => {
  let db: DataSource;

  beforeEach(async () => {
    db = await openTestLedger();
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
        rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
      VALUES (1, 1, 1, 'c1', 'ROOM-1012', 1000, 61, 66, 'USD', 150, 150, 9, 159, 'approved', 1, 1, 1, '{}', 0, 0, '1969-12-31')`);
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
    const rows: { name: string }[] = await db.query(TRIGGER_NAMES);
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
      'TR_line_items_posted_frozen',
      'TR_line_items_posted_needs_posting',
      'TR_line_items_posted_not_deleted',
      'TR_line_items_posting_not_invoiced',
      'TR_line_items_sum_account_totals',
      'TR_line_items_sum_daily_totals',
      'TR_line_items_sum_deleted',
      'TR_line_items_sum_destination_totals',
      'TR_postings_no_delete',
      'TR_postings_posted_final',
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
    [
      'its total',
      `UPDATE invoices SET subtotal_minor = 1, total_minor = 10 WHERE id = 1`,
      'a finalized invoice never changes',
    ],
    [
      'its number',
      `UPDATE invoices SET number = 'INV-2026-000002' WHERE id = 1`,
      'a finalized invoice never changes',
    ],
    [
      'back to draft',
      `UPDATE invoices SET status = 'draft', number = NULL, sequence = NULL WHERE id = 1`,
      'a finalized invoice never changes',
    ],
    ['deleting it', `DELETE FROM invoices WHERE id = 1`, 'only a draft invoice can be deleted'],
    [
      'a line',
      `UPDATE invoice_lines SET amount_minor = 1, total_minor = 10 WHERE invoice_id = 1`,
      'the lines of a finalized invoice never change',
    ],
    [
      'deleting a line',
      `DELETE FROM invoice_lines WHERE invoice_id = 1`,
      'the lines of a finalized invoice never change',
    ],
    [
      'adding a line',
      `INSERT INTO invoice_lines (invoice_id, line_number, line_item_id, call_id, start_time_ms, talk_seconds,
        billed_seconds, description, rated_amount_minor, rated_tax_minor, rated_total_minor, amount_minor, tax_minor,
        total_minor, breakdown_json) VALUES (1, 2, 1, 'c1', 1000, 61, 66, 'x', 1, 0, 1, 1, 0, 1, '{}')`,
      'lines can only be added to a draft invoice',
    ],
    [
      'the item amount',
      `UPDATE line_items SET amount_minor = 100, total_minor = 109 WHERE id = 1`,
      'an invoiced line item never changes until its invoice is void',
    ],
    [
      'the item account',
      `UPDATE line_items SET billing_account = 'ROOM-2000' WHERE id = 1`,
      'an invoiced line item never changes until its invoice is void',
    ],
    [
      'the item off the invoice',
      `UPDATE line_items SET invoice_id = NULL WHERE id = 1`,
      'an invoiced line item never changes until its invoice is void',
    ],
    [
      'the item approved again',
      `UPDATE line_items SET status = 'approved', invoice_id = NULL WHERE id = 1`,
      'an invoiced line item never changes until its invoice is void',
    ],
    [
      'the item rejected',
      `UPDATE line_items SET status = 'rejected' WHERE id = 1`,
      'an invoiced line item never changes until its invoice is void',
    ],
    [
      'deleting the item',
      `DELETE FROM line_items WHERE id = 1`,
      'an invoiced line item is never deleted',
    ],
  ])('refuses changing a finalised invoice: %s', async (_change, statement, refusal) => {
    await finalize();
    const before = await db.query(`SELECT * FROM invoices, invoice_lines, line_items`);
    await expect(db.query(statement)).rejects.toThrow(refusal);
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
    ).rejects.toThrow(
      driver === 'postgres'
        ? 'violates check constraint "CK_line_items_money"'
        : 'CHECK constraint failed: CK_line_items_money',
    );
  });

  describe("the overview's sums follow every change of an item", () => {
    /** The sums as the triggers keep them, and as a GROUP BY over the items makes them. */
    const kept = async () => ({
      daily: await db.query(
        `SELECT local_date, source_id, status, currency, items, calls, amount_minor
         FROM line_item_daily_totals ORDER BY 1, 2, 3, 4`,
      ),
      accounts: await db.query(
        `SELECT local_date, source_id, billing_account, currency, items, calls, billed_minor
         FROM line_item_account_totals ORDER BY 1, 2, 3, 4`,
      ),
      destinations: await db.query(
        `SELECT local_date, source_id, destination_class, destination_prefix, currency, items,
           calls, billed_minor
         FROM line_item_destination_totals ORDER BY 1, 2, 3, 4, 5`,
      ),
    });
    const billed = `CASE WHEN status IN ('rejected', 'no-charge') THEN 0 ELSE amount_minor END`;
    const counted = async () => ({
      daily: await db.query(
        `SELECT local_date, source_id, status, currency, count(*) AS items, sum(calls) AS calls,
           sum(amount_minor) AS amount_minor
         FROM line_items GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ),
      accounts: await db.query(
        `SELECT local_date, source_id, coalesce(billing_account, '') AS billing_account, currency,
           count(*) AS items, sum(calls) AS calls, sum(${billed}) AS billed_minor
         FROM line_items GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ),
      destinations: await db.query(
        `SELECT local_date, source_id, coalesce(destination_class, '') AS destination_class,
           coalesce(destination_prefix, '') AS destination_prefix, currency, count(*) AS items,
           sum(calls) AS calls, sum(${billed}) AS billed_minor
         FROM line_items GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      ),
    });

    beforeEach(async () => {
      // The item the outer setup inserted with SQL (not the inserter): its sums made as a
      // rebuild makes them, then a second item of another day and account.
      await db.query(`INSERT INTO call_records (id, source_id, call_id, start_time_ms, direction, talk_ms, raw_json, created_at_ms)
        VALUES (2, 1, 'c2', 90000000, 'outbound', 61000, '{}', 0)`);
      await db.query(`INSERT INTO line_items (id, source_id, call_record_id, call_id, billing_account, start_time_ms,
          talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, tax_minor, total_minor, status,
          rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms,
          local_date, destination_class, destination_prefix)
        VALUES (2, 1, 2, 'c2', NULL, 90000000, 61, 66, 'USD', 200, 200, 0, 200, 'needs-review', 1, 1, 1, '{}', 0, 0,
          '1970-01-01', 'international', '44')`);
      for (const statement of [
        `INSERT INTO line_item_daily_totals SELECT local_date, source_id, status, currency, 1, calls, amount_minor FROM line_items`,
        `INSERT INTO line_item_account_totals SELECT local_date, source_id, coalesce(billing_account, ''), currency, 1, calls, amount_minor FROM line_items`,
        `INSERT INTO line_item_destination_totals SELECT local_date, source_id, coalesce(destination_class, ''), coalesce(destination_prefix, ''), currency, 1, calls, amount_minor FROM line_items`,
      ]) {
        await db.query(statement);
      }
      await expect(kept()).resolves.toEqual(await counted());
    });

    it.each([
      [
        'approved',
        `UPDATE line_items SET status = 'approved', billing_account = 'ROOM-7' WHERE id = 2`,
      ],
      ['rejected (no longer billed)', `UPDATE line_items SET status = 'rejected' WHERE id = 2`],
      [
        'adjusted',
        `UPDATE line_items SET adjusted_amount_minor = 120, amount_minor = 120, total_minor = 120 WHERE id = 2`,
      ],
      [
        'assigned to the account of the other',
        `UPDATE line_items SET billing_account = 'ROOM-1012' WHERE id = 2`,
      ],
      [
        're-rated to another destination and currency',
        `UPDATE line_items SET destination_class = 'uk', destination_prefix = '4420', currency = 'GBP' WHERE id = 2`,
      ],
      ['a summary of 12 calls', `UPDATE line_items SET calls = 12 WHERE id = 2`],
      [
        'moved to another day (its source changed zone)',
        `UPDATE line_items SET local_date = '1969-12-31' WHERE id = 2`,
      ],
      [
        'changed in nothing the sums read',
        `UPDATE line_items SET review_reason = 'checked', version = 2 WHERE id = 2`,
      ],
      ['deleted', `DELETE FROM line_items WHERE id = 2`],
      ['both deleted (no row is left)', `DELETE FROM line_items`],
    ])('when it is %s', async (_change, statement) => {
      if (statement === 'DELETE FROM line_items') {
        await db.query('DELETE FROM invoice_lines');
        await db.query('DELETE FROM invoices');
      }
      await db.query(statement);
      await expect(kept()).resolves.toEqual(await counted());
    });

    it('leaves no row for a group that has no item any more', async () => {
      await db.query(
        `UPDATE line_items SET status = 'approved', billing_account = 'ROOM-7' WHERE id = 2`,
      );
      await expect(
        db.query(
          `SELECT status, items FROM line_item_daily_totals WHERE local_date = '1970-01-01'`,
        ),
      ).resolves.toEqual([{ status: 'approved', items: 1 }]);
      await expect(
        db.query(
          `SELECT billing_account FROM line_item_account_totals WHERE local_date = '1970-01-01'`,
        ),
      ).resolves.toEqual([{ billing_account: 'ROOM-7' }]);
    });

    it('follows an invoice: items invoiced, and approved again when it is void', async () => {
      await finalize();
      await expect(kept()).resolves.toEqual(await counted());
      await db.query(
        `UPDATE invoices SET status = 'void', void_reason = 'wrong room', voided_at_ms = 9 WHERE id = 1`,
      );
      await db.query(`UPDATE line_items SET status = 'approved', invoice_id = NULL WHERE id = 1`);
      await expect(kept()).resolves.toEqual(await counted());
    });
  });

  describe('a charge posted to the PMS', () => {
    beforeEach(async () => {
      await db.query(`DELETE FROM invoice_lines`);
      await db.query(`DELETE FROM invoices`);
      await db.query(`INSERT INTO pms_links (id, name, host, port, charset, posting_mode, answer_timeout_ms,
          alive_interval_ms, created_at_ms, updated_at_ms)
        VALUES (1, 'PMS', '127.0.0.1', 5010, 'ascii', 'on-rating', 30000, 300000, 0, 0)`);
      await db.query(`INSERT INTO pms_link_sources (source_id, link_id) VALUES (1, 1)`);
      await db.query(`INSERT INTO postings (id, link_id, line_item_id, posting_number, room, amount_minor, currency,
          status, created_at_ms, updated_at_ms)
        VALUES (1, 1, 1, 7, '1012', 159, 'USD', 'in-flight', 0, 0)`);
    });

    const post = async () => {
      await db.query(`UPDATE postings SET status = 'posted', posted_at_ms = 5 WHERE id = 1`);
      await db.query(`UPDATE line_items SET status = 'posted' WHERE id = 1`);
    };

    it('is posted only once the PMS accepted its posting', async () => {
      await expect(
        db.query(`UPDATE line_items SET status = 'posted' WHERE id = 1`),
      ).rejects.toThrow('a line item is posted only when the PMS accepted its posting');
      await post();
      await expect(db.query(`SELECT status FROM line_items WHERE id = 1`)).resolves.toEqual([
        { status: 'posted' },
      ]);
    });

    it('never changes and is never deleted once posted', async () => {
      await post();
      for (const change of [
        `UPDATE line_items SET amount_minor = 1, total_minor = 10 WHERE id = 1`,
        `UPDATE line_items SET status = 'approved' WHERE id = 1`,
        `UPDATE line_items SET billing_account = 'ROOM-1013' WHERE id = 1`,
      ]) {
        await expect(db.query(change)).rejects.toThrow('a posted line item never changes');
      }
      await expect(db.query(`DELETE FROM line_items WHERE id = 1`)).rejects.toThrow(
        'a posted line item is never deleted',
      );
    });

    it('never goes on an invoice while its posting stands, and may once written off', async () => {
      await db.query(`INSERT INTO invoices (id, status, billing_account, business_id, rate_plan_id, timezone,
          period_start_ms, period_end_ms, currency, subtotal_minor, tax_minor, total_minor, created_at_ms, updated_at_ms)
        VALUES (2, 'draft', 'ROOM-1012', 1, 1, 'America/Denver', 0, 86400000, 'USD', 0, 0, 0, 0, 0)`);
      await expect(db.query(`UPDATE line_items SET invoice_id = 2 WHERE id = 1`)).rejects.toThrow(
        'never goes on an invoice',
      );
      await db.query(`UPDATE postings SET status = 'written-off' WHERE id = 1`);
      await db.query(`UPDATE line_items SET invoice_id = 2 WHERE id = 1`);
    });

    it('keeps posting numbers and posted postings final, and every posting', async () => {
      await expect(db.query(`UPDATE postings SET posting_number = 8 WHERE id = 1`)).rejects.toThrow(
        'final',
      );
      await post();
      await expect(db.query(`UPDATE postings SET amount_minor = 1 WHERE id = 1`)).rejects.toThrow(
        'a posted posting and every posting number are final',
      );
      await expect(db.query(`DELETE FROM postings WHERE id = 1`)).rejects.toThrow(
        'a posting is never deleted',
      );
      await expect(
        db.query(`INSERT INTO postings (id, link_id, line_item_id, posting_number, room, amount_minor, currency,
            status, created_at_ms, updated_at_ms) VALUES (2, 1, 1, 7, '1012', 1, 'USD', 'pending', 0, 0)`),
      ).rejects.toThrow(
        driver === 'postgres'
          ? 'violates unique constraint "UQ_postings_number"'
          : 'UNIQUE constraint failed: postings.link_id, postings.posting_number',
      );
      await expect(
        db.query(`INSERT INTO postings (id, link_id, line_item_id, posting_number, room, amount_minor, currency,
            status, created_at_ms, updated_at_ms) VALUES (3, 1, 1, 100000000, '1012', 1, 'USD', 'pending', 0, 0)`),
      ).rejects.toThrow('CK_postings_number');
    });
  });
});
