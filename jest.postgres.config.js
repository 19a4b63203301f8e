// `npm run test:postgres`: the ledger's specs against a real PostgreSQL server that the run
// starts itself (libs/ledger/src/testing/postgres-server.ts), one for the whole run; each test
// ledger is a database copied from a migrated template. The specs listed are those that run
// on both drivers; `npm test` runs them (and every other spec) on SQLite.
const { testTimeout, maxWorkers, projects } = require('./jest.config.js');

const unit = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  displayName: 'postgres',
  testTimeout,
  maxWorkers,
  testMatch: [
    '<rootDir>/libs/ledger/src/**/*.spec.ts',
    '<rootDir>/libs/review/src/**/*.spec.ts',
    '<rootDir>/libs/invoice-export/src/invoices/*.spec.ts',
    // The service end to end: sync, review, invoices, the law firm, the PMS link, several
    // instances on one ledger.
    '<rootDir>/test/{sync,sync-amounts,sync-recovery,sync-schedule}.e2e-spec.ts',
    '<rootDir>/test/{review,line-items,re-rate,correction-queue,overview,overview-totals}.e2e-spec.ts',
    '<rootDir>/test/{invoices,invoice-list,invoice-exports,invoice-end-to-end,invoice-ledes}.e2e-spec.ts',
    '<rootDir>/test/{invoice-delivery,invoice-disbursements,invoice-export-refusals}.e2e-spec.ts',
    '<rootDir>/test/{law-firm,matters-import,pms-link,pms-links,postings-flow,postings-sync}.e2e-spec.ts',
    '<rootDir>/test/several-instances-*.e2e-spec.ts',
    // The console in Chromium on the built service: review, invoices, the PMS links and postings
    // (with a second instance on the same ledger).
    '<rootDir>/test/{console-review,console-invoices,console-postings}.e2e-spec.ts',
    // The same inputs give the same files on both databases.
    '<rootDir>/test/exports-both-drivers.e2e-spec.ts',
    // The sync and review benchmarks at a small size, each on a server of its own.
    '<rootDir>/test/benchmarks-postgres.e2e-spec.ts',
  ],

  globalSetup: '<rootDir>/libs/ledger/src/testing/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/libs/ledger/src/testing/postgres-global-teardown.ts',
};
