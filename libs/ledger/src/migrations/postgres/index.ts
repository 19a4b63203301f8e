import { PostgresInitialSchema1796400000000 } from './1796400000000-initial-schema';
import { PostgresLeases1796500000000 } from './1796500000000-leases';

/** Every PostgreSQL migration, in order, listed explicitly (globs break in bundled builds). */
export const LEDGER_POSTGRES_MIGRATIONS = [
  PostgresInitialSchema1796400000000,
  PostgresLeases1796500000000,
];
