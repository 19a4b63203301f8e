import { chmodSync, existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '@app/common';
import { LEDGER_MIGRATIONS } from '../migrations';

/** Where a backup stands, as `backupSqliteLedger` reports it. */
export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupResult {
  /** The copy's size in bytes. */
  bytes: number;
  ms: number;
  /** What `verifyLedgerCopy` found in the copy. */
  verified: LedgerVerification;
}

/**
 * A consistent copy of a SQLite ledger while the service may run and write on it: SQLite's
 * online backup (better-sqlite3's `backup`), which copies the pages of one read snapshot. The
 * first step copies a few pages and learns the size; the next copies all that are left in one
 * step, so that writes made meanwhile by the service (another connection) cannot make it start
 * over and over. Written to `<out>.partial` and renamed once whole and verified: a file named
 * `out` is always a whole copy. An existing `out` is refused, not replaced.
 */
export async function backupSqliteLedger(
  ledgerPath: string,
  out: string,
  onProgress: (progress: BackupProgress) => void = () => undefined,
): Promise<BackupResult> {
  if (!existsSync(ledgerPath)) {
    throw new DomainError('bad-request', `There is no ledger at ${ledgerPath}`);
  }
  if (existsSync(out)) {
    throw new DomainError(
      'conflict',
      `${out} exists; a backup never replaces a file: name a new one`,
    );
  }
  if (!existsSync(dirname(out))) {
    throw new DomainError('bad-request', `The folder of ${out} does not exist`);
  }
  const partial = `${out}.partial`;
  if (existsSync(partial)) {
    throw new DomainError(
      'conflict',
      `${partial} exists: another backup to ${out} is running, or one was cut off (remove it)`,
    );
  }
  const started = Date.now();
  const source = new Database(ledgerPath, { readonly: true, fileMustExist: true });
  try {
    // Waits for a writer's lock rather than failing at once (the service commits in bursts).
    source.pragma('busy_timeout = 10000');
    await source.backup(partial, {
      progress: (progress) => {
        onProgress(progress);
        return Math.max(progress.remainingPages, 1);
      },
    });
    // Only its owner may read it, as the ledger (decision 0015); a plain file without the WAL's
    // side files, so that reading it (verify, a restore) leaves nothing beside it.
    chmodSync(partial, 0o600);
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const verified = verifyLedgerCopy(partial);
    if (!verified.ok) {
      throw new DomainError(
        'conflict',
        `The copy failed its check: ${verified.problems.join('; ')}`,
      );
    }
    // A hard link fails if `out` appeared meanwhile: never replaced, even then.
    try {
      linkSync(partial, out);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new DomainError(
        'conflict',
        `${out} exists; a backup never replaces a file: name a new one`,
      );
    }
    return { bytes: statSync(out).size, ms: Date.now() - started, verified };
  } finally {
    source.close();
    rmSync(partial, { force: true });
  }
}

/** A table of the copy and its rows. */
export interface TableCount {
  table: string;
  rows: number;
}

export interface LedgerVerification {
  /** Whole, and by this version or an older one (which the service migrates at start). */
  ok: boolean;
  /** What is wrong, in words; empty when ok. */
  problems: string[];
  /** The migrations the copy has of those this version knows, and what it lacks. */
  migrations: { applied: number; known: number; missing: string[] };
  tables: TableCount[];
}

/**
 * Checks a copy of a SQLite ledger without changing it: SQLite's integrity and foreign key
 * checks, its migrations against this version's (a copy from an older version is fine: the
 * service migrates it at start; one from a newer version is not), and its tables' row counts.
 */
export function verifyLedgerCopy(path: string): LedgerVerification {
  if (!existsSync(path)) throw new DomainError('bad-request', `There is no file at ${path}`);
  // A backup is a plain file: reading it leaves nothing beside it. A ledger in WAL mode (the
  // service's own) gets SQLite's side files, which are never removed here: a service starting
  // on it meanwhile would be using them.
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DomainError('bad-request', `${path} cannot be opened: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  try {
    let integrity: string[];
    try {
      integrity = db.pragma('integrity_check', { simple: false }) as string[];
    } catch (error) {
      // Not a database at all ("file is not a database"): nothing more to check.
      return {
        ok: false,
        problems: [`${path} is not a SQLite database: ${(error as Error).message}`],
        migrations: { applied: 0, known: LEDGER_MIGRATIONS.length, missing: [] },
        tables: [],
      };
    }
    const findings = (integrity as unknown as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    if (findings.join() !== 'ok')
      problems.push(`integrity check: ${findings.slice(0, 5).join('; ')}`);
    const orphans = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (orphans.length > 0) {
      const first = orphans[0];
      problems.push(
        `${orphans.length} row(s) refer to rows that are not there (first: ${first.table} → ${first.parent})`,
      );
    }
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map(({ name }) => name);
    const known = LEDGER_MIGRATIONS.map((migration) => migration.name);
    let applied: string[] = [];
    if (!tables.includes('migrations')) {
      problems.push('it has no migrations table: it is not a ledger');
    } else {
      applied = (
        db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]
      ).map((row) => row.name);
      const unknown = applied.filter((name) => !known.includes(name));
      if (unknown.length > 0) {
        problems.push(
          `it was made by a newer version of xima-billing (migrations this one does not know: ${unknown.join(', ')})`,
        );
      }
    }
    const counts = tables.map((table) => ({
      table,
      rows: (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
    }));
    return {
      ok: problems.length === 0,
      problems,
      migrations: {
        applied: applied.filter((name) => known.includes(name)).length,
        known: known.length,
        missing: known.filter((name) => !applied.includes(name)),
      },
      tables: counts,
    };
  } finally {
    db.close();
  }
}
