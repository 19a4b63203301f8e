import { Injectable } from '@nestjs/common';
import type { EntityMetadata } from 'typeorm';
import { DomainError, localDate, zonedTime } from '@app/common';
import { LineItem, LineItemStatus } from '../entities';
import { Ledger } from '../ledger';
import { SqlDialect, sqlDialect } from './dialect';
import { LedgerTx, assertOpen, managerOf } from '../ledger-tx';
import { columnOf, selectFields } from './columns';
import { insertInBatches } from './batch-insert';
import { lineItemWhere } from './line-item-where';
import { readerOf } from './reader';
import { LineItemTotalsStore } from './line-item-totals.store';

/** The fields rating decides (what a re-rate rewrites), in a fixed order for statements. */
export const RATED_LINE_ITEM_FIELDS = [
  'billingAccount',
  'normalizedNumber',
  'destinationPrefix',
  'destinationClass',
  'timeBand',
  'talkSeconds',
  'billedSeconds',
  'calls',
  'currency',
  'ratedAmountMinor',
  'adjustedAmountMinor',
  'amountMinor',
  'taxesJson',
  'taxMinor',
  'totalMinor',
  'status',
  'reason',
  'reviewReason',
  'ratePlanId',
  'ratePlanVersionId',
  'ratePlanVersionNumber',
  'breakdownJson',
  'timekeeperId',
  'timekeeperName',
  'timekeeperClassification',
] as const satisfies readonly (keyof LineItem)[];

/** Every field a new line item is inserted with, in a fixed order for statements. */
export const LINE_ITEM_FIELDS = [
  'sourceId',
  'callRecordId',
  'accountSummaryId',
  'callId',
  'startTimeMs',
  'extension',
  'accountCode',
  'dialedNumber',
  ...RATED_LINE_ITEM_FIELDS,
  'invoiceId',
  'version',
  'createdAtMs',
  'updatedAtMs',
] as const satisfies readonly (keyof LineItem)[];

/** A line item as rating makes it, before the ledger gives it an id. */
export type NewLineItem = Pick<LineItem, (typeof LINE_ITEM_FIELDS)[number]>;

/** The fields a re-rate rewrites. */
export type RatedLineItemFields = Pick<LineItem, (typeof RATED_LINE_ITEM_FIELDS)[number]>;

/** A line item field's column, as the ledger's naming strategy makes it: `taxMinor` -> `tax_minor`. */
export const lineItemColumn = (field: keyof LineItem): string => columnOf(field);

/**
 * A line item as lists show it: every field but its origin (call record or summary) and its
 * breakdown, the one large column. Pages, exports and bulk actions read up to 200,000 of these.
 */
const NOT_LISTED = ['callRecordId', 'accountSummaryId', 'breakdownJson'] as const;
type ListedField =
  'id' | 'stayId' | Exclude<(typeof LINE_ITEM_FIELDS)[number], (typeof NOT_LISTED)[number]>;
export const LISTED_LINE_ITEM_FIELDS: readonly ListedField[] = [
  'id',
  ...LINE_ITEM_FIELDS.filter(
    (field): field is Exclude<typeof field, (typeof NOT_LISTED)[number]> =>
      !(NOT_LISTED as readonly string[]).includes(field),
  ),
  // The stay a linked source's call is charged to (set by the postings side, never inserted).
  'stayId',
];

export type ListedLineItem = Pick<LineItem, ListedField>;

/** What a re-rate reads of an item: its origin, its review state, and what it was rated. */
export const RE_RATED_LINE_ITEM_FIELDS = [
  'id',
  'sourceId',
  'callRecordId',
  'accountSummaryId',
  'callId',
  'startTimeMs',
  'status',
  'billingAccount',
  'adjustedAmountMinor',
  'ratedAmountMinor',
  'amountMinor',
  'taxMinor',
  'totalMinor',
  'currency',
  'breakdownJson',
  'ratePlanVersionId',
  'ratePlanVersionNumber',
  'invoiceId',
  'version',
  'reviewReason',
] as const satisfies readonly (keyof LineItem)[];

export type LineItemToReRate = Pick<LineItem, (typeof RE_RATED_LINE_ITEM_FIELDS)[number]>;

/** An amount in one currency's minor units. */
export interface CurrencyAmount {
  currency: string;
  minor: bigint;
}

