import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole ledger on PostgreSQL, as the SQLite migrations leave it (up to and including
 * LawFirms1796400000000): the same tables and columns in the same order, the same keys,
 * indexes (partial ones included), checks and foreign keys under the same names, the default
 * business, and every trigger with the same refusal.
 *
 * Types: SQLite's `integer` is `bigint` (ids are `bigserial`): epoch milliseconds and money in
 * minor units need 64 bits. Text stays `text`, JSON documents included, so that the stores'
 * SQL is shared by both drivers; booleans are `boolean`.
 *
 * A SQLite trigger is a WHEN condition and a RAISE(ABORT, message); here each is a PL/pgSQL
 * function of the same name that tests the same condition (`IS` / `IS NOT` become
 * `IS NOT DISTINCT FROM` / `IS DISTINCT FROM`) and raises the same message. Conditions that
 * read another table live in the function: PostgreSQL's WHEN cannot hold a subquery.
 *
 * A later change of the SQLite schema comes with a PostgreSQL migration of its own, here.
 */
export class PostgresInitialSchema1796400000000 implements MigrationInterface {
  name = 'PostgresInitialSchema1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      ...TABLES,
      ...FOREIGN_KEYS,
      DEFAULT_BUSINESS,
      ...REFUSALS.flatMap(refusal),
      ...SUM_TRIGGERS,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping a table drops its triggers; their functions go after.
    for (const table of [...TABLE_NAMES].reverse()) {
      await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
    }
    for (const name of FUNCTION_NAMES) {
      await queryRunner.query(`DROP FUNCTION "${name}"()`);
    }
  }
}

