import { Injectable } from '@nestjs/common';
import {
  LineItem,
  LineItemAccountTotal,
  LineItemDailyTotal,
  LineItemDestinationTotal,
  LineItemStatus,
} from '../entities';
import { Ledger } from '../ledger';
import { insertInBatches } from './batch-insert';
import { LedgerTx, assertOpen, beforeCommit, managerOf } from '../ledger-tx';

/**
 * What the sums read of a line item, besides its local date. A missing billing account or
 * destination is summed under `''`.
 */
export type TotalledLineItem = Pick<
  LineItem,
  | 'sourceId'
  | 'status'
  | 'currency'
  | 'calls'
  | 'amountMinor'
  | 'billingAccount'
  | 'destinationClass'
  | 'destinationPrefix'
>;

/** Adds new line items to the sums, in the transaction they are stored in. */
export interface LineItemTotalsAdder {
  /** Adds an item stored on this local day (`LineItem.localDate`). */
  add(item: TotalledLineItem, localDate: string): void;
}

/** Local days, both included: `2026-03-01` to `2026-03-31` is March. */
export interface LocalDateRange {
  from: string;
  to: string;
}

/** Which sums: the days of a range, of one source or of all (`sourceId` left out). */
export interface TotalsQuery extends LocalDateRange {
  sourceId?: number;
}

/** A day's calls (every status) and billed amount in one currency. */
export type DaySum = Pick<LineItemAccountTotal, 'localDate' | 'currency' | 'calls' | 'billedMinor'>;

/** A billing account's items, calls and billed amount in one currency (`''`: no account). */
export type AccountSum = Pick<
  LineItemAccountTotal,
  'billingAccount' | 'currency' | 'items' | 'calls' | 'billedMinor'
>;

/** A destination's items, calls and billed amount in one currency (`''`: none). */
export type DestinationSum = Pick<
  LineItemDestinationTotal,
  'destinationClass' | 'destinationPrefix' | 'currency' | 'items' | 'calls' | 'billedMinor'
>;

/** A source's items of some statuses, and their amount, in one currency. */
export type SourceStatusSum = Pick<
  LineItemDailyTotal,
  'sourceId' | 'currency' | 'items' | 'amountMinor'
>;

/**
 * Billed: what is or will be on an invoice. A rejected item is not, and a no-charge one costs
 * nothing. Kept in step with the triggers of migration 1796200000000.
 */
const BILLED_AMOUNT = `CASE WHEN status IN ('rejected', 'no-charge') THEN 0 ELSE amount_minor END`;
const isBilled = (status: LineItemStatus) => status !== 'rejected' && status !== 'no-charge';

/** How a table's rows are written: an upsert that adds, and a delete of a row brought to 0 items. */
interface SumTable {
  upsert: string;
  deleteEmpty: string;
  /** The upsert in parts, for multi-row statements (`insertInBatches`). */
  head: string;
  columns: number;
  tail: string;
}

const sumTable = (table: string, keys: string[], sums: string[]): SumTable => {
  const head = `INSERT INTO ${table} (${[...keys, ...sums].join(', ')})`;
  const onConflict = `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
      ${sums.map((sum) => `${sum} = ${table}.${sum} + excluded.${sum}`).join(', ')}`;
  return {
    upsert: `${head} VALUES (${[...keys, ...sums].map(() => '?').join(', ')})
    ${onConflict} RETURNING items`,
    head,
    columns: keys.length + sums.length,
    tail: `${onConflict} RETURNING ${keys.join(', ')}, items`, // the key, then the count: see writeInBatches
    deleteEmpty: `DELETE FROM ${table} WHERE ${keys.map((key) => `${key} = ?`).join(' AND ')}
    AND items = 0`,
  };
};

const DAILY = sumTable(
  'line_item_daily_totals',
  ['local_date', 'source_id', 'status', 'currency'],
  ['items', 'calls', 'amount_minor'],
);
const ACCOUNTS = sumTable(
  'line_item_account_totals',
  ['local_date', 'source_id', 'billing_account', 'currency'],
  ['items', 'calls', 'billed_minor'],
);
const DESTINATIONS = sumTable(
  'line_item_destination_totals',
  ['local_date', 'source_id', 'destination_class', 'destination_prefix', 'currency'],
  ['items', 'calls', 'billed_minor'],
);

/** What a transaction's new items add to one row of sums. */
interface Delta {
  items: number;
  calls: number;
  amount: number;
}

/** Adds an item's sums to the delta of its group, made when the group is new. */
function bump(deltas: Map<string, Delta>, group: string, calls: number, amount: number): void {
  const delta = deltas.get(group);
  if (delta === undefined) deltas.set(group, { items: 1, calls, amount });
  else {
    delta.items++;
    delta.calls += calls;
    delta.amount += amount;
  }
}

/**
 * The deltas of one local day, source and currency, with which every key of the three tables
 * begins. Called for every item a sync stores: each group is found by strings the item already
 * has (its status, account, class and prefix), no key is built per item.
 */
