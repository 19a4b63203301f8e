import type { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';

/** PostgreSQL takes at most 65,535 parameters a statement; a batch stays well below. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts `rows` (each its columns' values, in `columns`' order) with multi-row INSERTs of as
 * many rows as the parameter limit allows, `tail` after each (`ON CONFLICT …`, `RETURNING …`):
 * the rows every statement returned, in order. For PostgreSQL, where a statement a row would
 * be a round trip a row; SQLite's stores insert row by row on one prepared statement instead.
 */
export async function insertInBatches<T>(
  ledger: Ledger,
  tx: LedgerTx,
  head: string,
  columns: number,
  rows: readonly unknown[][],
  tail: string,
): Promise<T[]> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  const returned: T[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const sql = `${head} VALUES ${batch.map(() => row).join(', ')} ${tail}`;
    returned.push(...(await ledger.statement(tx, sql).all<T>(...batch.flat())));
  }
  return returned;
}
