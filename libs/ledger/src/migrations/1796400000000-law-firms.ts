import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Law firms (docs/law-firms.md): the firm's matters, timekeepers and matter rules; line items
 * and invoice lines carry the call's timekeeper; a business counts changes to its law book so
 * that rating's cached copy knows when it is stale. Columns are added in place (no table is
 * rebuilt, so the line items' and invoice lines' triggers stay as they are).
 */
export class LawFirms1796400000000 implements MigrationInterface {
  name = 'LawFirms1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const TIMEKEEPER_COLUMNS = ['timekeeper_id', 'timekeeper_name', 'timekeeper_classification'];

const UP = [
  `CREATE TABLE "matters" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "business_id" integer NOT NULL, "client_number" text NOT NULL, "client_name" text NOT NULL, "matter_number" text NOT NULL, "matter_name" text NOT NULL, "status" text NOT NULL, "closed_date" text, "billable" boolean NOT NULL DEFAULT (1), "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, CONSTRAINT "CK_matters_closed_date" CHECK ("status" = 'closed' OR "closed_date" IS NULL), CONSTRAINT "CK_matters_status" CHECK ("status" IN ('open', 'closed')), CONSTRAINT "FK_matters_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "matter_rules" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "business_id" integer NOT NULL, "client_number" text NOT NULL, "matter_number" text NOT NULL DEFAULT (''), "kind" text NOT NULL, "markup_percent" text, "rate_plan_id" integer, "effective_from" text NOT NULL, "note" text, "created_at_ms" integer NOT NULL, CONSTRAINT "CK_matter_rules_fields" CHECK (("kind" = 'markup') = ("markup_percent" IS NOT NULL) AND ("kind" = 'rate-plan') = ("rate_plan_id" IS NOT NULL)), CONSTRAINT "CK_matter_rules_kind" CHECK ("kind" IN ('standard', 'no-charge', 'markup', 'rate-plan')), CONSTRAINT "FK_matter_rules_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_matter_rules_rate_plan" FOREIGN KEY ("rate_plan_id") REFERENCES "rate_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE TABLE "timekeepers" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "business_id" integer NOT NULL, "extension" text NOT NULL, "timekeeper_id" text NOT NULL, "name" text NOT NULL, "classification" text NOT NULL, "effective_from" text NOT NULL DEFAULT (''), "created_at_ms" integer NOT NULL, CONSTRAINT "FK_timekeepers_business" FOREIGN KEY ("business_id") REFERENCES "businesses" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE UNIQUE INDEX "UQ_matters_number" ON "matters" ("business_id", "client_number", "matter_number")`,
  `CREATE UNIQUE INDEX "UQ_matter_rules_from" ON "matter_rules" ("business_id", "client_number", "matter_number", "effective_from")`,
  `CREATE UNIQUE INDEX "UQ_timekeepers_extension_from" ON "timekeepers" ("business_id", "extension", "effective_from")`,
  `ALTER TABLE "businesses" ADD COLUMN "law_book_version" integer NOT NULL DEFAULT (0)`,
  ...TIMEKEEPER_COLUMNS.map((column) => `ALTER TABLE "line_items" ADD COLUMN "${column}" text`),
  ...TIMEKEEPER_COLUMNS.map((column) => `ALTER TABLE "invoice_lines" ADD COLUMN "${column}" text`),
  `CREATE INDEX "IX_line_items_reason_start" ON "line_items" ("reason", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_timekeeper_start" ON "line_items" ("timekeeper_id", "start_time_ms", "id")`,
];

const DOWN = [
  `DROP INDEX "IX_line_items_timekeeper_start"`,
  `DROP INDEX "IX_line_items_reason_start"`,
  ...TIMEKEEPER_COLUMNS.map((column) => `ALTER TABLE "invoice_lines" DROP COLUMN "${column}"`),
  ...TIMEKEEPER_COLUMNS.map((column) => `ALTER TABLE "line_items" DROP COLUMN "${column}"`),
  `ALTER TABLE "businesses" DROP COLUMN "law_book_version"`,
  `DROP TABLE "timekeepers"`,
  `DROP TABLE "matter_rules"`,
  `DROP TABLE "matters"`,
];
