/**
 * `npm run bench:review [-- --quick] [-- --items N] [-- --seconds S] [-- --connections 1,4]`:
 * a ledger of 1,000,000 line items (a month of a big hotel: 999 rooms, every status), the
 * service started on it as a process of its own on 127.0.0.1, and autocannon on loopback, bounded in time, measuring the
 * review API: a room's pending items this week (a night auditor's first page), the first page
 * of everything pending with the totals of all of it, a page deep in the whole list, and the
 * sums for one billing account. Prints p50/p95/p99 latency of each.
 *
 * Issue 5's target: p95 at most 20 ms for a 100-item page.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { copyLedger, ledgerDataSourceOptions } from '@app/ledger';
import { PostgresServer, startPostgres } from '@app/ledger/testing';
import { compileFilter, encodeCursor } from '@app/review';
import { generateApiKey } from '../apps/billing/src/api-keys/api-key-secret';
import { benchPlan } from './rating.bench';
import { BenchArgs } from './bench-args';
import { localDateSql, rebuildTotals } from './ledger-seed';

export interface ReviewBenchOptions {
  items: number;
  seconds: number;
  /** Each scenario is measured at each of these numbers of concurrent connections. */
  connections: number[];
  /** The built service (`process`, the default) or the app in this process (tests). */
  server?: 'process' | 'in-process';
  /**
   * `postgres`: the ledger copied (`copyLedger`) into a PostgreSQL server the run starts on
   * loopback, analysed; each scenario measured once with `connections` on one service process
   * and once more over two service processes on that database, the connections split between
   * them. SQLite by default.
   */
  database?: 'sqlite' | 'postgres';
  log?: (line: string) => void;
}

export interface ScenarioResult {
  name: string;
  path: string;
  connections: number;
  /** Service processes the connections were split over (1 on SQLite). */
  instances: number;
  requests: number;
  non2xx: number;
  p50: number;
  p95: number;
  p99: number;
  /** Items on the page, or the count the totals cover, from one sample answer. */
  sample: string;
}

export interface ReviewBenchResult {
  items: number;
  buildMs: number;
  scenarios: ScenarioResult[];
}

const T0 = Date.parse('2026-03-01T07:00:00Z');
const DAY_MS = 86_400_000;

/** What a ledger other than the review benchmark's mix of rooms and statuses holds. */
export interface LedgerShape {
  /** The plan rating every item (default: bench:rating's 5,000-prefix hotel plan). */
  plan?: object;
  /** One billing account for every item (default: a room per extension). */
  billingAccount?: string;
  /** Items spread evenly over this many accounts `ACC-0000`… (unless `billingAccount`). */
  accounts?: number;
  /** One status for every item (default: a mix of every status). */
  status?: string;
  /** Items spread evenly over this many sources, each in a time zone of its own (default 1). */
  sources?: number;
}

/** The time zones of the ledger's sources, in turn. */
const SOURCE_ZONES = ['America/Denver', 'America/New_York', 'Europe/London', 'America/Chicago'];

/**
 * A fresh ledger with `items` line items over 30 days, each with its call record (and its local
 * date, and the overview's sums, as the ledger's inserter makes them).
 */
