import type { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';

/**
 * Counts one more change to a firm's law book (matters, timekeepers, matter rules), in the
 * transaction of the change: rating's cached copy of the book is good while the count stands.
 * For the law book's stores only (not exported from the lib). Returns the new version.
 */
export async function bumpLawBookVersion(
  ledger: Ledger,
  tx: LedgerTx,
  businessId: number,
): Promise<number> {
  const row = await ledger
    .statement(
      tx,
      `UPDATE businesses SET law_book_version = law_book_version + 1 WHERE id = ?
       RETURNING law_book_version AS "version"`,
    )
    .get<{ version: number }>(businessId);
  if (row === undefined) throw new Error(`Business ${businessId} does not exist`);
  return row.version;
}
