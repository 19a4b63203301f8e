import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { spreadsheetSafe } from '@app/common';
import type { LineItemView } from './line-item.view';

/** The export's columns, in order: a name and the item's cell. */
const CSV_COLUMNS: [string, (item: LineItemView) => string | number | null][] = [
  ['id', (i) => i.id],
  ['sourceId', (i) => i.sourceId],
  ['callId', (i) => i.callId],
  ['startTime', (i) => i.startTime],
  ['localStartTime', (i) => i.localStartTime],
  ['billingAccount', (i) => i.billingAccount],
  ['extension', (i) => i.extension],
  ['accountCode', (i) => i.accountCode],
  ['dialedNumber', (i) => i.dialedNumber],
  ['normalizedNumber', (i) => i.normalizedNumber],
  ['destinationClass', (i) => i.destinationClass],
  ['talkSeconds', (i) => i.talkSeconds],
  ['billedSeconds', (i) => i.billedSeconds],
  ['currency', (i) => i.currency],
  ['ratedAmount', (i) => i.ratedAmount],
  ['amount', (i) => i.amount],
  ['tax', (i) => i.tax],
  ['total', (i) => i.total],
  ['status', (i) => i.status],
  ['reason', (i) => i.reason],
  ['reviewReason', (i) => i.reviewReason],
  // Who made a law firm's call (empty elsewhere).
  ['timekeeperId', (i) => i.timekeeper?.id ?? null],
  ['timekeeperName', (i) => i.timekeeper?.name ?? null],
  ['timekeeperClassification', (i) => i.timekeeper?.classification ?? null],
  ['ratePlanId', (i) => i.ratePlanId],
  ['ratePlanVersion', (i) => i.ratePlanVersion],
  ['version', (i) => i.version],
  // The guest stay a PMS link charges the call to (empty for a source no link posts).
  ['reservation', (i) => i.stay?.reservation ?? null],
  ['guestName', (i) => i.stay?.guestName ?? null],
];

/** Matched items as CSV, ready to stream: nothing is read until `writeTo`. */
export class LineItemsCsv {
  readonly filename = 'line-items.csv';
  readonly contentType = 'text/csv; charset=utf-8';

  constructor(private readonly pages: () => AsyncIterable<LineItemView[]>) {}

  /**
   * Writes a header row, then one row an item. Ends the reading when `out` goes away; on an
   * error after the first bytes all that is left is to cut `out` short (it is destroyed).
   */
  async writeTo(out: Writable): Promise<void> {
    const pages = this.pages;
    async function* cells() {
      for await (const items of pages()) {
        for (const item of items) {
          yield CSV_COLUMNS.map(([, cell]) => {
            const value = cell(item);
            return typeof value === 'string' ? spreadsheetSafe(value) : value;
          });
        }
      }
    }
    await pipeline(
      Readable.from(cells()),
      stringify({ header: true, columns: CSV_COLUMNS.map(([name]) => name) }),
      out,
    ).catch((error: unknown) => {
      if (!out.destroyed) out.destroy(error as Error);
    });
  }
}
