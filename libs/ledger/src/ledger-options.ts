import { chmodSync, existsSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type LogLevel } from 'typeorm';
import { LEDGER_ENTITIES } from './entities';
import { LEDGER_MIGRATIONS, LEDGER_POSTGRES_MIGRATIONS } from './migrations';
import { LedgerQueryLogger } from './ledger-query-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import type { LedgerLocation } from './database-url';
import { LEDGER_PG_TYPES } from './postgres/integers';
import { translatePlaceholders, widenIntegerColumns } from './postgres/postgres-data-source';

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
 * The one set of DataSource options per driver, used by the service (through LedgerModule),
 * the specs and the TypeORM CLI (through ormconfig.ts). The schema changes only by
 * migrations, run at start. On PostgreSQL, open the ledger with openLedgerDataSource: the
 * options alone lack its patches (placeholders, bigint columns).
 */
export function ledgerDataSourceOptions(location: LedgerLocation): DataSourceOptions {
  return location.kind === 'postgres'
    ? postgresOptions(location.url, location.poolSize)
    : sqliteOptions(location.path);
}

/** What both drivers share: the entities, their names in the database, the logger. */
function commonOptions() {
  return {
    entities: LEDGER_ENTITIES,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Failed queries are warnings: most are refusals the caller hears about (a unique key, a
    // trigger), not faults of the service.
    logger: new LedgerQueryLogger(),
    logging: ['error', 'warn', 'migration'] as LogLevel[],
    maxQueryExecutionTime: SLOW_QUERY_MS,
  };
}

function sqliteOptions(path: string): DataSourceOptions {
  const inMemory = path === ':memory:';
  return {
    ...commonOptions(),
    type: 'better-sqlite3',
    database: path,
    migrations: LEDGER_MIGRATIONS,
    // WAL lets readers (review queries, exports) run while a sync writes.
    enableWAL: !inMemory,
    timeout: BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      if (!inMemory) ownerOnly(path);
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma(`cache_size = -${CACHE_KIB}`);
      db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
    },
  };
}

function postgresOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    ...commonOptions(),
    type: 'postgres',
    url,
    migrations: LEDGER_POSTGRES_MIGRATIONS,
    // `types`: bigint and numeric read as exact JS numbers on this pool's connections only.
    extra: { max: poolSize, types: LEDGER_PG_TYPES },
  };
}

/**
 * The ledger's DataSource, initialised and migrated: what the service, the CLI and the specs
 * open. On PostgreSQL it also numbers the stores' `?` placeholders and reads the entities'
 * integer columns as `bigint` (see postgres/postgres-data-source.ts).
 */
export async function openLedgerDataSource(location: LedgerLocation): Promise<DataSource> {
  return initializeLedgerDataSource(new DataSource(ledgerDataSourceOptions(location)));
}

/** Initialises (and migrates) a DataSource made from ledgerDataSourceOptions. */
export async function initializeLedgerDataSource(dataSource: DataSource): Promise<DataSource> {
  if (dataSource.options.type !== 'postgres') return dataSource.initialize();
  translatePlaceholders(dataSource);
  // Several instances may start at once on one database: the migrations run under a lock of
  // the database's, so that the first runs them and the others find them done.
  dataSource.setOptions({ migrationsRun: false });
  await dataSource.initialize();
  widenIntegerColumns(dataSource);
  // A connection of its own for the lock: the pool may have one connection, which the
  // migrations need.
  const lock = new Client({ connectionString: (dataSource.options as { url: string }).url });
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  } finally {
    // Ending the session lets the lock go.
    await lock.end().catch(() => undefined);
  }
  return dataSource;
}

/** The advisory lock the migrations of a PostgreSQL ledger run under (any fixed number). */
const MIGRATION_LOCK = 7_216_400_017;

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