class DayDeltas {
  readonly byStatus = new Map<string, Delta>();
  readonly byAccount = new Map<string, Delta>();
  /** By destination class, then prefix. */
  readonly byDestination = new Map<string, Map<string, Delta>>();

  constructor(
    readonly localDate: string,
    readonly sourceId: number,
    readonly currency: string,
  ) {}

  add(item: TotalledLineItem): void {
    const { calls, amountMinor } = item;
    const billed = isBilled(item.status) ? amountMinor : 0;
    bump(this.byStatus, item.status, calls, amountMinor);
    bump(this.byAccount, item.billingAccount ?? '', calls, billed);
    const destinationClass = item.destinationClass ?? '';
    let prefixes = this.byDestination.get(destinationClass);
    if (prefixes === undefined) {
      prefixes = new Map();
      this.byDestination.set(destinationClass, prefixes);
    }
    bump(prefixes, item.destinationPrefix ?? '', calls, billed);
  }
}

/**
 * The sums of line items that the overview reads: per local day and source, by status, by
 * billing account and by destination, each in its currency's minor units
 * (docs/decisions/0026-overview-totals.md).
 * Tables: line_item_daily_totals, line_item_account_totals, line_item_destination_totals.
 *
 * New items are added by `adder`, which `LineItemStore.inserter` uses; every UPDATE and DELETE
 * of line_items is followed by the ledger's triggers. A row exists only while a group has items.
 */
@Injectable()
export class LineItemTotalsStore {
  constructor(private readonly ledger: Ledger) {}

  /**
   * An adder for the items a transaction stores: it gathers their sums by group and writes them
   * once, just before the transaction commits (a sync chunk of 14,000 items touches about a
   * thousand groups). A trigger on INSERT would do it row by row: it doubled the cost of an
   * insert (decision 0026).
   */
  adder(tx: LedgerTx): LineItemTotalsAdder {
    assertOpen(tx);
    const days = new Map<string, DayDeltas>();
    let last: DayDeltas | undefined;
    beforeCommit(tx, () => this.write(tx, days.values()));
    return {
      add: (item, localDate) => {
        let day = last;
        // A sync chunk is one source in one currency, its items in time order: the day of the
        // item before is almost always this one's.
        if (
          day === undefined ||
          day.localDate !== localDate ||
          day.sourceId !== item.sourceId ||
          day.currency !== item.currency
        ) {
          const id = `${localDate}\u0000${item.sourceId}\u0000${item.currency}`;
          day = days.get(id);
          if (day === undefined) {
            day = new DayDeltas(localDate, item.sourceId, item.currency);
            days.set(id, day);
          }
          last = day;
        }
        day.add(item);
      },
    };
  }

  /** Adds each delta to its row (a row that comes to 0 items goes: see `adder`). */
  private async write(tx: LedgerTx, days: Iterable<DayDeltas>): Promise<void> {
    if (this.ledger.dialect === 'postgres') return this.writeInBatches(tx, days);
    const daily = this.rowWriter(tx, DAILY);
    const accounts = this.rowWriter(tx, ACCOUNTS);
    const destinations = this.rowWriter(tx, DESTINATIONS);
    for (const { localDate, sourceId, currency, ...day } of days) {
      for (const [status, delta] of day.byStatus) {
        await daily([localDate, sourceId, status, currency], delta);
      }
      for (const [account, delta] of day.byAccount) {
        await accounts([localDate, sourceId, account, currency], delta);
      }
      for (const [destinationClass, prefixes] of day.byDestination) {
        for (const [prefix, delta] of prefixes) {
          await destinations([localDate, sourceId, destinationClass, prefix, currency], delta);
        }
      }
    }
  }

  /**
   * PostgreSQL's `write`: each table's deltas in multi-row upserts (a statement a group would be
   * a round trip a group; a group appears once in a table's deltas, as one upsert needs).
   */
  private async writeInBatches(tx: LedgerTx, days: Iterable<DayDeltas>): Promise<void> {
    const rows = new Map<SumTable, unknown[][]>([
      [DAILY, []],
      [ACCOUNTS, []],
      [DESTINATIONS, []],
    ]);
    const add = (table: SumTable, key: unknown[], { items, calls, amount }: Delta) =>
      rows.get(table)!.push([...key, items, calls, amount]);
    for (const { localDate, sourceId, currency, ...day } of days) {
      for (const [status, delta] of day.byStatus) {
        add(DAILY, [localDate, sourceId, status, currency], delta);
      }
      for (const [account, delta] of day.byAccount) {
        add(ACCOUNTS, [localDate, sourceId, account, currency], delta);
      }
      for (const [destinationClass, prefixes] of day.byDestination) {
        for (const [prefix, delta] of prefixes) {
          add(DESTINATIONS, [localDate, sourceId, destinationClass, prefix, currency], delta);
        }
      }
    }
    for (const [table, tableRows] of rows) {
      if (tableRows.length === 0) continue;
      const written = await insertInBatches<Record<string, unknown>>(
        this.ledger,
        tx,
        table.head,
        table.columns,
        tableRows,
        table.tail,
      );
      const deleteEmpty = this.ledger.statement(tx, table.deleteEmpty);
      for (const row of written) {
        // Only when the transaction also changed, with triggers, an item it had added.
        if (row.items === 0) {
          await deleteEmpty.run(...Object.values(row).slice(0, -1));
        }
      }
    }
  }

