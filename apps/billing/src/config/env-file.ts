import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads `.env` from the working directory into the environment, if there is one; variables
 * already set win. Called by each entry point (service, CLI, migrations) before validation,
 * so that a bad value in `.env` gets the same one-line error as one in the environment.
 */
export function loadEnvFile(path = resolve('.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