const TABLES = [
  `CREATE TABLE "api_keys" (
    "id" bigserial NOT NULL,
    "name" text NOT NULL,
    "role" text NOT NULL,
    "origin" text NOT NULL,
    "key_hash" text NOT NULL,
    "key_prefix" text NOT NULL,
    "created_at_ms" bigint NOT NULL,
    "last_used_at_ms" bigint,
    "revoked_at_ms" bigint,
    CONSTRAINT "CK_api_keys_origin" CHECK ("origin" IN ('api', 'cli', 'bootstrap', 'demo')),
    CONSTRAINT "CK_api_keys_role" CHECK ("role" IN ('viewer', 'accountant', 'admin')),
    CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_api_keys_key_hash" ON "api_keys" ("key_hash")`,
  `CREATE TABLE "audit_events" (
    "id" bigserial NOT NULL,
    "occurred_at_ms" bigint NOT NULL,
    "actor_key_id" bigint,
    "actor_name" text NOT NULL,
    "action" text NOT NULL,
    "entity_type" text NOT NULL,
    "entity_id" text NOT NULL,
    "old_json" text,
    "new_json" text,
    "reason" text,
    "actor_user_id" bigint,
    CONSTRAINT "PK_audit_events" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_audit_events_actor" ON "audit_events" ("actor_key_id", "id")`,
  `CREATE INDEX "IX_audit_events_actor_user" ON "audit_events" ("actor_user_id", "id")`,
  `CREATE INDEX "IX_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "id")`,
  `CREATE INDEX "IX_audit_events_occurred" ON "audit_events" ("occurred_at_ms", "id")`,
  `CREATE TABLE "businesses" (
    "id" bigserial NOT NULL,
    "name" text NOT NULL,
    "kind" text NOT NULL,
    "timezone" text NOT NULL,
    "address_json" text NOT NULL DEFAULT '[]',
    "tax_id" text,
    "invoice_prefix" text NOT NULL,
    "payment_terms" text,
    "is_default" boolean NOT NULL DEFAULT false,
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    "version" bigint NOT NULL DEFAULT '1',
    "law_book_version" bigint NOT NULL DEFAULT '0',
    CONSTRAINT "CK_businesses_kind" CHECK ("kind" IN ('hotel', 'law-firm', 'other')),
    CONSTRAINT "PK_businesses" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_businesses_default" ON "businesses" ("is_default") WHERE "is_default" = true`,
  `CREATE UNIQUE INDEX "UQ_businesses_invoice_prefix" ON "businesses" ("invoice_prefix")`,
  `CREATE UNIQUE INDEX "UQ_businesses_name" ON "businesses" ("name")`,
  `CREATE TABLE "rate_plans" (
    "id" bigserial NOT NULL,
    "name" text NOT NULL,
    "kind" text NOT NULL,
    "currency" text NOT NULL,
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_rate_plans_kind" CHECK ("kind" IN ('per-call', 'account-summary')),
    CONSTRAINT "PK_rate_plans" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_rate_plans_name" ON "rate_plans" ("name")`,
  `CREATE TABLE "rate_plan_versions" (
    "id" bigserial NOT NULL,
    "rate_plan_id" bigint NOT NULL,
    "version" bigint NOT NULL,
    "effective_from_ms" bigint NOT NULL,
    "plan_json" text NOT NULL,
    "created_at_ms" bigint NOT NULL,
    "created_by" text NOT NULL,
    CONSTRAINT "PK_rate_plan_versions" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_rate_plan_versions_plan_effective" ON "rate_plan_versions" ("rate_plan_id", "effective_from_ms")`,
  `CREATE UNIQUE INDEX "UQ_rate_plan_versions_plan_version" ON "rate_plan_versions" ("rate_plan_id", "version")`,
  `CREATE TABLE "sources" (
    "id" bigserial NOT NULL,
    "name" text NOT NULL,
    "kind" text NOT NULL,
    "historic_data_key" text NOT NULL,
    "rate_plan_id" bigint NOT NULL,
    "timezone" text NOT NULL,
    "columns_json" text,
    "parameters_json" text,
    "enabled" boolean NOT NULL DEFAULT true,
    "auto_approve" boolean NOT NULL DEFAULT false,
    "sync_cron" text,
    "chunk_days" bigint NOT NULL DEFAULT '1',
    "overlap_minutes" bigint NOT NULL DEFAULT '60',
    "settle_minutes" bigint NOT NULL DEFAULT '15',
    "watermark_ms" bigint,
    "delivery_url" text,
    "delivery_secret" text,
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    "version" bigint NOT NULL DEFAULT '1',
    "business_id" bigint NOT NULL,
    CONSTRAINT "CK_sources_chunk_days" CHECK ("chunk_days" >= 1),
    CONSTRAINT "CK_sources_kind" CHECK ("kind" IN ('call-records', 'account-summary')),
    CONSTRAINT "PK_sources" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_sources_name" ON "sources" ("name")`,
  `CREATE TABLE "sync_runs" (
    "id" bigserial NOT NULL,
    "source_id" bigint NOT NULL,
    "status" text NOT NULL,
    "trigger" text NOT NULL,
    "from_ms" bigint NOT NULL,
    "to_ms" bigint NOT NULL,
    "fetched" bigint NOT NULL DEFAULT '0',
    "inserted" bigint NOT NULL DEFAULT '0',
    "duplicates" bigint NOT NULL DEFAULT '0',
    "rated" bigint NOT NULL DEFAULT '0',
    "no_charge" bigint NOT NULL DEFAULT '0',
    "needs_review" bigint NOT NULL DEFAULT '0',
    "errors" bigint NOT NULL DEFAULT '0',
    "retries" bigint NOT NULL DEFAULT '0',
    "messages_json" text NOT NULL DEFAULT '[]',
    "started_at_ms" bigint NOT NULL,
    "finished_at_ms" bigint,
    CONSTRAINT "CK_sync_runs_trigger" CHECK ("trigger" IN ('schedule', 'manual', 'cli', 'demo')),
    CONSTRAINT "CK_sync_runs_status" CHECK ("status" IN ('running', 'succeeded', 'failed')),
    CONSTRAINT "PK_sync_runs" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_sync_runs_source_started" ON "sync_runs" ("source_id", "started_at_ms")`,
  `CREATE UNIQUE INDEX "UQ_sync_runs_one_running_per_source" ON "sync_runs" ("source_id") WHERE "status" = 'running'`,
  `CREATE TABLE "record_errors" (
    "id" bigserial NOT NULL,
    "source_id" bigint NOT NULL,
    "sync_run_id" bigint NOT NULL,
    "reason" text NOT NULL,
    "raw_json" text NOT NULL,
    "created_at_ms" bigint NOT NULL,
    CONSTRAINT "PK_record_errors" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_record_errors_source" ON "record_errors" ("source_id")`,
  `CREATE INDEX "IX_record_errors_sync_run" ON "record_errors" ("sync_run_id")`,
  `CREATE TABLE "call_records" (
    "id" bigserial NOT NULL,
    "source_id" bigint NOT NULL,
    "sync_run_id" bigint,
    "call_id" text NOT NULL,
    "start_time_ms" bigint NOT NULL,
    "direction" text NOT NULL,
    "extension" text,
    "dialed_number" text,
    "talk_ms" bigint NOT NULL,
    "account_code" text,
    "raw_json" text NOT NULL,
    "created_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_call_records_talk_ms" CHECK ("talk_ms" >= 0),
    CONSTRAINT "CK_call_records_direction" CHECK ("direction" IN ('outbound', 'inbound', 'internal')),
    CONSTRAINT "PK_call_records" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_call_records_start" ON "call_records" ("start_time_ms")`,
  `CREATE UNIQUE INDEX "UQ_call_records_source_call" ON "call_records" ("source_id", "call_id")`,
  `CREATE TABLE "account_summaries" (
    "id" bigserial NOT NULL,
    "source_id" bigint NOT NULL,
    "sync_run_id" bigint,
    "account_code" text NOT NULL,
    "period_start_ms" bigint NOT NULL,
    "period_end_ms" bigint NOT NULL,
    "calls" bigint NOT NULL,
    "total_talk_ms" bigint NOT NULL,
    "raw_json" text NOT NULL,
    "created_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_account_summaries_period" CHECK ("period_end_ms" > "period_start_ms"),
    CONSTRAINT "CK_account_summaries_counts" CHECK ("calls" >= 0 AND "total_talk_ms" >= 0),
    CONSTRAINT "PK_account_summaries" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_account_summaries_natural_key" ON "account_summaries" ("source_id", "account_code", "period_start_ms", "period_end_ms")`,
  `CREATE TABLE "invoice_number_sequences" (
    "year" bigint NOT NULL,
    "last_sequence" bigint NOT NULL,
    "business_id" bigint NOT NULL,
    CONSTRAINT "PK_invoice_number_sequences" PRIMARY KEY ("year", "business_id"))`,
  `CREATE TABLE "invoices" (
    "id" bigserial NOT NULL,
    "number" text,
    "number_year" bigint,
    "sequence" bigint,
    "status" text NOT NULL,
    "billing_account" text NOT NULL,
    "source_id" bigint,
    "rate_plan_id" bigint,
    "timezone" text NOT NULL,
    "period_start_ms" bigint NOT NULL,
    "period_end_ms" bigint NOT NULL,
    "currency" text NOT NULL,
    "subtotal_minor" bigint NOT NULL DEFAULT '0',
    "tax_minor" bigint NOT NULL DEFAULT '0',
    "total_minor" bigint NOT NULL DEFAULT '0',
    "finalized_at_ms" bigint,
    "voided_at_ms" bigint,
    "void_reason" text,
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    "version" bigint NOT NULL DEFAULT '1',
    "business_id" bigint NOT NULL,
    "issuer_json" text,
    CONSTRAINT "CK_invoices_numbered" CHECK (("status" = 'draft') = ("number" IS NULL) AND ("number" IS NULL) = ("sequence" IS NULL)),
    CONSTRAINT "CK_invoices_total" CHECK ("total_minor" = "subtotal_minor" + "tax_minor"),
    CONSTRAINT "CK_invoices_period" CHECK ("period_end_ms" > "period_start_ms"),
    CONSTRAINT "CK_invoices_status" CHECK ("status" IN ('draft', 'finalized', 'void')),
    CONSTRAINT "PK_invoices" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_invoices_account_period" ON "invoices" ("billing_account", "period_start_ms")`,
  `CREATE INDEX "IX_invoices_business_status" ON "invoices" ("business_id", "status", "id")`,
  `CREATE INDEX "IX_invoices_status" ON "invoices" ("status")`,
  `CREATE UNIQUE INDEX "UQ_invoices_business_year_sequence" ON "invoices" ("business_id", "number_year", "sequence")`,
  `CREATE UNIQUE INDEX "UQ_invoices_number" ON "invoices" ("number")`,
  `CREATE TABLE "pms_links" (
    "id" bigserial NOT NULL,
    "name" text NOT NULL,
    "host" text NOT NULL,
    "port" bigint NOT NULL,
    "charset" text NOT NULL,
    "posting_mode" text NOT NULL,
    "answer_timeout_ms" bigint NOT NULL,
    "alive_interval_ms" bigint NOT NULL,
    "enabled" boolean NOT NULL DEFAULT true,
    "next_posting_number" bigint NOT NULL DEFAULT '1',
    "version" bigint NOT NULL DEFAULT '1',
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_pms_links_next_posting" CHECK ("next_posting_number" BETWEEN 1 AND 100000000),
    CONSTRAINT "CK_pms_links_port" CHECK ("port" BETWEEN 1 AND 65535),
    CONSTRAINT "CK_pms_links_mode" CHECK ("posting_mode" IN ('on-approval', 'on-rating')),
    CONSTRAINT "PK_pms_links" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_pms_links_name" ON "pms_links" ("name")`,
  `CREATE TABLE "pms_link_sources" (
    "source_id" bigint NOT NULL,
    "link_id" bigint NOT NULL,
    CONSTRAINT "PK_pms_link_sources" PRIMARY KEY ("source_id"))`,
  `CREATE INDEX "IX_pms_link_sources_link" ON "pms_link_sources" ("link_id")`,
  `CREATE TABLE "stays" (
    "id" bigserial NOT NULL,
    "link_id" bigint NOT NULL,
    "room" text NOT NULL,
    "reservation" text NOT NULL,
    "guest_name" text,
    "sharer" boolean NOT NULL DEFAULT false,
    "from_ms" bigint NOT NULL,
    "to_ms" bigint,
    "ended_by" text,
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_stays_span" CHECK ("to_ms" IS NULL OR "to_ms" >= "from_ms"),
    CONSTRAINT "CK_stays_ended_by" CHECK ("ended_by" IS NULL OR "ended_by" IN ('check-out', 'move', 'resync')),
    CONSTRAINT "PK_stays" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_stays_reservation" ON "stays" ("link_id", "reservation", "from_ms")`,
  `CREATE INDEX "IX_stays_room" ON "stays" ("link_id", "room", "from_ms")`,
  `CREATE TABLE "line_items" (
    "id" bigserial NOT NULL,
    "source_id" bigint NOT NULL,
    "call_record_id" bigint,
    "account_summary_id" bigint,
    "call_id" text NOT NULL,
    "billing_account" text,
    "start_time_ms" bigint NOT NULL,
    "extension" text,
    "account_code" text,
    "dialed_number" text,
    "normalized_number" text,
    "destination_prefix" text,
    "destination_class" text,
    "time_band" text,
    "talk_seconds" bigint NOT NULL,
    "billed_seconds" bigint NOT NULL,
    "calls" bigint NOT NULL DEFAULT '1',
    "currency" text NOT NULL,
    "rated_amount_minor" bigint NOT NULL,
    "adjusted_amount_minor" bigint,
    "amount_minor" bigint NOT NULL,
    "taxes_json" text NOT NULL DEFAULT '[]',
    "tax_minor" bigint NOT NULL,
    "total_minor" bigint NOT NULL,
    "status" text NOT NULL,
    "reason" text,
    "review_reason" text,
    "rate_plan_id" bigint NOT NULL,
    "rate_plan_version_id" bigint NOT NULL,
    "rate_plan_version_number" bigint NOT NULL,
    "breakdown_json" text NOT NULL,
    "invoice_id" bigint,
    "version" bigint NOT NULL DEFAULT '1',
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    "local_date" text NOT NULL,
    "stay_id" bigint,
    "timekeeper_id" text,
    "timekeeper_name" text,
    "timekeeper_classification" text,
    CONSTRAINT "CK_line_items_total" CHECK ("total_minor" = "amount_minor" + "tax_minor"),
    CONSTRAINT "CK_line_items_money" CHECK ("rated_amount_minor" >= 0 AND "amount_minor" >= 0 AND "tax_minor" >= 0 AND ("adjusted_amount_minor" IS NULL OR "adjusted_amount_minor" >= 0)),
    CONSTRAINT "CK_line_items_one_origin" CHECK (("call_record_id" IS NULL) <> ("account_summary_id" IS NULL)),
    CONSTRAINT "CK_line_items_status" CHECK ("status" IN ('pending', 'approved', 'rejected', 'no-charge', 'needs-review', 'invoiced', 'posted')),
    CONSTRAINT "PK_line_items" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_line_items_account_start" ON "line_items" ("billing_account", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_invoice" ON "line_items" ("invoice_id")`,
  `CREATE INDEX "IX_line_items_reason_start" ON "line_items" ("reason", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_source_start" ON "line_items" ("source_id", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_start" ON "line_items" ("start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_status_start" ON "line_items" ("status", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_stay" ON "line_items" ("stay_id")`,
  `CREATE INDEX "IX_line_items_timekeeper_start" ON "line_items" ("timekeeper_id", "start_time_ms", "id")`,
  `CREATE UNIQUE INDEX "UQ_line_items_account_summary" ON "line_items" ("account_summary_id")`,
  `CREATE UNIQUE INDEX "UQ_line_items_call_record" ON "line_items" ("call_record_id")`,
  `CREATE TABLE "invoice_lines" (
    "id" bigserial NOT NULL,
    "invoice_id" bigint NOT NULL,
    "line_number" bigint NOT NULL,
    "line_item_id" bigint NOT NULL,
    "call_id" text NOT NULL,
    "start_time_ms" bigint NOT NULL,
    "extension" text,
    "dialed_number" text,
    "normalized_number" text,
    "destination_class" text,
    "talk_seconds" bigint NOT NULL,
    "billed_seconds" bigint NOT NULL,
    "calls" bigint NOT NULL DEFAULT '1',
    "description" text NOT NULL,
    "rated_amount_minor" bigint NOT NULL,
    "rated_tax_minor" bigint NOT NULL,
    "rated_total_minor" bigint NOT NULL,
    "adjustment_minor" bigint NOT NULL DEFAULT '0',
    "amount_minor" bigint NOT NULL,
    "taxes_json" text NOT NULL DEFAULT '[]',
    "tax_minor" bigint NOT NULL,
    "total_minor" bigint NOT NULL,
    "breakdown_json" text NOT NULL,
    "timekeeper_id" text,
    "timekeeper_name" text,
    "timekeeper_classification" text,
    CONSTRAINT "PK_invoice_lines" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_invoice_lines_line_item" ON "invoice_lines" ("line_item_id")`,
  `CREATE UNIQUE INDEX "UQ_invoice_lines_item" ON "invoice_lines" ("invoice_id", "line_item_id")`,
  `CREATE UNIQUE INDEX "UQ_invoice_lines_number" ON "invoice_lines" ("invoice_id", "line_number")`,
  `CREATE TABLE "invoice_deliveries" (
    "id" bigserial NOT NULL,
    "invoice_id" bigint NOT NULL,
    "url" text NOT NULL,
    "idempotency_key" text NOT NULL,
    "attempt" bigint NOT NULL,
    "status" text NOT NULL,
    "http_status" bigint,
    "error" text,
    "attempted_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_invoice_deliveries_status" CHECK ("status" IN ('pending', 'delivered', 'failed')),
    CONSTRAINT "PK_invoice_deliveries" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_invoice_deliveries_invoice" ON "invoice_deliveries" ("invoice_id", "attempted_at_ms")`,
  `CREATE TABLE "line_item_daily_totals" (
    "local_date" text NOT NULL,
    "source_id" bigint NOT NULL,
    "status" text NOT NULL,
    "currency" text NOT NULL,
    "items" bigint NOT NULL,
    "calls" bigint NOT NULL,
    "amount_minor" bigint NOT NULL,
    CONSTRAINT "PK_line_item_daily_totals" PRIMARY KEY ("local_date", "source_id", "status", "currency"))`,
  `CREATE TABLE "line_item_account_totals" (
    "local_date" text NOT NULL,
    "source_id" bigint NOT NULL,
    "billing_account" text NOT NULL,
    "currency" text NOT NULL,
    "items" bigint NOT NULL,
    "calls" bigint NOT NULL,
    "billed_minor" bigint NOT NULL,
    CONSTRAINT "PK_line_item_account_totals" PRIMARY KEY ("local_date", "source_id", "billing_account", "currency"))`,
  `CREATE TABLE "line_item_destination_totals" (
    "local_date" text NOT NULL,
    "source_id" bigint NOT NULL,
    "destination_class" text NOT NULL,
    "destination_prefix" text NOT NULL,
    "currency" text NOT NULL,
    "items" bigint NOT NULL,
    "calls" bigint NOT NULL,
    "billed_minor" bigint NOT NULL,
    CONSTRAINT "PK_line_item_destination_totals" PRIMARY KEY ("local_date", "source_id", "destination_class", "destination_prefix", "currency"))`,
  `CREATE TABLE "postings" (
    "id" bigserial NOT NULL,
    "link_id" bigint NOT NULL,
    "line_item_id" bigint NOT NULL,
    "posting_number" bigint NOT NULL,
    "room" text NOT NULL,
    "stay_id" bigint,
    "amount_minor" bigint NOT NULL,
    "currency" text NOT NULL,
    "status" text NOT NULL,
    "reason" text,
    "answer_status" text,
    "answer_text" text,
    "answer_record" text,
    "late" boolean NOT NULL DEFAULT false,
    "corrects_posting_id" bigint,
    "attempts" bigint NOT NULL DEFAULT '0',
    "not_before_ms" bigint,
    "sent_at_ms" bigint,
    "posted_at_ms" bigint,
    "version" bigint NOT NULL DEFAULT '1',
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_postings_number" CHECK ("posting_number" BETWEEN 1 AND 99999999),
    CONSTRAINT "CK_postings_status" CHECK ("status" IN ('pending', 'in-flight', 'posted', 'exception', 'written-off')),
    CONSTRAINT "PK_postings" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_postings_line_item" ON "postings" ("line_item_id")`,
  `CREATE INDEX "IX_postings_queue" ON "postings" ("link_id", "status", "id")`,
  `CREATE INDEX "IX_postings_stay" ON "postings" ("stay_id")`,
  `CREATE UNIQUE INDEX "UQ_postings_number" ON "postings" ("link_id", "posting_number")`,
  `CREATE TABLE "users" (
    "id" bigserial NOT NULL,
    "email" text NOT NULL,
    "name" text NOT NULL,
    "role" text NOT NULL,
    "password_hash" text NOT NULL,
    "must_change_password" boolean NOT NULL DEFAULT false,
    "disabled" boolean NOT NULL DEFAULT false,
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_users_email_lower_case" CHECK ("email" = lower("email")),
    CONSTRAINT "CK_users_role" CHECK ("role" IN ('viewer', 'accountant', 'admin')),
    CONSTRAINT "PK_users" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email")`,
  `CREATE TABLE "sessions" (
    "id" bigserial NOT NULL,
    "token_hash" text NOT NULL,
    "csrf_token" text NOT NULL,
    "user_id" bigint NOT NULL,
    "created_at_ms" bigint NOT NULL,
    "last_seen_at_ms" bigint NOT NULL,
    CONSTRAINT "PK_sessions" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_sessions_last_seen" ON "sessions" ("last_seen_at_ms")`,
  `CREATE INDEX "IX_sessions_user" ON "sessions" ("user_id")`,
  `CREATE UNIQUE INDEX "UQ_sessions_token_hash" ON "sessions" ("token_hash")`,
  `CREATE TABLE "sign_in_failures" (
    "id" bigserial NOT NULL,
    "email" text NOT NULL,
    "failed_at_ms" bigint NOT NULL,
    CONSTRAINT "PK_sign_in_failures" PRIMARY KEY ("id"))`,
  `CREATE INDEX "IX_sign_in_failures_email" ON "sign_in_failures" ("email", "failed_at_ms")`,
  `CREATE INDEX "IX_sign_in_failures_failed" ON "sign_in_failures" ("failed_at_ms")`,
  `CREATE TABLE "sign_in_lockouts" (
    "email" text NOT NULL,
    "locked_at_ms" bigint NOT NULL,
    "locked_until_ms" bigint NOT NULL,
    CONSTRAINT "PK_sign_in_lockouts" PRIMARY KEY ("email"))`,
  `CREATE TABLE "matters" (
    "id" bigserial NOT NULL,
    "business_id" bigint NOT NULL,
    "client_number" text NOT NULL,
    "client_name" text NOT NULL,
    "matter_number" text NOT NULL,
    "matter_name" text NOT NULL,
    "status" text NOT NULL,
    "closed_date" text,
    "billable" boolean NOT NULL DEFAULT true,
    "created_at_ms" bigint NOT NULL,
    "updated_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_matters_closed_date" CHECK ("status" = 'closed' OR "closed_date" IS NULL),
    CONSTRAINT "CK_matters_status" CHECK ("status" IN ('open', 'closed')),
    CONSTRAINT "PK_matters" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_matters_number" ON "matters" ("business_id", "client_number", "matter_number")`,
  `CREATE TABLE "matter_rules" (
    "id" bigserial NOT NULL,
    "business_id" bigint NOT NULL,
    "client_number" text NOT NULL,
    "matter_number" text NOT NULL DEFAULT '',
    "kind" text NOT NULL,
    "markup_percent" text,
    "rate_plan_id" bigint,
    "effective_from" text NOT NULL,
    "note" text,
    "created_at_ms" bigint NOT NULL,
    CONSTRAINT "CK_matter_rules_fields" CHECK (("kind" = 'markup') = ("markup_percent" IS NOT NULL) AND ("kind" = 'rate-plan') = ("rate_plan_id" IS NOT NULL)),
    CONSTRAINT "CK_matter_rules_kind" CHECK ("kind" IN ('standard', 'no-charge', 'markup', 'rate-plan')),
    CONSTRAINT "PK_matter_rules" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_matter_rules_from" ON "matter_rules" ("business_id", "client_number", "matter_number", "effective_from")`,
  `CREATE TABLE "timekeepers" (
    "id" bigserial NOT NULL,
    "business_id" bigint NOT NULL,
    "extension" text NOT NULL,
    "timekeeper_id" text NOT NULL,
    "name" text NOT NULL,
    "classification" text NOT NULL,
    "effective_from" text NOT NULL DEFAULT '',
    "created_at_ms" bigint NOT NULL,
    CONSTRAINT "PK_timekeepers" PRIMARY KEY ("id"))`,
  `CREATE UNIQUE INDEX "UQ_timekeepers_extension_from" ON "timekeepers" ("business_id", "extension", "effective_from")`,
];