export async function buildLedger(
  path: string,
  items: number,
  shape: LedgerShape = {},
): Promise<void> {
  const source = new DataSource({
    ...ledgerDataSourceOptions({ kind: 'sqlite', path }),
    logging: false,
  });
  await source.initialize();
  await source.destroy();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const spacing = Math.max(1, Math.floor((30 * DAY_MS) / items));
  const sourceCount = shape.sources ?? 1;
  const zones = new Map(
    Array.from({ length: sourceCount }, (_, index) => [
      index + 1,
      SOURCE_ZONES[index % SOURCE_ZONES.length],
    ]),
  );
  const localDate = localDateSql(
    db,
    zones,
    { fromMs: T0, toMs: T0 + items * spacing },
    'call_records',
  );
  db.transaction(() => {
    db.prepare(
      `INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
       VALUES (1, 'Benchmark hotel', 'per-call', 'USD', 1, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json,
         created_at_ms, created_by) VALUES (1, 1, 1, 0, ?, 1, 'bench')`,
    ).run(JSON.stringify(shape.plan ?? benchPlan()));
    const sources = shape.sources ?? 1;
    const insertSource = db.prepare(
      `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone,
         created_at_ms, updated_at_ms) VALUES (?, ?, 'call-records', 'CALLDTLX', 1, 1, ?, 1, 1)`,
    );
    for (let id = 1; id <= sources; id++) {
      const name = id === 1 ? 'Benchmark hotel' : `Benchmark hotel ${id}`;
      insertSource.run(id, name, SOURCE_ZONES[(id - 1) % SOURCE_ZONES.length]);
    }
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO call_records (source_id, call_id, start_time_ms, direction, extension,
         dialed_number, talk_ms, raw_json, created_at_ms)
       SELECT 1 + i % ?, 'call-' || i, ? + i * ?, 'outbound', CAST(1001 + (i * 7919) % 999 AS TEXT),
         '9 1 303 555 ' || printf('%04d', i % 10000), 30000 + (i * 131) % 900000, '{}', 1 FROM n`,
    ).run(items, sources, T0, spacing);
    db.prepare(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
         extension, dialed_number, normalized_number, destination_prefix, destination_class,
         talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, taxes_json,
         tax_minor, total_minor, status, rate_plan_id, rate_plan_version_id,
         rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
       SELECT source_id, id, call_id,
         coalesce(@account, CASE WHEN @accounts IS NULL THEN 'ROOM-' || extension
                                 ELSE 'ACC-' || printf('%04d', id % @accounts) END),
         start_time_ms, extension, dialed_number,
         '1303555' || substr(dialed_number, -4), '1303',
         CASE id % 4 WHEN 0 THEN 'international' ELSE 'long-distance' END,
         talk_ms / 1000, talk_ms / 1000, 'USD', 100 + (id * 37) % 5000, 100 + (id * 37) % 5000,
         '[]', 0, 100 + (id * 37) % 5000,
         coalesce(@status, CASE WHEN id % 10 < 6 THEN 'pending' WHEN id % 10 < 8 THEN 'approved'
              WHEN id % 10 = 8 THEN 'no-charge' ELSE 'needs-review' END),
         1, 1, 1, '{}', 1, 1, ${localDate}
       FROM call_records`,
    ).run({
      account: shape.billingAccount ?? null,
      accounts: shape.accounts ?? null,
      status: shape.status ?? null,
    });
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  await rebuildTotals(path);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  close(): Promise<void>;
}

/** `ledger`: a file path, or a `postgres://` URL. */
function serviceEnv(ledger: string, port: number, adminKey: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: /^postgres(ql)?:\/\//.test(ledger) ? ledger : `sqlite:${ledger}`,
    ADMIN_API_KEY: adminKey,
    // A connection that is never used: not demo mode, no schedule.
    XIMA_BASE_URL: 'http://127.0.0.1:9',
    XIMA_API_KEY: 'bench-unused',
    SYNC_SCHEDULE_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
}

async function waitForHealth(url: string, child?: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child && child.exitCode !== null) throw new Error(`the service exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the service did not become healthy in 30 s');
}

/**
 * The built service (`main`, by default the one built beside this bench in dist/) as a process of
 * its own on a free loopback port, on the ledger at `ledgerPath` (a file, or a `postgres://` URL);
 * resolves once healthy.
 */
export async function serviceProcess(
  ledgerPath: string,
  adminKey: string,
  main = join(__dirname, '../apps/billing/src/main.js'),
): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...serviceEnv(ledgerPath, port, adminKey) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Not left running when this process ends without closing it (a failed benchmark).
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        process.off('exit', stop);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function serviceInProcess(ledgerPath: string, adminKey: string): Promise<Server> {
  const saved = { ...process.env };
  // PORT is read and checked, but this app listens on a port of the system's choosing.
  Object.assign(process.env, serviceEnv(ledgerPath, 3000, adminKey));
  try {
    const { NestFactory } = await import('@nestjs/core');
    const { AppModule } = await import('../apps/billing/src/app.module');
    const { configureApp } = await import('../apps/billing/src/http/configure-app');
    const app = await NestFactory.create(AppModule.forRoot(), {
      logger: false,
      bodyParser: false,
      abortOnError: false,
    });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as import('node:http').Server).address() as {
      port: number;
    };
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  } finally {
    process.env = saved;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs autocannon on every one of `urls` at once (the connections split between them, the
 * first taking any remainder) and merges their latencies.
 */
async function measure(
  urls: string[],
  adminKey: string,
  options: { seconds: number; connections: number },
  name: string,
  path: string,
): Promise<ScenarioResult> {
  const sampleResponse = await fetch(`${urls[0]}${path}`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  const body = (await sampleResponse.json()) as {
    items?: unknown[];
    totals?: { count: number } | null;
  };
  if (!sampleResponse.ok)
    throw new Error(`${name}: ${sampleResponse.status} ${JSON.stringify(body)}`);
  const latencies: number[] = [];
  const each = Math.floor(options.connections / urls.length);
  const results = await Promise.all(
    urls.map(
      (url, index) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: `${url}${path}`,
              connections: index === 0 ? options.connections - each * (urls.length - 1) : each,
              duration: options.seconds,
              headers: { authorization: `Bearer ${adminKey}` },
            },
            (error, finished) => (error ? reject(error as Error) : resolve(finished)),
          );
          instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
        }),
    ),
  );
  latencies.sort((a, b) => a - b);
  return {
    name,
    path,
    connections: options.connections,
    instances: urls.length,
    requests: latencies.length,
    non2xx: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    sample: `${body.items?.length ?? 0} items${body.totals ? `, totals over ${body.totals.count}` : ''}`,
  };
}

