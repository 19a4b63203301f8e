import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  DROP_LINE_ITEM_INDEXES,
  LINE_ITEM_INDEXES,
  LINE_ITEM_TRIGGERS,
  OLD_COLUMNS,
  SUM_TRIGGERS,
} from './1796200000000-overview-totals';

/**
 * The live PMS link (docs/pms-link.md): links, the sources they post, the stays the PMS tells
 * of, and the postings queue. Line items gain the status `posted` and the stay that held their
 * room (`line_items` is rebuilt for its new CHECK; its triggers are made again as they were).
 *
 * New triggers keep the ledger's promises whatever the code does: a posted line item never
 * changes and is never deleted; an item becomes `posted` only with a posted posting; a charge on
 * its way to the PMS never goes on an invoice; a posted posting and every `P#` are final; no
 * posting is deleted.
 */
export class PmsLink1796300000000 implements MigrationInterface {
  name = 'PmsLink1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const COLUMNS = `${OLD_COLUMNS}, "local_date"`;

const LINE_ITEMS = `CREATE TABLE "temporary_line_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "source_id" integer NOT NULL, "call_record_id" integer, "account_summary_id" integer, "call_id" text NOT NULL, "billing_account" text, "start_time_ms" integer NOT NULL, "extension" text, "account_code" text, "dialed_number" text, "normalized_number" text, "destination_prefix" text, "destination_class" text, "time_band" text, "talk_seconds" integer NOT NULL, "billed_seconds" integer NOT NULL, "calls" integer NOT NULL DEFAULT (1), "currency" text NOT NULL, "rated_amount_minor" integer NOT NULL, "adjusted_amount_minor" integer, "amount_minor" integer NOT NULL, "taxes_json" text NOT NULL DEFAULT ('[]'), "tax_minor" integer NOT NULL, "total_minor" integer NOT NULL, "status" text NOT NULL, "reason" text, "review_reason" text, "rate_plan_id" integer NOT NULL, "rate_plan_version_id" integer NOT NULL, "rate_plan_version_number" integer NOT NULL, "breakdown_json" text NOT NULL, "invoice_id" integer, "version" integer NOT NULL DEFAULT (1), "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, "local_date" text NOT NULL, "stay_id" integer, CONSTRAINT "CK_line_items_total" CHECK ((("total_minor" = "amount_minor" + "tax_minor"))), CONSTRAINT "CK_line_items_money" CHECK ((("rated_amount_minor" >= 0 AND "amount_minor" >= 0 AND "tax_minor" >= 0 AND ("adjusted_amount_minor" IS NULL OR "adjusted_amount_minor" >= 0)))), CONSTRAINT "CK_line_items_one_origin" CHECK (((("call_record_id" IS NULL) <> ("account_summary_id" IS NULL)))), CONSTRAINT "CK_line_items_status" CHECK ((("status" IN ('pending', 'approved', 'rejected', 'no-charge', 'needs-review', 'invoiced', 'posted')))), CONSTRAINT "FK_line_items_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_call_record" FOREIGN KEY ("call_record_id") REFERENCES "call_records" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_account_summary" FOREIGN KEY ("account_summary_id") REFERENCES "account_summaries" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_rate_plan_version" FOREIGN KEY ("rate_plan_version_id") REFERENCES "rate_plan_versions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_stay" FOREIGN KEY ("stay_id") REFERENCES "stays" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`;

const OLD_LINE_ITEMS = LINE_ITEMS.replace(`, 'invoiced', 'posted')`, `, 'invoiced')`)
  .replace(`, "stay_id" integer`, '')
  .replace(
    `, CONSTRAINT "FK_line_items_stay" FOREIGN KEY ("stay_id") REFERENCES "stays" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    '',
  );

const PMS_TRIGGERS = [
  `CREATE TRIGGER "TR_line_items_posted_frozen" BEFORE UPDATE ON "line_items"
   WHEN OLD."status" = 'posted'
   BEGIN SELECT RAISE(ABORT, 'a posted line item never changes: a correction is a new posting'); END`,
  `CREATE TRIGGER "TR_line_items_posted_not_deleted" BEFORE DELETE ON "line_items"
   WHEN OLD."status" = 'posted'
   BEGIN SELECT RAISE(ABORT, 'a posted line item is never deleted'); END`,
  `CREATE TRIGGER "TR_line_items_posted_needs_posting" BEFORE UPDATE OF "status" ON "line_items"
   WHEN NEW."status" = 'posted' AND NOT EXISTS (
     SELECT 1 FROM "postings" WHERE "line_item_id" = NEW."id" AND "status" = 'posted')
   BEGIN SELECT RAISE(ABORT, 'a line item is posted only when the PMS accepted its posting'); END`,
  `CREATE TRIGGER "TR_line_items_posting_not_invoiced" BEFORE UPDATE OF "invoice_id" ON "line_items"
   WHEN NEW."invoice_id" IS NOT NULL AND EXISTS (
     SELECT 1 FROM "postings" WHERE "line_item_id" = NEW."id" AND "status" <> 'written-off')
   BEGIN SELECT RAISE(ABORT, 'a charge posted to the PMS, or on its way, never goes on an invoice'); END`,
  `CREATE TRIGGER "TR_postings_posted_final" BEFORE UPDATE ON "postings"
   WHEN OLD."status" = 'posted' OR NEW."posting_number" <> OLD."posting_number"
     OR NEW."link_id" <> OLD."link_id" OR NEW."line_item_id" <> OLD."line_item_id"
   BEGIN SELECT RAISE(ABORT, 'a posted posting and every posting number are final'); END`,
  `CREATE TRIGGER "TR_postings_no_delete" BEFORE DELETE ON "postings"
   BEGIN SELECT RAISE(ABORT, 'a posting is never deleted'); END`,
];

const PMS_TRIGGER_NAMES = PMS_TRIGGERS.map((statement) => /TRIGGER "([^"]+)"/.exec(statement)![1]);

const UP = [
  `CREATE TABLE "pms_links" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "host" text NOT NULL, "port" integer NOT NULL, "charset" text NOT NULL, "posting_mode" text NOT NULL, "answer_timeout_ms" integer NOT NULL, "alive_interval_ms" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "next_posting_number" integer NOT NULL DEFAULT (1), "version" integer NOT NULL DEFAULT (1), "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, CONSTRAINT "CK_pms_links_next_posting" CHECK ("next_posting_number" BETWEEN 1 AND 100000000), CONSTRAINT "CK_pms_links_port" CHECK ("port" BETWEEN 1 AND 65535), CONSTRAINT "CK_pms_links_mode" CHECK ("posting_mode" IN ('on-approval', 'on-rating')))`,
  `CREATE UNIQUE INDEX "UQ_pms_links_name" ON "pms_links" ("name")`,
  `CREATE TABLE "pms_link_sources" ("source_id" integer PRIMARY KEY NOT NULL, "link_id" integer NOT NULL, CONSTRAINT "FK_pms_link_sources_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_pms_link_sources_link" FOREIGN KEY ("link_id") REFERENCES "pms_links" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_pms_link_sources_link" ON "pms_link_sources" ("link_id")`,
  `CREATE TABLE "stays" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "link_id" integer NOT NULL, "room" text NOT NULL, "reservation" text NOT NULL, "guest_name" text, "sharer" boolean NOT NULL DEFAULT (0), "from_ms" integer NOT NULL, "to_ms" integer, "ended_by" text, "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, CONSTRAINT "CK_stays_span" CHECK ("to_ms" IS NULL OR "to_ms" >= "from_ms"), CONSTRAINT "CK_stays_ended_by" CHECK ("ended_by" IS NULL OR "ended_by" IN ('check-out', 'move', 'resync')), CONSTRAINT "FK_stays_link" FOREIGN KEY ("link_id") REFERENCES "pms_links" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_stays_reservation" ON "stays" ("link_id", "reservation", "from_ms")`,
  `CREATE INDEX "IX_stays_room" ON "stays" ("link_id", "room", "from_ms")`,
  ...DROP_LINE_ITEM_INDEXES,
  LINE_ITEMS,
  `INSERT INTO "temporary_line_items" (${COLUMNS}) SELECT ${COLUMNS} FROM "line_items"`,
  `DROP TABLE "line_items"`,
  `ALTER TABLE "temporary_line_items" RENAME TO "line_items"`,
  ...LINE_ITEM_INDEXES,
  `CREATE INDEX "IX_line_items_stay" ON "line_items" ("stay_id")`,
  ...LINE_ITEM_TRIGGERS,
  ...SUM_TRIGGERS,
  `CREATE TABLE "postings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "link_id" integer NOT NULL, "line_item_id" integer NOT NULL, "posting_number" integer NOT NULL, "room" text NOT NULL, "stay_id" integer, "amount_minor" integer NOT NULL, "currency" text NOT NULL, "status" text NOT NULL, "reason" text, "answer_status" text, "answer_text" text, "answer_record" text, "late" boolean NOT NULL DEFAULT (0), "corrects_posting_id" integer, "attempts" integer NOT NULL DEFAULT (0), "not_before_ms" integer, "sent_at_ms" integer, "posted_at_ms" integer, "version" integer NOT NULL DEFAULT (1), "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, CONSTRAINT "CK_postings_number" CHECK ("posting_number" BETWEEN 1 AND 99999999), CONSTRAINT "CK_postings_status" CHECK ("status" IN ('pending', 'in-flight', 'posted', 'exception', 'written-off')), CONSTRAINT "FK_postings_link" FOREIGN KEY ("link_id") REFERENCES "pms_links" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_postings_line_item" FOREIGN KEY ("line_item_id") REFERENCES "line_items" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_postings_stay" FOREIGN KEY ("stay_id") REFERENCES "stays" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE INDEX "IX_postings_stay" ON "postings" ("stay_id")`,
  `CREATE INDEX "IX_postings_line_item" ON "postings" ("line_item_id")`,
  `CREATE INDEX "IX_postings_queue" ON "postings" ("link_id", "status", "id")`,
  `CREATE UNIQUE INDEX "UQ_postings_number" ON "postings" ("link_id", "posting_number")`,
  ...PMS_TRIGGERS,
];

const DOWN = [
  ...PMS_TRIGGER_NAMES.map((name) => `DROP TRIGGER "${name}"`),
  `DROP TABLE "postings"`,
  `DROP INDEX "IX_line_items_stay"`,
  ...DROP_LINE_ITEM_INDEXES,
  OLD_LINE_ITEMS,
  `INSERT INTO "temporary_line_items" (${COLUMNS}) SELECT ${COLUMNS} FROM "line_items"`,
  `DROP TABLE "line_items"`,
  `ALTER TABLE "temporary_line_items" RENAME TO "line_items"`,
  ...LINE_ITEM_INDEXES,
  ...LINE_ITEM_TRIGGERS,
  ...SUM_TRIGGERS,
  `DROP TABLE "stays"`,
  `DROP TABLE "pms_link_sources"`,
  `DROP TABLE "pms_links"`,
];
