/**
 * What the benchmarks that build a ledger with SQL share (the fastest way to a million items):
 * each item's local date, and the overview's sums, as the ledger's own inserter would make them.
 */
import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { zonedTime } from '@app/common';
import { Ledger, LineItemTotalsStore, ledgerDataSourceOptions } from '@app/ledger';

/**
 * Makes `temp.local_offsets`, each source's zone's offsets over `[fromMs, toMs)`, and answers
 * the SQL of a line item's local date (the date of its start on its source's wall clock) for an
 * INSERT … SELECT over `line_items` or `call_records` aliased `alias`.
 */
export function localDateSql(
  db: Database,
  zones: Map<number, string>,
  range: { fromMs: number; toMs: number },
  alias: string,
): string {
  db.exec(`DROP TABLE IF EXISTS temp.local_offsets;
    CREATE TEMP TABLE local_offsets (source_id integer NOT NULL, start_ms integer NOT NULL,
      end_ms integer NOT NULL, offset_ms integer NOT NULL, PRIMARY KEY (source_id, start_ms))`);
  const insert = db.prepare('INSERT INTO temp.local_offsets VALUES (?, ?, ?, ?)');
  for (const [sourceId, zone] of zones) {
    for (const span of zonedTime(zone).offsetSpans(range.fromMs, range.toMs)) {
      insert.run(sourceId, span.startMs, span.endMs, span.offset * 60_000);
    }
  }
  return `(SELECT date((${alias}.start_time_ms + o.offset_ms) / 1000, 'unixepoch')
    FROM temp.local_offsets o WHERE o.source_id = ${alias}.source_id
      AND o.start_ms <= ${alias}.start_time_ms AND ${alias}.start_time_ms < o.end_ms)`;
}

/** The overview's sums made from the items of the ledger at `path` (LineItemTotalsStore.rebuild). */
export async function rebuildTotals(path: string): Promise<void> {
  const source = new DataSource({
    ...ledgerDataSourceOptions({ kind: 'sqlite', path }),
    logging: false,
  });
  await source.initialize();
  try {
    const ledger = new Ledger(source);
    await ledger.transaction((tx) => new LineItemTotalsStore(ledger).rebuild(tx));
  } finally {
    await source.destroy();
  }
}
