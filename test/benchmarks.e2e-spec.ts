import { join } from 'node:path';
import {
  benchPlan,
  lawFirmBenchPlan,
  runLawFirmRatingBench,
  runRatingBench,
} from '../bench/rating.bench';
import { runSyncBench } from '../bench/sync.bench';
import { runReviewBench } from '../bench/review.bench';
import { runOverviewBench } from '../bench/overview.bench';
import { runExportBench } from '../bench/export.bench';
import { runArchiveBench } from '../bench/archive.bench';
import { report, runConsoleBench } from '../bench/console.bench';
import { report as pmsReport, runPmsBench } from '../bench/pms.bench';
import { BenchArgs } from '../bench/bench-args';
import { validateRatePlan } from '@app/rating';
import { buildAll } from './support/console';
import { expectQuickSyncRun } from './support/bench-checks';

/**
 * Every benchmark at its `--quick` size, so that none rots unnoticed. Timing is not asserted
 * here (the machine is shared and noisy); the numbers are in docs/benchmarks.md.
 */
describe('benchmarks (--quick)', () => {
  it('bench:rating rates generated records with a valid 5,000-prefix plan and parses the same as Xima JSON', () => {
    const plan = benchPlan();
    expect(plan.destinations).toHaveLength(5_000);
    expect(validateRatePlan(plan).ok).toBe(true);

    const lines: string[] = [];
    const result = runRatingBench({ records: 3_000, runs: 2, log: (line) => lines.push(line) });
    expect(result.records).toBe(3_000);
    expect(result.outbound).toBeGreaterThan(500);
    expect(result.outbound).toBeLessThan(3_000);
    expect(result.checksumMinor).toBeGreaterThan(0);
    expect(result.ratePerSecond).toBeGreaterThan(0);
    expect(result.ratio).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('plan of 5000 prefixes');
  });

  it("bench:rating --law-firm rates the attorneys' calls with and without a law book of 50,000 matters, every outcome happening", () => {
    expect(validateRatePlan(lawFirmBenchPlan()).ok).toBe(true);
    const lines: string[] = [];
    const result = runLawFirmRatingBench({
      records: 3_000,
      matters: 50_000,
      runs: 2,
      log: (line) => lines.push(line),
    });
    expect(result.records).toBe(3_000);
    expect(result.matters).toBe(50_000);
    expect(result.lineItems).toBeGreaterThan(1_000);
    for (const outcome of [
      'pending -',
      'needs-review unknown-matter',
      'needs-review closed-matter',
      'no-charge non-billable-matter',
      'needs-review missing-account-code',
      'needs-review unknown-account-code',
    ]) {
      expect({ outcome, seen: (result.outcomes[outcome] ?? 0) > 0 }).toEqual({
        outcome,
        seen: true,
      });
    }
    expect(result.checksumWithMinor).toBeGreaterThan(0);
    expect(result.checksumWithMinor).not.toBe(result.checksumWithoutMinor);
    for (const pair of [result.engine, result.rateRecord]) {
      expect(pair.withoutMs).toBeGreaterThan(0);
      expect(pair.ratio).toBeGreaterThan(0);
      expect(pair.cpuRatio).toBeGreaterThan(0);
    }
    expect(lines.join('\n')).toContain('law book of 50000 matters');
  });

  it('bench:sync syncs sandbox days end to end into a fresh ledger and times the raw insert of the same rows', async () => {
    const lines: string[] = [];
    const result = await runSyncBench({
      calls: 3_000,
      days: 2,
      sandbox: 'in-process',
      log: (line) => lines.push(line),
    });
    expectQuickSyncRun(result, lines);
    expect(result.peakRssBytes).toBeGreaterThan(0);
  }, 60_000);

  it('bench:review builds a ledger, serves the review API on loopback and measures every scenario', async () => {
    const result = await runReviewBench({
      items: 3_000,
      seconds: 0.3,
      connections: [1],
      server: 'in-process',
    });
    expect(result.items).toBe(3_000);
    expect(result.scenarios.map((s) => s.name)).toHaveLength(5);
    for (const scenario of result.scenarios) {
      expect(scenario.non2xx).toBe(0);
      expect(scenario.requests).toBeGreaterThan(0);
      expect(scenario.p95).toBeGreaterThanOrEqual(scenario.p50);
    }
    // Each scenario answers what it claims to measure.
    expect(result.scenarios.map((s) => s.sample)).toEqual([
      expect.stringMatching(/^\d+ items, totals over \d+$/),
      '100 items',
      expect.stringMatching(/^1 items, totals over \d+$/),
      expect.stringMatching(/^100 items, totals over 1800$/),
      '100 items',
    ]);
  }, 60_000);

  it("bench:overview builds a ledger over 60 days with its sums and asks each of the overview's routes", async () => {
    const result = await runOverviewBench({
      items: 3_000,
      days: 60,
      runs: 2,
      server: 'in-process',
    });
    expect(result).toMatchObject({ items: 3_000, days: 60 });
    // Four sources of 60 days with a few statuses and currencies each; far fewer rows than items
    // at a million, here about as many: what matters is that the sums were made.
    expect(result.sums.daily).toBeGreaterThan(4 * 60);
    expect(result.sums.accounts).toBeGreaterThan(0);
    expect(result.sums.destinations).toBeGreaterThan(0);
    expect(result.routes.map((r) => [r.runs, r.sample])).toEqual([
      [2, '4 sources'],
      [2, '30 days'],
      [2, '10 rows'],
      [2, '10 rows'],
      [2, '60 days'],
    ]);
    for (const route of result.routes) expect(route.medianMs).toBeGreaterThan(0);
  }, 60_000);

  it('bench:export finalises invoices of each size and exports them as CSV and LEDES, every line once', async () => {
    const lines: string[] = [];
    const results = await runExportBench({
      sizes: [1_000, 2_000],
      runs: 2,
      measureIn: 'in-process',
      log: (line) => lines.push(line),
    });
    expect(results.map((r) => r.lines)).toEqual([1_000, 2_000]);
    for (const r of results) {
      expect(r.total).toMatch(/^\d+\.\d{2} USD$/);
      expect(r.readLinesPerSecond).toBeGreaterThan(0);
      expect(r.stringifyLinesPerSecond).toBeGreaterThan(0);
      expect(r.exports.map((e) => e.format)).toEqual(['csv', 'ledes1998b']);
      for (const e of r.exports) {
        expect(e.lines).toBe(r.lines);
        expect(e.bytes).toBeGreaterThan(r.lines * 100);
        expect(e.linesPerSecond).toBeGreaterThan(0);
        expect(e.peakRssBytes).toBeGreaterThan(0);
        expect(e.ratioToRead).toBeGreaterThan(0);
      }
    }
    // Twice the lines, about twice the bytes: the files grow with the invoice, nothing else.
    const [small, large] = results.map((r) => r.exports[0].bytes);
    expect(large / small).toBeGreaterThan(1.9);
    expect(large / small).toBeLessThan(2.1);
    expect(lines).toContain('exporting INV-2026-000001 (2000 lines) 2 times as csv, ledes1998b');
  }, 120_000);

  it('bench:archive finalises invoices by a batch and exports them one by one and as one ZIP', async () => {
    const [result] = await runArchiveBench({
      invoices: 10,
      lines: [50],
      runs: 1,
      measureIn: 'in-process',
    });
    expect(result).toMatchObject({ invoices: 10, lines: 500 });
    expect(result.csvBytes).toBeGreaterThan(0);
    expect(result.zipBytes).toBeGreaterThan(0);
    expect(result.zipBytes).toBeLessThan(result.csvBytes);
    expect(result.zipLinesPerSecond).toBeGreaterThan(0);
  });

  it('bench:console signs in on a ledger file in Chromium and times the review page, its filter and its JS', async () => {
    buildAll();
    const result = await runConsoleBench({
      items: 20_000,
      runs: 3,
      main: join(__dirname, '../dist/apps/billing/src/main.js'),
    });
    expect(result.items).toBe(20_000);
    for (const timing of [result.firstRows, result.filterChange]) {
      expect(timing.runsMs).toHaveLength(3);
      for (const ms of timing.runsMs) expect(ms).toBeGreaterThan(0);
      expect(timing.rows).toBeGreaterThan(0);
      expect(timing.rows).toBeLessThanOrEqual(100);
    }
    expect(result.coldFirstRowsMs).toBeGreaterThan(0);
    // Every script the page loaded is one Vite built, received whole; gzip makes them smaller.
    const built = new Map(result.builtJs.map((script) => [script.name, script]));
    expect(result.reviewPageJs.length).toBeGreaterThanOrEqual(2);
    for (const script of result.reviewPageJs) expect(built.get(script.name)).toEqual(script);
    const total = (field: 'bytes' | 'gzipBytes') =>
      result.builtJs.reduce((sum, script) => sum + script[field], 0);
    expect(total('gzipBytes')).toBeGreaterThan(0);
    expect(total('gzipBytes')).toBeLessThan(total('bytes'));
    expect(result.reviewPageJs.map((script) => script.name)).toContainEqual(
      expect.stringMatching(/^review-.*\.js$/),
    );
    // Each number is printed beside its target (met or not: timing is not asserted here), with
    // the API requests that went into it.
    const lines = report(result).join('\n');
    expect(lines).toMatch(
      /first \d+ rows visible \(median\): \d+ ms \(target <= 1000 ms: (met|NOT met)/,
    );
    expect(lines).toMatch(
      /new rows visible \(median\): \d+ ms \(target <= 300 ms: (met|NOT met)\)/,
    );
    expect(lines).toMatch(
      /JS built, all \d+ chunks: [\d.]+ kB gzipped.*\(target <= 250\.0 kB: (met|NOT met)\)/,
    );
    expect(lines).toMatch(/JS the review page loads: [\d.]+ kB gzipped.*\(target <= 250\.0 kB/);
    expect(result.firstRows.requests.map((r) => r.path)).toContainEqual(
      expect.stringMatching(/^\/api\/v1\/line-items\?/),
    );
    expect(result.filterChange.requests.map((r) => r.path)).toContainEqual(
      expect.stringMatching(/^\/api\/v1\/line-items\?.*status=approved/),
    );
  }, 300_000);

  it('bench:pms posts over a link to the stand-in beside raw round trips, and times postings from their sync', async () => {
    const lines: string[] = [];
    const result = await runPmsBench({
      postings: 120,
      runs: 2,
      syncs: 3,
      standIn: 'in-process',
      log: (line) => lines.push(line),
    });
    // Both measurements in each run, the order alternating; every posting taken once (the
    // bench checks the ledger and the stand-in agree, and throws if not).
    expect(result.runs.map((r) => [r.postings, r.first])).toEqual([
      [120, 'service'],
      [120, 'raw'],
    ]);
    for (const run of result.runs) {
      expect(run.postingsPerSecond).toBeGreaterThan(0);
      expect(run.rawPostingsPerSecond).toBeGreaterThan(0);
      expect(run.ratio).toBeGreaterThan(0);
    }
    expect(result.latency.syncs).toBe(3);
    expect(result.latency.postings).toBeGreaterThan(0);
    expect(result.latency.p95Ms).toBeGreaterThanOrEqual(result.latency.p50Ms);
    expect(result.latency.maxMs).toBeGreaterThanOrEqual(result.latency.p95Ms);
    const summary = pmsReport(result).join('\n');
    expect(summary).toMatch(/ratio +[\d.]+ \(target >= 0\.8: (met|NOT met)\)/);
    expect(summary).toMatch(/p95 -?\d+ ms \(target <= 1000 ms: (met|NOT met)\)/);
    expect(lines).toContain('  120 postings wait; the link starts');
  }, 120_000);

  it("reads a bench's flags, and refuses a bad one with the usage and exit code 2", () => {
    const args = new BenchArgs(
      ['--quick', '--runs', '3', '--sizes', '10,20'],
      'bench:x [--runs N]',
    );
    expect(args.quick).toBe(true);
    expect(args.number('--runs', 5)).toBe(3);
    expect(args.number('--items', 7)).toBe(7);
    expect(args.list('--sizes', [1])).toEqual([10, 20]);
    expect(args.checked()).toBe(args);

    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const bad = new BenchArgs(['--runs', '0', '--sizes', '5,x'], 'bench:x [--runs N]');
      bad.number('--runs', 5);
      bad.list('--sizes', [1]);
      bad.checked();
      expect(exit).toHaveBeenCalledWith(2);
      expect(stderr).toHaveBeenCalledWith('bad --runs, --sizes\nusage: bench:x [--runs N]\n');
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
