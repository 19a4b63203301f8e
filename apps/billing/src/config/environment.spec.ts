import { ConfigurationError, databaseUrlOf, isDemoMode, validateEnvironment } from './environment';

const ADMIN = 'a-strong-admin-key-0123456789abcdefghij';
const message = (raw: Record<string, string>): string => {
  try {
    validateEnvironment(raw);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
};

describe('validateEnvironment', () => {
  it('applies the documented defaults (README, Configuration)', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      SYNC_CRON: '*/15 * * * *',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DELIVERY_MAX_ATTEMPTS: 6,
      DELIVERY_BACKOFF_MS: 2_000,
      DELIVERY_BACKOFF_MAX_MS: 300_000,
      DELIVERY_TIMEOUT_MS: 10_000,
    });
    expect(isDemoMode(env)).toBe(true);
    expect(databaseUrlOf(env)).toBe('sqlite:data/demo.sqlite');
  });

  it('uses data/ledger.sqlite outside demo mode unless DATABASE_URL says otherwise', () => {
    const env = validateEnvironment({
      XIMA_BASE_URL: 'https://abc.xima.cloud',
      XIMA_API_KEY: 't',
      ADMIN_API_KEY: ADMIN,
    });
    expect(isDemoMode(env)).toBe(false);
    expect(databaseUrlOf(env)).toBe('sqlite:data/ledger.sqlite');
    expect(databaseUrlOf(validateEnvironment({ DATABASE_URL: 'sqlite::memory:' }))).toBe(
      'sqlite::memory:',
    );
  });

  it('takes a PostgreSQL URL (postgres:// or postgresql://) and a pool size, 10 unless set', () => {
    const url = 'postgres://billing:s3cret@db.example.com:5432/ledger?sslmode=require';
    const env = validateEnvironment({ DATABASE_URL: url });
    expect(databaseUrlOf(env)).toBe(url);
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(
      validateEnvironment({ DATABASE_URL: 'postgresql://db/ledger', DATABASE_POOL_SIZE: '25' }),
    ).toMatchObject({ DATABASE_URL: 'postgresql://db/ledger', DATABASE_POOL_SIZE: 25 });
  });

  it('never repeats the password of a refused PostgreSQL URL, whatever is wrong with it', () => {
    for (const url of [
      'postgres://billing:s3cret@db.example.com',
      'postgres://billing:s3cret@db.example.com/a/b',
      'postgres://billing:s3c@ret@/ledger',
      'postgres://billing:s3cret@db.example.com:99999/ledger',
    ]) {
      expect(() => validateEnvironment({ DATABASE_URL: url })).toThrow(ConfigurationError);
      expect(() => validateEnvironment({ DATABASE_URL: url })).not.toThrow(/s3c/);
    }
  });

  it('allows plain http to a Xima on this machine (the sandbox), and any IP to listen on', () => {
    const env = validateEnvironment({
      XIMA_BASE_URL: 'http://127.0.0.1:4010',
      XIMA_API_KEY: 't',
      ADMIN_API_KEY: ADMIN,
      HOST: '0.0.0.0',
    });
    expect(env).toMatchObject({ XIMA_BASE_URL: 'http://127.0.0.1:4010', HOST: '0.0.0.0' });
  });

  it('reads the delivery settings as whole numbers', () => {
    expect(
      validateEnvironment({ DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_BACKOFF_MS: '20' }),
    ).toMatchObject({ DELIVERY_MAX_ATTEMPTS: 3, DELIVERY_BACKOFF_MS: 20 });
  });

  it('treats an empty variable as unset', () => {
    expect(validateEnvironment({ PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 1 and 65535 (got "abc")'],
    [{ PORT: '3000abc' }, 'PORT must be an integer between 1 and 65535 (got "3000abc")'],
    [{ PORT: '0' }, 'PORT must be an integer between 1 and 65535 (got 0)'],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL must be sqlite:<path> (for example sqlite:data/ledger.sqlite or sqlite::memory:) or postgres://user:password@host:5432/database (got "mysql://x")',
    ],
    [
      { DATABASE_URL: 'postgres://billing:s3cret@db.example.com:5432' },
      'DATABASE_URL must name one database after the host (postgres://user:password@host:5432/database) (got "postgres://billing:***@db.example.com:5432")',
    ],
    [
      { DATABASE_URL: 'postgresql://billing:s3cret@/ledger' },
      'DATABASE_URL is not a valid URL (postgres://user:password@host:5432/database; a password with @, / or : is written percent-encoded) (got "postgresql://billing:***@/ledger")',
    ],
    [
      { DATABASE_URL: 'postgres:db/ledger' },
      'DATABASE_URL must start with postgres:// or postgresql:// (postgres://user:password@host:5432/database) (got "postgres:db/ledger")',
    ],
    [
      { DATABASE_POOL_SIZE: '0' },
      'DATABASE_POOL_SIZE must be an integer between 1 and 100 (got 0)',
    ],
    [
      { DATABASE_POOL_SIZE: 'ten' },
      'DATABASE_POOL_SIZE must be an integer between 1 and 100 (got "ten")',
    ],
    [
      { SYNC_CRON: '61 * * * *' },
      'SYNC_CRON must be a cron expression such as "*/15 * * * *" (got "61 * * * *")',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      { ADMIN_API_KEY: 'short' },
      'ADMIN_API_KEY must be at least 32 characters (try: openssl rand -hex 32)',
    ],
    [
      { XIMA_BASE_URL: 'https://abc.xima.cloud' },
      'XIMA_API_KEY must be set when XIMA_BASE_URL is (or unset both for demo mode)',
    ],
    [
      { XIMA_API_KEY: 'secret-token' },
      'XIMA_BASE_URL must be set when XIMA_API_KEY is (or unset both for demo mode)',
    ],
    [
      { XIMA_BASE_URL: 'https://abc.xima.cloud', XIMA_API_KEY: 'secret-token' },
      'ADMIN_API_KEY must be set when Xima credentials are (it bootstraps the first admin key)',
    ],
    [
      { XIMA_BASE_URL: 'http://abc.xima.cloud', XIMA_API_KEY: 't' },
      'XIMA_BASE_URL must be an https URL such as https://abc.xima.cloud (http only for localhost) (got "http://abc.xima.cloud")',
    ],
    [
      { SYNC_SCHEDULE_ENABLED: 'maybe' },
      'SYNC_SCHEDULE_ENABLED must be true or false (got "maybe")',
    ],
    [
      { DELIVERY_MAX_ATTEMPTS: '0' },
      'DELIVERY_MAX_ATTEMPTS must be an integer between 1 and 100 (got 0)',
    ],
    [
      { DELIVERY_TIMEOUT_MS: '10s' },
      'DELIVERY_TIMEOUT_MS must be an integer between 1 and 600000 (milliseconds) (got "10s")',
    ],
    [{ HOST: 'face' }, 'HOST must be an IP address (such as 0.0.0.0) or localhost (got "face")'],
    [
      { ADMIN_API_KEY: 'a key with spaces 0123456789abcdefghij' },
      'ADMIN_API_KEY must not contain spaces',
    ],
    [
      { SESSION_COOKIE_SECURE: 'https' },
      'SESSION_COOKIE_SECURE must be true or false (got "https")',
    ],
    [
      { SESSION_IDLE_MINUTES: '0' },
      'SESSION_IDLE_MINUTES must be an integer between 1 and 43200 (minutes) (got 0)',
    ],
    [
      { SESSION_IDLE_MINUTES: '30m' },
      'SESSION_IDLE_MINUTES must be an integer between 1 and 43200 (minutes) (got "30m")',
    ],
    [
      { SESSION_MAX_HOURS: '0' },
      'SESSION_MAX_HOURS must be an integer between 1 and 720 (hours) (got 0)',
    ],
    [
      { SESSION_MAX_HOURS: '12h' },
      'SESSION_MAX_HOURS must be an integer between 1 and 720 (hours) (got "12h")',
    ],
    [
      { SESSION_MAX_HOURS: '721' },
      'SESSION_MAX_HOURS must be an integer between 1 and 720 (hours) (got 721)',
    ],
  ])('%j -> %s', (raw, expected) => {
    expect(message(raw)).toBe(expected);
  });

  it('reads the session settings: not Secure, 30 idle minutes and 12 hours at most unless set', () => {
    expect(validateEnvironment({})).toMatchObject({
      SESSION_COOKIE_SECURE: false,
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 12,
    });
    expect(
      validateEnvironment({
        SESSION_COOKIE_SECURE: 'TRUE',
        SESSION_IDLE_MINUTES: '480',
        SESSION_MAX_HOURS: '24',
      }),
    ).toMatchObject({
      SESSION_COOKIE_SECURE: true,
      SESSION_IDLE_MINUTES: 480,
      SESSION_MAX_HOURS: 24,
    });
  });

  it('reads the instance settings: its own id unless INSTANCE_ID names it, 30 s leases polled every 15 s', () => {
    expect(validateEnvironment({})).toMatchObject({
      INSTANCE_ID: undefined,
      LEASE_TTL_MS: 30_000,
      LEASE_POLL_MS: 15_000,
    });
    expect(
      validateEnvironment({
        INSTANCE_ID: 'billing-2.eu-west:blue_1',
        LEASE_TTL_MS: '10000',
        LEASE_POLL_MS: '500',
      }),
    ).toMatchObject({
      INSTANCE_ID: 'billing-2.eu-west:blue_1',
      LEASE_TTL_MS: 10_000,
      LEASE_POLL_MS: 500,
    });
    expect(message({ INSTANCE_ID: 'two words' })).toMatch(/^INSTANCE_ID must be 1 to 100 letters/);
    expect(message({ INSTANCE_ID: '-dash-first' })).toMatch(/^INSTANCE_ID must be/);
    expect(message({ INSTANCE_ID: 'x'.repeat(101) })).toMatch(/^INSTANCE_ID must be/);
    expect(message({ LEASE_TTL_MS: '999' })).toMatch(
      /^LEASE_TTL_MS must be an integer between 1000 and 3600000 \(milliseconds\)/,
    );
    expect(message({ LEASE_POLL_MS: '15s' })).toMatch(/^LEASE_POLL_MS must be an integer/);
  });

  it('reads ADJUSTMENT_LIMIT as written: 10000.00 unless set, up to the ceiling one line can hold', () => {
    expect(validateEnvironment({}).ADJUSTMENT_LIMIT).toBe('10000.00');
    expect(validateEnvironment({ ADJUSTMENT_LIMIT: '250' }).ADJUSTMENT_LIMIT).toBe('250');
    expect(validateEnvironment({ ADJUSTMENT_LIMIT: '1000000000.000' }).ADJUSTMENT_LIMIT).toBe(
      '1000000000.000',
    );
  });

  it.each([
    [
      '1000000000.001',
      'ADJUSTMENT_LIMIT is larger than 1000000000, the most one line can hold (got "1000000000.001")',
    ],
    [
      '99999999999999999999',
      'ADJUSTMENT_LIMIT is larger than 1000000000, the most one line can hold (got "99999999999999999999")',
    ],
    ['-5', 'ADJUSTMENT_LIMIT must not be negative (got "-5")'],
    ['10,000', 'ADJUSTMENT_LIMIT must be a decimal string such as "12.50" (got "10,000")'],
    ['1e4', 'ADJUSTMENT_LIMIT must be a decimal string such as "12.50" (got "1e4")'],
    ['100.0001', 'ADJUSTMENT_LIMIT has more than 3 decimals (got "100.0001")'],
  ])('refuses ADJUSTMENT_LIMIT=%s at start: %s', (value, expected) => {
    expect(message({ ADJUSTMENT_LIMIT: value })).toBe(expected);
  });

  it('never echoes a secret value', () => {
    expect(message({ ADMIN_API_KEY: 'short-secret' })).not.toContain('short-secret');
  });

  it.each([
    [{ LOG_FORMAT: 'text' }, 'LOG_FORMAT must be one of pretty, json (got "text")'],
    [{ DEMO: 'yes' }, 'DEMO must be true or false (got "yes")'],
    [
      { DEMO: 'true', XIMA_BASE_URL: 'https://abc.xima.cloud', XIMA_API_KEY: 't' },
      'DEMO=true runs the bundled Xima sandbox instead of Xima: unset XIMA_BASE_URL and XIMA_API_KEY, or DEMO',
    ],
    [
      { DEMO: 'false' },
      "XIMA_BASE_URL and XIMA_API_KEY must be set when DEMO=false (set XIMA_BASE_URL (such as https://abc.xima.cloud), XIMA_API_KEY (the Xima service user's token) and ADMIN_API_KEY to bill from Xima)",
    ],
    [
      { NODE_ENV: 'production', XIMA_BASE_URL: 'https://abc.xima.cloud' },
      'XIMA_API_KEY must be set when XIMA_BASE_URL is (or unset both and set DEMO=true for the demo)',
    ],
  ])('%j -> %s', (raw, expected) => {
    expect(message(raw)).toBe(expected);
  });
});

