import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole ledger as the product knows it: sources, rate plans and versions, sync runs and
 * the rows they could not parse, call records and account-code summaries (raw Xima rows kept),
 * line items, invoices and their lines, number sequences, deliveries, audit events, API keys.
 * Money is INTEGER minor units; instants are INTEGER epoch milliseconds.
 * The triggers make the ledger itself refuse what must never happen, whatever the code does.
 */
export class InitialSchema1795824000000 implements MigrationInterface {
  name = 'InitialSchema1795824000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...TABLES, ...TRIGGERS]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of TRIGGER_NAMES) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${trigger}"`);
    }
    for (const table of [...TABLE_NAMES].reverse()) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}

const TABLE_NAMES = [
  'api_keys',
  'audit_events',
  'rate_plans',
  'rate_plan_versions',
  'sources',
  'sync_runs',
  'record_errors',
  'call_records',
  'account_summaries',
  'invoice_number_sequences',
  'invoices',
  'line_items',
  'invoice_lines',
  'invoice_deliveries',
];

const TABLES = [
  `CREATE TABLE "api_keys" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "name" text NOT NULL,
        "role" text NOT NULL,
        "origin" text NOT NULL,
        "key_hash" text NOT NULL,
        "key_prefix" text NOT NULL,
        "created_at_ms" integer NOT NULL,
        "last_used_at_ms" integer,
        "revoked_at_ms" integer,
        CONSTRAINT "CK_api_keys_origin" CHECK ("origin" IN ('api', 'cli', 'bootstrap', 'demo')),
        CONSTRAINT "CK_api_keys_role" CHECK ("role" IN ('viewer', 'accountant', 'admin')))`,
  `CREATE UNIQUE INDEX "UQ_api_keys_key_hash" ON "api_keys" ("key_hash")`,
  `CREATE TABLE "audit_events" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "occurred_at_ms" integer NOT NULL,
        "actor_key_id" integer,
        "actor_name" text NOT NULL,
        "action" text NOT NULL,
        "entity_type" text NOT NULL,
        "entity_id" text NOT NULL,
        "old_json" text,
        "new_json" text,
        "reason" text)`,
  `CREATE INDEX "IX_audit_events_actor" ON "audit_events" ("actor_key_id", "id")`,
  `CREATE INDEX "IX_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "id")`,
  `CREATE INDEX "IX_audit_events_occurred" ON "audit_events" ("occurred_at_ms", "id")`,
  `CREATE TABLE "rate_plans" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "name" text NOT NULL,
        "kind" text NOT NULL,
        "currency" text NOT NULL,
        "created_at_ms" integer NOT NULL,
        "updated_at_ms" integer NOT NULL,
        CONSTRAINT "CK_rate_plans_kind" CHECK ("kind" IN ('per-call', 'account-summary')))`,
  `CREATE UNIQUE INDEX "UQ_rate_plans_name" ON "rate_plans" ("name")`,
  `CREATE TABLE "rate_plan_versions" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "rate_plan_id" integer NOT NULL,
        "version" integer NOT NULL,
        "effective_from_ms" integer NOT NULL,
        "plan_json" text NOT NULL,
        "created_at_ms" integer NOT NULL,
        "created_by" text NOT NULL,
        CONSTRAINT "FK_rate_plan_versions_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE UNIQUE INDEX "UQ_rate_plan_versions_plan_effective" ON "rate_plan_versions" ("rate_plan_id", "effective_from_ms")`,
  `CREATE UNIQUE INDEX "UQ_rate_plan_versions_plan_version" ON "rate_plan_versions" ("rate_plan_id", "version")`,
  `CREATE TABLE "sources" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "name" text NOT NULL,
        "kind" text NOT NULL,
        "historic_data_key" text NOT NULL,
        "rate_plan_id" integer NOT NULL,
        "timezone" text NOT NULL,
        "columns_json" text,
        "parameters_json" text,
        "enabled" boolean NOT NULL DEFAULT (1),
        "auto_approve" boolean NOT NULL DEFAULT (0),
        "sync_cron" text,
        "chunk_days" integer NOT NULL DEFAULT (1),
        "overlap_minutes" integer NOT NULL DEFAULT (60),
        "settle_minutes" integer NOT NULL DEFAULT (15),
        "watermark_ms" integer,
        "delivery_url" text,
        "delivery_secret" text,
        "created_at_ms" integer NOT NULL,
        "updated_at_ms" integer NOT NULL,
        "version" integer NOT NULL DEFAULT (1),
        CONSTRAINT "CK_sources_chunk_days" CHECK ("chunk_days" >= 1),
        CONSTRAINT "CK_sources_kind" CHECK ("kind" IN ('call-records', 'account-summary')),
        CONSTRAINT "FK_sources_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE UNIQUE INDEX "UQ_sources_name" ON "sources" ("name")`,
  `CREATE TABLE "sync_runs" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "source_id" integer NOT NULL,
        "status" text NOT NULL,
        "trigger" text NOT NULL,
        "from_ms" integer NOT NULL,
        "to_ms" integer NOT NULL,
        "fetched" integer NOT NULL DEFAULT (0),
        "inserted" integer NOT NULL DEFAULT (0),
        "duplicates" integer NOT NULL DEFAULT (0),
        "rated" integer NOT NULL DEFAULT (0),
        "no_charge" integer NOT NULL DEFAULT (0),
        "needs_review" integer NOT NULL DEFAULT (0),
        "errors" integer NOT NULL DEFAULT (0),
        "retries" integer NOT NULL DEFAULT (0),
        "messages_json" text NOT NULL DEFAULT ('[]'),
        "started_at_ms" integer NOT NULL,
        "finished_at_ms" integer,
        CONSTRAINT "CK_sync_runs_trigger" CHECK ("trigger" IN ('schedule', 'manual', 'cli', 'demo')),
        CONSTRAINT "CK_sync_runs_status" CHECK ("status" IN ('running', 'succeeded', 'failed')),
        CONSTRAINT "FK_sync_runs_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_sync_runs_source_started" ON "sync_runs" ("source_id", "started_at_ms")`,
  `CREATE UNIQUE INDEX "UQ_sync_runs_one_running_per_source" ON "sync_runs" ("source_id") WHERE "status" = 'running'`,
  `CREATE TABLE "record_errors" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "source_id" integer NOT NULL,
        "sync_run_id" integer NOT NULL,
        "reason" text NOT NULL,
        "raw_json" text NOT NULL,
        "created_at_ms" integer NOT NULL,
        CONSTRAINT "FK_record_errors_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_record_errors_sync_run" FOREIGN KEY ("sync_run_id") REFERENCES "sync_runs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_record_errors_source" ON "record_errors" ("source_id")`,
  `CREATE INDEX "IX_record_errors_sync_run" ON "record_errors" ("sync_run_id")`,
  `CREATE TABLE "call_records" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "source_id" integer NOT NULL,
        "sync_run_id" integer,
        "call_id" text NOT NULL,
        "start_time_ms" integer NOT NULL,
        "direction" text NOT NULL,
        "extension" text,
        "dialed_number" text,
        "talk_ms" integer NOT NULL,
        "account_code" text,
        "raw_json" text NOT NULL,
        "created_at_ms" integer NOT NULL,
        CONSTRAINT "CK_call_records_talk_ms" CHECK ("talk_ms" >= 0),
        CONSTRAINT "CK_call_records_direction" CHECK ("direction" IN ('outbound', 'inbound', 'internal')),
        CONSTRAINT "FK_call_records_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_call_records_sync_run" FOREIGN KEY ("sync_run_id") REFERENCES "sync_runs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_call_records_start" ON "call_records" ("start_time_ms")`,
  `CREATE UNIQUE INDEX "UQ_call_records_source_call" ON "call_records" ("source_id", "call_id")`,
  `CREATE TABLE "account_summaries" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "source_id" integer NOT NULL,
        "sync_run_id" integer,
        "account_code" text NOT NULL,
        "period_start_ms" integer NOT NULL,
        "period_end_ms" integer NOT NULL,
        "calls" integer NOT NULL,
        "total_talk_ms" integer NOT NULL,
        "raw_json" text NOT NULL,
        "created_at_ms" integer NOT NULL,
        CONSTRAINT "CK_account_summaries_period" CHECK ("period_end_ms" > "period_start_ms"),
        CONSTRAINT "CK_account_summaries_counts" CHECK ("calls" >= 0 AND "total_talk_ms" >= 0),
        CONSTRAINT "FK_account_summaries_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_account_summaries_sync_run" FOREIGN KEY ("sync_run_id") REFERENCES "sync_runs" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE UNIQUE INDEX "UQ_account_summaries_natural_key" ON "account_summaries" ("source_id", "account_code", "period_start_ms", "period_end_ms")`,
  `CREATE TABLE "invoice_number_sequences" (
        "year" integer PRIMARY KEY NOT NULL,
        "last_sequence" integer NOT NULL)`,
  `CREATE TABLE "invoices" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "number" text,
        "number_year" integer,
        "sequence" integer,
        "status" text NOT NULL,
        "billing_account" text NOT NULL,
        "source_id" integer,
        "rate_plan_id" integer,
        "timezone" text NOT NULL,
        "period_start_ms" integer NOT NULL,
        "period_end_ms" integer NOT NULL,
        "currency" text NOT NULL,
        "subtotal_minor" integer NOT NULL DEFAULT (0),
        "tax_minor" integer NOT NULL DEFAULT (0),
        "total_minor" integer NOT NULL DEFAULT (0),
        "finalized_at_ms" integer,
        "voided_at_ms" integer,
        "void_reason" text,
        "created_at_ms" integer NOT NULL,
        "updated_at_ms" integer NOT NULL,
        "version" integer NOT NULL DEFAULT (1),
        CONSTRAINT "CK_invoices_numbered" CHECK (("status" = 'draft') = ("number" IS NULL) AND ("number" IS NULL) = ("sequence" IS NULL)),
        CONSTRAINT "CK_invoices_total" CHECK ("total_minor" = "subtotal_minor" + "tax_minor"),
        CONSTRAINT "CK_invoices_period" CHECK ("period_end_ms" > "period_start_ms"),
        CONSTRAINT "CK_invoices_status" CHECK ("status" IN ('draft', 'finalized', 'void')),
        CONSTRAINT "FK_invoices_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_invoices_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_invoices_account_period" ON "invoices" ("billing_account", "period_start_ms")`,
  `CREATE INDEX "IX_invoices_status" ON "invoices" ("status")`,
  `CREATE UNIQUE INDEX "UQ_invoices_number" ON "invoices" ("number")`,
  `CREATE UNIQUE INDEX "UQ_invoices_year_sequence" ON "invoices" ("number_year", "sequence")`,
  `CREATE TABLE "line_items" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "source_id" integer NOT NULL,
        "call_record_id" integer,
        "account_summary_id" integer,
        "call_id" text NOT NULL,
        "billing_account" text,
        "start_time_ms" integer NOT NULL,
        "extension" text,
        "account_code" text,
        "dialed_number" text,
        "normalized_number" text,
        "destination_prefix" text,
        "destination_class" text,
        "time_band" text,
        "talk_seconds" integer NOT NULL,
        "billed_seconds" integer NOT NULL,
        "calls" integer NOT NULL DEFAULT (1),
        "currency" text NOT NULL,
        "rated_amount_minor" integer NOT NULL,
        "adjusted_amount_minor" integer,
        "amount_minor" integer NOT NULL,
        "taxes_json" text NOT NULL DEFAULT ('[]'),
        "tax_minor" integer NOT NULL,
        "total_minor" integer NOT NULL,
        "status" text NOT NULL,
        "reason" text,
        "review_reason" text,
        "rate_plan_id" integer NOT NULL,
        "rate_plan_version_id" integer NOT NULL,
        "rate_plan_version_number" integer NOT NULL,
        "breakdown_json" text NOT NULL,
        "invoice_id" integer,
        "version" integer NOT NULL DEFAULT (1),
        "created_at_ms" integer NOT NULL,
        "updated_at_ms" integer NOT NULL,
        CONSTRAINT "CK_line_items_total" CHECK ("total_minor" = "amount_minor" + "tax_minor"),
        CONSTRAINT "CK_line_items_money" CHECK ("rated_amount_minor" >= 0 AND "amount_minor" >= 0 AND "tax_minor" >= 0 AND ("adjusted_amount_minor" IS NULL OR "adjusted_amount_minor" >= 0)),
        CONSTRAINT "CK_line_items_one_origin" CHECK (("call_record_id" IS NULL) <> ("account_summary_id" IS NULL)),
        CONSTRAINT "CK_line_items_status" CHECK ("status" IN ('pending', 'approved', 'rejected', 'no-charge', 'needs-review', 'invoiced')),
        CONSTRAINT "FK_line_items_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_line_items_call_record" FOREIGN KEY ("call_record_id") REFERENCES "call_records" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_line_items_account_summary" FOREIGN KEY ("account_summary_id") REFERENCES "account_summaries" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_line_items_rate_plan_version" FOREIGN KEY ("rate_plan_version_id") REFERENCES "rate_plan_versions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_line_items_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_line_items_account_start" ON "line_items" ("billing_account", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_invoice" ON "line_items" ("invoice_id")`,
  `CREATE INDEX "IX_line_items_source_start" ON "line_items" ("source_id", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_start" ON "line_items" ("start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_status_start" ON "line_items" ("status", "start_time_ms", "id")`,
  `CREATE UNIQUE INDEX "UQ_line_items_account_summary" ON "line_items" ("account_summary_id")`,
  `CREATE UNIQUE INDEX "UQ_line_items_call_record" ON "line_items" ("call_record_id")`,
  `CREATE TABLE "invoice_lines" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "invoice_id" integer NOT NULL,
        "line_number" integer NOT NULL,
        "line_item_id" integer NOT NULL,
        "call_id" text NOT NULL,
        "start_time_ms" integer NOT NULL,
        "extension" text,
        "dialed_number" text,
        "normalized_number" text,
        "destination_class" text,
        "talk_seconds" integer NOT NULL,
        "billed_seconds" integer NOT NULL,
        "calls" integer NOT NULL DEFAULT (1),
        "description" text NOT NULL,
        "rated_amount_minor" integer NOT NULL,
        "rated_tax_minor" integer NOT NULL,
        "rated_total_minor" integer NOT NULL,
        "adjustment_minor" integer NOT NULL DEFAULT (0),
        "amount_minor" integer NOT NULL,
        "taxes_json" text NOT NULL DEFAULT ('[]'),
        "tax_minor" integer NOT NULL,
        "total_minor" integer NOT NULL,
        "breakdown_json" text NOT NULL,
        CONSTRAINT "FK_invoice_lines_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_invoice_lines_line_item" FOREIGN KEY ("line_item_id") REFERENCES "line_items" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_invoice_lines_line_item" ON "invoice_lines" ("line_item_id")`,
  `CREATE UNIQUE INDEX "UQ_invoice_lines_item" ON "invoice_lines" ("invoice_id", "line_item_id")`,
  `CREATE UNIQUE INDEX "UQ_invoice_lines_number" ON "invoice_lines" ("invoice_id", "line_number")`,
  `CREATE TABLE "invoice_deliveries" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "invoice_id" integer NOT NULL,
        "url" text NOT NULL,
        "idempotency_key" text NOT NULL,
        "attempt" integer NOT NULL,
        "status" text NOT NULL,
        "http_status" integer,
        "error" text,
        "attempted_at_ms" integer NOT NULL,
        CONSTRAINT "CK_invoice_deliveries_status" CHECK ("status" IN ('pending', 'delivered', 'failed')),
        CONSTRAINT "FK_invoice_deliveries_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_invoice_deliveries_invoice" ON "invoice_deliveries" ("invoice_id", "attempted_at_ms")`,
];

