/// <reference lib="dom" />
/**
 * `npm run bench:console [-- --quick] [-- --items N] [-- --runs N]`: the review page in
 * Chromium over a ledger of 1,000,000 line items (three hotels in three time zones, 30 days,
 * most of it pending), built with SQL into a file before the built service starts on it (not in
 * demo mode). A reviewer made through the API signs in on the sign-in page; then, each run on a
 * fresh navigation, the time from navigating to `/review` to its first 100 rows visible, and from
 * setting the `Status` filter to another value to the new rows visible; and the JavaScript the
 * console ships, gzipped: every built chunk, and what the review page loads. Medians.
 *
 * Issue 14's targets: first rows within 1 s, a filter change within 300 ms, JS at most 250 kB
 * gzipped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { generateApiKey } from '../apps/billing/src/api-keys/api-key-secret';
import { BenchArgs } from './bench-args';
import { launchBrowser, openPage, signIn } from './chromium';
import { median } from './export.bench';
import { buildLedger, serviceProcess } from './review.bench';

export const TARGETS = { firstRowsMs: 1_000, filterChangeMs: 300, jsGzipBytes: 250_000 };

/** The rows the first measurement waits for (fewer when the page shows fewer). */
const FIRST_ROWS = 100;

/** The value the filter change sets the `Status` filter to. */
const FILTER_STATUS = 'approved';

export interface ConsoleBenchOptions {
  items: number;
  /** Fresh navigations measured (each: first rows, then a filter change). */
  runs: number;
  /** The built service's main.js (default: the one built beside this bench in dist/). */
  main?: string;
  log?: (line: string) => void;
}

export interface Timing {
  /** Each run's milliseconds, in the order measured. */
  runsMs: number[];
  medianMs: number;
  /** The queue's rows on the page when they were visible (in the last run). */
  rows: number;
  /** The API requests of the last run that had finished by then: where the time went. */
  requests: ApiRequest[];
  /** The last run's time in the page's long tasks (its main thread busy over 50 ms at a time). */
  longTasksMs: number;
}

export interface ApiRequest {
  /** The method is not in the page's timing: the path and query string, decoded. */
  path: string;
  /** From the start of the measurement to the request's start and its response's end. */
  fromMs: number;
  toMs: number;
}

interface Shown {
  ms: number;
  rows: number;
  requests: ApiRequest[];
  longTasksMs: number;
}

export interface ScriptSize {
  /** The file's name under assets/. */
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface ConsoleBenchResult {
  items: number;
  buildMs: number;
  /** The first navigation, with the browser's cache off (every script fetched). */
  coldFirstRowsMs: number;
  firstRows: Timing;
  filterChange: Timing;
  /** Every script Vite built (apps/console/dist/assets/*.js). */
  builtJs: ScriptSize[];
  /** The scripts a navigation to the review page loads, until its rows are shown (cache off). */
  reviewPageJs: ScriptSize[];
  /** Chromium's version, as it says. */
  browser: string;
  /** The machine's load average (1 minute) before the first navigation and after the last. */
  loadAverage: [number, number];
}

/** What the page records (the script below): when the watched rows were first visible. */
interface Watch {
  /** null: the first rows of a navigation; a status: rows of that status after a change. */
  status: string | null;
  startedAt: number;
  shown: { ms: number; rows: number } | null;
}

type BenchWindow = Window & {
  xbBenchWatch?: Watch;
  /** The page's long tasks (over 50 ms of its main thread at a time) since the navigation. */
  xbBenchLongTasks?: { startTime: number; duration: number }[];
};

/**
 * Runs in the page before its own scripts, on every navigation: a mutation observer that notes
 * the frame in which the queue first shows the watched rows, timed from the navigation's start
 * (the origin of the page's performance.now()) or from the filter change. Functions that run in
 * the page use its globals: this file imports nothing of Node's by the same names.
 */
function watchQueue(firstRows: number): void {
  const page = window as BenchWindow;
  page.xbBenchWatch = { status: null, startedAt: 0, shown: null };
  const longTasks: { startTime: number; duration: number }[] = (page.xbBenchLongTasks = []);
  new PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries())
      longTasks.push({ startTime, duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const watch = page.xbBenchWatch;
    if (!watch || watch.shown) return;
    const table = document.querySelector('table[data-filter]');
    if (!table?.checkVisibility()) return;
    const rows = table.querySelectorAll('tr[data-item-id]').length;
    const settled = table.getAttribute('aria-busy') === 'false' && rows > 0;
    const shown =
      watch.status === null
        ? rows >= firstRows || settled
        : settled &&
          new URLSearchParams(table.getAttribute('data-filter') ?? '')
            .getAll('status')
            .includes(watch.status);
    if (!shown) return;
    watch.shown = { ms: -1, rows };
    requestAnimationFrame(() => (watch.shown = { ms: performance.now() - watch.startedAt, rows }));
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-busy', 'data-filter'],
  });
}

