import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Where the user ran the command. `npm run` runs a script in the package's root and names the
 * directory it was run from in INIT_CWD: `npm run cli -- invoices export … --out a.csv` typed
 * in ~/invoices writes ~/invoices/a.csv. INIT_CWD counts only while we run in the root npm moved
 * to: a program started by an npm script from elsewhere inherits it, and its own directory is
 * the user's.
 */
export function userDirectory(env: NodeJS.ProcessEnv, cwd: string): string {
  const { INIT_CWD: initCwd, npm_package_json: packageJson } = env;
  if (!initCwd || !packageJson) return cwd;
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(dirname(packageJson)) === real(cwd) ? initCwd : cwd;
}