/**
 * Which line items: every field given narrows the set; none given is every item. Amount bounds
 * are given per currency, as each currency rounds them; an item in a currency a bound does not
 * list is not matched by it.
 */
export interface LineItemQuery {
  sourceId?: number;
  /** Any of these. */
  statuses?: readonly LineItemStatus[];
  /** Rating's reason, any of these. */
  reasons?: readonly string[];
  extension?: string;
  timekeeperId?: string;
  billingAccount?: string;
  destinationClass?: string;
  /** Start time at or after this instant (epoch ms). */
  fromMs?: number;
  /** Start time before this instant (epoch ms). */
  toMs?: number;
  /** Billed amount (`amountMinor`) at least this, in the item's currency. */
  minAmount?: readonly CurrencyAmount[];
  /** Billed amount at most this, in the item's currency. */
  maxAmount?: readonly CurrencyAmount[];
  /** Found, as written (no wildcards), in the dialed or normalised number or the account code. */
  text?: string;
}

/** Where a keyset page starts: after this item of the (start time, id) order. */
export interface LineItemPosition {
  startTimeMs: number;
  id: number;
}

/** The count and sums of matched items in one currency, in its minor units. */
export interface CurrencyTotals {
  currency: string;
  count: number;
  amountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** What a reviewer's action on one item writes. */
export type ReviewedFields = Pick<
  LineItem,
  | 'status'
  | 'billingAccount'
  | 'adjustedAmountMinor'
  | 'amountMinor'
  | 'taxesJson'
  | 'taxMinor'
  | 'totalMinor'
  | 'reviewReason'
>;

/** What a bulk action writes to each item. */
export type BulkReviewedFields = Pick<LineItem, 'status' | 'billingAccount' | 'reviewReason'>;

/** One item of a bulk action: its id, the version read, and its new fields. */
export interface BulkReviewChange {
  id: number;
  readVersion: number;
  fields: BulkReviewedFields;
}

/** Items a statement of PostgreSQL's bulk review changes. */
const BULK_REVIEW_BATCH = 50_000;

/**
 * PostgreSQL's bulk review of a batch: every item changed at its version read, in one
 * statement whose five parameters are arrays (one element an item), so that the batch is one
 * join whatever its size; the ids it changed come back (one missing is a conflict).
 */
const BULK_REVIEW_SQL = `UPDATE line_items AS li SET status = v.status,
    billing_account = v.billing_account, review_reason = v.review_reason,
    version = li.version + 1, updated_at_ms = CAST(? AS bigint)
  FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
    CAST(? AS text[])) AS v(id, version, status, billing_account, review_reason)
  WHERE li.id = v.id AND li.version = v.version
  RETURNING li.id AS "id"`;

/** Prepared writers of review's changes; see `LineItemStore.reviewWriter`. */
export interface LineItemReviewWriter {
  /** An action on one item (docs/review.md): status, account, amount and taxes. */
  review(id: number, readVersion: number, fields: ReviewedFields, nowMs: number): Promise<void>;
  /** A bulk action on many items: status, account and reason, each at the version read. */
  reviewInBulk(changes: readonly BulkReviewChange[], nowMs: number): Promise<void>;
  /** A re-rate of many items: everything rating decides, each at the version read. */
  reRateInBulk(changes: readonly ReRateChange[], nowMs: number): Promise<void>;
}

/** One item of a re-rate: its id, the version read, and what rating made of it now. */
export interface ReRateChange {
  id: number;
  readVersion: number;
  fields: RatedLineItemFields;
}

/** Items a statement of PostgreSQL's re-rate changes (27 arrays of this many elements). */
const RE_RATE_BATCH = 5_000;

/**
 * PostgreSQL's re-rate of a batch, as its bulk review: one statement whose parameters are
 * arrays (the ids, the versions read, then one a rated field, typed as the entity's column:
 * an integer column is a bigint), the ids changed coming back.
 */
function reRateBulkSql(metadata: EntityMetadata): string {
  const arrayType = (field: (typeof RATED_LINE_ITEM_FIELDS)[number]): string => {
    const type = String(metadata.findColumnWithPropertyName(field)!.type);
    if (['integer', 'int8', 'bigint'].includes(type)) return 'bigint[]';
    if (type === 'text') return 'text[]';
    throw new Error(`line_items.${lineItemColumn(field)} is ${type}, not a re-rate's`);
  };
  const columns = RATED_LINE_ITEM_FIELDS.map(lineItemColumn);
  return `UPDATE line_items AS li SET ${columns.map((column) => `${column} = v.${column}`).join(', ')},
      version = li.version + 1, updated_at_ms = CAST(? AS bigint)
    FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]),
      ${RATED_LINE_ITEM_FIELDS.map((field) => `CAST(? AS ${arrayType(field)})`).join(', ')})
      AS v(id, version, ${columns.join(', ')})
    WHERE li.id = v.id AND li.version = v.version
    RETURNING li.id AS "id"`;
}

const LISTED = selectFields(LISTED_LINE_ITEM_FIELDS);
const RE_RATED = selectFields(RE_RATED_LINE_ITEM_FIELDS);
/** Keyset order: the review indexes end in (start_time_ms, id). */
const ORDER = 'ORDER BY start_time_ms, id';
/** A row value: SQLite seeks the (start_time_ms, id) index to it (an OR would scan). */
const AFTER = '(start_time_ms, id) > (?, ?)';
/** Ids per `IN (...)`: well under SQLite's limit on parameters. */
const IDS_PER_READ = 500;

const BUMP_VERSION = 'version = version + 1, updated_at_ms = ? WHERE id = ? AND version = ?';
const REVIEW_UPDATE = `UPDATE line_items SET status = ?, billing_account = ?,
  adjusted_amount_minor = ?, amount_minor = ?, taxes_json = ?, tax_minor = ?, total_minor = ?,
  review_reason = ?, ${BUMP_VERSION}`;
const BULK_REVIEW_UPDATE = `UPDATE line_items SET status = ?, billing_account = ?,
  review_reason = ?, ${BUMP_VERSION}`;
const RE_RATE_UPDATE = `UPDATE line_items SET ${RATED_LINE_ITEM_FIELDS.map(
  (field) => `${lineItemColumn(field)} = ?`,
).join(', ')}, ${BUMP_VERSION}`;

/** Every UPDATE names the version it read; a second guard behind the serialised writer. */
async function changedOne(changes: Promise<number>, id: number): Promise<void> {
  if ((await changes) !== 1) {
    throw new DomainError('conflict', `Line item ${id} changed while it was being updated`);
  }
}

/** A batch's statement changed every item of it at its version read, else a conflict naming one. */
async function allChanged(
  batch: readonly { id: number }[],
  changed: readonly { id: number }[],
): Promise<void> {
  if (changed.length === batch.length) return;
  const done = new Set(changed.map((row) => row.id));
  const stale = batch.find((change) => !done.has(change.id))!;
  await changedOne(Promise.resolve(0), stale.id);
}

/** Inserts new line items inside one transaction (see `LineItemStore.inserter`). */
export interface LineItemInserter {
  /** Stores line items as rating made them, in order: their new ids. */
  insert(items: readonly NewLineItem[]): Promise<number[]>;
}

/** Rating's fields, then the item's local date, which the ledger adds (see `inserter`). */
const INSERT_LINE_ITEM_HEAD = `INSERT INTO line_items (${LINE_ITEM_FIELDS.map(lineItemColumn).join(', ')}, local_date)`;
const INSERT_LINE_ITEM = `${INSERT_LINE_ITEM_HEAD}
  VALUES (${LINE_ITEM_FIELDS.map(() => '?').join(', ')}, ?)
  RETURNING id`;

const SOURCE_ZONE = 'SELECT timezone FROM sources WHERE id = ?';

/**
 * Line items: the rated charges, their review state and their tie to an invoice.
 * Table: line_items. It holds the SQL of these tables (its reads may join others').
 */
@Injectable()
export class LineItemStore {
  /** PostgreSQL's re-rate statement, made from the entity's columns once. */
  private get reRateSql(): string {
    return (this.reRateStatement ??= reRateBulkSql(
      this.ledger.manager.dataSource.getMetadata(LineItem),
    ));
  }
  private reRateStatement: string | undefined;

