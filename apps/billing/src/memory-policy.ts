import { setFlagsFromString } from 'node:v8';

/**
 * V8 grows its heap by up to 4x the live data before it collects again (1.1x to 4x, by how
 * busy the collector has been). A sync chunk makes tens of megabytes of short-lived rows, so
 * with the default the service sat at 400-500 MB while holding under 100 MB. A growing factor
 * of 1.3 keeps the heap near what is live (under 300 MB through a 1,000,000-call backfill) and
 * was no slower in `npm run bench:sync`; it is no cap: a bigger chunk still gets the memory it
 * needs. See docs/decisions/0010-sync-write-path.md.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Called first by every entry point (service, CLI, benchmarks). An operator's own
 * `--heap-growing-percent` (on the command line or in NODE_OPTIONS) wins.
 */
export function applyMemoryPolicy(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): boolean {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) =>
    /^--heap[-_]growing[-_]percent(=|$)/.test(arg),
  );
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return !given;
}
