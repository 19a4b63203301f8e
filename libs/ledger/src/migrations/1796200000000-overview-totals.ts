import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ZonedTime } from '@app/common';

/**
 * The overview's sums (docs/decisions/0026-overview-totals.md): each line item gets its local
 * date (`local_date`, the date of its start on its source's wall clock), and three tables sum
 * the items per local day and source, by status, by billing account and by destination, in
 * each currency. Existing items get their dates and the sums are made from them.
 *
 * Triggers follow every UPDATE and DELETE of line_items into the sums; new items are added by
 * the ledger's line item inserter, which gathers a transaction's sums and writes them once.
 *
 * `line_items` is rebuilt (SQLite cannot add a NOT NULL column without a default in place):
 * its own two triggers go with the old table and are made again as they were.
 */
export class OverviewTotals1796200000000 implements MigrationInterface {
  name = 'OverviewTotals1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TEMP TABLE "local_offsets" ("source_id" integer NOT NULL, "start_ms" integer NOT NULL, "end_ms" integer NOT NULL, "offset_ms" integer NOT NULL, PRIMARY KEY ("source_id", "start_ms"))`,
    );
    const sources = (await queryRunner.query(
      `SELECT s."id" AS "id", s."timezone" AS "timezone", min(li."start_time_ms") AS "first",
         max(li."start_time_ms") AS "last"
       FROM "line_items" li JOIN "sources" s ON s."id" = li."source_id" GROUP BY s."id"`,
    )) as { id: number; timezone: string; first: number; last: number }[];
    for (const source of sources) {
      for (const span of new ZonedTime(source.timezone).offsetSpans(
        source.first,
        source.last + 1,
      )) {
        await queryRunner.query(`INSERT INTO "local_offsets" VALUES (?, ?, ?, ?)`, [
          source.id,
          span.startMs,
          span.endMs,
          span.offset * 60_000,
        ]);
      }
    }
    for (const statement of UP) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE "temp"."local_offsets"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

export const LINE_ITEM_INDEXES = [
  `CREATE UNIQUE INDEX "UQ_line_items_call_record" ON "line_items" ("call_record_id")`,
  `CREATE UNIQUE INDEX "UQ_line_items_account_summary" ON "line_items" ("account_summary_id")`,
  `CREATE INDEX "IX_line_items_status_start" ON "line_items" ("status", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_start" ON "line_items" ("start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_source_start" ON "line_items" ("source_id", "start_time_ms", "id")`,
  `CREATE INDEX "IX_line_items_invoice" ON "line_items" ("invoice_id")`,
  `CREATE INDEX "IX_line_items_account_start" ON "line_items" ("billing_account", "start_time_ms", "id")`,
];

export const DROP_LINE_ITEM_INDEXES = LINE_ITEM_INDEXES.map(
  (statement) => `DROP INDEX "${/INDEX "([^"]+)"/.exec(statement)![1]}"`,
);

/** The columns line_items had before, in order. */
export const OLD_COLUMNS = `"id", "source_id", "call_record_id", "account_summary_id", "call_id", "billing_account", "start_time_ms", "extension", "account_code", "dialed_number", "normalized_number", "destination_prefix", "destination_class", "time_band", "talk_seconds", "billed_seconds", "calls", "currency", "rated_amount_minor", "adjusted_amount_minor", "amount_minor", "taxes_json", "tax_minor", "total_minor", "status", "reason", "review_reason", "rate_plan_id", "rate_plan_version_id", "rate_plan_version_number", "breakdown_json", "invoice_id", "version", "created_at_ms", "updated_at_ms"`;

const LINE_ITEMS = (columns: string) =>
  `CREATE TABLE "temporary_line_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "source_id" integer NOT NULL, "call_record_id" integer, "account_summary_id" integer, "call_id" text NOT NULL, "billing_account" text, "start_time_ms" integer NOT NULL, "extension" text, "account_code" text, "dialed_number" text, "normalized_number" text, "destination_prefix" text, "destination_class" text, "time_band" text, "talk_seconds" integer NOT NULL, "billed_seconds" integer NOT NULL, "calls" integer NOT NULL DEFAULT (1), "currency" text NOT NULL, "rated_amount_minor" integer NOT NULL, "adjusted_amount_minor" integer, "amount_minor" integer NOT NULL, "taxes_json" text NOT NULL DEFAULT ('[]'), "tax_minor" integer NOT NULL, "total_minor" integer NOT NULL, "status" text NOT NULL, "reason" text, "review_reason" text, "rate_plan_id" integer NOT NULL, "rate_plan_version_id" integer NOT NULL, "rate_plan_version_number" integer NOT NULL, "breakdown_json" text NOT NULL, "invoice_id" integer, "version" integer NOT NULL DEFAULT (1), "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL${columns}, CONSTRAINT "CK_line_items_total" CHECK (("total_minor" = "amount_minor" + "tax_minor")), CONSTRAINT "CK_line_items_money" CHECK (("rated_amount_minor" >= 0 AND "amount_minor" >= 0 AND "tax_minor" >= 0 AND ("adjusted_amount_minor" IS NULL OR "adjusted_amount_minor" >= 0))), CONSTRAINT "CK_line_items_one_origin" CHECK ((("call_record_id" IS NULL) <> ("account_summary_id" IS NULL))), CONSTRAINT "CK_line_items_status" CHECK (("status" IN ('pending', 'approved', 'rejected', 'no-charge', 'needs-review', 'invoiced'))), CONSTRAINT "FK_line_items_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_rate_plan_version" FOREIGN KEY ("rate_plan_version_id") REFERENCES "rate_plan_versions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_account_summary" FOREIGN KEY ("account_summary_id") REFERENCES "account_summaries" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_call_record" FOREIGN KEY ("call_record_id") REFERENCES "call_records" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_line_items_source" FOREIGN KEY ("source_id") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`;