  constructor(
    private readonly ledger: Ledger,
    private readonly totals: LineItemTotalsStore,
  ) {}

  private get sql(): SqlDialect {
    return sqlDialect(this.ledger.dialect);
  }

  // --- used by config (demo data: from when a changed bundled plan is in force)

  /** The start of the earliest line item of these sources, or null when they have none. */
  async earliestStartOf(sourceIds: number[]): Promise<number | null> {
    if (sourceIds.length === 0) return null;
    const row = await this.ledger.manager
      .createQueryBuilder(LineItem, 'item')
      .select('MIN(item.startTimeMs)', 'earliest')
      .where('item.sourceId IN (:...sourceIds)', { sourceIds })
      .getRawOne<{ earliest: number | null }>();
    return row?.earliest ?? null;
  }

  // --- used by review (the correction queue: docs/law-firms.md)

  /**
   * The billing accounts of an extension's items of a source that started in [fromMs, toMs),
   * most used first (then by account), at most `limit`; `exceptId`'s item is not counted.
   * Items of the reasons in `exceptReasons` (codes known to be wrong) are not counted either.
   * The source's (start time) index bounds the rows read to the period.
   */
  accountsUsedByExtension(query: {
    sourceId: number;
    extension: string;
    fromMs: number;
    toMs: number;
    exceptId: number;
    exceptReasons: readonly string[];
    limit: number;
  }): Promise<{ billingAccount: string; uses: number }[]> {
    const reasons = query.exceptReasons.map(() => '?').join(', ');
    return this.ledger.manager.query(
      `SELECT billing_account AS "billingAccount", COUNT(*) AS "uses" FROM line_items
       WHERE source_id = ? AND start_time_ms >= ? AND start_time_ms < ? AND extension = ?
         AND billing_account IS NOT NULL AND id <> ? AND status <> 'rejected'
         ${reasons === '' ? '' : `AND (reason IS NULL OR reason NOT IN (${reasons}))`}
       GROUP BY billing_account ORDER BY uses DESC, billing_account LIMIT ?`,
      [
        query.sourceId,
        query.fromMs,
        query.toMs,
        query.extension,
        query.exceptId,
        ...query.exceptReasons,
        query.limit,
      ],
    );
  }

