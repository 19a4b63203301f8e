/** `postgres` runs the ledger's specs on PostgreSQL (npm run test:postgres); unset: SQLite. */
export const TEST_DATABASE_VARIABLE = 'LEDGER_TEST_DATABASE';

/** Set by the PostgreSQL run's global setup: a URL of the test server's `postgres` database. */
export const TEST_POSTGRES_URL_VARIABLE = 'LEDGER_TEST_POSTGRES_URL';
