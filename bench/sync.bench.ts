/**
 * `npm run bench:sync [-- --quick] [-- --calls N] [-- --days N] [-- --runs N]`: syncs a month of Xima sandbox
 * calls (1,000,000 by default, over 30 days) end to end into a fresh SQLite ledger, through
 * the product's own path: XimaClient over HTTP on loopback, the report parser, the rating
 * engine and the chunk writer, one transaction per day, exactly as `npm run cli -- sync` does.
 * The sandbox runs in a process of its own. In the same run, the same rows (call records and
 * line items) are inserted into another fresh ledger with plain better-sqlite3 prepared
 * statements, one transaction per day: the ledger's physical bound.
 *
 * Issue 4's targets: at least 50,000 calls/s end to end, at least half the raw insert speed,
 * peak RSS at most 300 MB.
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { NestFactory } from '@nestjs/core';
import { Client, types as pgTypes } from 'pg';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@app/common';
import { CACHE_KIB, Ledger, ledgerDataSourceOptions, openLedgerDataSource } from '@app/ledger';
import { PostgresServer, startPostgres } from '@app/ledger/testing';
import { RatePlansService } from '@app/rating';
import { request } from 'undici';
import { Chunk, SourcesService, SyncService, chunkRequestBody, chunksOf } from '@app/xima';
import { HISTORIC_DATA_PATH, startSandbox } from '@app/xima-sandbox';
import { generateApiKey } from '../apps/billing/src/api-keys/api-key-secret';
import { CliModule } from '../apps/billing/src/cli.module';
import { applyMemoryPolicy } from '../apps/billing/src/memory-policy';
import { benchPlan } from './rating.bench';
import { BenchArgs } from './bench-args';

export interface SyncBenchOptions {
  calls: number;
  days: number;
  /** `process` (the default) keeps Xima's work and memory out of the measurement. */
  sandbox?: 'process' | 'in-process';
  /**
   * `postgres`: the ledger (and the raw insert's) on a PostgreSQL server the run starts on
   * loopback, the raw insert by multi-row INSERTs with `pg`. SQLite by default.
   */
  database?: 'sqlite' | 'postgres';
  log?: (line: string) => void;
}

export interface SyncBenchResult {
  calls: number;
  days: number;
  lineItems: number;
  errors: number;
  syncMs: number;
  /**
   * CPU time of the service's process during the sync (user + system): steadier than the wall
   * time on a shared machine, whose other work it leaves out.
   */
  syncCpuMs: number;
  callsPerSecond: number;
  rawMs: number;
  rawCallsPerSecond: number;
  /** end-to-end speed / raw insert speed: at least 0.5 is the target. */
  ratio: number;
  peakRssBytes: number;
  ledgerBytes: number;
}

const TOKEN = 'bench-sync-token';
const SEED = 'sync-bench';
const TIMEZONE = 'America/Denver';
/** The month synced: 30 days from a Monday, local midnight in Denver. */
const FROM = '2026-03-02T00:00:00-07:00';
const DAY_MS = 86_400_000;

interface Sandbox {
  url: string;
  close(): Promise<void>;
}

async function sandboxProcess(callsPerDay: number, reportCache: number): Promise<Sandbox> {
  const child: ChildProcess = fork(join(__dirname, 'sandbox-process.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url?: string; error?: string }) =>
      message.url ? resolve(message.url) : reject(new Error(`sandbox: ${message.error}`)),
    );
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    child.send({ token: TOKEN, seed: SEED, callsPerDay, timezone: TIMEZONE, reportCache });
  });
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

async function sandboxInProcess(callsPerDay: number, reportCache: number): Promise<Sandbox> {
  return startSandbox({ token: TOKEN, seed: SEED, callsPerDay, timezone: TIMEZONE, reportCache });
}

/**
 * Asks the sandbox for every chunk the sync will ask for, and throws the answers away: Xima
 * builds its reports on its own servers, so the sandbox's cost of building them is paid here,
 * before the clock starts, and the sync is served from the sandbox's cache.
 */
