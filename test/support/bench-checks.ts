import type { SyncBenchResult } from '../../bench/sync.bench';

/**
 * What every quick sync benchmark of 3,000 calls over two days must show, whatever its
 * database: every call read, none refused, items made, both sides timed, a line a chunk.
 */
export function expectQuickSyncRun(result: SyncBenchResult, lines: string[]): void {
  expect(result.calls).toBeGreaterThan(2_500);
  expect(result.calls).toBeLessThan(3_500);
  expect(result.errors).toBe(0);
  expect(result.lineItems).toBeGreaterThan(300);
  expect(result.callsPerSecond).toBeGreaterThan(0);
  expect(result.rawCallsPerSecond).toBeGreaterThan(0);
  expect(result.ratio).toBeGreaterThan(0);
  expect(lines.filter((line) => /^ {2}chunk \d\/2: \d+ calls$/.test(line))).toHaveLength(2);
}
