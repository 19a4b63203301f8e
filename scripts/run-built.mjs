// `node scripts/run-built.mjs <nest project> <built entry> [args...]`: `npm run cli` and
// `npm run sandbox`. Builds only when a source is newer than the entry (see built.mjs), then
// runs the entry with the remaining arguments.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, runEntry } from './built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [project, entry, ...args] = process.argv.slice(2);
if (!project || !entry) {
  process.stderr.write(
    'usage: node scripts/run-built.mjs <nest project> <built entry> [args...]\n',
  );
  process.exit(2);
}
const built = buildIfStale(root, project, entry);
if (built !== 0) process.exit(built);
runEntry(root, entry, args);
