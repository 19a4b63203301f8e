import { chmodSync, existsSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import { LEDGER_ENTITIES } from './entities';
import { LEDGER_MIGRATIONS } from './migrations';
import { LedgerQueryLogger } from './ledger-query-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import type { LedgerLocation } from './database-url';

/** Milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite's page cache, KiB (its default is 2 MiB). Inserts land all over the natural-key
 * indexes (call ids are random); with a cache too small for their upper levels every insert
 * reads pages back from the OS. See docs/decisions/0010-sync-write-path.md.
 */
export const CACHE_KIB = 8 * 1024;

/**
 * Rows ANALYZE samples per index. 1,000 misjudged how many items share a status (it saw 1,000
 * where there were 250,000) and sent a room's pending items through the status index; 100,000
 * judges it well and analyses a million items in about 200 ms.
 */
export const ANALYSIS_LIMIT = 100_000;

/** A query slower than this is logged: review pages must answer in tens of milliseconds. */
export const SLOW_QUERY_MS = 250;

/**
 * The one set of DataSource options, used by the service (through TypeOrmModule) and by the
 * TypeORM CLI (through ormconfig.ts). The schema changes only by migrations, run at start.
 */
export function ledgerDataSourceOptions(location: LedgerLocation): DataSourceOptions {
  const inMemory = location.path === ':memory:';
  return {
    type: 'better-sqlite3',
    database: location.path,
    entities: LEDGER_ENTITIES,
    migrations: LEDGER_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // WAL lets readers (review queries, exports) run while a sync writes.
    enableWAL: !inMemory,
    timeout: BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      if (!inMemory) ownerOnly(location.path);
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma(`cache_size = -${CACHE_KIB}`);
      db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
    },
    // Failed queries are warnings: most are refusals the caller hears about (a unique key, a
    // trigger), not faults of the service.
    logger: new LedgerQueryLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: SLOW_QUERY_MS,
  };
}

/**
 * The ledger holds call records, invoices and key hashes: readable by the service's user only
 * (0600), whatever the umask, and tightened on every start for a file made before. SQLite gives
 * its -wal and -shm files the database file's mode when it creates them.
 */
function ownerOnly(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
