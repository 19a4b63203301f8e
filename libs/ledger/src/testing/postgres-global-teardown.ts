import type { PostgresServer } from './postgres-server';

/** Stops the run's PostgreSQL server and removes its folder. */
export default function stopTestPostgres(): void {
  (globalThis as { ledgerTestPostgres?: PostgresServer }).ledgerTestPostgres?.stop();
}
