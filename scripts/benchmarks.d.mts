// Types of benchmarks.mjs, for the TypeScript that imports it (specs).
export interface Benchmark {
  name: string;
  flags: string;
  measures: string;
  nodeFlags: string[];
  /** The benchmark drives the console: `npm run bench` builds it first when stale. */
  console?: boolean;
  entry: string;
}
export const BENCHMARKS: Benchmark[];
