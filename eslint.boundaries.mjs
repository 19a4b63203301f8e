// @ts-check
/*
 * The house's boundaries (docs/architecture.md): what each part of the code may import, as
 * ESLint `no-restricted-imports` entries that eslint.config.mjs includes. In a flat config the
 * last matching entry wins, so each area lists every rule that holds for it. Specs, tests,
 * fixtures and benchmarks may reach anything. eslint-boundaries.spec.ts plants a violation of
 * each rule and expects it refused.
 */

export const APPS = {
  group: ['**/apps/**', '@app/billing', '@app/billing/**'],
  message: 'a lib never imports an app: move what both need into a lib.',
};

export const TYPEORM = {
  group: [
    'typeorm',
    'typeorm/**',
    '@nestjs/typeorm',
    'better-sqlite3',
    'pg',
    '@app/ledger/**',
    '**/ledger/src/**',
  ],
  message: 'only libs/ledger talks to the database: use a store of @app/ledger (and its LedgerTx).',
};

export const XIMA = {
  group: [
    '@app/xima',
    '@app/xima/**',
    '**/libs/xima/**',
    '@app/xima-sandbox',
    '@app/xima-sandbox/**',
  ],
  message: 'rating knows nothing of Xima: the sync hands it canonical records.',
};

export const PURE = {
  group: [
    '@nestjs/*',
    'class-validator',
    'class-transformer',
    'undici',
    '@app/*',
    '@app/*/**',
    '!@app/money',
    '**/rate-plans/**',
    '**/validation/dto/**',
    '**/*.validator',
    '**/*.service',
    '**/*.controller',
    '**/*.module',
    'fs',
    'fs/**',
    'net',
    'http',
    'https',
    'child_process',
    'dgram',
    'tls',
    'worker_threads',
    'node:*',
  ],
  message:
    'the rating engine, plans and money are pure functions: no Nest, no database, no I/O, no other lib but money.',
};

const NOT_RUNTIME = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/fixtures/**'];

/** @param {string[]} files @param {...{group: string[], message: string}} patterns */
const boundary = (files, ...patterns) => ({
  files,
  ignores: NOT_RUNTIME,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/**
 * The libraries each library may import (docs/architecture.md, "Who may import whom"): a lib
 * imports only libs below it, so that dependencies point one way.
 */
export const LAYERS = {
  common: [],
  money: [],
  'xima-sandbox': [],
  ledger: ['common'],
  rating: ['common', 'ledger', 'money'],
  xima: ['common', 'ledger', 'rating'],
  review: ['common', 'ledger', 'money', 'rating'],
  'invoice-export': ['common', 'ledger', 'money', 'rating'],
  overview: ['common', 'ledger', 'money'],
  pms: ['common'],
  'pms-sandbox': ['pms', 'xima-sandbox'],
  postings: ['common', 'ledger', 'money', 'pms'],
  'law-firms': ['common', 'ledger', 'money', 'rating', 'review'],
};

/** @param {keyof typeof LAYERS} lib */
const layer = (lib) => {
  const allowed = LAYERS[lib];
  const others = Object.keys(LAYERS).filter(
    // rating's ban on Xima has a rule and a message of its own
    (other) =>
      other !== lib && !allowed.includes(other) && !(lib === 'rating' && other.startsWith('xima')),
  );
  return {
    group: others.flatMap((other) => [`@app/${other}`, `@app/${other}/**`]),
    message: `libs/${lib} imports only ${allowed.length ? allowed.map((a) => `libs/${a}`).join(', ') : 'no other lib'} (docs/architecture.md).`,
  };
};

const libBoundary = (/** @type {keyof typeof LAYERS} */ lib) =>
  boundary(
    [`libs/${lib}/**/*.ts`],
    APPS,
    ...(lib === 'ledger' ? [] : [TYPEORM]),
    ...(lib === 'rating' ? [XIMA] : []),
    layer(lib),
  );

/**
 * The ledger's SQL doors (`Ledger.manager`, `statement`, `rows`) are the stores' alone: outside
 * libs/ledger a service opens transactions and calls stores.
 */
export const LEDGER_DOORS = {
  files: ['apps/**/*.ts', 'libs/**/*.ts'],
  ignores: ['libs/ledger/**', ...NOT_RUNTIME],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector:
          'MemberExpression[property.name=/^(manager|statement|rows)$/]:matches([object.name=/^ledger$/i], [object.property.name=/^ledger$/i])',
        message:
          "the ledger's SQL is its stores': open `ledger.transaction` and call a store (docs/architecture.md).",
      },
    ],
  },
};

/** The console is a browser app: it knows the service only through `/api/v1` and its types. */
export const SERVICE_CODE = {
  group: [
    '@app/*',
    '@app/**',
    '**/libs/**',
    '**/apps/billing/**',
    '@nestjs/*',
    'typeorm',
    'node:*',
  ],
  message:
    'the console talks to the service only through /api/v1 (src/api/client.ts, typed from the OpenAPI document).',
};

export const BOUNDARIES = [
  LEDGER_DOORS,
  boundary(['apps/**/*.ts'], TYPEORM),
  ...Object.keys(LAYERS).map((lib) => libBoundary(/** @type {keyof typeof LAYERS} */ (lib))),
  boundary(
    ['libs/rating/src/engine/**/*.ts', 'libs/rating/src/plan/**/*.ts', 'libs/money/**/*.ts'],
    APPS,
    TYPEORM,
    XIMA,
    PURE,
  ),
  boundary(['apps/console/src/**/*.ts', 'apps/console/src/**/*.tsx'], SERVICE_CODE),
];
