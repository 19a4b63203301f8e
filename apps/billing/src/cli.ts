import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError, Option } from 'commander';
import { API_KEY_ROLES, ApiKeyRole, Clock, DomainError, isoTime } from '@app/common';
import { EXPORT_FORMATS, ExportFormat, InvoicesService, invoiceFile } from '@app/invoice-export';
import { Ledger, Source } from '@app/ledger';
import { RATE_TABLE_COLUMNS, RatePlansService } from '@app/rating';
import { SyncService, requestedWindow } from '@app/xima';
import { ApiKeysService } from './api-keys/api-keys.service';
import { CliLogger } from './cli-logger';
import { CliModule } from './cli.module';
import { applyMemoryPolicy } from './memory-policy';
import { loadEnvFile } from './config/env-file';
import { ConfigurationError, validateEnvironment } from './config/environment';

const CLI_ACTOR = { keyId: null, name: 'cli' };

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  /** A line that replaces itself (a progress bar); '' ends it. */
  progress?(line: string): void;
}

const consoleOutput: CliOutput = {
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
  const userPath = (file: string) => resolve(directory, file);
  let context: INestApplicationContext | undefined;
  let exitCode = 0;
  const boot = async (): Promise<INestApplicationContext> => {
    loadEnvFile();
    validateEnvironment(process.env);
    context ??= await NestFactory.createApplicationContext(CliModule.forRoot(), {
      logger: new CliLogger((line) => output.err(line)),
    });
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
      const key = await (
        await boot()
      )
        .get(ApiKeysService)
        .revoke(positiveInteger(id, 'id'), CLI_ACTOR);
      output.err(`Revoked API key ${key.id} "${key.name}".`);
    });

  const ratePlans = program.command('rate-plans').description('manage rate plans as files');
  ratePlans
    .command('list')
    .description('list rate plans')
    .action(async () => {
      const plans = await (await boot()).get(RatePlansService).list();
      for (const plan of plans) {
        output.out(`${plan.id}\t${plan.kind}\t${plan.currency}\t${plan.name}`);
      }
    });
  ratePlans
    .command('import <file>')
    .description(
      'create a plan from a JSON file, or add a version to the plan of that name; ' +
        'importing the same file again changes nothing',
    )
    .action(async (file: string) => {
      const input = readJsonFile(userPath(file));
      const result = await (await boot()).get(RatePlansService).importPlan(input, CLI_ACTOR);
      const { plan, added } = result;
      const what = {
        created: `Created rate plan ${plan.id} "${plan.name}"`,
        'new-version': `Added version ${added?.version} to rate plan ${plan.id} "${plan.name}"`,
        unchanged: `Rate plan ${plan.id} "${plan.name}" already has this version; nothing changed`,
      }[result.outcome];
      output.err(what);
    });
  ratePlans
    .command('export <id>')
    .description('print a plan version as JSON ({ effectiveFrom, ...plan }), ready to import')
    .option('--version <n>', 'which version (default: the latest)')
    .action(async (id: string, options: { version?: string }) => {
      const service = (await boot()).get(RatePlansService);
      const { versions } = await service.get(positiveInteger(id, 'id'));
      const wanted =
        options.version === undefined ? undefined : positiveInteger(options.version, '--version');
      const version =
        wanted === undefined
          ? versions[versions.length - 1]
          : versions.find((v) => v.version === wanted);
      if (!version) throw new DomainError('not-found', `Rate plan ${id} has no version ${wanted}`);
      const document = {
        effectiveFrom: isoTime(version.effectiveFromMs),
        ...service.document(version),
      };
      output.out(JSON.stringify(document, null, 2));
    });
  ratePlans
    .command('import-rates <id> <file>')
    .description(
      `add a version whose destinations and rates come from a carrier's CSV rate table (${RATE_TABLE_COLUMNS.join(',')})`,
    )
    .option('--effective-from <instant>', 'ISO-8601 with offset (default: now)')
    .action(async (id: string, file: string, options: { effectiveFrom?: string }) => {
      const csv = readTextFile(userPath(file));
      const service = (await boot()).get(RatePlansService);
      const { plan, added } = await service.importRateTable(
        positiveInteger(id, 'id'),
        csv,
        options.effectiveFrom,
        CLI_ACTOR,
      );
      output.err(
        `Added version ${added.version} to rate plan ${plan.id} "${plan.name}" from ${file}`,
      );
    });

  const invoices = program.command('invoices').description('invoices and their files');
  invoices
    .command('export <number>')
    .description(
      "write a finalized invoice as a billing system's file (exports.md); the file appears whole or not at all",
    )
    .addOption(
      new Option('--format <format>', 'which file').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .option(
      '--out <file>',
      'where to write it, relative to where the command runs (default: its download name there)',
    )
    .action(async (number: string, options: { format: ExportFormat; out?: string }) => {
      const context = await boot();
      const ledger = context.get(Ledger);
      const invoice = await context.get(InvoicesService).loadByNumber(ledger.manager, number);
      const file = await invoiceFile(ledger, invoice, options.format);
      const out = userPath(options.out ?? file.fileName);
      const bytes = await writeWhole(file.body, out);
      output.err(
        `Wrote ${invoice.number} (${invoice.status}) as ${options.format} to ${out}: ${bytes.toLocaleString('en-US')} bytes`,
      );
    });

  program
    .command('sync')
    .description('pull and rate a window from Xima now (a backfill), with progress and a summary')
    .requiredOption('--source <id>', 'the source to sync')
    .requiredOption('--from <date>', 'a date (midnight in the source zone) or ISO-8601 with offset')
    .requiredOption('--to <date>', 'the end, excluded')
    .action(async (options: { source: string; from: string; to: string }) => {
      const context = await boot();
      const sourceId = positiveInteger(options.source, '--source');
      const source = await context.get(Ledger).manager.findOneBy(Source, { id: sourceId });
      if (!source) throw new DomainError('not-found', `Source ${sourceId} does not exist`);
      const now = context.get(Clock).now();
      const window = requestedWindow(options.from, options.to, source.timezone, now);
      const started = Date.now();
      let records = 0;
      const { done } = await context
        .get(SyncService)
        .start(sourceId, 'cli', window, ({ index, total, counts }) => {
          records += counts.fetched;
          const perSecond = Math.round(records / Math.max((Date.now() - started) / 1000, 0.001));
          output.progress?.(
            `chunk ${index + 1}/${total} · ${records.toLocaleString('en-US')} records · ${perSecond.toLocaleString('en-US')} records/s`,
          );
        });
      const run = await done;
      output.progress?.('');
      const rows: [string, string | number][] = [
        ['run', run.id],
        ['status', run.status],
        ['window', `${isoTime(run.fromMs)} .. ${isoTime(run.toMs)}`],
        ['fetched', run.fetched],
        ['inserted', run.inserted],
        ['duplicates', run.duplicates],
        ['line items', run.rated],
        ['no charge', run.noCharge],
        ['needs review', run.needsReview],
        ['errors', run.errors],
        ['retries', run.retries],
        ['seconds', ((Date.now() - started) / 1000).toFixed(1)],
      ];
      for (const [name, value] of rows) output.out(`${name.padEnd(14)}${value}`);
      // Why a run failed is already on stderr: the sync logged it at warn.
      if (run.status !== 'succeeded') exitCode = 1;
    });

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

/**
 * The stream written to a temporary file beside `path`, flushed to disk, then renamed over it:
 * a reader (or a billing system's import folder) never sees half a file, and an error leaves
 * `path` as it was and no temporary file behind.
 */
async function writeWhole(body: Readable, path: string): Promise<number> {
  const partial = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`,
  );
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      bytes += Buffer.byteLength(chunk);
      done(null, chunk);
    },
  });
  const file = createWriteStream(partial, { flags: 'wx', flush: true });
  try {
    await pipeline(body, count, file);
    renameSync(partial, path);
    syncDirectory(dirname(path));
    return bytes;
  } catch (error) {
    const { code, syscall, path: failed } = error as NodeJS.ErrnoException;
    if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
    // Ours unless the name was taken (a random one: all but impossible), which 'wx' refused.
    if (!(code === 'EEXIST' && failed === partial)) rmSync(partial, { force: true });
    // The file system's refusals name the path; the export's own errors speak for themselves.
    if (code && syscall) throw new DomainError('bad-request', `cannot write ${path}: ${code}`);
    throw error;
  }
}

/** A rename is on disk once its directory is (where the platform can say so). */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform opens or syncs a directory (Windows); the file itself is flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function positiveInteger(value: string, name: string): number {
  if (!/^[1-9]\d{0,15}$/.test(value)) {
    throw new DomainError('bad-request', `${name} must be a positive integer`);
  }
  return Number(value);
}

function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError(
      'bad-request',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

function readJsonFile(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError('bad-request', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

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
