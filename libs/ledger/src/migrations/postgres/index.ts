import { PostgresInitialSchema1796400000000 } from './1796400000000-initial-schema';

/** Every PostgreSQL migration, in order, listed explicitly (globs break in bundled builds). */
export const LEDGER_POSTGRES_MIGRATIONS = [PostgresInitialSchema1796400000000];
