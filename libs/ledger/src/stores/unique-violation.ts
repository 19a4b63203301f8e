import { DomainError } from '@app/common';
import { QueryFailedError } from 'typeorm';

/**
 * The columns of the unique index a write broke, as the database names them
 * (`businesses.name`, or `rate_plan_versions.rate_plan_id, rate_plan_versions.version`), or
 * null when `error` is anything else. SQLite says it in its message:
 * `UNIQUE constraint failed: businesses.name`; PostgreSQL in its error's table and detail.
 */
export function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as
    { code?: unknown; message?: unknown; table?: unknown; detail?: unknown } | undefined;
  if (driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const match = /UNIQUE constraint failed: (.+)$/.exec(String(driverError.message));
    return match ? match[1] : null;
  }
  // PostgreSQL's unique_violation names the table, and the key in its detail:
  // `Key (rate_plan_id, version)=(1, 2) already exists.`
  if (driverError?.code === '23505' && typeof driverError.table === 'string') {
    const match = /^Key \((.+?)\)=/.exec(String(driverError.detail));
    if (!match) return null;
    const table = driverError.table;
    return match[1]
      .split(', ')
      .map((column) => `${table}.${column.replace(/^"|"$/g, '')}`)
      .join(', ');
  }
  return null;
}

/**
 * Rethrows a write's error, a broken unique index as the conflict its caller can act on (409):
 * `conflicts` maps an index's columns (as `uniqueViolation` names them) to the message. Callers
 * check first where they can say more (the other row's id); this holds when they could not
 * (another process, the CLI, writing the same ledger file in between).
 */
export function rethrowUnique(error: unknown, conflicts: Record<string, string>): never {
  const columns = uniqueViolation(error);
  const message = columns === null ? undefined : conflicts[columns];
  if (message !== undefined) throw new DomainError('conflict', message);
  throw error;
}