async function warmUp(url: string, window: Chunk): Promise<void> {
  for (const chunk of chunksOf(window, TIMEZONE, 1)) {
    const response = await request(`${url}${HISTORIC_DATA_PATH}CALLDTLX`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(chunkRequestBody(chunk, TIMEZONE, [])),
    });
    for await (const piece of response.body) void piece;
    if (response.statusCode !== 200) throw new Error(`warm-up: ${response.statusCode}`);
  }
}

/** Boots the command line's application context on `databaseUrl`, as `npm run cli` does. */
async function bootCli(databaseUrl: string, ximaUrl: string) {
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    XIMA_BASE_URL: ximaUrl,
    XIMA_API_KEY: TOKEN,
    SYNC_SCHEDULE_ENABLED: 'false',
    ADMIN_API_KEY: generateApiKey(),
  });
  try {
    return await NestFactory.createApplicationContext(CliModule.forRoot(), {
      logger: false,
      abortOnError: false,
    });
  } finally {
    process.env = saved;
  }
}

/** A fresh, migrated ledger file, closed again: the raw insert opens it on its own. */
async function migratedLedger(path: string): Promise<void> {
  const source = new DataSource({ ...ledgerDataSourceOptions({ kind: 'sqlite', path }) });
  await source.initialize();
  await source.destroy();
}

/**
 * Copies the synced rows, a day at a time, into a fresh ledger with prepared statements and
 * one transaction per day; only the inserts are timed, not the reading.
 */
function rawInsertMs(syncedPath: string, rawPath: string, days: number): number {
  const from = new Database(syncedPath, { readonly: true });
  const to = new Database(rawPath);
  // The ledger's own pragmas (ledger-options.ts and TypeORM's driver).
  to.pragma('journal_mode = WAL');
  to.pragma('foreign_keys = ON');
  to.pragma(`cache_size = -${CACHE_KIB}`);
  try {
    const insertFor = (table: string) => {
      const columns = from
        .prepare(`SELECT * FROM ${table} LIMIT 0`)
        .columns()
        .map((column) => column.name);
      return to.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
    };
    const insertRecord = insertFor('call_records');
    const insertItem = insertFor('line_items');
    const copy = (table: string) =>
      to.prepare(`INSERT INTO ${table} SELECT * FROM synced.${table}`);
    // What the records refer to (the plan, its version, the source, the run) is copied as is.
    to.exec(`ATTACH DATABASE '${syncedPath.replace(/'/g, "''")}' AS synced`);
    for (const table of ['rate_plans', 'rate_plan_versions', 'sources', 'sync_runs']) {
      copy(table).run();
    }
    to.exec('DETACH DATABASE synced');

    const recordsOfDay = from
      .prepare(`SELECT * FROM call_records WHERE start_time_ms >= ? AND start_time_ms < ?`)
      .raw();
    const itemsOfDay = from
      .prepare(
        `SELECT * FROM line_items WHERE call_record_id IS NOT NULL
           AND start_time_ms >= ? AND start_time_ms < ?`,
      )
      .raw();
    const dayInsert = to.transaction((records: unknown[][], items: unknown[][]) => {
      for (const row of records) insertRecord.run(row);
      for (const row of items) insertItem.run(row);
    });
    const first = Date.parse(FROM);
    let total = 0;
    for (let day = 0; day < days; day++) {
      // DST moves local midnight by an hour; a day's bounds come from the records themselves
      // being inside [first, first + days) — UTC days partition them just as well.
      const start = first + day * DAY_MS;
      const end = day === days - 1 ? Number.MAX_SAFE_INTEGER : start + DAY_MS;
      const records = recordsOfDay.all(day === 0 ? 0 : start, end) as unknown[][];
      const items = itemsOfDay.all(day === 0 ? 0 : start, end) as unknown[][];
      const began = performance.now();
      dayInsert(records, items);
      total += performance.now() - began;
    }
    return total;
  } finally {
    from.close();
    to.close();
  }
}