  private rowWriter(
    tx: LedgerTx,
    table: SumTable,
  ): (key: unknown[], delta: Delta) => Promise<void> {
    const upsert = this.ledger.statement(tx, table.upsert);
    const deleteEmpty = this.ledger.statement(tx, table.deleteEmpty);
    return async (key, { items, calls, amount }) => {
      const row = await upsert.get<{ items: number }>(...key, items, calls, amount);
      // Only when the transaction also changed, with triggers, an item it had added.
      if (row?.items === 0) await deleteEmpty.run(...key);
    };
  }

  /**
   * Every sum made again from the items themselves: for items stored by other means than the
   * inserter (a ledger built with SQL for a benchmark or a test), or to repair.
   */
  async rebuild(tx: LedgerTx): Promise<void> {
    const manager = managerOf(tx);
    for (const table of [
      'line_item_daily_totals',
      'line_item_account_totals',
      'line_item_destination_totals',
    ]) {
      await manager.query(`DELETE FROM ${table}`);
    }
    await manager.query(`INSERT INTO line_item_daily_totals
        (local_date, source_id, status, currency, items, calls, amount_minor)
      SELECT local_date, source_id, status, currency, count(*), sum(calls), sum(amount_minor)
      FROM line_items GROUP BY local_date, source_id, status, currency`);
    await manager.query(`INSERT INTO line_item_account_totals
        (local_date, source_id, billing_account, currency, items, calls, billed_minor)
      SELECT local_date, source_id, coalesce(billing_account, ''), currency, count(*), sum(calls),
        sum(${BILLED_AMOUNT})
      FROM line_items GROUP BY local_date, source_id, coalesce(billing_account, ''), currency`);
    await manager.query(`INSERT INTO line_item_destination_totals
        (local_date, source_id, destination_class, destination_prefix, currency, items, calls,
         billed_minor)
      SELECT local_date, source_id, coalesce(destination_class, ''),
        coalesce(destination_prefix, ''), currency, count(*), sum(calls), sum(${BILLED_AMOUNT})
      FROM line_items
      GROUP BY local_date, source_id, coalesce(destination_class, ''),
        coalesce(destination_prefix, ''), currency`);
  }

  // --- used by the overview

  /** Each source's items of these statuses and their amount, per currency (all days). */
  sumByStatuses(statuses: readonly LineItemStatus[]): Promise<SourceStatusSum[]> {
    return this.ledger.manager.query<SourceStatusSum[]>(
      `SELECT source_id AS "sourceId", currency, sum(items) AS "items",
         sum(amount_minor) AS "amountMinor"
       FROM line_item_daily_totals WHERE status IN (${statuses.map(() => '?').join(', ')})
       GROUP BY source_id, currency ORDER BY source_id, currency`,
      [...statuses],
    );
  }

  /** Each day's calls and billed amount per currency, in day then currency order. */
  sumByDay(query: TotalsQuery): Promise<DaySum[]> {
    const { where, params } = rangeWhere(query);
    return this.ledger.manager.query<DaySum[]>(
      `SELECT local_date AS "localDate", currency, sum(calls) AS "calls",
         sum(${BILLED_AMOUNT}) AS "billedMinor"
       FROM line_item_daily_totals WHERE ${where}
       GROUP BY local_date, currency ORDER BY local_date, currency`,
      params,
    );
  }

  /** Each billing account's items, calls and billed amount per currency (in no set order). */
  sumByAccount(query: TotalsQuery): Promise<AccountSum[]> {
    const { where, params } = rangeWhere(query);
    return this.ledger.manager.query<AccountSum[]>(
      `SELECT billing_account AS "billingAccount", currency, sum(items) AS "items",
         sum(calls) AS "calls", sum(billed_minor) AS "billedMinor"
       FROM line_item_account_totals WHERE ${where}
       GROUP BY billing_account, currency`,
      params,
    );
  }

  /** Each destination's items, calls and billed amount per currency (in no set order). */
  sumByDestination(query: TotalsQuery): Promise<DestinationSum[]> {
    const { where, params } = rangeWhere(query);
    return this.ledger.manager.query<DestinationSum[]>(
      `SELECT destination_class AS "destinationClass", destination_prefix AS "destinationPrefix",
         currency, sum(items) AS "items", sum(calls) AS "calls",
         sum(billed_minor) AS "billedMinor"
       FROM line_item_destination_totals WHERE ${where}
       GROUP BY destination_class, destination_prefix, currency`,
      params,
    );
  }
}

/** The days (and source) of a query, over any of the three tables (keyed by day first). */
function rangeWhere(query: TotalsQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [query.from, query.to];
  let where = 'local_date BETWEEN ? AND ?';
  if (query.sourceId !== undefined) {
    where += ' AND source_id = ?';
    params.push(query.sourceId);
  }
  return { where, params };
}