  /**
   * A keyset page in (start time, id) order: at most `limit` matched items after `after` (from
   * the first when null). Ask for one more than shown to learn whether a page follows.
   */
  async findPage(
    query: LineItemQuery,
    after: LineItemPosition | null,
    limit: number,
  ): Promise<ListedLineItem[]> {
    const where = lineItemWhere(query, this.sql.like);
    return this.ledger.manager.query<ListedLineItem[]>(
      `SELECT ${LISTED} FROM line_items WHERE ${where.sql}${after ? ` AND ${AFTER}` : ''}
       ${ORDER} LIMIT ?`,
      [...where.params, ...(after ? [after.startTimeMs, after.id] : []), limit],
    );
  }

  /** Every matched item in (start time, id) order, in pages of `batch`: for exports. */
  async *findAll(query: LineItemQuery, batch = 1000): AsyncGenerator<ListedLineItem[]> {
    let after: LineItemPosition | null = null;
    for (;;) {
      const items: ListedLineItem[] = await this.findPage(query, after, batch);
      if (items.length === 0) return;
      yield items;
      const last = items[items.length - 1];
      after = { startTimeMs: last.startTimeMs, id: last.id };
      if (items.length < batch) return;
    }
  }

  /** The count and sums of every matched item, per currency (in currency order). */
  sumByCurrency(query: LineItemQuery): Promise<CurrencyTotals[]> {
    const where = lineItemWhere(query, this.sql.like);
    return this.ledger.manager.query<CurrencyTotals[]>(
      `SELECT currency, count(*) AS "count", sum(amount_minor) AS "amountMinor",
              sum(tax_minor) AS "taxMinor", sum(total_minor) AS "totalMinor"
       FROM line_items WHERE ${where.sql} GROUP BY currency ORDER BY currency`,
      where.params,
    );
  }

  /** One item, every field; null when there is none. */
  findOne(id: number): Promise<LineItem | null> {
    return this.ledger.manager.findOneBy(LineItem, { id });
  }

  /** One item as lists show it, as `tx` sees it; null when there is none. */
  async findListed(tx: LedgerTx, id: number): Promise<ListedLineItem | null> {
    const [item] = await managerOf(tx).query<ListedLineItem[]>(
      `SELECT ${LISTED} FROM line_items WHERE id = ?`,
      [id],
    );
    return item ?? null;
  }