/** The parameters of one multi-row INSERT, as the ledger's own batches take them. */
const PG_PARAMETERS = 30_000;

/** Every value as the server's text: what is read is written back unchanged. */
const asText = { getTypeParser: () => (value: string) => value } as unknown as typeof pgTypes;

/**
 * PostgreSQL's bound: the synced rows copied, a day at a time, into a fresh migrated database
 * on the same server with `pg` multi-row INSERTs, one transaction per day; only the inserts
 * are timed, not the reading.
 */
async function rawInsertMsPostgres(syncedUrl: string, rawUrl: string, days: number) {
  const from = new Client({ connectionString: syncedUrl, types: asText });
  const to = new Client({ connectionString: rawUrl });
  await from.connect();
  await to.connect();
  try {
    const read = async (sql: string, params: unknown[] = []) => {
      const result = await from.query({ text: sql, values: params, rowMode: 'array' });
      return {
        columns: result.fields.map((field) => field.name),
        rows: result.rows as unknown[][],
      };
    };
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      const perStatement = Math.max(1, Math.floor(PG_PARAMETERS / columns.length));
      for (let start = 0; start < rows.length; start += perStatement) {
        const batch = rows.slice(start, start + perStatement);
        let n = 0;
        const values = batch.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`).join(', ');
        await to.query(
          `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`,
          batch.flat(),
        );
      }
    };
    // What the records refer to (the plan, its version, the source, the run) is copied as is.
    for (const table of ['rate_plans', 'rate_plan_versions', 'sources', 'sync_runs']) {
      const { columns, rows } = await read(`SELECT * FROM ${table} ORDER BY id`);
      await insert(table, columns, rows);
    }
    const first = Date.parse(FROM);
    let total = 0;
    for (let day = 0; day < days; day++) {
      const start = day === 0 ? 0 : first + day * DAY_MS;
      const end = day === days - 1 ? Number.MAX_SAFE_INTEGER : first + (day + 1) * DAY_MS;
      const records = await read(
        `SELECT * FROM call_records WHERE start_time_ms >= $1 AND start_time_ms < $2 ORDER BY id`,
        [start, end],
      );
      const items = await read(
        `SELECT * FROM line_items WHERE call_record_id IS NOT NULL
           AND start_time_ms >= $1 AND start_time_ms < $2 ORDER BY id`,
        [start, end],
      );
      const began = performance.now();
      await to.query('BEGIN');
      await insert('call_records', records.columns, records.rows);
      await insert('line_items', items.columns, items.rows);
      await to.query('COMMIT');
      total += performance.now() - began;
    }
    return total;
  } finally {
    await from.end();
    await to.end();
  }
}

/** Where the synced ledger and the raw insert's copy live, and how to measure and drop them. */
interface BenchDatabases {
  syncedUrl: string;
  migrateRaw(): Promise<void>;
  rawInsertMs(days: number): Promise<number>;
  ledgerBytes(): Promise<number>;
  close(): Promise<void>;
}

function sqliteDatabases(dir: string): BenchDatabases {
  const syncedPath = join(dir, 'synced.sqlite');
  const rawPath = join(dir, 'raw.sqlite');
  return {
    syncedUrl: `sqlite:${syncedPath}`,
    migrateRaw: () => migratedLedger(rawPath),
    rawInsertMs: (days) => Promise.resolve(rawInsertMs(syncedPath, rawPath, days)),
    ledgerBytes: () => Promise.resolve(statSync(syncedPath).size),
    close: () => Promise.resolve(),
  };
}

async function postgresDatabases(): Promise<BenchDatabases> {
  const server: PostgresServer = await startPostgres();
  try {
    const admin = new Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE synced');
    await admin.query('CREATE DATABASE raw');
    await admin.end();
  } catch (error) {
    server.stop();
    throw error;
  }
  return {
    syncedUrl: server.url('synced'),
    migrateRaw: async () => {
      const source = await openLedgerDataSource({
        kind: 'postgres',
        url: server.url('raw'),
        poolSize: 1,
      });
      await source.destroy();
    },
    rawInsertMs: (days) => rawInsertMsPostgres(server.url('synced'), server.url('raw'), days),
    ledgerBytes: async () => {
      const client = new Client({ connectionString: server.url('synced') });
      await client.connect();
      try {
        const { rows } = await client.query<{ size: string }>(
          `SELECT pg_database_size('synced') AS size`,
        );
        return Number(rows[0].size);
      } finally {
        await client.end();
      }
    },
    close: () => Promise.resolve(server.stop()),
  };
}

export async function runSyncBench(options: SyncBenchOptions): Promise<SyncBenchResult> {
  const log = options.log ?? (() => undefined);
  const callsPerDay = Math.ceil(options.calls / options.days);
  const dir = mkdtempSync(join(tmpdir(), 'xima-billing-bench-sync-'));
  const databases =
    options.database === 'postgres' ? await postgresDatabases() : sqliteDatabases(dir);
  const startMs = Date.parse(FROM);
  const window = { startMs, endMs: startMs + options.days * DAY_MS };
  const sandbox = await (options.sandbox === 'in-process' ? sandboxInProcess : sandboxProcess)(
    callsPerDay,
    options.days + 1,
  );
  try {
    log(`the sandbox renders ${options.days} days of calls (${callsPerDay} a day)`);
    await warmUp(sandbox.url, window);
    const app = await bootCli(databases.syncedUrl, sandbox.url);
    let result: Omit<SyncBenchResult, 'rawMs' | 'rawCallsPerSecond' | 'ratio' | 'ledgerBytes'>;
    try {
      const { plan } = await app
        .get(RatePlansService)
        .create({ effectiveFrom: '2026-01-01T00:00:00Z', ...benchPlan() }, SYSTEM_ACTOR);
      const source = await app.get(SourcesService).create(
        {
          name: 'Benchmark hotel',
          kind: 'call-records',
          historicDataKey: 'CALLDTLX',
          ratePlanId: plan.id,
          timezone: TIMEZONE,
        },
        SYSTEM_ACTOR,
      );
      log(`syncing them from ${sandbox.url}`);
      const began = performance.now();
      const cpuBefore = process.cpuUsage();
      const { done } = await app
        .get(SyncService)
        .start(source.id, 'cli', window, ({ index, total, counts }) =>
          log(`  chunk ${index + 1}/${total}: ${counts.fetched} calls`),
        );
      const run = await done;
      const syncMs = performance.now() - began;
      const cpu = process.cpuUsage(cpuBefore);
      const syncCpuMs = (cpu.user + cpu.system) / 1000;
      // The process's peak so far: main() runs each run in a fresh process, so it is the sync's
      // (with the application's start), before the raw insert below adds its own.
      const peakRssBytes = process.resourceUsage().maxRSS * 1024;
      if (run.status !== 'succeeded') {
        throw new Error(`the sync ${run.status}: ${run.messagesJson}`);
      }
      const [stored] = await app.get(Ledger).manager.query<{ records: number; items: number }[]>(
        `SELECT (SELECT count(*) FROM call_records) AS records,
                (SELECT count(*) FROM line_items) AS items`,
      );
      stored.records = Number(stored.records);
      stored.items = Number(stored.items);
      // The run's counts must be the ledger's: a fast sync that loses calls is no result.
      if (
        stored.records !== run.inserted ||
        stored.items !== run.rated ||
        run.inserted + run.errors !== run.fetched
      ) {
        throw new Error(
          `counts disagree: run fetched ${run.fetched}, inserted ${run.inserted}, rated ${run.rated}, errors ${run.errors}; ledger ${stored.records} records, ${stored.items} items`,
        );
      }
      result = {
        calls: run.fetched,
        days: options.days,
        lineItems: run.rated,
        errors: run.errors,
        syncMs,
        syncCpuMs,
        callsPerSecond: Math.round((run.fetched / syncMs) * 1000),
        peakRssBytes,
      };
    } finally {
      await app.close();
    }
    await databases.migrateRaw();
    const rawMs = await databases.rawInsertMs(options.days);
    const rawCallsPerSecond = Math.round((result.calls / rawMs) * 1000);
    return {
      ...result,
      rawMs,
      rawCallsPerSecond,
      ratio: result.callsPerSecond / rawCallsPerSecond,
      ledgerBytes: await databases.ledgerBytes(),
    };
  } finally {
    await sandbox.close();
    await databases.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type ChildOptions = Pick<SyncBenchOptions, 'calls' | 'days' | 'database'>;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One run in a fresh process, so that its peak RSS is its own. */
function inChild(options: ChildOptions): Promise<SyncBenchResult> {
  const child = fork(__filename, ['--child', JSON.stringify(options)], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (result: SyncBenchResult) => resolve(result));
    child.once('exit', (code) => reject(new Error(`the run's process exited with ${code}`)));
  });
}

