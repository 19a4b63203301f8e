// Types of benchmarks.mjs, for the TypeScript that imports it (specs).
export interface Benchmark {
  name: string;
  flags: string;
  measures: string;
  nodeFlags: string[];
  entry: string;
}
export const BENCHMARKS: Benchmark[];
