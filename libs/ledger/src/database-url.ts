/** Where the ledger lives, from `DATABASE_URL`. */
export interface LedgerLocation {
  kind: 'sqlite';
  /** A file path, or `:memory:`. */
  path: string;
}

export const DEFAULT_DATABASE_URL = 'sqlite:data/ledger.sqlite';
export const DEMO_DATABASE_URL = 'sqlite:data/demo.sqlite';

/**
 * Parses `sqlite:<path>` (or `sqlite::memory:`). Returns a sentence saying what is wrong
 * instead of throwing, so that configuration validation can name the variable.
 */
export function parseDatabaseUrl(url: string): LedgerLocation | { error: string } {
  const match = /^sqlite:(.+)$/.exec(url.trim());
  if (match) {
    const path = match[1].replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return { error: 'PostgreSQL is not supported yet; use sqlite:<path>' };
  }
  return {
    error: 'must be sqlite:<path> (for example sqlite:data/ledger.sqlite or sqlite::memory:)',
  };
}
