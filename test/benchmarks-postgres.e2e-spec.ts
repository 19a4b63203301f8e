import { runReviewBench } from '../bench/review.bench';
import { runSyncBench } from '../bench/sync.bench';
import { expectQuickSyncRun } from './support/bench-checks';

/**
 * The sync and review benchmarks with `--database postgres` at a small size, so that neither
 * rots unnoticed; each starts a PostgreSQL server of its own. Timing is not asserted here; the
 * numbers are in docs/benchmarks.md.
 */
describe('benchmarks on PostgreSQL (--quick --database postgres)', () => {
  it('bench:sync syncs sandbox days into a PostgreSQL ledger and times a raw pg insert of the same rows into the same server', async () => {
    const lines: string[] = [];
    const result = await runSyncBench({
      calls: 3_000,
      days: 2,
      sandbox: 'in-process',
      database: 'postgres',
      log: (line) => lines.push(line),
    });
    expectQuickSyncRun(result, lines);
    expect(result.ledgerBytes).toBeGreaterThan(0);
  }, 90_000);

  it('bench:review copies a ledger into PostgreSQL and measures every scenario on one instance, then over two', async () => {
    const result = await runReviewBench({
      items: 3_000,
      seconds: 0.3,
      connections: [1, 2],
      server: 'in-process',
      database: 'postgres',
    });
    expect(result.items).toBe(3_000);
    expect(result.scenarios.map((s) => [s.connections, s.instances])).toEqual([
      ...Array.from({ length: 5 }, () => [1, 1]),
      ...Array.from({ length: 5 }, () => [2, 2]),
    ]);
    for (const scenario of result.scenarios) {
      expect(scenario.non2xx).toBe(0);
      expect(scenario.requests).toBeGreaterThan(0);
      expect(scenario.p95).toBeGreaterThanOrEqual(scenario.p50);
    }
    expect(result.scenarios.slice(0, 5).map((s) => s.sample)).toEqual([
      expect.stringMatching(/^\d+ items, totals over \d+$/),
      '100 items',
      expect.stringMatching(/^1 items, totals over \d+$/),
      expect.stringMatching(/^100 items, totals over 1800$/),
      '100 items',
    ]);
  }, 90_000);
});
