/** Where the ledger lives, from `DATABASE_URL` (and, for PostgreSQL, `DATABASE_POOL_SIZE`). */
export type LedgerLocation =
  | {
      kind: 'sqlite';
      /** A file path, or `:memory:`. */
      path: string;
    }
  | {
      kind: 'postgres';
      /** `postgres://user:password@host:port/database`, as given (it may hold a password). */
      url: string;
      /** Connections this process keeps open to the server, at most. */
      poolSize: number;
    };

export const DEFAULT_DATABASE_URL = 'sqlite:data/ledger.sqlite';
export const DEMO_DATABASE_URL = 'sqlite:data/demo.sqlite';

/** Connections to PostgreSQL per process when `DATABASE_POOL_SIZE` is unset. */
export const DEFAULT_POOL_SIZE = 10;
export const MAX_POOL_SIZE = 100;

const EXAMPLES =
  'sqlite:<path> (for example sqlite:data/ledger.sqlite or sqlite::memory:) or postgres://user:password@host:5432/database';

/**
 * Parses `sqlite:<path>` (or `sqlite::memory:`), or `postgres://…` / `postgresql://…` with a
 * host and a database name. Returns a sentence saying what is wrong instead of throwing, so
 * that configuration validation can name the variable; the sentence never repeats the URL
 * (a PostgreSQL URL may hold a password).
 */
export function parseDatabaseUrl(
  url: string,
  poolSize: number = DEFAULT_POOL_SIZE,
): LedgerLocation | { error: string } {
  const trimmed = url.trim();
  const match = /^sqlite:(.+)$/.exec(trimmed);
  if (match) {
    const path = match[1].replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:/i.test(trimmed)) {
    const problem = postgresUrlProblem(trimmed);
    if (problem) return { error: problem };
    if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      return { error: `needs a pool size between 1 and ${MAX_POOL_SIZE}` };
    }
    return { kind: 'postgres', url: trimmed, poolSize };
  }
  return { error: `must be ${EXAMPLES}` };
}

function postgresUrlProblem(url: string): string | undefined {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    return 'must start with postgres:// or postgresql:// (postgres://user:password@host:5432/database)';
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL (postgres://user:password@host:5432/database; a password with @, / or : is written percent-encoded)';
  }
  if (!parsed.hostname) return 'names no host (postgres://user:password@host:5432/database)';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) {
    return 'must name one database after the host (postgres://user:password@host:5432/database)';
  }
  return undefined;
}

/**
 * The URL with its password replaced by `***`, for messages and logs. Everything between
 * `://` and the last `@` is taken as the user and password, so that a password mistyped with
 * a raw `@` or `/` is hidden too.
 */
export function redactDatabaseUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  const at = url.lastIndexOf('@');
  if (!scheme || at < scheme[0].length) return url;
  const userInfo = url.slice(scheme[0].length, at);
  const colon = userInfo.indexOf(':');
  if (colon < 0) return url;
  return `${scheme[0]}${userInfo.slice(0, colon)}:***${url.slice(at)}`;
}