  /** The items of `ids` that exist (any order), as `tx` sees them. */
  async findListedByIds(tx: LedgerTx, ids: readonly number[]): Promise<ListedLineItem[]> {
    const items: ListedLineItem[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_READ) {
      const slice = ids.slice(i, i + IDS_PER_READ);
      items.push(
        ...(await managerOf(tx).query<ListedLineItem[]>(
          `SELECT ${LISTED} FROM line_items WHERE id IN (${slice.map(() => '?').join(',')})`,
          slice,
        )),
      );
    }
    return items;
  }

  /** At most `limit` matched items (in no set order), as `tx` sees them: for bulk actions. */
  findListedMatching(tx: LedgerTx, query: LineItemQuery, limit: number): Promise<ListedLineItem[]> {
    const where = lineItemWhere(query, this.sql.like);
    return managerOf(tx).query<ListedLineItem[]>(
      `SELECT ${LISTED} FROM line_items WHERE ${where.sql} LIMIT ?`,
      [...where.params, limit],
    );
  }

  /** At most `limit` matched items (in no set order) with what re-rating them needs. */
  findToReRate(tx: LedgerTx, query: LineItemQuery, limit: number): Promise<LineItemToReRate[]> {
    const where = lineItemWhere(query, this.sql.like);
    return managerOf(tx).query<LineItemToReRate[]>(
      `SELECT ${RE_RATED} FROM line_items WHERE ${where.sql} LIMIT ?`,
      [...where.params, limit],
    );
  }

  // --- used by invoices

  /**
   * The approved items no invoice holds yet of one billing account, started in
   * `[startMs, endMs)` and within `scope`, in start-time order: what a draft takes.
   */
  findInvoiceable(
    tx: LedgerTx,
    billingAccount: string,
    period: { startMs: number; endMs: number },
    scope: InvoiceableScope,
  ): Promise<InvoiceableItem[]> {
    const { where, params } = invoiceableScope(scope);
    return managerOf(tx).query<InvoiceableItem[]>(
      `SELECT ${selectFields(INVOICEABLE_ITEM_FIELDS, 'li')}, s.business_id AS "businessId"
       FROM line_items li JOIN sources s ON s.id = li.source_id
       WHERE li.billing_account = ? AND li.status = 'approved' AND li.invoice_id IS NULL
         AND li.start_time_ms >= ? AND li.start_time_ms < ? ${where} AND ${NO_LIVE_POSTING}
       ORDER BY li.start_time_ms, li.id`,
      [billingAccount, period.startMs, period.endMs, ...params],
    );
  }

  /**
   * Prepared writers for review's changes inside `tx`, which never await: an action's change and
   * its audit event are written together, and a bulk action's thousands of items stay fast.
   * Each changes the item only at the version read (and bumps it), else throws a conflict.
   */
  reviewWriter(tx: LedgerTx): LineItemReviewWriter {
    assertOpen(tx);
    const review = this.ledger.statement(tx, REVIEW_UPDATE);
    const bulk = this.ledger.statement(tx, BULK_REVIEW_UPDATE);
    const reRate = this.ledger.statement(tx, RE_RATE_UPDATE);
    return {
      review: (id, readVersion, fields, nowMs) =>
        changedOne(
          review.run(
            fields.status,
            fields.billingAccount,
            fields.adjustedAmountMinor,
            fields.amountMinor,
            fields.taxesJson,
            fields.taxMinor,
            fields.totalMinor,
            fields.reviewReason,
            nowMs,
            id,
            readVersion,
          ),
          id,
        ),
      reviewInBulk: async (changes, nowMs) => {
        if (this.ledger.dialect === 'postgres') return this.reviewInBatches(tx, changes, nowMs);
        for (const { id, readVersion, fields } of changes) {
          await changedOne(
            bulk.run(
              fields.status,
              fields.billingAccount,
              fields.reviewReason,
              nowMs,
              id,
              readVersion,
            ),
            id,
          );
        }
      },
      reRateInBulk: async (changes, nowMs) => {
        if (this.ledger.dialect === 'postgres') return this.reRateInBatches(tx, changes, nowMs);
        for (const { id, readVersion, fields } of changes) {
          await changedOne(
            reRate.run(
              ...RATED_LINE_ITEM_FIELDS.map((field) => fields[field] ?? null),
              nowMs,
              id,
              readVersion,
            ),
            id,
          );
        }
      },
    };
  }