const TABLE_NAMES = TABLES.flatMap(
  (statement) => /^CREATE TABLE "(\w+)"/.exec(statement)?.[1] ?? [],
);

const FOREIGN_KEYS = [
  `ALTER TABLE "account_summaries" ADD CONSTRAINT "FK_account_summaries_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "account_summaries" ADD CONSTRAINT "FK_account_summaries_sync_run" FOREIGN KEY ("sync_run_id") REFERENCES "sync_runs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "call_records" ADD CONSTRAINT "FK_call_records_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "call_records" ADD CONSTRAINT "FK_call_records_sync_run" FOREIGN KEY ("sync_run_id") REFERENCES "sync_runs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "invoices" ADD CONSTRAINT "FK_invoices_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "invoices" ADD CONSTRAINT "FK_invoices_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "invoices" ADD CONSTRAINT "FK_invoices_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "invoice_deliveries" ADD CONSTRAINT "FK_invoice_deliveries_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "invoice_lines" ADD CONSTRAINT "FK_invoice_lines_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "invoice_lines" ADD CONSTRAINT "FK_invoice_lines_line_item" FOREIGN KEY ("line_item_id") REFERENCES "line_items" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "invoice_number_sequences" ADD CONSTRAINT "FK_invoice_number_sequences_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "line_items" ADD CONSTRAINT "FK_line_items_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "line_items" ADD CONSTRAINT "FK_line_items_call_record" FOREIGN KEY ("call_record_id") REFERENCES "call_records" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "line_items" ADD CONSTRAINT "FK_line_items_account_summary" FOREIGN KEY ("account_summary_id") REFERENCES "account_summaries" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "line_items" ADD CONSTRAINT "FK_line_items_rate_plan_version" FOREIGN KEY ("rate_plan_version_id") REFERENCES "rate_plan_versions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "line_items" ADD CONSTRAINT "FK_line_items_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "line_items" ADD CONSTRAINT "FK_line_items_stay" FOREIGN KEY ("stay_id") REFERENCES "stays" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "matters" ADD CONSTRAINT "FK_matters_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "matter_rules" ADD CONSTRAINT "FK_matter_rules_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "matter_rules" ADD CONSTRAINT "FK_matter_rules_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "pms_link_sources" ADD CONSTRAINT "FK_pms_link_sources_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "pms_link_sources" ADD CONSTRAINT "FK_pms_link_sources_link" FOREIGN KEY ("link_id") REFERENCES "pms_links" ("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
  `ALTER TABLE "postings" ADD CONSTRAINT "FK_postings_link" FOREIGN KEY ("link_id") REFERENCES "pms_links" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "postings" ADD CONSTRAINT "FK_postings_line_item" FOREIGN KEY ("line_item_id") REFERENCES "line_items" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "postings" ADD CONSTRAINT "FK_postings_stay" FOREIGN KEY ("stay_id") REFERENCES "stays" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "rate_plan_versions" ADD CONSTRAINT "FK_rate_plan_versions_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "record_errors" ADD CONSTRAINT "FK_record_errors_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "record_errors" ADD CONSTRAINT "FK_record_errors_sync_run" FOREIGN KEY ("sync_run_id") REFERENCES "sync_runs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "sources" ADD CONSTRAINT "FK_sources_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "sources" ADD CONSTRAINT "FK_sources_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "stays" ADD CONSTRAINT "FK_stays_link" FOREIGN KEY ("link_id") REFERENCES "pms_links" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "sync_runs" ADD CONSTRAINT "FK_sync_runs_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
  `ALTER TABLE "timekeepers" ADD CONSTRAINT "FK_timekeepers_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
];

/**
 * The default business, as the SQLite migration makes it on a new ledger (no sources yet, so
 * its kind is `other` and its zone UTC): every source and invoice belongs to a business. Test
 * ledgers that empty a database make it again with this statement.
 */
export const DEFAULT_BUSINESS = `INSERT INTO "businesses" ("name", "kind", "timezone", "address_json",
  "invoice_prefix", "is_default", "created_at_ms", "updated_at_ms")
  VALUES ('My business', 'other', 'UTC', '[]', 'INV', true,
    (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
    (extract(epoch FROM clock_timestamp()) * 1000)::bigint)`;

interface Refusal {
  /** The trigger's name, and its function's. */
  name: string;
  table: string;
  /** When it fires: `BEFORE UPDATE`, `BEFORE UPDATE OF "status"`, `BEFORE DELETE`… */
  event: string;
  /** The row refused, in PL/pgSQL; none: every row. */
  when?: string;
  message: string;
}

const REFUSALS: Refusal[] = [
  {
    name: 'TR_audit_events_no_update',
    table: 'audit_events',
    event: 'BEFORE UPDATE',
    message: 'audit events are append-only',
  },
  {
    name: 'TR_audit_events_no_delete',
    table: 'audit_events',
    event: 'BEFORE DELETE',
    message: 'audit events are append-only',
  },
  {
    name: 'TR_rate_plan_versions_no_update',
    table: 'rate_plan_versions',
    event: 'BEFORE UPDATE',
    message: 'a rate plan version never changes; create a new version',
  },
  {
    name: 'TR_rate_plan_versions_no_delete',
    table: 'rate_plan_versions',
    event: 'BEFORE DELETE',
    message: 'a rate plan version is never deleted',
  },
  {
    name: 'TR_invoices_void_is_final',
    table: 'invoices',
    event: 'BEFORE UPDATE',
    when: `OLD."status" = 'void'`,
    message: 'a void invoice never changes',
  },
  {
    // A finalised invoice only becomes void, its number, business, period and money kept.
    name: 'TR_invoices_finalized_immutable',
    table: 'invoices',
    event: 'BEFORE UPDATE',
    when: `OLD."status" = 'finalized' AND NOT (
      NEW."status" = 'void'
      AND NEW."number" IS NOT DISTINCT FROM OLD."number"
      AND NEW."number_year" IS NOT DISTINCT FROM OLD."number_year"
      AND NEW."sequence" IS NOT DISTINCT FROM OLD."sequence"
      AND NEW."billing_account" IS NOT DISTINCT FROM OLD."billing_account"
      AND NEW."business_id" = OLD."business_id"
      AND NEW."issuer_json" IS NOT DISTINCT FROM OLD."issuer_json"
      AND NEW."source_id" IS NOT DISTINCT FROM OLD."source_id"
      AND NEW."period_start_ms" = OLD."period_start_ms"
      AND NEW."period_end_ms" = OLD."period_end_ms" AND NEW."currency" = OLD."currency"
      AND NEW."subtotal_minor" = OLD."subtotal_minor" AND NEW."tax_minor" = OLD."tax_minor"
      AND NEW."total_minor" = OLD."total_minor"
      AND NEW."finalized_at_ms" IS NOT DISTINCT FROM OLD."finalized_at_ms"
      AND NEW."created_at_ms" = OLD."created_at_ms")`,
    message: 'a finalized invoice never changes',
  },
  {
    name: 'TR_invoices_only_drafts_deleted',
    table: 'invoices',
    event: 'BEFORE DELETE',
    when: `OLD."status" <> 'draft'`,
    message: 'only a draft invoice can be deleted',
  },
  {
    name: 'TR_invoice_lines_insert_draft_only',
    table: 'invoice_lines',
    event: 'BEFORE INSERT',
    when: `(SELECT "status" FROM "invoices" WHERE "id" = NEW."invoice_id") <> 'draft'`,
    message: 'lines can only be added to a draft invoice',
  },
  {
    name: 'TR_invoice_lines_update_draft_only',
    table: 'invoice_lines',
    event: 'BEFORE UPDATE',
    when: `(SELECT "status" FROM "invoices" WHERE "id" = OLD."invoice_id") <> 'draft'
      OR (SELECT "status" FROM "invoices" WHERE "id" = NEW."invoice_id") <> 'draft'`,
    message: 'the lines of a finalized invoice never change',
  },
  {
    name: 'TR_invoice_lines_delete_draft_only',
    table: 'invoice_lines',
    event: 'BEFORE DELETE',
    when: `(SELECT "status" FROM "invoices" WHERE "id" = OLD."invoice_id") <> 'draft'`,
    message: 'the lines of a finalized invoice never change',
  },
  {
    // An invoiced item leaves its invoice only approved again, once the invoice is void.
    name: 'TR_line_items_invoiced_frozen',
    table: 'line_items',
    event: 'BEFORE UPDATE',
    when: `OLD."status" = 'invoiced' AND (
      NEW."amount_minor" <> OLD."amount_minor" OR NEW."tax_minor" <> OLD."tax_minor"
      OR NEW."total_minor" <> OLD."total_minor"
      OR NEW."rated_amount_minor" <> OLD."rated_amount_minor"
      OR NEW."adjusted_amount_minor" IS DISTINCT FROM OLD."adjusted_amount_minor"
      OR NEW."taxes_json" <> OLD."taxes_json"
      OR NEW."billing_account" IS DISTINCT FROM OLD."billing_account"
      OR NEW."currency" <> OLD."currency"
      OR NEW."rate_plan_version_id" <> OLD."rate_plan_version_id"
      OR NEW."start_time_ms" <> OLD."start_time_ms" OR NEW."call_id" <> OLD."call_id"
      OR NEW."breakdown_json" <> OLD."breakdown_json" OR NEW."source_id" <> OLD."source_id"
      OR (NEW."status" = 'invoiced' AND NEW."invoice_id" IS DISTINCT FROM OLD."invoice_id")
      OR (NEW."status" <> 'invoiced' AND (
        NEW."status" <> 'approved' OR NEW."invoice_id" IS NOT NULL
        OR (SELECT "status" FROM "invoices" WHERE "id" = OLD."invoice_id")
          IS DISTINCT FROM 'void')))`,
    message: 'an invoiced line item never changes until its invoice is void',
  },
  {
    name: 'TR_line_items_invoiced_not_deleted',
    table: 'line_items',
    event: 'BEFORE DELETE',
    when: `OLD."status" = 'invoiced'`,
    message: 'an invoiced line item is never deleted',
  },
  {
    name: 'TR_line_items_posted_frozen',
    table: 'line_items',
    event: 'BEFORE UPDATE',
    when: `OLD."status" = 'posted'`,
    message: 'a posted line item never changes: a correction is a new posting',
  },
  {
    name: 'TR_line_items_posted_not_deleted',
    table: 'line_items',
    event: 'BEFORE DELETE',
    when: `OLD."status" = 'posted'`,
    message: 'a posted line item is never deleted',
  },
  {
    name: 'TR_line_items_posted_needs_posting',
    table: 'line_items',
    event: 'BEFORE UPDATE OF "status"',
    when: `NEW."status" = 'posted' AND NOT EXISTS (
      SELECT 1 FROM "postings" WHERE "line_item_id" = NEW."id" AND "status" = 'posted')`,
    message: 'a line item is posted only when the PMS accepted its posting',
  },
  {
    name: 'TR_line_items_posting_not_invoiced',
    table: 'line_items',
    event: 'BEFORE UPDATE OF "invoice_id"',
    when: `NEW."invoice_id" IS NOT NULL AND EXISTS (
      SELECT 1 FROM "postings" WHERE "line_item_id" = NEW."id" AND "status" <> 'written-off')`,
    message: 'a charge posted to the PMS, or on its way, never goes on an invoice',
  },
  {
    name: 'TR_postings_posted_final',
    table: 'postings',
    event: 'BEFORE UPDATE',
    when: `OLD."status" = 'posted' OR NEW."posting_number" <> OLD."posting_number"
      OR NEW."link_id" <> OLD."link_id" OR NEW."line_item_id" <> OLD."line_item_id"`,
    message: 'a posted posting and every posting number are final',
  },
  {
    name: 'TR_postings_no_delete',
    table: 'postings',
    event: 'BEFORE DELETE',
    message: 'a posting is never deleted',
  },
];

/**
 * A refusal's function and trigger. The error's SQLSTATE is integrity_constraint_violation
 * (23000), as SQLite's RAISE(ABORT) is a constraint error; a BEFORE trigger's function returns
 * the row, or PostgreSQL would skip the statement's change of it silently.
 */
const refusal = ({ name, table, event, when, message }: Refusal): string[] => {
  const raise = `RAISE EXCEPTION '${message}' USING ERRCODE = 'integrity_constraint_violation';`;
  const row = event.includes('DELETE') ? 'OLD' : 'NEW';
  return [
    `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${when ? `IF ${when} THEN\n        ${raise}\n      END IF;` : raise}
      RETURN ${row};
    END $$`,
    `CREATE TRIGGER "${name}" ${event} ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${name}"()`,
  ];
};

