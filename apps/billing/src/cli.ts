import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError, Option } from 'commander';
import { API_KEY_ROLES, ApiKeyRole, DomainError } from '@app/common';
import { ApiKeysService } from './api-keys/api-keys.service';
import { CliModule } from './cli.module';
import { loadEnvFile } from './config/env-file';
import { ConfigurationError, validateEnvironment } from './config/environment';

const CLI_ACTOR = { keyId: null, name: 'cli' };

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CliOutput = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/**
 * `npm run cli -- <command>`: the service's administration from a shell, against the ledger
 * that DATABASE_URL names. Returns the exit code.
 */
export async function runCli(argv: string[], output: CliOutput = consoleOutput): Promise<number> {
  let context: INestApplicationContext | undefined;
  const boot = async (): Promise<INestApplicationContext> => {
    loadEnvFile();
    validateEnvironment(process.env);
    context ??= await NestFactory.createApplicationContext(CliModule.forRoot(), { logger: false });
    return context;
  };

  const program = new Command('xima-billing').exitOverride().configureOutput({
    writeOut: (s) => output.out(s.trimEnd()),
    writeErr: (s) => output.err(s.trimEnd()),
  });

  const apiKeys = program.command('api-keys').description('manage API keys');
  apiKeys
    .command('create')
    .description('create a key and print it (shown this once)')
    .requiredOption('--name <name>', 'who or what will use the key')
    .addOption(
      new Option('--role <role>', 'what it may do').choices(API_KEY_ROLES).makeOptionMandatory(),
    )
    .action(async (options: { name: string; role: ApiKeyRole }) => {
      const service = (await boot()).get(ApiKeysService);
      const { key, secret } = await service.create(
        { name: options.name, role: options.role, origin: 'cli' },
        CLI_ACTOR,
      );
      output.err(
        `Created API key ${key.id} "${key.name}" with role ${key.role}. It is shown only now:`,
      );
      output.out(secret);
    });
  apiKeys
    .command('list')
    .description('list keys (never the keys themselves)')
    .action(async () => {
      const keys = await (await boot()).get(ApiKeysService).list();
      for (const key of keys) {
        const state = key.revokedAtMs === null ? 'active' : 'revoked';
        output.out(`${key.id}\t${key.keyPrefix}…\t${key.role}\t${state}\t${key.name}`);
      }
    });
  apiKeys
    .command('revoke <id>')
    .description('revoke a key')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw new DomainError('bad-request', 'id must be a positive integer');
      const key = await (await boot()).get(ApiKeysService).revoke(Number(id), CLI_ACTOR);
      output.err(`Revoked API key ${key.id} "${key.name}".`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
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
      return 1;
    }
    throw error;
  } finally {
    await context?.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
