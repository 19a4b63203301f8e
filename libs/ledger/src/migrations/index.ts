import { InitialSchema1795824000000 } from './1795824000000-initial-schema';

/** Every migration, in order, listed explicitly (globs break in bundled builds). */
export const LEDGER_MIGRATIONS = [InitialSchema1795824000000];