  /** PostgreSQL's `reRateInBulk`: a statement a batch rather than a round trip an item. */
  private async reRateInBatches(
    tx: LedgerTx,
    changes: readonly ReRateChange[],
    nowMs: number,
  ): Promise<void> {
    for (let start = 0; start < changes.length; start += RE_RATE_BATCH) {
      const batch = changes.slice(start, start + RE_RATE_BATCH);
      const changed = await this.ledger.statement(tx, this.reRateSql).all<{ id: number }>(
        nowMs,
        batch.map(({ id }) => id),
        batch.map(({ readVersion }) => readVersion),
        ...RATED_LINE_ITEM_FIELDS.map((field) => batch.map(({ fields }) => fields[field] ?? null)),
      );
      await allChanged(batch, changed);
    }
  }

  /** PostgreSQL's `reviewInBulk`: a statement a batch rather than a round trip an item. */
  private async reviewInBatches(
    tx: LedgerTx,
    changes: readonly BulkReviewChange[],
    nowMs: number,
  ): Promise<void> {
    for (let start = 0; start < changes.length; start += BULK_REVIEW_BATCH) {
      const batch = changes.slice(start, start + BULK_REVIEW_BATCH);
      const changed = await this.ledger.statement(tx, BULK_REVIEW_SQL).all<{ id: number }>(
        nowMs,
        batch.map(({ id }) => id),
        batch.map(({ readVersion }) => readVersion),
        batch.map(({ fields }) => fields.status),
        batch.map(({ fields }) => fields.billingAccount),
        batch.map(({ fields }) => fields.reviewReason),
      );
      await allChanged(batch, changed);
    }
  }

  /**
   * An inserter on a prepared statement, for a sync chunk's new items (decision 0010). Make it
   * inside the transaction it writes in, and use it there. Each item gets its local date (in
   * its source's zone) and is added to the overview's sums (`LineItemTotalsStore.adder`).
   */
  inserter(tx: LedgerTx): LineItemInserter {
    assertOpen(tx);
    const statement = this.ledger.statement(tx, INSERT_LINE_ITEM);
    const sourceZone = this.ledger.statement(tx, SOURCE_ZONE);
    const zones = new Map<number, string>();
    const totals = this.totals.adder(tx);
    const dateOf = async (item: NewLineItem): Promise<string> => {
      let zone = zones.get(item.sourceId);
      if (zone === undefined) {
        zone = (await sourceZone.get<{ timezone: string }>(item.sourceId))?.timezone;
        if (zone === undefined) throw new Error(`No source has id ${item.sourceId}`);
        zones.set(item.sourceId, zone);
      }
      return localDate(item.startTimeMs, zone);
    };
    if (this.ledger.dialect === 'postgres') {
      // A few multi-row INSERTs a chunk; each id matched back by the item's origin (unique).
      return {
        insert: async (items) => {
          const rows: unknown[][] = [];
          for (const item of items) {
            const date = await dateOf(item);
            rows.push([...LINE_ITEM_FIELDS.map((field) => item[field]), date]);
            totals.add(item, date);
          }
          const inserted = await insertInBatches<{
            call: number | null;
            summary: number | null;
            id: number;
          }>(
            this.ledger,
            tx,
            INSERT_LINE_ITEM_HEAD,
            LINE_ITEM_FIELDS.length + 1,
            rows,
            'RETURNING call_record_id AS "call", account_summary_id AS "summary", id',
          );
          const byCall = new Map<number, number>();
          const bySummary = new Map<number, number>();
          for (const row of inserted) {
            if (row.call !== null) byCall.set(row.call, row.id);
            else bySummary.set(row.summary!, row.id);
          }
          return items.map((item) =>
            item.callRecordId !== null
              ? byCall.get(item.callRecordId)!
              : bySummary.get(item.accountSummaryId!)!,
          );
        },
      };
    }
    return {
      insert: async (items) => {
        const ids: number[] = [];
        for (const item of items) {
          const date = await dateOf(item);
          const row = await statement.get<{ id: number }>(
            ...LINE_ITEM_FIELDS.map((field) => item[field]),
            date,
          );
          ids.push(row!.id);
          totals.add(item, date);
        }
        return ids;
      },
    };
  }

