/**
 * `npm run bench:copy [-- --quick] [-- --items N] [-- --page-size N]`: the review benchmark's
 * ledger (1,000,000 line items, each with its call record, and the overview's sums) copied from
 * SQLite into a PostgreSQL server of the run's own (the test server: initdb in a temporary
 * folder, loopback, fsync off) and from there into a new SQLite file, as `ledger copy` does.
 * Prints rows/s each way and the check (row counts and money sums per currency, per table).
 *
 * Target: at least 50,000 rows/s from SQLite to PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  DEFAULT_COPY_PAGE_SIZE,
  type LedgerCopyResult,
  type LedgerLocation,
  copyLedger,
} from '@app/ledger';
import { startPostgres } from '@app/ledger/testing';
import { BenchArgs } from './bench-args';
import { buildLedger } from './review.bench';

export interface CopyBenchOptions {
  items: number;
  pageSize?: number;
  log?: (line: string) => void;
}

export interface CopyLeg {
  name: string;
  rows: number;
  ms: number;
  rowsPerSecond: number;
  /** The line items' own rate, the widest table. */
  lineItemsPerSecond: number;
  /** Tables the check found equal, of all. */
  tablesEqual: number;
  tables: number;
}

export interface CopyBenchResult {
  items: number;
  buildMs: number;
  legs: CopyLeg[];
}

function leg(name: string, result: LedgerCopyResult, lineItemsMs: number): CopyLeg {
  const lineItems = result.check.find((table) => table.table === 'line_items');
  const items = lineItems?.measures.find((m) => m.currency === null && m.measure === 'rows');
  return {
    name,
    rows: result.rows,
    ms: result.ms,
    rowsPerSecond: Math.round(result.rows / (result.ms / 1000)),
    lineItemsPerSecond: Math.round((items?.target ?? 0) / Math.max(lineItemsMs / 1000, 0.001)),
    tablesEqual: result.check.filter((table) => table.equal).length,
    tables: result.check.length,
  };
}

export async function runCopyBench(options: CopyBenchOptions): Promise<CopyBenchResult> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'bench-copy-'));
  const server = await startPostgres();
  try {
    const started = performance.now();
    const sourcePath = join(dir, 'source.sqlite');
    await buildLedger(sourcePath, options.items);
    const buildMs = performance.now() - started;
    log(`built a ledger of ${options.items} line items in ${(buildMs / 1000).toFixed(1)} s`);

    const admin = new Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE ledger_copy');
    await admin.end();

    const legs: CopyLeg[] = [];
    const copy = async (name: string, from: LedgerLocation, to: LedgerLocation) => {
      let lineItemsMs = 0;
      const result = await copyLedger(from, to, {
        pageSize: options.pageSize,
        onProgress: (step) => {
          if (!step.done || step.total === 0) return;
          if (step.table === 'line_items') lineItemsMs = step.elapsedMs;
          const perSecond = Math.round(step.copied / Math.max(step.elapsedMs / 1000, 0.001));
          log(
            `  ${name}  ${step.table.padEnd(30)} ${String(step.copied).padStart(9)} rows  ${perSecond} rows/s`,
          );
        },
      });
      legs.push(leg(name, result, lineItemsMs));
    };
    const sqlite: LedgerLocation = { kind: 'sqlite', path: sourcePath };
    const postgres: LedgerLocation = {
      kind: 'postgres',
      url: server.url('ledger_copy'),
      poolSize: 2,
    };
    await copy('SQLite → PostgreSQL', sqlite, postgres);
    await copy('PostgreSQL → SQLite', postgres, { kind: 'sqlite', path: join(dir, 'back.sqlite') });
    return { items: options.items, buildMs, legs };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  const args = new BenchArgs(argv, 'bench:copy [--quick] [--items N] [--page-size N]');
  const items = args.number('--items', args.quick ? 20_000 : 1_000_000);
  const pageSize = args.number('--page-size', DEFAULT_COPY_PAGE_SIZE);
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const result = await runCopyBench({ items, pageSize, log: say });
  say('');
  for (const l of result.legs) {
    say(
      `${l.name.padEnd(20)} ${l.rows} rows in ${(l.ms / 1000).toFixed(1)} s: ${l.rowsPerSecond} rows/s ` +
        `(line items ${l.lineItemsPerSecond}/s); check: ${l.tablesEqual} of ${l.tables} tables equal`,
    );
  }
  if (result.legs.some((l) => l.tablesEqual !== l.tables)) process.exitCode = 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:copy failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
