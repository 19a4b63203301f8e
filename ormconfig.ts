import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ledgerDataSourceOptions, parseDatabaseUrl } from '@app/ledger';
import { loadEnvFile } from './apps/billing/src/config/env-file';
import { databaseUrlOf, validateEnvironment } from './apps/billing/src/config/environment';

// The TypeORM CLI's DataSource (`npm run migration:run`, `migration:generate`): the same
// options, and the same ledger, as the service and the CLI would use with this environment.
loadEnvFile();
const environment = validateEnvironment(process.env);
const location = parseDatabaseUrl(databaseUrlOf(environment), environment.DATABASE_POOL_SIZE);
if ('error' in location) throw new Error(`DATABASE_URL ${location.error}`);

export default new DataSource({ ...ledgerDataSourceOptions(location), migrationsRun: false });