/** A line item's columns as a trigger names them: `NEW."calls"` or `OLD."calls"`. */
type Row = 'NEW' | 'OLD';

/** The billed amount of a row: nothing for a rejected or no-charge item. */
const billed = (row: Row) =>
  `CASE WHEN ${row}."status" IN ('rejected', 'no-charge') THEN 0 ELSE ${row}."amount_minor" END`;

interface SumTable {
  table: string;
  /** The key's columns and, for a row, their values. */
  keys: [column: string, value: (row: Row) => string][];
  /** The sums' columns and what a row adds to each. */
  sums: [column: string, value: (row: Row) => string][];
}

/** The overview's sums, as the SQLite triggers keep them (overview-totals migration). */
const SUM_TABLES: SumTable[] = [
  {
    table: 'line_item_daily_totals',
    keys: [
      ['local_date', (row) => `${row}."local_date"`],
      ['source_id', (row) => `${row}."source_id"`],
      ['status', (row) => `${row}."status"`],
      ['currency', (row) => `${row}."currency"`],
    ],
    sums: [
      ['items', () => '1'],
      ['calls', (row) => `${row}."calls"`],
      ['amount_minor', (row) => `${row}."amount_minor"`],
    ],
  },
  {
    table: 'line_item_account_totals',
    keys: [
      ['local_date', (row) => `${row}."local_date"`],
      ['source_id', (row) => `${row}."source_id"`],
      ['billing_account', (row) => `coalesce(${row}."billing_account", '')`],
      ['currency', (row) => `${row}."currency"`],
    ],
    sums: [
      ['items', () => '1'],
      ['calls', (row) => `${row}."calls"`],
      ['billed_minor', billed],
    ],
  },
  {
    table: 'line_item_destination_totals',
    keys: [
      ['local_date', (row) => `${row}."local_date"`],
      ['source_id', (row) => `${row}."source_id"`],
      ['destination_class', (row) => `coalesce(${row}."destination_class", '')`],
      ['destination_prefix', (row) => `coalesce(${row}."destination_prefix", '')`],
      ['currency', (row) => `${row}."currency"`],
    ],
    sums: [
      ['items', () => '1'],
      ['calls', (row) => `${row}."calls"`],
      ['billed_minor', billed],
    ],
  },
];