/** Waits for the page's watch to have seen its rows; their time and count. */
async function shown(page: Page, what: string): Promise<Shown> {
  try {
    await page.waitForFunction(() => ((window as BenchWindow).xbBenchWatch?.shown?.ms ?? -1) >= 0, {
      timeout: 60_000,
      polling: 50,
    });
  } catch {
    const rows = await page.$$eval('tr[data-item-id]', (found) => found.length);
    throw new Error(
      `${what}: the review page showed no queue (table[data-filter] with rows tr[data-item-id], ` +
        `aria-busy="false") within 60 s; ${rows} rows on the page`,
    );
  }
  return page.evaluate(() => {
    const watch = (window as BenchWindow).xbBenchWatch!;
    const requests = performance
      .getEntriesByType('resource')
      .map((entry) => entry as PerformanceResourceTiming)
      .filter((entry) => entry.startTime >= watch.startedAt)
      .map((entry) => ({ url: new URL(entry.name), entry }))
      .filter(({ url }) => url.pathname.startsWith('/api/'))
      .map(({ url, entry }) => ({
        path: decodeURIComponent(url.pathname + url.search),
        fromMs: entry.startTime - watch.startedAt,
        toMs: entry.responseEnd - watch.startedAt,
      }));
    const shownAt = watch.startedAt + watch.shown!.ms;
    const longTasksMs = ((window as BenchWindow).xbBenchLongTasks ?? [])
      .filter((task) => task.startTime >= watch.startedAt && task.startTime < shownAt)
      .reduce((total, task) => total + Math.min(task.duration, shownAt - task.startTime), 0);
    return { ...watch.shown!, requests, longTasksMs };
  });
}

/** Sets the select labelled `Status` to `status`, as a person picking it would, and times it. */
async function changeStatus(page: Page, status: string): Promise<void> {
  const select = await page.waitForSelector('::-p-aria(Status[role="combobox"])', {
    timeout: 60_000,
  });
  if (!select) throw new Error('the review page has no select labelled Status');
  const { current, options } = await select.evaluate((element) => {
    const control = element as HTMLSelectElement;
    return {
      current: control.value,
      options: Array.from(control.options, (option) => option.value),
    };
  });
  if (!options.includes(status)) {
    throw new Error(`the Status select has no option "${status}" (${options.join(', ')})`);
  }
  if (current === status) throw new Error(`the Status select already shows "${status}"`);
  await select.evaluate((element, wanted) => {
    const control = element as HTMLSelectElement;
    (window as BenchWindow).xbBenchWatch = {
      status: wanted,
      startedAt: performance.now(),
      shown: null,
    };
    control.value = wanted;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }, status);
}

const gzipped = (bytes: Buffer): number => gzipSync(bytes).length;

/** Every script of the built console the service serves (apps/console/dist of the working dir). */
function builtScripts(): ScriptSize[] {
  const assets = resolve('apps/console/dist/assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, bytes: bytes.length, gzipBytes: gzipped(bytes) };
    });
}

