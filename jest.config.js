// One Jest configuration for unit specs (beside the code) and e2e specs (test/).
// Nest 12 ships as ES modules; Jest's CommonJS runtime cannot require() them, so the
// ESM-only packages are compiled to CommonJS by SWC like our own code (see
// docs/decisions/0002-commonjs-build-with-esm-nest.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const esmOnly = [
  '@nestjs',
  '@standard-schema',
  'tinyglobby',
  'fdir',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
];

const aliases = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const common = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: aliases,
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};

module.exports = {
  // A whole service per e2e file, password hashes (scrypt) and child processes, on a shared
  // machine: 5 s (Jest's default) is a flake, not a check. Budgets that matter are asserted.
  // (A global option: Jest ignores it inside a project.)
  testTimeout: 30_000,
  // Two test files at a time, also on two cores (Jest's default there is one, in band): most
  // e2e files wait on child processes, sockets and the browser, not on the CPU. The whole suite
  // took 507 s so, against 910 s in band.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // PostgreSQL's own: `npm run test:postgres` runs them (jest.postgres.config.js).
      testPathIgnorePatterns: [
        '/node_modules/',
        '/test/benchmarks-postgres\\.e2e-spec\\.ts$',
        '/test/several-instances-built\\.e2e-spec\\.ts$',
      ],
    },
  ],
};
