import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { LedgerLocation } from '../database-url';
import { openLedgerDataSource } from '../ledger-options';
import { TEST_DATABASE_VARIABLE, TEST_POSTGRES_URL_VARIABLE } from './test-environment';

/** The driver the specs run on: `LEDGER_TEST_DATABASE=postgres` (npm run test:postgres) or SQLite. */
export type TestDriver = 'sqlite' | 'postgres';

/** The migrated database every test database is copied from. */
const TEMPLATE = 'ledger_template';

/** Connections of one test ledger: enough for a spec's concurrent transactions. */
const TEST_POOL_SIZE = 4;

export function testLedgerDriver(): TestDriver {
  const driver = process.env[TEST_DATABASE_VARIABLE];
  if (driver === undefined || driver === '' || driver === 'sqlite') return 'sqlite';
  if (driver === 'postgres') return 'postgres';
  throw new Error(`${TEST_DATABASE_VARIABLE} must be sqlite or postgres, not ${driver}`);
}

/** A test's own empty, migrated ledger, and how to throw it away. */
export interface TestLedgerLocation {
  location: LedgerLocation;
  /** The same place as DATABASE_URL says it, for a service or CLI under test. */
  databaseUrl: string;
  /** Removes the database (PostgreSQL); the DataSources on it must be destroyed first. */
  drop(): Promise<void>;
}

let created = 0;
let templateReady: Promise<void> | undefined;

/**
 * A fresh ledger for one test: SQLite `:memory:`, or on PostgreSQL a new database copied from
 * the migrated template (a copy takes milliseconds, migrating takes a second).
 */
export async function testLedgerLocation(
  options: { poolSize?: number } = {},
): Promise<TestLedgerLocation> {
  if (testLedgerDriver() === 'sqlite') {
    const location: LedgerLocation = { kind: 'sqlite', path: ':memory:' };
    return { location, databaseUrl: 'sqlite::memory:', drop: async () => {} };
  }
  const server = serverUrl();
  templateReady ??= makeTemplate(server);
  await templateReady;
  created += 1;
  const name = `ledger_test_${process.pid}_${created}`;
  await asAdmin(server, (admin) => createFromTemplate(admin, name));
  const databaseUrl = databaseUrlOn(server, name);
  return {
    location: { kind: 'postgres', url: databaseUrl, poolSize: options.poolSize ?? TEST_POOL_SIZE },
    databaseUrl,
    drop: () =>
      asAdmin(server, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

/**
 * A fresh, migrated ledger opened on the driver under test; its `destroy()` also drops its
 * database.
 */
export async function openTestLedger(): Promise<DataSource> {
  const test = await testLedgerLocation();
  let dataSource: DataSource;
  try {
    dataSource = await openLedgerDataSource(test.location);
  } catch (error) {
    await test.drop();
    throw error;
  }
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    try {
      await destroy();
    } finally {
      await test.drop();
    }
  };
  return dataSource;
}

function serverUrl(): string {
  const url = process.env[TEST_POSTGRES_URL_VARIABLE];
  if (!url) {
    throw new Error(
      `LEDGER_TEST_DATABASE=postgres needs the test server that npm run test:postgres starts (${TEST_POSTGRES_URL_VARIABLE} is unset)`,
    );
  }
  return url;
}

function databaseUrlOn(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function asAdmin<T>(server: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * PostgreSQL refuses to copy a template while another session copies it or is connected to
 * it (SQLSTATE 55006): two workers starting tests at once wait their turn.
 */
async function createFromTemplate(admin: Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/**
 * The migrated template, made once per server by whichever worker comes first: an advisory
 * lock makes the others wait, and they find it made. It is made here, not in Jest's global
 * setup, because only the test runtime resolves the ledger's imports (`@app/common`).
 */
async function makeTemplate(server: string): Promise<void> {
  await asAdmin(server, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(1796400000)');
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (found.rowCount) return;
      await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
      try {
        const dataSource = await openLedgerDataSource({
          kind: 'postgres',
          url: databaseUrlOn(server, TEMPLATE),
          poolSize: 1,
        });
        await dataSource.destroy();
      } catch (error) {
        await admin.query(`DROP DATABASE "${TEMPLATE}" WITH (FORCE)`);
        throw error;
      }
      await admin.query(
        `ALTER DATABASE "${TEMPLATE}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
      );
    } finally {
      await admin.query('SELECT pg_advisory_unlock(1796400000)');
    }
  });
}
