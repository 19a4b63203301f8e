import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/**
 * The ledger's `line_items` CHECK as migration 1796300000000 made it when this branch began
 * listed every status but `posted`, so that `PostingStore.markPosted` failed on it (fixed on main
 * in 2525a03). On this branch a test that needs posted items widens the CHECK of its own
 * in-memory ledger; with the fixed migration this does nothing, and can be deleted.
 */
export function allowPostedStatus(db: DataSource): void {
  const sqlite = (db.driver as unknown as { databaseConnection: Database }).databaseConnection;
  const { sql } = sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'line_items'`)
    .get() as { sql: string };
  if (sql.includes(`'invoiced', 'posted'`)) return;
  const version = sqlite.pragma('schema_version', { simple: true }) as number;
  sqlite.unsafeMode(true);
  try {
    sqlite.pragma('writable_schema = ON');
    sqlite
      .prepare(`UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'line_items'`)
      .run(sql.replace(`'needs-review', 'invoiced')`, `'needs-review', 'invoiced', 'posted')`));
    sqlite.pragma(`schema_version = ${version + 1}`);
    sqlite.pragma('writable_schema = OFF');
  } finally {
    sqlite.unsafeMode(false);
  }
}