  /**
   * Each business and billing account with approved items no invoice holds yet, started in
   * `[startMs, endMs)` and within `scope`: one draft each, in business then account order.
   */
  findAccountsToInvoice(
    tx: LedgerTx,
    period: { startMs: number; endMs: number },
    scope: InvoiceableScope,
  ): Promise<{ businessId: number; billingAccount: string }[]> {
    const { where, params } = invoiceableScope(scope);
    return managerOf(tx).query<{ businessId: number; billingAccount: string }[]>(
      `SELECT DISTINCT s.business_id AS "businessId", li.billing_account AS "billingAccount"
       FROM line_items li JOIN sources s ON s.id = li.source_id
       WHERE li.status = 'approved' AND li.invoice_id IS NULL AND li.billing_account IS NOT NULL
         AND li.start_time_ms >= ? AND li.start_time_ms < ? ${where} AND ${NO_LIVE_POSTING}
       ORDER BY s.business_id, li.billing_account`,
      [period.startMs, period.endMs, ...params],
    );
  }

  /**
   * Like `findAccountsToInvoice`, per stay: each business, stay and billing account with
   * approved items no invoice holds yet (items tied to a stay), started in `[startMs, endMs)`
   * and within `scope`; in business, stay then account order.
   */
  findStaysToInvoice(
    tx: LedgerTx,
    period: { startMs: number; endMs: number },
    scope: InvoiceableScope,
  ): Promise<{ businessId: number; stayId: number; billingAccount: string }[]> {
    const { where, params } = invoiceableScope(scope);
    return managerOf(tx).query<{ businessId: number; stayId: number; billingAccount: string }[]>(
      `SELECT DISTINCT s.business_id AS "businessId", li.stay_id AS "stayId",
         li.billing_account AS "billingAccount"
       FROM line_items li JOIN sources s ON s.id = li.source_id
       WHERE li.status = 'approved' AND li.invoice_id IS NULL AND li.billing_account IS NOT NULL
         AND li.stay_id IS NOT NULL
         AND li.start_time_ms >= ? AND li.start_time_ms < ? ${where} AND ${NO_LIVE_POSTING}
       ORDER BY s.business_id, li.stay_id, li.billing_account`,
      [period.startMs, period.endMs, ...params],
    );
  }

  /** The one stay every line of the invoice is tied to, or null (none, or several). */
  async stayOfInvoice(invoiceId: number, tx?: LedgerTx): Promise<number | null> {
    const [row] = await readerOf(this.ledger, tx).query<
      { stays: number; stayId: number | null; unstayed: number }[]
    >(
      `SELECT count(DISTINCT li.stay_id) AS "stays", min(li.stay_id) AS "stayId",
         count(*) - count(li.stay_id) AS "unstayed"
       FROM invoice_lines l JOIN line_items li ON li.id = l.line_item_id
       WHERE l.invoice_id = ?`,
      [invoiceId],
    );
    return row && row.stays === 1 && !row.unstayed ? row.stayId : null;
  }

  /**
   * Ties items to a draft, one prepared update per item: `take` is false when the item is on
   * an invoice already (and is left there).
   */
  invoiceClaimer(tx: LedgerTx, invoiceId: number): { take(itemId: number): Promise<boolean> } {
    const claim = this.ledger.statement(
      tx,
      'UPDATE line_items SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL',
    );
    return { take: async (itemId) => (await claim.run(invoiceId, itemId)) === 1 };
  }

  /** A draft's items let go: no invoice holds them, their status unchanged (approved). */
  async releaseFromDraft(tx: LedgerTx, invoiceId: number): Promise<void> {
    await this.ledger
      .statement(tx, 'UPDATE line_items SET invoice_id = NULL WHERE invoice_id = ?')
      .run(invoiceId);
  }

  /** A finalised invoice's items become `invoiced` (then the ledger freezes them). */
  async markInvoiced(tx: LedgerTx, invoiceId: number, nowMs: number): Promise<void> {
    await this.ledger
      .statement(
        tx,
        `UPDATE line_items SET status = 'invoiced', version = version + 1, updated_at_ms = ?
         WHERE invoice_id = ?`,
      )
      .run(nowMs, invoiceId);
  }

  /**
   * A void invoice's items go back to `approved`, on no invoice: they can be invoiced again.
   * The ledger lets them go only once the invoice is void.
   */
  async returnFromVoidInvoice(tx: LedgerTx, invoiceId: number, nowMs: number): Promise<void> {
    await this.ledger
      .statement(
        tx,
        `UPDATE line_items SET status = 'approved', invoice_id = NULL, version = version + 1,
           updated_at_ms = ? WHERE invoice_id = ?`,
      )
      .run(nowMs, invoiceId);
  }

