import { performance } from 'node:perf_hooks';
import { startPostgres, type PostgresServer } from './postgres-server';
import { TEST_POSTGRES_URL_VARIABLE } from './test-environment';

/**
 * Jest's global setup for `npm run test:postgres`: one PostgreSQL server for the whole run,
 * its URL handed to the workers through the environment (they start after this and inherit
 * it). The first test ledger makes the migrated template (see test-ledger.ts).
 */
export default async function startTestPostgres(): Promise<void> {
  const started = performance.now();
  const server = await startPostgres();
  process.env[TEST_POSTGRES_URL_VARIABLE] = server.url('postgres');
  (globalThis as { ledgerTestPostgres?: PostgresServer }).ledgerTestPostgres = server;
  if (process.env.LEDGER_TEST_POSTGRES_TIMING) {
    process.stderr.write(
      `\nPostgreSQL test server on port ${server.port} in ${Math.round(performance.now() - started)} ms\n`,
    );
  }
}
