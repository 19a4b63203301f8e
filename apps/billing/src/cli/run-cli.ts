import { resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError } from 'commander';
import { DomainError } from '@app/common';
import { CliLogger } from '../cli-logger';
import { CliModule } from '../cli.module';
import { loadEnvFile } from '../config/env-file';
import { ConfigurationError, databaseUrlOf, validateEnvironment } from '../config/environment';
import { addApiKeyCommands } from './api-keys.command';
import { CliContext, CliOutput } from './cli-context';
import { addInvoiceCommands } from './invoices.command';
import { addLawFirmCommands } from './law-firms.command';
import { addLedgerCommands } from './ledger.command';
import { addRatePlanCommands } from './rate-plans.command';
import { addSyncCommand } from './sync.command';
import { addUserCommands } from './users.command';

export const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(line + '\n'),
  // A line written while a progress bar shows (a warning in the middle of a sync) replaces it.
  err: (line) => process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[2K' : ''}${line}\n`),
  progress: (line) => {
    if (!process.stderr.isTTY) return;
    process.stderr.write(`\r\x1b[2K${line}`);
    if (line === '') process.stderr.write('\r');
  },
};

/**
 * `npm run cli -- <command>`: the service's administration from a shell, against the ledger
 * that DATABASE_URL names. A relative file name is the user's: relative to `directory`, where
 * the command was run (see `userDirectory`). Returns the exit code.
 */
export async function runCli(
  argv: string[],
  output: CliOutput = consoleOutput,
  directory = process.cwd(),
): Promise<number> {
  let context: INestApplicationContext | undefined;
  let exitCode = 0;
  const cli: CliContext = {
    output,
    boot: async () => {
      loadEnvFile();
      validateEnvironment(process.env);
      context ??= await NestFactory.createApplicationContext(CliModule.forRoot(), {
        logger: new CliLogger((line) => output.err(line)),
      });
      return context;
    },
    userPath: (file) => resolve(directory, file),
    ledgerUrl: () => {
      loadEnvFile();
      return databaseUrlOf(validateEnvironment(process.env));
    },
    fail: () => {
      exitCode = 1;
    },
  };

  const program = new Command('xima-billing').exitOverride().configureOutput({
    writeOut: (s) => output.out(s.trimEnd()),
    writeErr: (s) => output.err(s.trimEnd()),
  });
  addApiKeyCommands(program, cli);
  addUserCommands(program, cli);
  addRatePlanCommands(program, cli);
  addInvoiceCommands(program, cli);
  addSyncCommand(program, cli);
  addLawFirmCommands(program, cli);
  addLedgerCommands(program, cli);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help that was asked for).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConfigurationError) {
      output.err(`Configuration error: ${error.message}`);
      return 1;
    }
    if (error instanceof DomainError) {
      output.err(`Error: ${error.message}`);
      // Every failing field, one per line: a plan file can have many.
      if (error.details && error.details.length > 1) {
        for (const detail of error.details) output.err(`  ${detail.field}: ${detail.message}`);
      }
      return 1;
    }
    throw error;
  } finally {
    await context?.close();
  }
}
