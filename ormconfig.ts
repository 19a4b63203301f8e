import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_URL, ledgerDataSourceOptions, parseDatabaseUrl } from '@app/ledger';

// The TypeORM CLI's DataSource (`npm run migration:run`, `migration:generate`): the same
// options as the service, for the ledger that DATABASE_URL names.
const location = parseDatabaseUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
if ('error' in location) {
  throw new Error(`DATABASE_URL ${location.error}`);
}

export default new DataSource({ ...ledgerDataSourceOptions(location), migrationsRun: false });
