// `node scripts/build-console.mjs`: builds the console (apps/console -> apps/console/dist) when it
// is missing or older than its sources. `npm start` runs it first, so that a fresh clone serves
// the console at `/` without a separate step.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsoleIfStale } from './built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.exit(buildConsoleIfStale(root));