const TRIGGERS = [
  // A rate plan version is immutable: editing a plan makes a new version, and line items
  // point at the version that rated them.
  `CREATE TRIGGER "TR_rate_plan_versions_no_update" BEFORE UPDATE ON "rate_plan_versions"
   BEGIN SELECT RAISE(ABORT, 'a rate plan version never changes; create a new version'); END`,
  `CREATE TRIGGER "TR_rate_plan_versions_no_delete" BEFORE DELETE ON "rate_plan_versions"
   BEGIN SELECT RAISE(ABORT, 'a rate plan version is never deleted'); END`,

  // Audit events are append-only.
  `CREATE TRIGGER "TR_audit_events_no_update" BEFORE UPDATE ON "audit_events"
   BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`,
  `CREATE TRIGGER "TR_audit_events_no_delete" BEFORE DELETE ON "audit_events"
   BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`,

  // A finalised invoice never changes, except to become void (keeping its number and totals);
  // a void invoice never changes at all; only drafts can be deleted.
  `CREATE TRIGGER "TR_invoices_void_is_final" BEFORE UPDATE ON "invoices"
   WHEN OLD."status" = 'void'
   BEGIN SELECT RAISE(ABORT, 'a void invoice never changes'); END`,
  `CREATE TRIGGER "TR_invoices_finalized_immutable" BEFORE UPDATE ON "invoices"
   WHEN OLD."status" = 'finalized' AND NOT (
     NEW."status" = 'void'
     AND NEW."number" IS OLD."number" AND NEW."number_year" IS OLD."number_year"
     AND NEW."sequence" IS OLD."sequence" AND NEW."billing_account" IS OLD."billing_account"
     AND NEW."source_id" IS OLD."source_id" AND NEW."period_start_ms" = OLD."period_start_ms"
     AND NEW."period_end_ms" = OLD."period_end_ms" AND NEW."currency" = OLD."currency"
     AND NEW."subtotal_minor" = OLD."subtotal_minor" AND NEW."tax_minor" = OLD."tax_minor"
     AND NEW."total_minor" = OLD."total_minor" AND NEW."finalized_at_ms" IS OLD."finalized_at_ms"
     AND NEW."created_at_ms" = OLD."created_at_ms")
   BEGIN SELECT RAISE(ABORT, 'a finalized invoice never changes'); END`,
  `CREATE TRIGGER "TR_invoices_only_drafts_deleted" BEFORE DELETE ON "invoices"
   WHEN OLD."status" <> 'draft'
   BEGIN SELECT RAISE(ABORT, 'only a draft invoice can be deleted'); END`,

  // The lines of a finalised or void invoice are frozen.
  `CREATE TRIGGER "TR_invoice_lines_insert_draft_only" BEFORE INSERT ON "invoice_lines"
   WHEN (SELECT "status" FROM "invoices" WHERE "id" = NEW."invoice_id") <> 'draft'
   BEGIN SELECT RAISE(ABORT, 'lines can only be added to a draft invoice'); END`,
  `CREATE TRIGGER "TR_invoice_lines_update_draft_only" BEFORE UPDATE ON "invoice_lines"
   WHEN (SELECT "status" FROM "invoices" WHERE "id" = OLD."invoice_id") <> 'draft'
     OR (SELECT "status" FROM "invoices" WHERE "id" = NEW."invoice_id") <> 'draft'
   BEGIN SELECT RAISE(ABORT, 'the lines of a finalized invoice never change'); END`,
  `CREATE TRIGGER "TR_invoice_lines_delete_draft_only" BEFORE DELETE ON "invoice_lines"
   WHEN (SELECT "status" FROM "invoices" WHERE "id" = OLD."invoice_id") <> 'draft'
   BEGIN SELECT RAISE(ABORT, 'the lines of a finalized invoice never change'); END`,

  // An invoiced line item is frozen while its invoice stands; it leaves `invoiced` only to go
  // back to `approved`, off the invoice, once that invoice is void.
  `CREATE TRIGGER "TR_line_items_invoiced_frozen" BEFORE UPDATE ON "line_items"
   WHEN OLD."status" = 'invoiced' AND (
     NEW."amount_minor" <> OLD."amount_minor" OR NEW."tax_minor" <> OLD."tax_minor"
     OR NEW."total_minor" <> OLD."total_minor" OR NEW."rated_amount_minor" <> OLD."rated_amount_minor"
     OR NEW."adjusted_amount_minor" IS NOT OLD."adjusted_amount_minor"
     OR NEW."taxes_json" <> OLD."taxes_json" OR NEW."billing_account" IS NOT OLD."billing_account"
     OR NEW."currency" <> OLD."currency" OR NEW."rate_plan_version_id" <> OLD."rate_plan_version_id"
     OR NEW."start_time_ms" <> OLD."start_time_ms" OR NEW."call_id" <> OLD."call_id"
     OR NEW."breakdown_json" <> OLD."breakdown_json" OR NEW."source_id" <> OLD."source_id"
     OR (NEW."status" = 'invoiced' AND NEW."invoice_id" IS NOT OLD."invoice_id")
     OR (NEW."status" <> 'invoiced' AND (
       NEW."status" <> 'approved' OR NEW."invoice_id" IS NOT NULL
       OR (SELECT "status" FROM "invoices" WHERE "id" = OLD."invoice_id") IS NOT 'void')))
   BEGIN SELECT RAISE(ABORT, 'an invoiced line item never changes until its invoice is void'); END`,
  `CREATE TRIGGER "TR_line_items_invoiced_not_deleted" BEFORE DELETE ON "line_items"
   WHEN OLD."status" = 'invoiced'
   BEGIN SELECT RAISE(ABORT, 'an invoiced line item is never deleted'); END`,
];

const TRIGGER_NAMES = TRIGGERS.map((statement) => /TRIGGER "([^"]+)"/.exec(statement)![1]);
