// Test-only helpers (`@app/ledger/testing`): never imported by the service's code.
export * from './postgres-server';
export * from './test-ledger';
export * from './test-environment';
export * from './seeded-ledger';
