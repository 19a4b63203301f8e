import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Businesses: every source and invoice belongs to one, and invoice numbers are gapless per
 * business and year. The first start makes the default business (prefix `INV`, so numbers
 * already given keep their form; a hotel or a law firm when its sources say so) and gives it
 * every existing source, invoice and sequence.
 *
 * `sources`, `invoices` and `invoice_number_sequences` are rebuilt (SQLite cannot add a NOT
 * NULL foreign key in place). Foreign keys are off while migrations run; the triggers that name
 * the rebuilt tables are dropped first and made again after, the finalised invoice's now
 * freezing its business too.
 */
export class Businesses1796000000000 implements MigrationInterface {
  name = 'Businesses1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of TRIGGER_NAMES) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${trigger}"`);
    }
    for (const statement of UP) await queryRunner.query(statement);
    for (const statement of TRIGGERS) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Numbers of two businesses may share a year and sequence: they cannot go back into one
    // sequence without renumbering finalised invoices, which never change.
    const [{ n }] = (await queryRunner.query(`SELECT count(*) AS n FROM "businesses"`)) as {
      n: number;
    }[];
    if (n > 1) {
      throw new Error(
        `The ledger has ${n} businesses: their invoice numbers cannot share one sequence again; restore a backup made before this version instead`,
      );
    }
    for (const trigger of TRIGGER_NAMES) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${trigger}"`);
    }
    for (const statement of DOWN) await queryRunner.query(statement);
    for (const statement of OLD_TRIGGERS) await queryRunner.query(statement);
  }
}

/** How the ledger's sources bill: by room extension only (a hotel), by account code only (a firm). */
const BILLED_BY = `SELECT DISTINCT json_extract(v."plan_json", '$.billingAccount.by') FROM "sources" s
  JOIN "rate_plan_versions" v ON v."rate_plan_id" = s."rate_plan_id"`;

/**
 * The default business. Its kind is read from the sources it takes, so that a hotel upgrading
 * keeps its PMS exports: billing rooms by extension only is a hotel, account codes only a firm.
 */
const DEFAULT_BUSINESS = `INSERT INTO "businesses" ("name", "kind", "timezone", "address_json",
  "invoice_prefix", "is_default", "created_at_ms", "updated_at_ms")
  VALUES ('My business',
    CASE WHEN 'extension' IN (${BILLED_BY}) AND 'accountCode' NOT IN (${BILLED_BY}) THEN 'hotel'
         WHEN 'accountCode' IN (${BILLED_BY}) AND 'extension' NOT IN (${BILLED_BY}) THEN 'law-firm'
         ELSE 'other' END,
    COALESCE((SELECT "timezone" FROM "sources" ORDER BY "id" LIMIT 1), 'UTC'), '[]', 'INV', 1,
    CAST(unixepoch('subsec') * 1000 AS integer), CAST(unixepoch('subsec') * 1000 AS integer))`;

const DEFAULT_ID = `(SELECT "id" FROM "businesses" WHERE "is_default" = 1)`;