/**
 * The scripts the page's document has loaded, by its own resource timing: each one's bytes once
 * unpacked, and gzipped here from the same file the service serves.
 */
async function loadedScripts(page: Page): Promise<ScriptSize[]> {
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry as PerformanceResourceTiming)
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ url: entry.name, received: entry.decodedBodySize })),
  );
  return Promise.all(
    entries.map(async ({ url, received }) => {
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      const name = new URL(url).pathname.replace(/^\/assets\//, '');
      return { name, bytes: received, gzipBytes: gzipped(bytes) };
    }),
  );
}

const timing = (runsMs: number[], last: Shown): Timing => ({
  runsMs,
  medianMs: median(runsMs),
  rows: last.rows,
  requests: last.requests,
  longTasksMs: last.longTasksMs,
});

export async function runConsoleBench(options: ConsoleBenchOptions): Promise<ConsoleBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'xima-billing-bench-console-'));
  const ledgerPath = join(dir, 'ledger.sqlite');
  const adminKey = generateApiKey();
  try {
    log(`building a ledger of ${options.items} line items`);
    const began = performance.now();
    await buildLedger(ledgerPath, options.items, { sources: 3 });
    const buildMs = performance.now() - began;
    const [server, browser] = await Promise.all([
      serviceProcess(ledgerPath, adminKey, options.main),
      launchBrowser(),
    ]);
    try {
      const reviewer = {
        email: 'reviewer@bench.example',
        name: 'Bench reviewer',
        role: 'accountant',
        password: randomBytes(18).toString('base64url'),
      };
      const made = await fetch(`${server.url}/api/v1/users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(reviewer),
      });
      if (made.status !== 201) throw new Error(`POST /api/v1/users: ${made.status}`);

      const { page, problems } = await openPage(browser);
      // A shared machine (the test suite runs two files at a time) may take longer than
      // puppeteer's 30 s for a step: the bench times its steps itself, it need not fail on them.
      page.setDefaultTimeout(120_000);
      page.setDefaultNavigationTimeout(120_000);
      await page.evaluateOnNewDocument(watchQueue, FIRST_ROWS);
      log('signing in');
      await signIn(page, server.url, reviewer.email, reviewer.password);
      await page.waitForSelector('::-p-aria(Sections)', { timeout: 120_000 });

      const loadBefore = loadavg()[0];
      log('the first navigation to /review, the cache off');
      await page.setCacheEnabled(false);
      await page.goto(`${server.url}/review`, { waitUntil: 'domcontentloaded' });
      const cold = await shown(page, 'first navigation');
      await page.waitForNetworkIdle({ idleTime: 200 });
      const reviewPageJs = await loadedScripts(page);
      await page.setCacheEnabled(true);

      const first: number[] = [];
      const filter: number[] = [];
      let lastFirst: Shown | null = null;
      let lastFilter: Shown | null = null;
      for (let run = 1; run <= options.runs; run++) {
        await page.goto(`${server.url}/review`, { waitUntil: 'domcontentloaded' });
        const rows = await shown(page, `run ${run}, first rows`);
        await page.waitForNetworkIdle({ idleTime: 200 });
        await changeStatus(page, FILTER_STATUS);
        const changed = await shown(page, `run ${run}, status=${FILTER_STATUS}`);
        first.push(rows.ms);
        filter.push(changed.ms);
        lastFirst = rows;
        lastFilter = changed;
        log(
          `run ${run}/${options.runs}: first ${rows.rows} rows ${rows.ms.toFixed(0)} ms; ` +
            `status=${FILTER_STATUS}: ${changed.rows} rows ${changed.ms.toFixed(0)} ms`,
        );
      }
      if (problems.length > 0) throw new Error(`the page had problems:\n${problems.join('\n')}`);
      return {
        items: options.items,
        buildMs,
        coldFirstRowsMs: cold.ms,
        firstRows: timing(first, lastFirst!),
        filterChange: timing(filter, lastFilter!),
        builtJs: builtScripts(),
        reviewPageJs,
        browser: await browser.version(),
        loadAverage: [loadBefore, loadavg()[0]],
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const sum = (scripts: ScriptSize[], field: 'bytes' | 'gzipBytes'): number =>
  scripts.reduce((total, script) => total + script[field], 0);
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

/** The result as the lines the command prints (docs/benchmarks.md quotes them). */
export function report(result: ConsoleBenchResult): string[] {
  const { firstRows, filterChange, builtJs, reviewPageJs } = result;
  const builtGzip = sum(builtJs, 'gzipBytes');
  const pageGzip = sum(reviewPageJs, 'gzipBytes');
  const fewer =
    firstRows.rows < FIRST_ROWS ? `; the page shows ${firstRows.rows} rows, not ${FIRST_ROWS}` : '';
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const requests = (timing: Timing) =>
    timing.requests.map(
      (r) => `    ${ms(r.fromMs).padStart(7)} .. ${ms(r.toMs).padStart(7)}  GET ${r.path}`,
    );
  const [loadBefore, loadAfter] = result.loadAverage.map((load) => load.toFixed(1));
  return [
    `ledger of ${result.items} line items built in ${(result.buildMs / 1000).toFixed(1)} s; ` +
      `${firstRows.runsMs.length} fresh navigations in ${result.browser}; ` +
      `load average ${loadBefore} before, ${loadAfter} after`,
    `runs, first rows:     ${firstRows.runsMs.map(ms).join(' / ')}`,
    `runs, filter change:  ${filterChange.runsMs.map(ms).join(' / ')}`,
    '',
    `navigation to the first ${firstRows.rows} rows visible (median): ${ms(firstRows.medianMs)} ` +
      `(target <= ${ms(TARGETS.firstRowsMs)}: ${verdict(firstRows.medianMs <= TARGETS.firstRowsMs)}${fewer})`,
    `  the first navigation, the cache off: ${ms(result.coldFirstRowsMs)}`,
    `  the last run: ${ms(firstRows.longTasksMs)} of it in the page's long tasks; its API requests, from the navigation's start:`,
    ...requests(firstRows),
    `Status -> ${FILTER_STATUS}, ${filterChange.rows} new rows visible (median): ${ms(filterChange.medianMs)} ` +
      `(target <= ${ms(TARGETS.filterChangeMs)}: ${verdict(filterChange.medianMs <= TARGETS.filterChangeMs)})`,
    `  the last run: ${ms(filterChange.longTasksMs)} of it in the page's long tasks; its API requests, from the change:`,
    ...requests(filterChange),
    `JS built, all ${builtJs.length} chunks: ${kB(builtGzip)} gzipped, ${kB(sum(builtJs, 'bytes'))} raw ` +
      `(target <= ${kB(TARGETS.jsGzipBytes)}: ${verdict(builtGzip <= TARGETS.jsGzipBytes)})`,
    `JS the review page loads: ${kB(pageGzip)} gzipped, ${kB(sum(reviewPageJs, 'bytes'))} raw ` +
      `(target <= ${kB(TARGETS.jsGzipBytes)}: ${verdict(pageGzip <= TARGETS.jsGzipBytes)})`,
    ...reviewPageJs.map(
      (s) => `  ${s.name.padEnd(32)} ${kB(s.gzipBytes)} gzipped, ${kB(s.bytes)} raw`,
    ),
  ];
}

async function main(argv: string[]): Promise<void> {
  const args = new BenchArgs(argv, 'bench:console [--quick] [--items N] [--runs N]');
  const { quick } = args;
  const items = args.number('--items', quick ? 20_000 : 1_000_000);
  const runs = args.number('--runs', quick ? 3 : 10);
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const result = await runConsoleBench({ items, runs, log: say });
  say('');
  for (const line of report(result)) say(line);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:console failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
