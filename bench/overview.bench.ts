/**
 * `npm run bench:overview [-- --quick] [-- --items N] [-- --days N] [-- --runs N]`: a ledger of
 * 1,000,000 line items over the 60 days that end today (four sources in four zones, three
 * currencies, every status, thousands of billing accounts and a hundred destinations), the
 * service started on it as a process of its own on 127.0.0.1, and the overview's routes asked
 * over HTTP one after another: how each source stands, calls and charges per day, the top billing
 * accounts and the top destinations. Prints the median latency of each.
 *
 * Issue 14's target: each route at most 100 ms at a million items.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { localDate } from '@app/common';
import { ledgerDataSourceOptions } from '@app/ledger';
import { generateApiKey } from '../apps/billing/src/api-keys/api-key-secret';
import { benchPlan } from './rating.bench';
import { Server, serviceInProcess, serviceProcess } from './review.bench';
import { BenchArgs } from './bench-args';
import { localDateSql, rebuildTotals } from './ledger-seed';

export interface OverviewBenchOptions {
  items: number;
  days: number;
  /** Requests per route, one after another. */
  runs: number;
  /** The built service (`process`, the default) or the app in this process (tests). */
  server?: 'process' | 'in-process';
  log?: (line: string) => void;
}

export interface RouteResult {
  name: string;
  path: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** What the answer held, from the last one: days, rows or sources. */
  sample: string;
}

export interface OverviewBenchResult {
  items: number;
  days: number;
  buildMs: number;
  /** Rows of each table of sums: what the routes read instead of the items. */
  sums: { daily: number; accounts: number; destinations: number };
  routes: RouteResult[];
}

const DAY_MS = 86_400_000;

/** The ledger's sources: a share of the items each (of 10), its zone, currency and accounts. */
const SOURCES = [
  { id: 1, name: 'Grand Hotel', zone: 'America/Denver', currency: 'USD', accounts: 999 },
  { id: 2, name: 'Harbour Hotel', zone: 'Europe/London', currency: 'GBP', accounts: 400 },
  { id: 3, name: 'Porter Lane LLP', zone: 'America/New_York', currency: 'USD', accounts: 300 },
  { id: 4, name: 'Kyoto Inn', zone: 'Asia/Tokyo', currency: 'JPY', accounts: 200 },
];
/** Item `i`'s source: 40 %, 30 %, 20 % and 10 % of the items. */
const SOURCE_OF = `CASE WHEN i % 10 < 4 THEN 1 WHEN i % 10 < 7 THEN 2 WHEN i % 10 < 9 THEN 3 ELSE 4 END`;

/**
 * A fresh ledger of `items` line items, each with its call record, evenly over the `days` days
 * that end at today's midnight (UTC), built with SQL as the other benchmarks build theirs; each
 * item's local date and the overview's sums as the ledger's inserter makes them. Per item: a
 * billing account of its source (none for `needs-review`), a destination of 10 classes and about
 * a hundred prefixes, a status (60 % pending, 20 % approved, 5 % each rejected, no-charge,
 * needs-review), an amount in its source's currency. And a sync run a day per source.
 */
