import type { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import { LineItemTotalsStore } from '../stores/line-item-totals.store';

/** Call records (and line items) `seedWholeLedger` makes. */
export const SEEDED_CALLS = 40;

/** An amount far beyond 2^32 minor units, on the account-summary item: sums stay exact. */
export const SEEDED_LARGE_AMOUNT_MINOR = 1_125_899_906_842_624;

/**
 * A SQLite ledger with rows in every table, written as the service writes them, triggers and
 * all: two businesses, users and sessions, API keys and audit events, two rate plans with
 * versions, two sources with a sync run, call records, an account summary and its item, line
 * items of every status (invoiced, posted with postings and a correction, on a void invoice),
 * a draft, a finalised and a void invoice with their lines and a delivery, a PMS link with a
 * stay, a law firm's matters, rules and timekeepers, the overview's sums. Two invoices made and
 * deleted leave the invoices' id sequence past the highest id.
 */
export async function seedWholeLedger(db: DataSource): Promise<void> {
  for (const sql of SEED) await db.query(sql);
  const ledger = new Ledger(db);
  await ledger.transaction((tx) => new LineItemTotalsStore(ledger).rebuild(tx));
}

const SEED = [
  `UPDATE businesses SET name = 'Grand Hotel', kind = 'hotel', timezone = 'America/Denver',
     invoice_prefix = 'GH', address_json = '["1 Main St","Denver"]' WHERE id = 1`,
  `INSERT INTO businesses (name, kind, timezone, invoice_prefix, is_default, created_at_ms, updated_at_ms)
     VALUES ('Law & Partners', 'law-firm', 'Europe/London', 'LP', 0, 2, 3)`,
  `INSERT INTO api_keys (name, role, origin, key_hash, key_prefix, created_at_ms, last_used_at_ms)
     VALUES ('ops', 'admin', 'cli', 'hash-1', 'xb_1', 1, 1796400000000)`,
  `INSERT INTO users (email, name, role, password_hash, must_change_password, created_at_ms, updated_at_ms)
     VALUES ('ann@example.com', 'Ann O''Neil', 'admin', 'scrypt$x', 1, 1, 1),
            ('zoë@example.com', 'Zoë', 'viewer', 'scrypt$y', 0, 2, 2)`,
  `INSERT INTO sessions (token_hash, csrf_token, user_id, created_at_ms, last_seen_at_ms)
     VALUES ('token-1', 'csrf-1', 1, 1, 2)`,
  `INSERT INTO sign_in_failures (email, failed_at_ms) VALUES ('bob@example.com', 5)`,
  `INSERT INTO sign_in_lockouts (email, locked_at_ms, locked_until_ms) VALUES ('bob@example.com', 5, 905)`,
  `INSERT INTO audit_events (occurred_at_ms, actor_key_id, actor_name, action, entity_type, entity_id, new_json)
     VALUES (1, 1, 'ops', 'create', 'rate-plan', '1', '{"name":"Hotel ✓"}'),
            (2, NULL, 'cli', 'finalize', 'invoice', '2', NULL)`,
  `INSERT INTO rate_plans (name, kind, currency, created_at_ms, updated_at_ms)
     VALUES ('Hotel', 'per-call', 'USD', 1, 1), ('Firm', 'account-summary', 'GBP', 1, 1)`,
  `INSERT INTO rate_plan_versions (rate_plan_id, version, effective_from_ms, plan_json, created_at_ms, created_by)
     VALUES (1, 1, 0, '{"v":1}', 1, 'cli'), (1, 2, 1000, '{"v":2}', 2, 'cli'), (2, 1, 0, '{}', 1, 'cli')`,
  `INSERT INTO sources (name, kind, historic_data_key, rate_plan_id, timezone, auto_approve, created_at_ms, updated_at_ms, business_id)
     VALUES ('Hotel', 'call-records', 'CALLDTLX', 1, 'America/Denver', 1, 1, 1, 1),
            ('Firm', 'account-summary', 'ACCTSUM', 2, 'Europe/London', 0, 1, 1, 2)`,
  `INSERT INTO sync_runs (source_id, status, "trigger", from_ms, to_ms, fetched, inserted, started_at_ms, finished_at_ms)
     VALUES (1, 'succeeded', 'cli', 0, 86400000, ${SEEDED_CALLS}, ${SEEDED_CALLS}, 1, 2)`,
  `INSERT INTO record_errors (source_id, sync_run_id, reason, raw_json, created_at_ms)
     VALUES (1, 1, 'no dialed number', '{"id":"x","path":"C:\\calls\\{1,2}"}', 2),
            (1, 1, 'NULL', '', 3)`,
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SEEDED_CALLS})
   INSERT INTO call_records (source_id, sync_run_id, call_id, start_time_ms, direction, extension, dialed_number, talk_ms, raw_json, created_at_ms)
   SELECT 1, 1, 'call-' || i, 1772348400000 + i * 60000, 'outbound', CAST(100 + i % 5 AS TEXT),
     '13035550' || i, 1000 * i, '{"i":' || i || '}', 2 FROM n`,
  `INSERT INTO account_summaries (source_id, account_code, period_start_ms, period_end_ms, calls, total_talk_ms, raw_json, created_at_ms)
     VALUES (2, 'A-1', 0, 86400000, 3, 60000, '{}', 1)`,
  `INSERT INTO pms_links (name, host, port, charset, posting_mode, answer_timeout_ms, alive_interval_ms, created_at_ms, updated_at_ms)
     VALUES ('Front desk', '127.0.0.1', 5010, 'utf-8', 'on-approval', 5000, 60000, 1, 1)`,
  `INSERT INTO pms_link_sources (source_id, link_id) VALUES (1, 1)`,
  `INSERT INTO stays (link_id, room, reservation, guest_name, sharer, from_ms, to_ms, ended_by, created_at_ms, updated_at_ms)
     VALUES (1, '101', 'R-1', 'A Guest', 1, 0, 100, 'check-out', 1, 1),
            (1, '102', 'R-2', NULL, 0, 50, NULL, NULL, 1, 1)`,
  `INSERT INTO matters (business_id, client_number, client_name, matter_number, matter_name, status, closed_date, billable, created_at_ms, updated_at_ms)
     VALUES (2, 'C1', 'Client', 'M1', 'Matter', 'open', NULL, 0, 1, 1),
            (2, 'C1', 'Client', 'M2', 'Closed matter', 'closed', '2026-01-31', 1, 1, 1)`,
  `INSERT INTO matter_rules (business_id, client_number, kind, markup_percent, effective_from, created_at_ms)
     VALUES (2, 'C1', 'markup', '12.5', '2026-01-01', 1)`,
  `INSERT INTO timekeepers (business_id, extension, timekeeper_id, name, classification, created_at_ms)
     VALUES (2, '201', 'TK1', 'Tim', 'PT', 1)`,
  // Invoices 1 (stays a draft), 2 (finalised), 3 (voided), 5 (the law firm's draft); 4 and 6
  // made and deleted.
  ...[1, 2, 3, 4, 5, 6].map(
    (
      id,
    ) => `INSERT INTO invoices (id, status, billing_account, source_id, rate_plan_id, timezone, period_start_ms, period_end_ms, currency, created_at_ms, updated_at_ms, business_id)
     VALUES (${id}, 'draft', '${id === 5 ? 'C1' : 'ROOM-101'}', ${id === 5 ? 2 : 1}, ${id === 5 ? 2 : 1}, 'America/Denver', 0, 86400000, '${id === 5 ? 'GBP' : 'USD'}', 3, 3, ${id === 5 ? 2 : 1})`,
  ),
  `DELETE FROM invoices WHERE id IN (4, 6)`,
  `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms, extension, dialed_number,
     talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, tax_minor, total_minor, status,
     rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json, invoice_id, created_at_ms,
     updated_at_ms, local_date, stay_id)
   SELECT 1, id, call_id, 'ROOM-' || extension, start_time_ms, extension, dialed_number, talk_ms / 1000,
     talk_ms / 1000, 'USD', 100 + id, 100 + id, 7, 107 + id,
     CASE WHEN id <= 10 THEN 'invoiced' WHEN id <= 15 THEN 'approved' WHEN id <= 20 THEN 'posted'
          WHEN id = 21 THEN 'approved' WHEN id % 4 = 0 THEN 'pending' WHEN id % 4 = 1 THEN 'no-charge'
          WHEN id % 4 = 2 THEN 'needs-review' ELSE 'rejected' END,
     1, 1 + id % 2, 1 + id % 2, '{"steps":[]}', CASE WHEN id <= 10 THEN 2 WHEN id = 21 THEN 1 END,
     2, 2, '2026-03-0' || (1 + id % 3), CASE WHEN id BETWEEN 16 AND 20 THEN 1 END
   FROM call_records ORDER BY id`,
  `INSERT INTO line_items (source_id, account_summary_id, call_id, billing_account, start_time_ms, talk_seconds,
     billed_seconds, calls, currency, rated_amount_minor, adjusted_amount_minor, amount_minor, tax_minor,
     total_minor, status, reason, rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json,
     created_at_ms, updated_at_ms, local_date, timekeeper_id, timekeeper_name, timekeeper_classification)
   VALUES (2, 1, 'A-1:0', 'C1', 0, 60, 60, 3, 'GBP', ${SEEDED_LARGE_AMOUNT_MINOR}, ${SEEDED_LARGE_AMOUNT_MINOR},
     ${SEEDED_LARGE_AMOUNT_MINOR}, 0, ${SEEDED_LARGE_AMOUNT_MINOR}, 'approved', 'adjusted', 2, 3, 1, '{}',
     2, 2, '2026-01-01', 'TK1', 'Tim', 'PT')`,
  ...[
    [2, 'id <= 10'],
    [3, 'id BETWEEN 11 AND 15'],
    [1, 'id = 21'],
  ].map(
    ([
      invoice,
      which,
    ]) => `INSERT INTO invoice_lines (invoice_id, line_number, line_item_id, call_id, start_time_ms, extension,
       dialed_number, talk_seconds, billed_seconds, description, rated_amount_minor, rated_tax_minor,
       rated_total_minor, amount_minor, tax_minor, total_minor, breakdown_json)
     SELECT ${invoice}, row_number() OVER (ORDER BY id), id, call_id, start_time_ms, extension, dialed_number,
       talk_seconds, billed_seconds, 'Call to ' || dialed_number, amount_minor, tax_minor, total_minor,
       amount_minor, tax_minor, total_minor, breakdown_json
     FROM line_items WHERE ${which}`,
  ),
  `UPDATE invoices SET status = 'finalized', number = 'GH-2026-0001', number_year = 2026, sequence = 1,
     subtotal_minor = 1055, tax_minor = 70, total_minor = 1125, finalized_at_ms = 10, updated_at_ms = 10,
     issuer_json = '{"name":"Grand Hotel"}', version = 2 WHERE id = 2`,
  `UPDATE invoices SET status = 'finalized', number = 'GH-2026-0002', number_year = 2026, sequence = 2,
     subtotal_minor = 565, tax_minor = 35, total_minor = 600, finalized_at_ms = 11, updated_at_ms = 11,
     version = 2 WHERE id = 3`,
  `UPDATE invoices SET status = 'void', voided_at_ms = 12, void_reason = 'wrong room', updated_at_ms = 12,
     version = 3 WHERE id = 3`,
  `INSERT INTO invoice_number_sequences (year, last_sequence, business_id) VALUES (2026, 2, 1)`,
  `INSERT INTO invoice_deliveries (invoice_id, url, idempotency_key, attempt, status, http_status, attempted_at_ms)
     VALUES (2, 'https://erp.example.com/invoices', 'GH-2026-0001', 1, 'delivered', 200, 13)`,
  `INSERT INTO postings (link_id, line_item_id, posting_number, room, stay_id, amount_minor, currency, status,
     answer_status, late, attempts, sent_at_ms, posted_at_ms, created_at_ms, updated_at_ms)
   SELECT 1, id, id - 15, '101', 1, total_minor, 'USD', 'posted', 'OK', id % 2, 1, 20, 21, 20, 21
   FROM line_items WHERE id BETWEEN 16 AND 20 ORDER BY id`,
  `INSERT INTO postings (link_id, line_item_id, posting_number, room, stay_id, amount_minor, currency, status,
     corrects_posting_id, created_at_ms, updated_at_ms)
   VALUES (1, 16, 6, '101', 1, -123, 'USD', 'pending', 1, 30, 30)`,
  `INSERT INTO leases (name, holder, acquired_at_ms, expires_at_ms, data_json)
     VALUES ('pms-link:1', 'billing-a', 40, 30040, NULL)`,
];
