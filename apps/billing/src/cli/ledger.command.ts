import { resolve } from 'node:path';
import { Command } from 'commander';
import { DomainError } from '@app/common';
import {
  DEFAULT_COPY_PAGE_SIZE,
  type LedgerVerification,
  backupSqliteLedger,
  verifyLedgerCopy,
  type LedgerCheckMeasure,
  type LedgerLocation,
  LedgerCopyMismatchError,
  type LedgerTableCheck,
  copyLedger,
  parseDatabaseUrl,
  redactDatabaseUrl,
} from '@app/ledger';
import { CliContext, CliOutput, positiveInteger } from './cli-context';

/** Connections a copy opens to each PostgreSQL side: it reads and writes on one. */
const COPY_POOL_SIZE = 2;

const count = (n: number) => n.toLocaleString('en-US');
const perSecond = (rows: number, ms: number) =>
  count(Math.round(rows / Math.max(ms / 1000, 0.001)));

/**
 * `ledger copy`: a whole ledger into a new one, SQLite or PostgreSQL, either way. `ledger backup`
 * and `ledger verify`: a consistent copy of the SQLite ledger DATABASE_URL names, taken while the
 * service runs, and a check of such a copy (docs/operations.md).
 */
export function addLedgerCommands(
  program: Command,
  { output, userPath, ledgerUrl, fail }: CliContext,
): void {
  const ledger = program.command('ledger').description('the ledger as a whole');
  ledger
    .command('copy')
    .description(
      'copy a whole ledger into a new, empty one (SQLite or PostgreSQL, either way) in one transaction, then check that both hold the same rows and money',
    )
    .requiredOption('--from <url>', 'the ledger to copy: sqlite:<path> or postgres://…')
    .requiredOption('--to <url>', 'the new ledger, empty: sqlite:<path> or postgres://…')
    .option('--page-size <rows>', 'rows read a page', String(DEFAULT_COPY_PAGE_SIZE))
    .action(async (options: { from: string; to: string; pageSize: string }) => {
      const from = location(options.from, '--from', userPath);
      const to = location(options.to, '--to', userPath);
      const pageSize = positiveInteger(options.pageSize, '--page-size');
      output.err(`Copying ${describe(from)} into ${describe(to)}`);
      try {
        const result = await copyLedger(from, to, {
          pageSize,
          onProgress: ({ table, copied, total, elapsedMs, done }) => {
            const rate = `${perSecond(copied, elapsedMs)} rows/s`;
            if (!done) {
              output.progress?.(`${table} ${count(copied)}/${count(total)} rows · ${rate}`);
              return;
            }
            output.progress?.('');
            output.err(`${table.padEnd(30)} ${count(copied).padStart(11)} rows  ${rate}`);
          },
        });
        printCheck(output, result.check);
        output.out(
          `Copied ${count(result.rows)} rows in ${(result.ms / 1000).toFixed(1)} s (${perSecond(result.rows, result.ms)} rows/s); every table agrees.`,
        );
      } catch (error) {
        output.progress?.('');
        if (error instanceof LedgerCopyMismatchError) printCheck(output, error.check);
        throw error;
      }
    });

  ledger
    .command('backup')
    .description(
      "copy the service's SQLite ledger (DATABASE_URL) while it runs, consistently, into a new file, and check the copy",
    )
    .requiredOption('--out <file>', 'the copy: a new file (an existing one is refused)')
    .action(async (options: { out: string }) => {
      // The service's own ledger: a relative path is the service's, from where it runs.
      const from = location(ledgerUrl(), 'DATABASE_URL', (file) => resolve(file));
      if (from.kind !== 'sqlite' || from.path === ':memory:') {
        throw new DomainError(
          'bad-request',
          from.kind === 'postgres'
            ? 'ledger backup copies a SQLite ledger; on PostgreSQL use its own tools (pg_dump, or base backups with WAL archiving): see docs/operations.md'
            : 'DATABASE_URL names an in-memory ledger: there is nothing to back up',
        );
      }
      const out = userPath(options.out);
      output.err(`Backing up ${from.path} to ${out}`);
      const result = await backupSqliteLedger(from.path, out, ({ totalPages, remainingPages }) =>
        output.progress?.(`${count(totalPages - remainingPages)}/${count(totalPages)} pages`),
      );
      output.progress?.('');
      printVerification(output, out, result.verified);
      output.out(
        `Backed up ${(result.bytes / 1_048_576).toFixed(1)} MiB in ${(result.ms / 1000).toFixed(1)} s to ${out}`,
      );
    });

  ledger
    .command('verify')
    .description('check a copy of a SQLite ledger: integrity, migrations, rows of each table')
    .argument('<file>', 'the copy')
    .action((file: string) => {
      const path = userPath(file);
      const verified = verifyLedgerCopy(path);
      printVerification(output, path, verified);
      if (!verified.ok) fail();
    });
}

function printVerification(output: CliOutput, file: string, verified: LedgerVerification): void {
  const { applied, known, missing } = verified.migrations;
  output.out(
    `migrations: ${applied} of ${known}${missing.length > 0 ? ` (older: the service adds ${missing.join(', ')} when it starts on it)` : ''}`,
  );
  for (const { table, rows } of verified.tables) {
    output.out(`${table.padEnd(30)} ${count(rows).padStart(11)} ${rows === 1 ? 'row' : 'rows'}`);
  }
  if (verified.ok) output.out(`${file}: whole (integrity and foreign keys checked)`);
  for (const problem of verified.problems) output.err(`${file}: ${problem}`);
}

function location(url: string, option: string, userPath: (file: string) => string): LedgerLocation {
  const parsed = parseDatabaseUrl(url, COPY_POOL_SIZE);
  if ('error' in parsed) throw new DomainError('bad-request', `${option} ${parsed.error}`);
  if (parsed.kind === 'sqlite' && parsed.path !== ':memory:') {
    return { kind: 'sqlite', path: userPath(parsed.path) };
  }
  return parsed;
}

/** A ledger's place as the user may see it: a PostgreSQL URL without its password. */
function describe(location: LedgerLocation): string {
  return location.kind === 'sqlite' ? `sqlite:${location.path}` : redactDatabaseUrl(location.url);
}

/** The check, a table a line: its rows and money, and where the two sides differ. */
function printCheck(output: CliOutput, check: LedgerTableCheck[]): void {
  for (const table of check) {
    const measures = table.measures.map(measureText).join(' · ');
    output.out(`${table.equal ? 'same   ' : 'DIFFERS'} ${table.table.padEnd(30)} ${measures}`);
  }
}

function measureText({ currency, measure, source, target }: LedgerCheckMeasure): string {
  const name = `${currency ? `${currency} ` : ''}${measure}`;
  return source === target
    ? `${name} ${count(source)}`
    : `${name} ${count(source)} in the source, ${count(target)} in the copy`;
}
