import { benchPlan, runRatingBench } from '../bench/rating.bench';
import { validateRatePlan } from '@app/rating';

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
});