export async function runReviewBench(options: ReviewBenchOptions): Promise<ReviewBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'xima-billing-bench-review-'));
  const ledgerPath = join(dir, 'ledger.sqlite');
  const adminKey = generateApiKey();
  let postgres: PostgresServer | undefined;
  let ledger = ledgerPath;
  try {
    log(`building a ledger of ${options.items} line items`);
    const began = performance.now();
    await buildLedger(ledgerPath, options.items);
    const db = new Database(ledgerPath, { readonly: true });
    const [deep] = db
      .prepare(
        `SELECT start_time_ms AS s, id FROM line_items ORDER BY start_time_ms, id LIMIT 1 OFFSET ?`,
      )
      .all(Math.floor(options.items / 2)) as { s: number; id: number }[];
    db.close();
    if (options.database === 'postgres') {
      postgres = await startPostgres();
      ledger = await copiedToPostgres(postgres, ledgerPath, log);
    }
    const buildMs = performance.now() - began;
    const deepCursor = encodeCursor(
      { startTimeMs: deep.s, id: deep.id },
      compileFilter({}, [], 'UTC').key,
    );
    const week = `from=${encodeURIComponent(new Date(T0 + 7 * DAY_MS).toISOString())}&to=${encodeURIComponent(new Date(T0 + 14 * DAY_MS).toISOString())}`;
    const start = options.server === 'in-process' ? serviceInProcess : serviceProcess;
    const server = await start(ledger, adminKey);
    // On PostgreSQL, a second instance on the same database for the runs over two instances.
    const second = postgres ? await start(ledger, adminKey) : undefined;
    try {
      const scenarios: [string, string][] = [
        [
          "a room's pending items this week, first page",
          `/api/v1/line-items?billingAccount=ROOM-1012&status=pending&${week}&limit=100`,
        ],
        [
          'a page deep in the whole list (100 items)',
          `/api/v1/line-items?limit=100&cursor=${deepCursor}`,
        ],
        [
          'sums for one billing account (a month)',
          `/api/v1/line-items?billingAccount=ROOM-1012&limit=1`,
        ],
        [
          'everything pending, first page, with its totals',
          `/api/v1/line-items?status=pending&limit=100`,
        ],
        [
          'everything pending, first page, totals=false',
          `/api/v1/line-items?status=pending&limit=100&totals=false`,
        ],
      ];
      const results: ScenarioResult[] = [];
      for (const connections of options.connections) {
        // One connection on one instance; more, on PostgreSQL, split over the two.
        const urls = second && connections > 1 ? [server.url, second.url] : [server.url];
        for (const [name, path] of scenarios) {
          log(`measuring with ${connections} connection(s) on ${urls.length} instance(s): ${name}`);
          const measured = { seconds: options.seconds, connections };
          results.push(await measure(urls, adminKey, measured, name, path));
        }
      }
      return { items: options.items, buildMs, scenarios: results };
    } finally {
      await server.close();
      await second?.close();
    }
  } finally {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The SQLite ledger at `path` copied into a new database `ledger` on `server` with the product's
 * `copyLedger` (which checks counts and sums), then analysed: the URL of that database.
 */
async function copiedToPostgres(
  server: PostgresServer,
  path: string,
  log: (line: string) => void,
): Promise<string> {
  const admin = new Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE ledger');
  await admin.end();
  const url = server.url('ledger');
  const began = performance.now();
  await copyLedger({ kind: 'sqlite', path }, { kind: 'postgres', url, poolSize: 2 });
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
  log(
    `copied into PostgreSQL and analysed in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  return url;
}

async function main(argv: string[]): Promise<void> {
  const args = new BenchArgs(
    argv,
    'bench:review [--quick] [--items N] [--seconds S] [--connections 1,4] [--database sqlite|postgres]',
  );
  const database = args.choice('--database', ['sqlite', 'postgres'] as const, 'sqlite');
  const { quick } = args;
  const items = args.number('--items', quick ? 20_000 : 1_000_000);
  const seconds = args.number('--seconds', quick ? 1 : 10);
  // On PostgreSQL: 1 connection on one instance, and 8 over two instances.
  const connections = args.list('--connections', database === 'postgres' ? [1, 8] : [1, 4]);
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(
    `ledger on ${database === 'postgres' ? "PostgreSQL (a server of the run's own, loopback)" : 'SQLite'}`,
  );
  const r = await runReviewBench({ items, seconds, connections, database, log: say });
  say(
    `\nledger of ${r.items} line items built in ${(r.buildMs / 1000).toFixed(1)} s; ${seconds} s per scenario`,
  );
  for (const s of r.scenarios) {
    say(
      `${s.connections} conn${s.instances > 1 ? ` / ${s.instances} inst` : ''}  ${s.name.padEnd(50)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  ` +
        `(${s.requests} requests, ${s.non2xx} failed; ${s.sample})`,
    );
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:review failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