describe('demo mode and NODE_ENV', () => {
  const xima = { XIMA_BASE_URL: 'https://abc.xima.cloud', XIMA_API_KEY: 't', ADMIN_API_KEY: ADMIN };

  it('starts the demo without Xima settings outside production (npm start on a fresh clone)', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      expect(isDemoMode(validateEnvironment({ ...(NODE_ENV && { NODE_ENV }) }))).toBe(true);
    }
  });

  it('refuses a production start without Xima settings, saying what to set and how to run the demo', () => {
    expect(message({ NODE_ENV: 'production' })).toBe(
      "XIMA_BASE_URL and XIMA_API_KEY are not set, and NODE_ENV=production never starts the demo by itself: set XIMA_BASE_URL (such as https://abc.xima.cloud), XIMA_API_KEY (the Xima service user's token) and ADMIN_API_KEY to bill from Xima, or run the demo on purpose with DEMO=true npm run start:prod",
    );
  });

  it('runs the demo in production when DEMO=true asks for it', () => {
    const env = validateEnvironment({ NODE_ENV: 'production', DEMO: 'true' });
    expect(env).toMatchObject({ DEMO: true });
    expect(isDemoMode(env)).toBe(true);
    expect(databaseUrlOf(env)).toBe('sqlite:data/demo.sqlite');
  });

  it('bills from Xima in production when it is configured; DEMO=false changes nothing then', () => {
    expect(isDemoMode(validateEnvironment({ NODE_ENV: 'production', ...xima }))).toBe(false);
    expect(
      isDemoMode(validateEnvironment({ NODE_ENV: 'production', DEMO: 'FALSE', ...xima })),
    ).toBe(false);
  });
});