/** The triggers of line_items before this migration, as the businesses migration left them. */
export const LINE_ITEM_TRIGGERS = [
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

/** A line item's columns as a trigger (`NEW."calls"`, `OLD."calls"`) or a query (`"calls"`) names them. */
type Row = 'NEW.' | 'OLD.' | '';

/** The billed amount of a row: nothing for a rejected or no-charge item. */
const billed = (row: Row) =>
  `CASE WHEN ${row}"status" IN ('rejected', 'no-charge') THEN 0 ELSE ${row}"amount_minor" END`;

interface SumTable {
  table: string;
  /** The key's columns and, for a row, their values. */
  keys: [column: string, value: (row: Row) => string][];
  /** The sums' columns and what a row adds to each. */
  sums: [column: string, value: (row: Row) => string][];
}

const SUM_TABLES: SumTable[] = [
  {
    table: 'line_item_daily_totals',
    keys: [
      ['local_date', (row) => `${row}"local_date"`],
      ['source_id', (row) => `${row}"source_id"`],
      ['status', (row) => `${row}"status"`],
      ['currency', (row) => `${row}"currency"`],
    ],
    sums: [
      ['items', () => '1'],
      ['calls', (row) => `${row}"calls"`],
      ['amount_minor', (row) => `${row}"amount_minor"`],
    ],
  },
  {
    table: 'line_item_account_totals',
    keys: [
      ['local_date', (row) => `${row}"local_date"`],
      ['source_id', (row) => `${row}"source_id"`],
      ['billing_account', (row) => `coalesce(${row}"billing_account", '')`],
      ['currency', (row) => `${row}"currency"`],
    ],
    sums: [
      ['items', () => '1'],
      ['calls', (row) => `${row}"calls"`],
      ['billed_minor', billed],
    ],
  },
  {
    table: 'line_item_destination_totals',
    keys: [
      ['local_date', (row) => `${row}"local_date"`],
      ['source_id', (row) => `${row}"source_id"`],
      ['destination_class', (row) => `coalesce(${row}"destination_class", '')`],
      ['destination_prefix', (row) => `coalesce(${row}"destination_prefix", '')`],
      ['currency', (row) => `${row}"currency"`],
    ],
    sums: [
      ['items', () => '1'],
      ['calls', (row) => `${row}"calls"`],
      ['billed_minor', billed],
    ],
  },
];

/** Adds a row's sums (`NEW`) or takes them away (`OLD`). */
const addRow = ({ table, keys, sums }: SumTable, row: 'NEW.' | 'OLD.') => {
  const sign = row === 'OLD.' ? '-' : '';
  const columns = [...keys, ...sums].map(([column]) => `"${column}"`).join(', ');
  const values = [
    ...keys.map(([, value]) => value(row)),
    ...sums.map(([, value]) => `${sign}(${value(row)})`),
  ].join(', ');
  const keyColumns = keys.map(([column]) => `"${column}"`).join(', ');
  const adds = sums
    .map(([column]) => `"${column}" = "${column}" + excluded."${column}"`)
    .join(', ');
  return `INSERT INTO "${table}" (${columns}) VALUES (${values})
      ON CONFLICT (${keyColumns}) DO UPDATE SET ${adds};`;
};

/** The row of `OLD`'s group goes once it has no item. */
const deleteEmpty = ({ table, keys }: SumTable) =>
  `DELETE FROM "${table}" WHERE ${keys
    .map(([column, value]) => `"${column}" = ${value('OLD.')}`)
    .join(' AND ')} AND "items" = 0;`;

/** A change of what a table sums (its key or its sums) moves the item from one row to another. */
const changed = ({ keys, sums }: SumTable) =>
  [...keys, ...sums]
    .filter(([column]) => column !== 'items')
    .map(([, value]) => `(${value('NEW.')}) IS NOT (${value('OLD.')})`)
    .join(' OR ');

/** The columns of line_items a table's key or sums read. */
const READ_COLUMNS: Record<string, string[]> = {
  line_item_daily_totals: [
    'local_date',
    'source_id',
    'status',
    'currency',
    'calls',
    'amount_minor',
  ],
  line_item_account_totals: [
    'local_date',
    'source_id',
    'billing_account',
    'currency',
    'calls',
    'status',
    'amount_minor',
  ],
  line_item_destination_totals: [
    'local_date',
    'source_id',
    'destination_class',
    'destination_prefix',
    'currency',
    'calls',
    'status',
    'amount_minor',
  ],
};

export const SUM_TRIGGERS = [
  ...SUM_TABLES.map(
    (
      sums,
    ) => `CREATE TRIGGER "TR_line_items_sum_${sums.table.replace(/^line_item_/, '')}" AFTER UPDATE OF ${READ_COLUMNS[
      sums.table
    ]
      .map((column) => `"${column}"`)
      .join(', ')} ON "line_items"
   WHEN ${changed(sums)}
   BEGIN
      ${addRow(sums, 'OLD.')}
      ${addRow(sums, 'NEW.')}
      ${deleteEmpty(sums)}
   END`,
  ),
  `CREATE TRIGGER "TR_line_items_sum_deleted" AFTER DELETE ON "line_items"
   BEGIN
      ${SUM_TABLES.map((sums) => `${addRow(sums, 'OLD.')}\n      ${deleteEmpty(sums)}`).join('\n      ')}
   END`,
];

export const SUM_TRIGGER_NAMES = SUM_TRIGGERS.map(
  (statement) => /TRIGGER "([^"]+)"/.exec(statement)![1],
);

