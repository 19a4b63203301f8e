import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LineItemStatus } from './line-item.entity';

/*
 * Sums of line items kept up to date with them, so that the overview answers from a few
 * thousand rows instead of a million items (docs/decisions/0026-overview-totals.md). Each row
 * sums the items of one local day (`LineItem.localDate`) of one source in one currency; a
 * group with no item has no row. The ledger keeps them: the line item inserter adds what it
 * stores, triggers follow every UPDATE and DELETE of line_items.
 */

/** Items per day, source, status and currency: calls and amounts by status. */
@Entity('line_item_daily_totals', { withoutRowid: true })
export class LineItemDailyTotal {
  @PrimaryColumn('text')
  localDate!: string;

  @PrimaryColumn('integer')
  sourceId!: number;

  @PrimaryColumn('text')
  status!: LineItemStatus;

  @PrimaryColumn('text')
  currency!: string;

  /** How many line items. */
  @Column('integer')
  items!: number;

  /** Their calls (a summary item carries several). */
  @Column('integer')
  calls!: number;

  /** The sum of their billed amounts (`amountMinor`), before tax. */
  @Column('integer')
  amountMinor!: number;
}

/** Items per day, source, billing account (`''`: none) and currency. */
@Entity('line_item_account_totals', { withoutRowid: true })
export class LineItemAccountTotal {
  @PrimaryColumn('text')
  localDate!: string;

  @PrimaryColumn('integer')
  sourceId!: number;

  /** The items' billing account; `''` for items that have none yet. */
  @PrimaryColumn('text')
  billingAccount!: string;

  @PrimaryColumn('text')
  currency!: string;

  /** How many line items, whatever their status. */
  @Column('integer')
  items!: number;

  /** Their calls, whatever their status. */
  @Column('integer')
  calls!: number;

  /** The amounts of those billed: every status but `rejected` and `no-charge`. */
  @Column('integer')
  billedMinor!: number;
}

/** Items per day, source, destination (class and prefix; `''`: none) and currency. */
@Entity('line_item_destination_totals', { withoutRowid: true })
export class LineItemDestinationTotal {
  @PrimaryColumn('text')
  localDate!: string;

  @PrimaryColumn('integer')
  sourceId!: number;

  /** The plan's destination class (`international`); `''` when rating found none. */
  @PrimaryColumn('text')
  destinationClass!: string;

  /** The longest prefix that matched (`44`); `''` for a catch-all or none. */
  @PrimaryColumn('text')
  destinationPrefix!: string;

  @PrimaryColumn('text')
  currency!: string;

  /** How many line items, whatever their status. */
  @Column('integer')
  items!: number;

  /** Their calls, whatever their status. */
  @Column('integer')
  calls!: number;

  /** The amounts of those billed: every status but `rejected` and `no-charge`. */
  @Column('integer')
  billedMinor!: number;
}