const UP = [
  `CREATE TABLE "businesses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "timezone" text NOT NULL, "address_json" text NOT NULL DEFAULT ('[]'), "tax_id" text, "invoice_prefix" text NOT NULL, "payment_terms" text, "is_default" boolean NOT NULL DEFAULT (0), "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "CK_businesses_kind" CHECK ("kind" IN ('hotel', 'law-firm', 'other')))`,
  `CREATE UNIQUE INDEX "UQ_businesses_name" ON "businesses" ("name")`,
  `CREATE UNIQUE INDEX "UQ_businesses_invoice_prefix" ON "businesses" ("invoice_prefix")`,
  `CREATE UNIQUE INDEX "UQ_businesses_default" ON "businesses" ("is_default") WHERE "is_default" = 1`,
  DEFAULT_BUSINESS,

  `DROP INDEX "UQ_sources_name"`,
  `CREATE TABLE "temporary_sources" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "historic_data_key" text NOT NULL, "rate_plan_id" integer NOT NULL, "timezone" text NOT NULL, "columns_json" text, "parameters_json" text, "enabled" boolean NOT NULL DEFAULT (1), "auto_approve" boolean NOT NULL DEFAULT (0), "sync_cron" text, "chunk_days" integer NOT NULL DEFAULT (1), "overlap_minutes" integer NOT NULL DEFAULT (60), "settle_minutes" integer NOT NULL DEFAULT (15), "watermark_ms" integer, "delivery_url" text, "delivery_secret" text, "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "business_id" integer NOT NULL, CONSTRAINT "CK_sources_chunk_days" CHECK (("chunk_days" >= 1)), CONSTRAINT "CK_sources_kind" CHECK (("kind" IN ('call-records', 'account-summary'))), CONSTRAINT "FK_sources_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_sources_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `INSERT INTO "temporary_sources" ("id", "name", "kind", "historic_data_key", "rate_plan_id", "timezone", "columns_json", "parameters_json", "enabled", "auto_approve", "sync_cron", "chunk_days", "overlap_minutes", "settle_minutes", "watermark_ms", "delivery_url", "delivery_secret", "created_at_ms", "updated_at_ms", "version", "business_id")
     SELECT "id", "name", "kind", "historic_data_key", "rate_plan_id", "timezone", "columns_json", "parameters_json", "enabled", "auto_approve", "sync_cron", "chunk_days", "overlap_minutes", "settle_minutes", "watermark_ms", "delivery_url", "delivery_secret", "created_at_ms", "updated_at_ms", "version", ${DEFAULT_ID} FROM "sources"`,
  `DROP TABLE "sources"`,
  `ALTER TABLE "temporary_sources" RENAME TO "sources"`,
  `CREATE UNIQUE INDEX "UQ_sources_name" ON "sources" ("name")`,

  `DROP INDEX "UQ_invoices_number"`,
  `DROP INDEX "IX_invoices_status"`,
  `DROP INDEX "IX_invoices_account_period"`,
  `DROP INDEX "UQ_invoices_year_sequence"`,
  `CREATE TABLE "temporary_invoices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" text, "number_year" integer, "sequence" integer, "status" text NOT NULL, "billing_account" text NOT NULL, "source_id" integer, "rate_plan_id" integer, "timezone" text NOT NULL, "period_start_ms" integer NOT NULL, "period_end_ms" integer NOT NULL, "currency" text NOT NULL, "subtotal_minor" integer NOT NULL DEFAULT (0), "tax_minor" integer NOT NULL DEFAULT (0), "total_minor" integer NOT NULL DEFAULT (0), "finalized_at_ms" integer, "voided_at_ms" integer, "void_reason" text, "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), "business_id" integer NOT NULL, "issuer_json" text, CONSTRAINT "CK_invoices_numbered" CHECK ((("status" = 'draft') = ("number" IS NULL) AND ("number" IS NULL) = ("sequence" IS NULL))), CONSTRAINT "CK_invoices_total" CHECK (("total_minor" = "subtotal_minor" + "tax_minor")), CONSTRAINT "CK_invoices_period" CHECK (("period_end_ms" > "period_start_ms")), CONSTRAINT "CK_invoices_status" CHECK (("status" IN ('draft', 'finalized', 'void'))), CONSTRAINT "FK_invoices_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_invoices_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_invoices_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `INSERT INTO "temporary_invoices" ("id", "number", "number_year", "sequence", "status", "billing_account", "source_id", "rate_plan_id", "timezone", "period_start_ms", "period_end_ms", "currency", "subtotal_minor", "tax_minor", "total_minor", "finalized_at_ms", "voided_at_ms", "void_reason", "created_at_ms", "updated_at_ms", "version", "business_id")
     SELECT "id", "number", "number_year", "sequence", "status", "billing_account", "source_id", "rate_plan_id", "timezone", "period_start_ms", "period_end_ms", "currency", "subtotal_minor", "tax_minor", "total_minor", "finalized_at_ms", "voided_at_ms", "void_reason", "created_at_ms", "updated_at_ms", "version", ${DEFAULT_ID} FROM "invoices"`,
  `DROP TABLE "invoices"`,
  `ALTER TABLE "temporary_invoices" RENAME TO "invoices"`,
  `CREATE UNIQUE INDEX "UQ_invoices_number" ON "invoices" ("number")`,
  `CREATE INDEX "IX_invoices_status" ON "invoices" ("status")`,
  `CREATE INDEX "IX_invoices_account_period" ON "invoices" ("billing_account", "period_start_ms")`,
  `CREATE INDEX "IX_invoices_business_status" ON "invoices" ("business_id", "status", "id")`,
  `CREATE UNIQUE INDEX "UQ_invoices_business_year_sequence" ON "invoices" ("business_id", "number_year", "sequence")`,

  `CREATE TABLE "temporary_invoice_number_sequences" ("year" integer NOT NULL, "last_sequence" integer NOT NULL, "business_id" integer NOT NULL, CONSTRAINT "FK_invoice_number_sequences_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("year", "business_id"))`,
  `INSERT INTO "temporary_invoice_number_sequences" ("year", "last_sequence", "business_id")
     SELECT "year", "last_sequence", ${DEFAULT_ID} FROM "invoice_number_sequences"`,
  `DROP TABLE "invoice_number_sequences"`,
  `ALTER TABLE "temporary_invoice_number_sequences" RENAME TO "invoice_number_sequences"`,
];