/** A line item's local date: its start moved by the offset of its source's zone at that instant. */
const LOCAL_DATE = `(SELECT date((li."start_time_ms" + o."offset_ms") / 1000, 'unixepoch')
  FROM "temp"."local_offsets" o WHERE o."source_id" = li."source_id"
    AND o."start_ms" <= li."start_time_ms" AND li."start_time_ms" < o."end_ms")`;

/** A table's rows made from the items there are. */
const sumsFromItems = ({ table, keys, sums }: SumTable) => {
  const keyValues = keys.map(([, value]) => value(''));
  return `INSERT INTO "${table}" (${[...keys, ...sums].map(([column]) => `"${column}"`).join(', ')})
    SELECT ${keyValues.join(', ')}, ${sums
      .map(([column, value]) => (column === 'items' ? 'count(*)' : `sum(${value('')})`))
      .join(', ')}
    FROM "line_items" GROUP BY ${keyValues.join(', ')}`;
};

const UP = [
  ...DROP_LINE_ITEM_INDEXES,
  LINE_ITEMS(', "local_date" text NOT NULL'),
  `INSERT INTO "temporary_line_items" (${OLD_COLUMNS}, "local_date")
     SELECT ${OLD_COLUMNS.split(', ')
       .map((column) => `li.${column}`)
       .join(', ')}, ${LOCAL_DATE} FROM "line_items" li`,
  `DROP TABLE "line_items"`,
  `ALTER TABLE "temporary_line_items" RENAME TO "line_items"`,
  ...LINE_ITEM_INDEXES,
  ...LINE_ITEM_TRIGGERS,

  `CREATE TABLE "line_item_daily_totals" ("local_date" text NOT NULL, "source_id" integer NOT NULL, "status" text NOT NULL, "currency" text NOT NULL, "items" integer NOT NULL, "calls" integer NOT NULL, "amount_minor" integer NOT NULL, PRIMARY KEY ("local_date", "source_id", "status", "currency")) WITHOUT ROWID`,
  `CREATE TABLE "line_item_account_totals" ("local_date" text NOT NULL, "source_id" integer NOT NULL, "billing_account" text NOT NULL, "currency" text NOT NULL, "items" integer NOT NULL, "calls" integer NOT NULL, "billed_minor" integer NOT NULL, PRIMARY KEY ("local_date", "source_id", "billing_account", "currency")) WITHOUT ROWID`,
  `CREATE TABLE "line_item_destination_totals" ("local_date" text NOT NULL, "source_id" integer NOT NULL, "destination_class" text NOT NULL, "destination_prefix" text NOT NULL, "currency" text NOT NULL, "items" integer NOT NULL, "calls" integer NOT NULL, "billed_minor" integer NOT NULL, PRIMARY KEY ("local_date", "source_id", "destination_class", "destination_prefix", "currency")) WITHOUT ROWID`,
  ...SUM_TABLES.map(sumsFromItems),
  ...SUM_TRIGGERS,
];

const DOWN = [
  ...SUM_TRIGGER_NAMES.map((name) => `DROP TRIGGER "${name}"`),
  `DROP TABLE "line_item_destination_totals"`,
  `DROP TABLE "line_item_account_totals"`,
  `DROP TABLE "line_item_daily_totals"`,
  ...DROP_LINE_ITEM_INDEXES,
  LINE_ITEMS(''),
  `INSERT INTO "temporary_line_items" (${OLD_COLUMNS}) SELECT ${OLD_COLUMNS} FROM "line_items"`,
  `DROP TABLE "line_items"`,
  `ALTER TABLE "temporary_line_items" RENAME TO "line_items"`,
  ...LINE_ITEM_INDEXES,
  ...LINE_ITEM_TRIGGERS,
];