/**
 * A statement's change to one table of sums, from its transition tables: each group's net
 * change (what the new rows add less what the old rows took), one upsert a group, then the
 * groups the old rows left with no item go. Per statement, not per row: a bulk action of
 * 100,000 items would otherwise update the same few rows 100,000 times in one transaction,
 * each update longer than the last (every version of the row stays until the commit).
 */
const applyDeltas = ({ table, keys, sums }: SumTable, rows: { old: boolean; new: boolean }) => {
  const keyColumns = keys.map(([column]) => `"${column}"`).join(', ');
  const sumColumns = sums.map(([column]) => `"${column}"`).join(', ');
  const side = (alias: string, source: string, sign: string) =>
    `SELECT ${[
      ...keys.map(([column, value]) => `${value(alias as Row)} AS "${column}"`),
      ...sums.map(([column, value]) => `${sign}(${value(alias as Row)}) AS "${column}"`),
    ].join(', ')} FROM ${source} ${alias}`;
  const sides = [
    ...(rows.old ? [side('o', 'old_rows', '-')] : []),
    ...(rows.new ? [side('n', 'new_rows', '')] : []),
  ].join(' UNION ALL ');
  const adds = sums
    .map(([column]) => `"${column}" = "${table}"."${column}" + excluded."${column}"`)
    .join(', ');
  const upsert = `INSERT INTO "${table}" (${keyColumns}, ${sumColumns})
        SELECT ${keyColumns}, ${sums.map(([column]) => `sum("${column}")`).join(', ')}
        FROM (${sides}) d GROUP BY ${keyColumns}
        HAVING ${sums.map(([column]) => `sum("${column}") <> 0`).join(' OR ')}
        ON CONFLICT (${keyColumns}) DO UPDATE SET ${adds};`;
  const emptied = rows.old
    ? `DELETE FROM "${table}" t USING (SELECT DISTINCT ${keys
        .map(([column, value]) => `${value('o' as Row)} AS "${column}"`)
        .join(', ')} FROM old_rows o) g
        WHERE ${keys.map(([column]) => `t."${column}" = g."${column}"`).join(' AND ')}
          AND t."items" = 0;`
    : '';
  return [upsert, emptied].filter(Boolean);
};

const sumFunction = (name: string, body: string[]) =>
  `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${body.join('\n      ')}
      RETURN NULL;
    END $$`;

/** New items are added to the sums by the ledger's line item inserter, not by a trigger. */
const SUM_TRIGGERS = [
  ...SUM_TABLES.flatMap((sums) => {
    const name = `TR_line_items_sum_${sums.table.replace(/^line_item_/, '')}`;
    return [
      sumFunction(name, applyDeltas(sums, { old: true, new: true })),
      `CREATE TRIGGER "${name}" AFTER UPDATE ON "line_items"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION "${name}"()`,
    ];
  }),
  sumFunction(
    'TR_line_items_sum_deleted',
    SUM_TABLES.flatMap((sums) => applyDeltas(sums, { old: true, new: false })),
  ),
  `CREATE TRIGGER "TR_line_items_sum_deleted" AFTER DELETE ON "line_items"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION "TR_line_items_sum_deleted"()`,
];

const FUNCTION_NAMES = [
  ...REFUSALS.map(({ name }) => name),
  ...SUM_TABLES.map(({ table }) => `TR_line_items_sum_${table.replace(/^line_item_/, '')}`),
  'TR_line_items_sum_deleted',
];
