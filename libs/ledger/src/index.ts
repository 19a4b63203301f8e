export * from './entities';
export * from './audit-log';
export * from './database-url';
export * from './ledger-options';
export * from './ledger';
export * from './ledger.module';
export { LEDGER_MIGRATIONS } from './migrations';
export * from './plain-date-zone';