async function main(argv: string[]): Promise<void> {
  const child = argv.indexOf('--child');
  if (child >= 0) {
    const options = JSON.parse(argv[child + 1]) as ChildOptions;
    const say = (line: string) => process.stdout.write(`${line}\n`);
    process.send!(await runSyncBench({ ...options, log: say }));
    process.disconnect();
    return;
  }
  const args = new BenchArgs(
    argv,
    'bench:sync [--quick] [--calls N] [--days N] [--runs N] [--database sqlite|postgres]',
  );
  const { quick } = args;
  const calls = args.number('--calls', quick ? 20_000 : 1_000_000);
  const days = args.number('--days', quick ? 3 : 30);
  const runs = args.number('--runs', quick ? 1 : 3);
  const database = args.choice('--database', ['sqlite', 'postgres'] as const, 'sqlite');
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(
    `ledger on ${database === 'postgres' ? "PostgreSQL (a server of the run's own, loopback)" : 'SQLite'}`,
  );
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const results: SyncBenchResult[] = [];
  for (let run = 1; run <= runs; run++) {
    const r = await inChild({ calls, days, database });
    results.push(r);
    say(
      `run ${run}: ${r.calls} calls (${r.lineItems} line items, ${r.errors} errors) in ` +
        `${(r.syncMs / 1000).toFixed(2)} s = ${r.callsPerSecond} calls/s (CPU ${(r.syncCpuMs / 1000).toFixed(2)} s); raw insert ` +
        `${(r.rawMs / 1000).toFixed(2)} s = ${r.rawCallsPerSecond} calls/s; ratio ` +
        `${r.ratio.toFixed(2)}; peak RSS ${mb(r.peakRssBytes)}; ledger ${mb(r.ledgerBytes)}`,
    );
  }
  const of = (pick: (r: SyncBenchResult) => number) => median(results.map(pick));
  const rows: [string, string][] = [
    ['end to end', `${Math.round(of((r) => r.callsPerSecond))} calls/s (target >= 50000)`],
    ['sync CPU', `${(of((r) => r.syncCpuMs) / 1000).toFixed(2)} s`],
    ['raw insert', `${Math.round(of((r) => r.rawCallsPerSecond))} calls/s (same rows)`],
    ['ratio', `${of((r) => r.ratio).toFixed(2)} of the raw insert speed (target >= 0.5)`],
    ['peak RSS', `${mb(of((r) => r.peakRssBytes))} (target <= 300 MB)`],
  ];
  say(`\nmedians of ${runs} run(s):\n${rows.map(([k, v]) => `${k.padEnd(12)}${v}`).join('\n')}`);
}

if (require.main === module) {
  applyMemoryPolicy();
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:sync failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
