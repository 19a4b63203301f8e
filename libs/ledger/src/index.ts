export * from './entities';
export * from './database-url';
export * from './ledger-options';
export * from './ledger';
export type { LedgerTx } from './ledger-tx';
export * from './ledger.module';
export { LEDGER_MIGRATIONS } from './migrations';
export type { PlainDateScope } from './stores/plain-date-zone';
export * from './stores';