  // --- used by sources

  /**
   * A source's zone changed: each of its items' local date becomes the date on the new zone's
   * wall clock (the triggers move its sums). Instants between two changes of the zone's offset
   * move by the same offset, so the dates are SQL's arithmetic over a few spans, not a
   * computation per item.
   */
  async moveToZone(tx: LedgerTx, sourceId: number, zone: string): Promise<void> {
    const manager = managerOf(tx);
    const [range] = await manager.query<{ first: number | null; last: number | null }[]>(
      `SELECT min(start_time_ms) AS "first", max(start_time_ms) AS "last"
       FROM line_items WHERE source_id = ?`,
      [sourceId],
    );
    if (range.first === null || range.last === null) return;
    const localDay = this.sql.utcDateOfSeconds('(start_time_ms + CAST(? AS INTEGER)) / 1000');
    for (const span of zonedTime(zone).offsetSpans(range.first, range.last + 1)) {
      const offsetMs = span.offset * 60_000;
      await manager.query(
        `UPDATE line_items SET local_date = ${localDay}
         WHERE source_id = ? AND start_time_ms >= ? AND start_time_ms < ?
           AND local_date <> ${localDay}`,
        [offsetMs, sourceId, span.startMs, span.endMs, offsetMs],
      );
    }
  }

  // --- used by law firms

  /**
   * The items of the business's sources that no one has settled yet: pending, needs-review or
   * no-charge, on no invoice, without a posting not written off. What a change to a firm's law
   * book re-rates (approved, rejected, invoiced and posted items keep what they are).
   */
  findNotFinalOfBusiness(tx: LedgerTx, businessId: number): Promise<LineItemToReRate[]> {
    return managerOf(tx).query<LineItemToReRate[]>(
      `SELECT ${selectFields(RE_RATED_LINE_ITEM_FIELDS, 'li')}
       FROM line_items li JOIN sources s ON s.id = li.source_id
       WHERE s.business_id = ? AND li.status IN ('pending', 'needs-review', 'no-charge')
         AND li.invoice_id IS NULL AND ${NO_LIVE_POSTING}
       ORDER BY li.id`,
      [businessId],
    );
  }
}

/** What an invoice's lines are made of, of each item a draft takes. */
const INVOICEABLE_ITEM_FIELDS = [
  'id',
  'callId',
  'startTimeMs',
  'extension',
  'dialedNumber',
  'normalizedNumber',
  'destinationClass',
  'talkSeconds',
  'billedSeconds',
  'calls',
  'ratedAmountMinor',
  'amountMinor',
  'taxesJson',
  'taxMinor',
  'totalMinor',
  'breakdownJson',
  'currency',
  'sourceId',
  'ratePlanId',
  'ratePlanVersionId',
  'accountSummaryId',
  'timekeeperId',
  'timekeeperName',
  'timekeeperClassification',
] as const satisfies readonly (keyof LineItem)[];

/** An item a draft can take, with its business. */
export interface InvoiceableItem extends Pick<LineItem, (typeof INVOICEABLE_ITEM_FIELDS)[number]> {
  /** The business of the item's source: an invoice is one business's. */
  businessId: number;
}

/** Which approved items an invoice may take, besides its account and period (null: any). */
export interface InvoiceableScope {
  sourceId: number | null;
  businessId: number | null;
  /** Only the items tied to this stay (an invoice per stay). */
  stayId?: number | null;
}

/**
 * An item with a posting not written off is billed on a guest's folio by the PMS (or is on its
 * way there): it never goes on one of our invoices (the ledger's triggers refuse it too).
 */
const NO_LIVE_POSTING = `NOT EXISTS (SELECT 1 FROM postings p
  WHERE p.line_item_id = li.id AND p.status <> 'written-off')`;

function invoiceableScope(scope: InvoiceableScope): { where: string; params: number[] } {
  const clauses: string[] = [];
  const params: number[] = [];
  if (scope.sourceId !== null) {
    clauses.push('AND li.source_id = ?');
    params.push(scope.sourceId);
  }
  if (scope.businessId !== null) {
    clauses.push('AND s.business_id = ?');
    params.push(scope.businessId);
  }
  if (scope.stayId !== undefined && scope.stayId !== null) {
    clauses.push('AND li.stay_id = ?');
    params.push(scope.stayId);
  }
  return { where: clauses.join(' '), params };
}
