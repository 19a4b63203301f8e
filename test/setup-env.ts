// Pinned for every test: times in assertions are UTC, and no test reads a developer's .env.
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