const DOWN = [
  `DROP INDEX "UQ_sources_name"`,
  `CREATE TABLE "temporary_sources" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "historic_data_key" text NOT NULL, "rate_plan_id" integer NOT NULL, "timezone" text NOT NULL, "columns_json" text, "parameters_json" text, "enabled" boolean NOT NULL DEFAULT (1), "auto_approve" boolean NOT NULL DEFAULT (0), "sync_cron" text, "chunk_days" integer NOT NULL DEFAULT (1), "overlap_minutes" integer NOT NULL DEFAULT (60), "settle_minutes" integer NOT NULL DEFAULT (15), "watermark_ms" integer, "delivery_url" text, "delivery_secret" text, "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "CK_sources_chunk_days" CHECK ("chunk_days" >= 1), CONSTRAINT "CK_sources_kind" CHECK ("kind" IN ('call-records', 'account-summary')), CONSTRAINT "FK_sources_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `INSERT INTO "temporary_sources" SELECT "id", "name", "kind", "historic_data_key", "rate_plan_id", "timezone", "columns_json", "parameters_json", "enabled", "auto_approve", "sync_cron", "chunk_days", "overlap_minutes", "settle_minutes", "watermark_ms", "delivery_url", "delivery_secret", "created_at_ms", "updated_at_ms", "version" FROM "sources"`,
  `DROP TABLE "sources"`,
  `ALTER TABLE "temporary_sources" RENAME TO "sources"`,
  `CREATE UNIQUE INDEX "UQ_sources_name" ON "sources" ("name")`,

  `DROP INDEX "UQ_invoices_number"`,
  `DROP INDEX "IX_invoices_status"`,
  `DROP INDEX "IX_invoices_account_period"`,
  `DROP INDEX "IX_invoices_business_status"`,
  `DROP INDEX "UQ_invoices_business_year_sequence"`,
  `CREATE TABLE "temporary_invoices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" text, "number_year" integer, "sequence" integer, "status" text NOT NULL, "billing_account" text NOT NULL, "source_id" integer, "rate_plan_id" integer, "timezone" text NOT NULL, "period_start_ms" integer NOT NULL, "period_end_ms" integer NOT NULL, "currency" text NOT NULL, "subtotal_minor" integer NOT NULL DEFAULT (0), "tax_minor" integer NOT NULL DEFAULT (0), "total_minor" integer NOT NULL DEFAULT (0), "finalized_at_ms" integer, "voided_at_ms" integer, "void_reason" text, "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "CK_invoices_numbered" CHECK (("status" = 'draft') = ("number" IS NULL) AND ("number" IS NULL) = ("sequence" IS NULL)), CONSTRAINT "CK_invoices_total" CHECK ("total_minor" = "subtotal_minor" + "tax_minor"), CONSTRAINT "CK_invoices_period" CHECK ("period_end_ms" > "period_start_ms"), CONSTRAINT "CK_invoices_status" CHECK ("status" IN ('draft', 'finalized', 'void')), CONSTRAINT "FK_invoices_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_invoices_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `INSERT INTO "temporary_invoices" SELECT "id", "number", "number_year", "sequence", "status", "billing_account", "source_id", "rate_plan_id", "timezone", "period_start_ms", "period_end_ms", "currency", "subtotal_minor", "tax_minor", "total_minor", "finalized_at_ms", "voided_at_ms", "void_reason", "created_at_ms", "updated_at_ms", "version" FROM "invoices"`,
  `DROP TABLE "invoices"`,
  `ALTER TABLE "temporary_invoices" RENAME TO "invoices"`,
  `CREATE INDEX "IX_invoices_account_period" ON "invoices" ("billing_account", "period_start_ms")`,
  `CREATE INDEX "IX_invoices_status" ON "invoices" ("status")`,
  `CREATE UNIQUE INDEX "UQ_invoices_number" ON "invoices" ("number")`,
  `CREATE UNIQUE INDEX "UQ_invoices_year_sequence" ON "invoices" ("number_year", "sequence")`,

  `CREATE TABLE "temporary_invoice_number_sequences" ("year" integer PRIMARY KEY NOT NULL, "last_sequence" integer NOT NULL)`,
  `INSERT INTO "temporary_invoice_number_sequences" SELECT "year", "last_sequence" FROM "invoice_number_sequences"`,
  `DROP TABLE "invoice_number_sequences"`,
  `ALTER TABLE "temporary_invoice_number_sequences" RENAME TO "invoice_number_sequences"`,

  `DROP INDEX "UQ_businesses_default"`,
  `DROP INDEX "UQ_businesses_invoice_prefix"`,
  `DROP INDEX "UQ_businesses_name"`,
  `DROP TABLE "businesses"`,
];

