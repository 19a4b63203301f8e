import { Injectable } from '@nestjs/common';
import {
  LineItem,
  LineItemAccountTotal,
  LineItemDailyTotal,
  LineItemDestinationTotal,
  LineItemStatus,
} from '../entities';
import { Ledger, LedgerStatement } from '../ledger';
import { LedgerTx, assertOpen, beforeCommit, managerOf } from '../ledger-tx';

/**
 * What the sums read of a line item. Its day is `localDate`; a missing billing account or
 * destination is summed under `''`.
 */
export type TotalledLineItem = Pick<
  LineItem,
  | 'localDate'
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
  add(item: TotalledLineItem): void;
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

/** One table's sums and how its rows are written: an upsert that adds, then a delete of a row brought to 0 items. */
interface SumTable {
  upsert: string;
  deleteEmpty: string;
}

const sumTable = (table: string, keys: string[], sums: string[]): SumTable => ({
  upsert: `INSERT INTO ${table} (${[...keys, ...sums].join(', ')})
    VALUES (${[...keys, ...sums].map(() => '?').join(', ')})
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
      ${sums.map((sum) => `${sum} = ${sum} + excluded.${sum}`).join(', ')}
    RETURNING items`,
  deleteEmpty: `DELETE FROM ${table} WHERE ${keys.map((key) => `${key} = ?`).join(' AND ')}
    AND items = 0`,
});

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

/** A group's key (its columns' values) and the sums to add to it. */
interface Delta {
  key: unknown[];
  items: number;
  calls: number;
  amount: number;
}

/** Deltas by group, to write once (see `LineItemTotalsStore.adder`). */
class Deltas {
  private readonly groups = new Map<string, Delta>();

  add(key: unknown[], calls: number, amount: number): void {
    const id = key.join('\u0000');
    const delta = this.groups.get(id);
    if (delta === undefined) this.groups.set(id, { key, items: 1, calls, amount });
    else {
      delta.items++;
      delta.calls += calls;
      delta.amount += amount;
    }
  }

  /** Adds every delta to its row; a row that comes to 0 items goes (see `adder`). */
  writeTo(upsert: LedgerStatement, deleteEmpty: LedgerStatement): void {
    for (const { key, items, calls, amount } of this.groups.values()) {
      const row = upsert.get<{ items: number }>(...key, items, calls, amount);
      if (row?.items === 0) deleteEmpty.run(...key);
    }
    this.groups.clear();
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
   * thousand groups). Triggers would do it row by row: they doubled the cost of an insert
   * (decision 0026).
   */
  adder(tx: LedgerTx): LineItemTotalsAdder {
    assertOpen(tx);
    const daily = new Deltas();
    const accounts = new Deltas();
    const destinations = new Deltas();
    beforeCommit(tx, () => {
      daily.writeTo(this.ledger.statement(DAILY.upsert), this.ledger.statement(DAILY.deleteEmpty));
      accounts.writeTo(
        this.ledger.statement(ACCOUNTS.upsert),
        this.ledger.statement(ACCOUNTS.deleteEmpty),
      );
      destinations.writeTo(
        this.ledger.statement(DESTINATIONS.upsert),
        this.ledger.statement(DESTINATIONS.deleteEmpty),
      );
    });
    return {
      add: (item) => {
        const billed = isBilled(item.status) ? item.amountMinor : 0;
        daily.add(
          [item.localDate, item.sourceId, item.status, item.currency],
          item.calls,
          item.amountMinor,
        );
        accounts.add(
          [item.localDate, item.sourceId, item.billingAccount ?? '', item.currency],
          item.calls,
          billed,
        );
        destinations.add(
          [
            item.localDate,
            item.sourceId,
            item.destinationClass ?? '',
            item.destinationPrefix ?? '',
            item.currency,
          ],
          item.calls,
          billed,
        );
      },
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
