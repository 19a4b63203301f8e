// `npm run test:postgres`: the ledger's specs against a real PostgreSQL server that the run
// starts itself (libs/ledger/src/testing/postgres-server.ts), one for the whole run; each test
// ledger is a database copied from a migrated template. The specs listed are those that run
// on both drivers; `npm test` runs them (and every other spec) on SQLite.
const { testTimeout, projects } = require('./jest.config.js');

const unit = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  displayName: 'postgres',
  testTimeout,
  testMatch: [
    '<rootDir>/libs/ledger/src/copy/*.spec.ts',
    '<rootDir>/libs/ledger/src/ledger-schema.spec.ts',
    '<rootDir>/libs/ledger/src/ledger-triggers.spec.ts',
    '<rootDir>/libs/ledger/src/postgres/*.spec.ts',
    '<rootDir>/libs/ledger/src/testing/*.spec.ts',
    '<rootDir>/libs/ledger/src/ledger.spec.ts',
    '<rootDir>/libs/ledger/src/stores/*.spec.ts',
    '<rootDir>/test/exports-both-drivers.e2e-spec.ts',
  ],
  globalSetup: '<rootDir>/libs/ledger/src/testing/postgres-global-setup.ts',
  globalTeardown: '<rootDir>/libs/ledger/src/testing/postgres-global-teardown.ts',
};
