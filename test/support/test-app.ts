import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../apps/billing/src/app.module';
import { configureApp } from '../../apps/billing/src/http/configure-app';
import { LOG_DESTINATION } from '../../apps/billing/src/logging/logging.module';
import { testLedgerLocation } from '@app/ledger/testing';

/** Collects every log line the app writes, so that tests can read them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  get text(): string {
    return this.lines.join('\n');
  }
}

/** Test apps booted and not yet closed. */
let openApps = 0;

/**
 * nestjs-pino keeps one root logger per process, made by the first app that logs: an app booted
 * after another was closed would write its lines to the closed one's capture. When no other app
 * is open, each gets its own (the package's reset for tests, not among its public exports); an
 * app still open keeps using the root it made.
 */
function freshPinoRoot(): void {
  if (openApps > 0) return;
  const file = join(dirname(require.resolve('nestjs-pino')), 'PinoLogger.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(file) as { __resetOutOfContextForTests(): void }).__resetOutOfContextForTests();
}

export interface TestApp {
  app: INestApplication;
  /** The bootstrap admin key (ADMIN_API_KEY). */
  adminKey: string;
  logs: LogCapture;
  close(): Promise<void>;
}

/**
 * The real service (AppModule, global pipe, filter and guard, body limit, API docs) on an
 * in-memory ledger with the real migrations. `env` adds or overrides variables; Xima points at
 * a closed loopback port unless the test says otherwise (`XIMA_BASE_URL: ''` for demo mode).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<TestApp> {
  const adminKey = `test-admin-${randomBytes(24).toString('base64url')}`;
  const saved = { ...process.env };
  for (const name of [
    'XIMA_BASE_URL',
    'XIMA_API_KEY',
    'PORT',
    'HOST',
    'SYNC_CRON',
    'DEMO',
    'LOG_FORMAT',
  ]) {
    delete process.env[name];
  }
  // The ledger of the driver under test: SQLite :memory:, or a PostgreSQL database of its own
  // (npm run test:postgres), unless the test names its own.
  const ledger = env.DATABASE_URL === undefined ? await testLedgerLocation() : null;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: ledger?.databaseUrl ?? 'sqlite::memory:',
    ADMIN_API_KEY: adminKey,
    LOG_LEVEL: 'info',
    // Not demo mode unless a test asks for it (empty values): no sandbox, no sample data.
    XIMA_BASE_URL: 'http://127.0.0.1:9',
    XIMA_API_KEY: 'test-xima-token',
    SYNC_SCHEDULE_ENABLED: 'false',
    PMS_LINKS_ENABLED: 'false',
    // A stand-in for the built console, so that no test depends on whether it is built.
    CONSOLE_DIR: join(__dirname, '..', 'fixtures', 'console'),
    ...env,
  });
  const logs = new LogCapture();
  freshPinoRoot();
  try {
    const moduleRef = await override(
      Test.createTestingModule({ imports: [AppModule.forRoot()] })
        .overrideProvider(LOG_DESTINATION)
        .useValue(logs),
    ).compile();
    const app = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
    app.useLogger(app.get(Logger));
    configureApp(app);
    await app.init();
    openApps++;
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      openApps--;
      closed = true;
      try {
        await app.close();
      } finally {
        await ledger?.release();
      }
    };
    return { app, adminKey, logs, close };
  } catch (error) {
    await ledger?.release();
    throw error;
  } finally {
    process.env = saved;
  }
}

export const bearer = (key: string): [string, string] => ['Authorization', `Bearer ${key}`];
