import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { LedgerLocation } from '../database-url';
import { openLedgerDataSource } from '../ledger-options';
import { DEFAULT_BUSINESS } from '../migrations/postgres/1796400000000-initial-schema';
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

/** A test's own empty, migrated ledger, and how to give it back. */
export interface TestLedgerLocation {
  location: LedgerLocation;
  /** The same place as DATABASE_URL says it, for a service or CLI under test. */
  databaseUrl: string;
  /**
   * Gives the database back once every DataSource on it is destroyed (PostgreSQL): emptied for
   * this worker's next test when its schema is the template's, else dropped.
   */
  release(): Promise<void>;
}

/**
 * The template's schema, as `fingerprint` reads it: a database given back must still have it.
 * Read once per spec file (Jest gives each its own modules).
 */
let templateSchema: Promise<string> | undefined;

/**
 * The test server's own bookkeeping, in its `postgres` database, shared by every worker and
 * spec file: the databases given back and emptied, ready for the next test, and the
 * template's schema.
 */
const EMPTIED = 'ledger_test_emptied';
const TEMPLATE_SCHEMA = 'ledger_test_template_schema';

/**
 * A fresh ledger for one test: SQLite `:memory:`, or on PostgreSQL a database copied from the
 * migrated template (about 200 ms), or one an earlier test gave back and that was emptied
 * (about 20 ms). Emptied means as the migrations leave it: no rows but the default business,
 * every id sequence at its start.
 */
export async function testLedgerLocation(
  options: { poolSize?: number } = {},
): Promise<TestLedgerLocation> {
  if (testLedgerDriver() === 'sqlite') {
    const location: LedgerLocation = { kind: 'sqlite', path: ':memory:' };
    return { location, databaseUrl: 'sqlite::memory:', release: async () => {} };
  }
  const server = serverUrl();
  const name = await takeDatabase(server);
  const databaseUrl = databaseUrlOn(server, name);
  return {
    location: { kind: 'postgres', url: databaseUrl, poolSize: options.poolSize ?? TEST_POOL_SIZE },
    databaseUrl,
    release: async () => {
      const empty = await connected(databaseUrl, async (client) => {
        // Another connection (a DataSource left open) could write after the emptying.
        const others = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        return others.rows[0].n === 0 && emptyDatabase(runOn(client));
      }).catch(() => false);
      await giveBack(server, name, empty);
    },
  };
}

/**
 * A fresh, migrated ledger opened on the driver under test; its `destroy()` also gives its
 * database back (emptied on its own connections first: a new connection costs more).
 */
export async function openTestLedger(): Promise<DataSource> {
  const test = await testLedgerLocation();
  let dataSource: DataSource;
  try {
    dataSource = await openLedgerDataSource(test.location);
  } catch (error) {
    await test.release();
    throw error;
  }
  if (test.location.kind === 'sqlite') return dataSource;
  const server = serverUrl();
  const name = new URL(test.databaseUrl).pathname.slice(1);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    let empty = false;
    try {
      empty = await emptyDatabase((sql) => dataSource.query(sql)).catch(() => false);
    } finally {
      try {
        await destroy();
      } finally {
        await giveBack(server, name, empty);
      }
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

async function connected<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function asAdmin<T>(server: string, work: (admin: Client) => Promise<T>): Promise<T> {
  return connected(server, work);
}

/** An emptied database if there is one, else a new copy of the template. */
async function takeDatabase(server: string): Promise<string> {
  templateSchema ??= makeTemplate(server);
  await templateSchema;
  return asAdmin(server, async (admin) => {
    const taken = await admin.query<{ name: string }>(
      `DELETE FROM ${EMPTIED} WHERE name =
         (SELECT name FROM ${EMPTIED} LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING name`,
    );
    if (taken.rows.length > 0) return taken.rows[0].name;
    const name = `ledger_test_${randomBytes(6).toString('hex')}`;
    await createFromTemplate(admin, name);
    return name;
  });
}

/** Runs one SQL text (several statements, no parameters) and returns its rows. */
type RunSql = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Empties the database `run` reaches for the next test, when its schema is still the
 * template's (a test may have reverted migrations); says whether it did. Emptying skips the
 * triggers (audit events are append-only) and foreign keys for its transaction, deletes every
 * row, restarts every id sequence and makes the default business again, as the migration does.
 * It waits a second at most for a lock that the test left held.
 */
async function emptyDatabase(run: RunSql): Promise<boolean> {
  if ((await fingerprint(run)) !== (await templateSchema)) return false;
  const tables = (await run(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  )) as { name: string }[];
  await run(
    [
      'BEGIN',
      "SET LOCAL lock_timeout = '1s'",
      'SET LOCAL session_replication_role = replica',
      ...tables.map(({ name }) => `DELETE FROM "${name}"`),
      `SELECT setval(c.oid, 1, false) FROM pg_class c
         WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace
           AND c.relname <> 'migrations_id_seq'`,
      DEFAULT_BUSINESS,
      'COMMIT',
    ].join(';\n'),
  );
  return true;
}

function runOn(client: Client): RunSql {
  return async (sql) => (await client.query<Record<string, unknown>>(sql)).rows;
}

/** Puts an emptied database in the pool of ready ones; drops one that could not be emptied. */
async function giveBack(server: string, name: string, empty: boolean): Promise<void> {
  await asAdmin(server, async (admin) => {
    if (empty) await admin.query(`INSERT INTO ${EMPTIED} (name) VALUES ($1)`, [name]);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** The schema of the database `run` reaches, as one digest. */
async function fingerprint(run: RunSql): Promise<string> {
  const rows = await run(
    `SELECT md5(string_agg(part, ',' ORDER BY part)) AS digest FROM (
       SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
         || ' ' || coalesce(column_default, '') AS part
       FROM information_schema.columns WHERE table_schema = 'public'
       UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
       UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace
       UNION ALL SELECT tgname || ' ' || tgrelid::regclass::text || ' ' || tgenabled::text FROM pg_trigger
         WHERE NOT tgisinternal
       UNION ALL SELECT proname || ' ' || md5(prosrc) FROM pg_proc
         WHERE pronamespace = 'public'::regnamespace
       UNION ALL SELECT name FROM migrations
     ) AS parts`,
  );
  return String(rows[0].digest);
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
async function makeTemplate(server: string): Promise<string> {
  return asAdmin(server, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(1796400000)');
    try {
      const found = await admin
        .query<{ schema: string }>(`SELECT schema FROM ${TEMPLATE_SCHEMA}`)
        .catch(() => undefined);
      if (found?.rows.length) return found.rows[0].schema;
      await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
      let schema: string;
      try {
        const dataSource = await openLedgerDataSource({
          kind: 'postgres',
          url: databaseUrlOn(server, TEMPLATE),
          poolSize: 1,
        });
        await dataSource.destroy();
        schema = await connected(databaseUrlOn(server, TEMPLATE), (client) =>
          fingerprint(runOn(client)),
        );
      } catch (error) {
        await admin.query(`DROP DATABASE "${TEMPLATE}" WITH (FORCE)`);
        throw error;
      }
      await admin.query(
        `ALTER DATABASE "${TEMPLATE}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
      );
      await admin.query(`CREATE TABLE ${EMPTIED} (name text PRIMARY KEY)`);
      await admin.query(`CREATE TABLE ${TEMPLATE_SCHEMA} (schema text NOT NULL)`);
      await admin.query(`INSERT INTO ${TEMPLATE_SCHEMA} (schema) VALUES ($1)`, [schema]);
      return schema;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(1796400000)');
    }
  });
}
