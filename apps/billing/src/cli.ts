import 'reflect-metadata';
import { applyMemoryPolicy } from './memory-policy';
import { consoleOutput, runCli } from './cli/run-cli';
import { userDirectory } from './cli/user-directory';

// The command line's entry (`node dist/apps/billing/src/cli.js`, `npm run cli`); its commands
// are in cli/, a file per group.
export { runCli, userDirectory };
export type { CliOutput } from './cli/cli-context';

if (require.main === module) {
  applyMemoryPolicy();
  runCli(process.argv.slice(2), consoleOutput, userDirectory(process.env, process.cwd())).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
