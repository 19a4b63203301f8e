// `npm run bench` lists the benchmarks; `npm run bench -- <name> [flags]` runs one, building
// first only when a source is newer than the build (see built.mjs). `npm run bench:<name>` is
// the same as `npm run bench -- <name>`. Results and how to read them: docs/benchmarks.md.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './benchmarks.mjs';
import { buildConsoleIfStale, buildIfStale, runEntry } from './built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);

function list(out) {
  out.write('Benchmarks (npm run bench -- <name> [flags], or npm run bench:<name> -- [flags]):\n');
  for (const bench of BENCHMARKS) {
    out.write(`\n  ${bench.name} ${bench.flags}\n`);
    out.write(`    ${bench.measures}\n`);
  }
  out.write('\n--quick runs a small size in seconds. Results: docs/benchmarks.md\n');
}

if (name === undefined || name === '--help' || name === '-h') {
  list(process.stdout);
  process.exit(0);
}
const bench = BENCHMARKS.find((candidate) => candidate.name === name);
if (bench === undefined) {
  process.stderr.write(`No benchmark named "${name}".\n`);
  list(process.stderr);
  process.exit(2);
}
const built = buildIfStale(root, 'billing', bench.entry);
if (built !== 0) process.exit(built);
if (bench.console) {
  const consoleBuilt = buildConsoleIfStale(root);
  if (consoleBuilt !== 0) process.exit(consoleBuilt);
}
runEntry(root, bench.entry, args, bench.nodeFlags);