export async function buildOverviewLedger(
  path: string,
  items: number,
  days: number,
): Promise<{ fromMs: number; toMs: number }> {
  const source = new DataSource({
    ...ledgerDataSourceOptions({ kind: 'sqlite', path }),
    logging: false,
  });
  await source.initialize();
  await source.destroy();
  const toMs = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const fromMs = toMs - days * DAY_MS;
  const spacing = (days * DAY_MS) / items;
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const localDate = localDateSql(
    db,
    new Map(SOURCES.map((s) => [s.id, s.zone])),
    { fromMs, toMs },
    'c',
  );
  db.transaction(() => {
    const plan = db.prepare(
      `INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
       VALUES (?, ?, 'per-call', ?, 1, 1)`,
    );
    const version = db.prepare(
      `INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json,
         created_at_ms, created_by) VALUES (?, ?, 1, 0, ?, 1, 'bench')`,
    );
    const insertSource = db.prepare(
      `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id, timezone,
         watermark_ms, created_at_ms, updated_at_ms)
       VALUES (?, ?, 'call-records', ?, ?, 1, ?, ?, 1, 1)`,
    );
    for (const s of SOURCES) {
      plan.run(s.id, `${s.name} plan`, s.currency);
      version.run(s.id, s.id, JSON.stringify({ ...benchPlan(), currency: s.currency }));
      insertSource.run(s.id, s.name, `CALLDTL${s.id}`, s.id, s.zone, toMs - 1_800_000);
    }
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO call_records (source_id, call_id, start_time_ms, direction, extension,
         dialed_number, talk_ms, raw_json, created_at_ms)
       SELECT ${SOURCE_OF}, 'call-' || i, ? + CAST(i * ? AS INTEGER), 'outbound',
         CAST(1000 + (i * 7919) % 997 AS TEXT), CAST(i AS TEXT), 30000 + (i * 131) % 900000, '{}', 1
       FROM n`,
    ).run(items, fromMs, spacing);
    // The call record's `dialed_number` holds i, which the item is made from (`h` mixes its bits
    // so that class, status and amount do not follow the source); its extension picks the
    // billing account.
    db.prepare(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
         extension, dialed_number, normalized_number, destination_prefix, destination_class,
         talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor, taxes_json,
         tax_minor, total_minor, status, rate_plan_id, rate_plan_version_id,
         rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
       SELECT source_id, id, call_id,
         CASE WHEN status = 'needs-review' THEN NULL
              ELSE (CASE source_id WHEN 3 THEN 'MATTER-' ELSE 'ROOM-' END)
                || printf('%04d', 1 + CAST(extension AS INTEGER) % accounts) END,
         start_time_ms, extension, NULL, NULL, prefix, class, talk_ms / 1000, talk_ms / 1000,
         currency, amount, amount, '[]', 0, amount, status, source_id, source_id, 1, '{}', 1, 1,
         local_date
       FROM (
         SELECT c.*, p.currency,
           CASE c.source_id WHEN 1 THEN 999 WHEN 2 THEN 400 WHEN 3 THEN 300 ELSE 200 END AS accounts,
           CASE WHEN (h >> 3) % 10 < 5 THEN 'long-distance' WHEN (h >> 3) % 10 < 7 THEN 'local'
                WHEN (h >> 3) % 10 < 9 THEN 'international' ELSE 'toll-free' END AS class,
           CASE WHEN (h >> 3) % 10 < 5 THEN '1' || (201 + (h >> 11) % 40)
                WHEN (h >> 3) % 10 < 7 THEN '1303'
                WHEN (h >> 3) % 10 < 9 THEN CAST(30 + (h >> 11) % 60 AS TEXT)
                ELSE '1800' END AS prefix,
           CASE WHEN (h >> 7) % 20 < 12 THEN 'pending' WHEN (h >> 7) % 20 < 16 THEN 'approved'
                WHEN (h >> 7) % 20 = 16 THEN 'rejected'
                WHEN (h >> 7) % 20 = 17 OR (h >> 3) % 10 = 9 THEN 'no-charge'
                ELSE 'needs-review' END AS status,
           CASE WHEN (h >> 7) % 20 = 17 OR (h >> 3) % 10 = 9 THEN 0
                WHEN p.currency = 'JPY' THEN 10 + (h >> 13) % 2000
                ELSE 20 + (h >> 13) % 3000 END AS amount,
           ${localDate} AS local_date
         FROM (SELECT *, CAST(dialed_number AS INTEGER) AS i,
                 (CAST(dialed_number AS INTEGER) * 2654435761) % 4294967296 AS h
               FROM call_records) c
         JOIN rate_plans p ON p.id = c.source_id)`,
    ).run();
    // A run a day per source; one in twelve failed, a few rows unreadable now and then.
    db.prepare(
      `WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < ? - 1)
       INSERT INTO sync_runs (source_id, status, trigger, from_ms, to_ms, fetched, inserted, rated,
         errors, messages_json, started_at_ms, finished_at_ms)
       SELECT s.id, CASE WHEN (day + s.id) % 12 = 0 THEN 'failed' ELSE 'succeeded' END,
         'schedule', ? + day * ${DAY_MS}, ? + (day + 1) * ${DAY_MS}, 1000, 1000, 400,
         (day * s.id) % 3, CASE WHEN (day + s.id) % 12 = 0 THEN '["Xima answered 503"]' ELSE '[]' END,
         ? + (day + 1) * ${DAY_MS} + 1200000, ? + (day + 1) * ${DAY_MS} + 1260000
       FROM d, sources s`,
    ).run(days, fromMs, fromMs, fromMs, fromMs);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  await rebuildTotals(path);
  return { fromMs, toMs };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** What an answer held, in a few words: for the log, and for the test to check. */
function sampleOf(body: Record<string, unknown>): string {
  if (Array.isArray(body.sources)) return `${body.sources.length} sources`;
  if (Array.isArray(body.days)) return `${body.days.length} days`;
  if (Array.isArray(body.rows)) return `${body.rows.length} rows`;
  return JSON.stringify(body).slice(0, 60);
}

/** `runs` requests one after another (after one to warm up), each timed from send to parsed JSON. */
async function measure(
  server: Server,
  adminKey: string,
  runs: number,
  name: string,
  path: string,
): Promise<RouteResult> {
  const ask = async () => {
    const response = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${name}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  await ask();
  const times: number[] = [];
  let body: Record<string, unknown> = {};
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    body = await ask();
    times.push(performance.now() - began);
  }
  return {
    name,
    path,
    runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    sample: sampleOf(body),
  };
}

export async function runOverviewBench(
  options: OverviewBenchOptions,
): Promise<OverviewBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'xima-billing-bench-overview-'));
  const ledgerPath = join(dir, 'ledger.sqlite');
  const adminKey = generateApiKey();
  try {
    log(`building a ledger of ${options.items} line items over ${options.days} days`);
    const began = performance.now();
    await buildOverviewLedger(ledgerPath, options.items, options.days);
    const buildMs = performance.now() - began;
    const db = new Database(ledgerPath, { readonly: true });
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const sums = {
      daily: count('line_item_daily_totals'),
      accounts: count('line_item_account_totals'),
      destinations: count('line_item_destination_totals'),
    };
    db.close();
    const server = await (options.server === 'in-process' ? serviceInProcess : serviceProcess)(
      ledgerPath,
      adminKey,
    );
    try {
      const routes: [string, string][] = [
        ['each source: last sync, lag, errors, waiting', '/api/v1/overview/sources'],
        ['calls and charges per day, last 30 days', '/api/v1/overview/daily'],
        ['top 10 billing accounts, last 30 days', '/api/v1/overview/top?by=billing-account'],
        ['top 10 destinations, last 30 days', '/api/v1/overview/top?by=destination'],
        [
          `calls and charges per day, all ${options.days} days, one source`,
          `/api/v1/overview/daily?sourceId=1&from=${dayBefore(options.days)}`,
        ],
      ];
      const results: RouteResult[] = [];
      for (const [name, path] of routes) {
        log(`measuring: ${name}`);
        results.push(await measure(server, adminKey, options.runs, name, path));
      }
      return { items: options.items, days: options.days, buildMs, sums, routes: results };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first of the last `days` local days of source 1, today included. */
function dayBefore(days: number): string {
  const today = Date.parse(localDate(Date.now(), SOURCES[0].zone));
  return new Date(today - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

async function main(argv: string[]): Promise<void> {
  const args = new BenchArgs(argv, 'bench:overview [--quick] [--items N] [--days N] [--runs N]');
  const { quick } = args;
  const items = args.number('--items', quick ? 20_000 : 1_000_000);
  const days = args.number('--days', 60);
  const runs = args.number('--runs', quick ? 3 : 10);
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const r = await runOverviewBench({ items, days, runs, log: say });
  say(
    `\nledger of ${r.items} line items over ${r.days} days built in ${(r.buildMs / 1000).toFixed(1)} s; ` +
      `sums: ${r.sums.daily} daily rows, ${r.sums.accounts} account rows, ${r.sums.destinations} destination rows`,
  );
  say(`median of ${runs} requests each, one at a time (target <= 100 ms):`);
  for (const route of r.routes) {
    say(
      `  ${route.name.padEnd(52)} median ${route.medianMs.toFixed(1).padStart(6)} ms  ` +
        `(min ${route.minMs.toFixed(1)}, max ${route.maxMs.toFixed(1)}; ${route.sample})`,
    );
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:overview failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