/** The triggers that name a rebuilt table, as the initial schema made them but one change. */
const TRIGGERS = [
  `CREATE TRIGGER "TR_invoices_void_is_final" BEFORE UPDATE ON "invoices"
   WHEN OLD."status" = 'void'
   BEGIN SELECT RAISE(ABORT, 'a void invoice never changes'); END`,
  // A finalised invoice's business, and the business as the invoice names it, are frozen too.
  `CREATE TRIGGER "TR_invoices_finalized_immutable" BEFORE UPDATE ON "invoices"
   WHEN OLD."status" = 'finalized' AND NOT (
     NEW."status" = 'void'
     AND NEW."number" IS OLD."number" AND NEW."number_year" IS OLD."number_year"
     AND NEW."sequence" IS OLD."sequence" AND NEW."billing_account" IS OLD."billing_account"
     AND NEW."business_id" = OLD."business_id" AND NEW."issuer_json" IS OLD."issuer_json"
     AND NEW."source_id" IS OLD."source_id" AND NEW."period_start_ms" = OLD."period_start_ms"
     AND NEW."period_end_ms" = OLD."period_end_ms" AND NEW."currency" = OLD."currency"
     AND NEW."subtotal_minor" = OLD."subtotal_minor" AND NEW."tax_minor" = OLD."tax_minor"
     AND NEW."total_minor" = OLD."total_minor" AND NEW."finalized_at_ms" IS OLD."finalized_at_ms"
     AND NEW."created_at_ms" = OLD."created_at_ms")
   BEGIN SELECT RAISE(ABORT, 'a finalized invoice never changes'); END`,
  `CREATE TRIGGER "TR_invoices_only_drafts_deleted" BEFORE DELETE ON "invoices"
   WHEN OLD."status" <> 'draft'
   BEGIN SELECT RAISE(ABORT, 'only a draft invoice can be deleted'); END`,
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
];

/** The finalised invoice's trigger as the initial schema made it, for `down`. */
const OLD_TRIGGERS = TRIGGERS.map((statement) =>
  statement.includes('"TR_invoices_finalized_immutable"')
    ? statement.replace(
        /\n\s*AND NEW\."business_id" = OLD\."business_id" AND NEW\."issuer_json" IS OLD\."issuer_json"/,
        '',
      )
    : statement,
);

const TRIGGER_NAMES = TRIGGERS.map((statement) => /TRIGGER "([^"]+)"/.exec(statement)![1]);
