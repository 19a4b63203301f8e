/**
 * `npm run bench:export [-- --quick] [-- --sizes 25000,50000,100000] [-- --runs N]`: for each
 * size, a ledger whose one finalised invoice has that many lines (drafted and finalised by the
 * invoices service, as in production), then the invoice exported as CSV and as LEDES 1998B
 * the way `invoices export` writes it (`InvoiceFilesService.file`), into a sink
 * that counts bytes and line ends. Each format of each size is measured in a process of its
 * own, so its peak RSS is the export's and not the ledger build's. Prints lines/s (median of
 * the runs), peak RSS, and two ceilings measured in the same process: every column of the lines read by a plain
 * SELECT, and csv-stringify alone. `--heap-cap MiB` runs the measuring processes under a V8
 * heap limit (e.g. 96 MiB for a 66 MiB file): an export that held its lines would fail.
 *
 * Issue 6's targets: at least 200,000 lines/s; memory flat as lines grow (streamed).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { INestApplicationContext } from '@nestjs/common';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { ExportFormat, InvoiceFilesService, InvoicesService } from '@app/invoice-export';
import { BusinessStore, InvoiceStore, Ledger, LineItemStore, StayStore } from '@app/ledger';
import porterLane from '../apps/billing/src/demo/plans/porter-lane-calls.json';
import { buildLedger } from './review.bench';
import { BenchArgs } from './bench-args';

const FORMATS: ExportFormat[] = ['csv', 'ledes1998b'];
const ACCOUNT = '10234-001';
const ACTOR = { keyId: null, userId: null, name: 'bench' };

export interface ExportMeasurement {
  format: ExportFormat;
  lines: number;
  bytes: number;
  medianMs: number;
  linesPerSecond: number;
  /** The largest resident set seen while exporting, and how far above the start it was. */
  peakRssBytes: number;
  rssGrowthBytes: number;
  /** Export speed over the plain read of the same lines (1.0 would cost nothing but the read). */
  ratioToRead: number;
}

export interface SizeResult {
  lines: number;
  /** The invoice's total as the export's own arithmetic checked it. */
  total: string;
  buildMs: number;
  /** Every column of the lines read by a plain SELECT, nothing formatted or written. */
  readLinesPerSecond: number;
  /** csv-stringify alone, on lines of 15 ready strings (the CSV's columns), 500 at a time. */
  stringifyLinesPerSecond: number;
  exports: ExportMeasurement[];
}

export interface ExportBenchOptions {
  sizes: number[];
  runs: number;
  /**
   * The measuring processes' V8 heap limit in MiB (`--max-old-space-size`): an export that
   * held its lines or its file would fail under a limit smaller than the file.
   */
  heapCapMiB?: number;
  /** Each size measured in a child process (the built bench, default) or in this one (tests). */
  measureIn?: 'process' | 'in-process';
  log?: (line: string) => void;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The command line's Nest context on `ledgerPath` (the variables it reads, then put back). */
export async function cliContext(ledgerPath: string): Promise<INestApplicationContext> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${ledgerPath}`,
    ADMIN_API_KEY: 'bench-unused-admin-key-0000000000000000',
    XIMA_BASE_URL: 'http://127.0.0.1:9',
    XIMA_API_KEY: 'bench-unused',
    SYNC_SCHEDULE_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  });
  try {
    const { NestFactory } = await import('@nestjs/core');
    const { CliModule } = await import('../apps/billing/src/cli.module');
    return await NestFactory.createApplicationContext(CliModule.forRoot(), { logger: false });
  } finally {
    process.env = saved;
  }
}

/** A ledger with one finalised invoice of `lines` lines; returns its number. */
export async function buildInvoiceLedger(ledgerPath: string, lines: number): Promise<string> {
  await buildLedger(ledgerPath, lines, {
    plan: porterLane,
    billingAccount: ACCOUNT,
    status: 'approved',
  });
  const context = await cliContext(ledgerPath);
  try {
    const invoices = context.get(InvoicesService);
    const period = {
      startMs: Date.parse('2026-03-01T00:00:00Z'),
      endMs: Date.parse('2026-04-01T00:00:00Z'),
    };
    const draft = await invoices.createDraft(ACCOUNT, period, ACTOR);
    if (draft.totalMinor <= 0) throw new Error('the invoice has no total');
    const finalized = await invoices.finalize(draft.id, ACTOR);
    return finalized.number!;
  } finally {
    await context.close();
  }
}

/** A sink that counts bytes and line ends, and watches the resident set as it is written to. */
export class CountingSink extends Writable {
  bytes = 0;
  lineEnds = 0;
  peakRss = process.memoryUsage.rss();
  private writes = 0;

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) this.lineEnds++;
    if (++this.writes % 64 === 0) this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
    done();
  }
}

type Measured = Omit<SizeResult, 'buildMs'>;

/** How long `work` took, each of `runs` times, in ms. */
function timed(runs: number, work: () => void): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    work();
    times.push(performance.now() - began);
  }
  return times;
}

/** Exports the invoice `runs` times in each of `formats` on this process; see `SizeResult`. */
export async function measureExports(
  ledgerPath: string,
  number: string,
  formats: ExportFormat[],
  runs: number,
): Promise<Measured> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const context = await cliContext(ledgerPath);
  try {
    const ledger = context.get(Ledger);
    const invoice = await context.get(InvoicesService).loadByNumber(number);
    // The command line's context has no InvoiceFilesService of its own: the same one, by hand.
    const files = new InvoiceFilesService(
      context.get(InvoiceStore),
      context.get(BusinessStore),
      context.get(LineItemStore),
      context.get(StayStore),
    );
    const [{ count: invoiceLines }] = await ledger.manager.query<{ count: number }[]>(
      'SELECT COUNT(*) AS count FROM invoice_lines WHERE invoice_id = ?',
      [invoice.id],
    );

    const measured: ExportMeasurement[] = [];
    for (const format of formats) {
      const times: number[] = [];
      let bytes = 0;
      gc();
      const startRss = process.memoryUsage.rss();
      let peakRss = startRss;
      for (let run = 0; run < runs; run++) {
        const began = performance.now();
        const file = await files.file(invoice, format);
        const sink = new CountingSink();
        await pipeline(file.body, sink);
        times.push(performance.now() - began);
        if (run > 0 && sink.bytes !== bytes) throw new Error(`${format}: runs differ in length`);
        // Both formats: a line per invoice line after a header (CSV: one row; LEDES: two
        // lines), each ending in CRLF. Nothing lost, nothing doubled.
        const headerLines = format === 'ledes1998b' ? 2 : 1;
        if (sink.lineEnds !== invoiceLines + headerLines) {
          throw new Error(`${format}: ${sink.lineEnds} line ends for ${invoiceLines} lines`);
        }
        bytes = sink.bytes;
        peakRss = Math.max(peakRss, sink.peakRss, process.memoryUsage.rss());
      }
      const linesPerSecond = invoiceLines / (median(times) / 1000);
      measured.push({
        format,
        lines: invoiceLines,
        bytes,
        medianMs: median(times),
        linesPerSecond,
        peakRssBytes: peakRss,
        rssGrowthBytes: peakRss - startRss,
        ratioToRead: 0,
      });
    }
    // The ceilings, after the exports (whose memory is then theirs alone). The read: every
    // column of the same lines by one plain SELECT, as arrays (the cheapest form).
    const raw = new Database(ledgerPath, { readonly: true });
    const select = raw.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ?').raw(true);
    const readMs = timed(runs, () => {
      let read = 0;
      for (const row of select.iterate(invoice.id)) if (row) read++;
      if (read !== invoiceLines) throw new Error('the plain read lost lines');
    });
    // csv-stringify on its own, on 15 ready strings a line, a page of 500 at a time as the
    // CSV export calls it (one page's strings, stringified as many times as there are pages).
    const page = (
      raw
        .prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? LIMIT 500')
        .raw(true)
        .all(invoice.id) as unknown[][]
    ).map((row) => row.slice(0, 15).map(String));
    raw.close();
    const stringifyMs = timed(runs, () => {
      for (let done = 0; done < invoiceLines; done += page.length) {
        stringify(page, { record_delimiter: 'windows' });
      }
    });
    const perSecond = (ms: number[]) => invoiceLines / (median(ms) / 1000);
    for (const each of measured) {
      each.ratioToRead = each.linesPerSecond / perSecond(readMs);
    }
    const total = `${(invoice.totalMinor / 100).toFixed(2)} ${invoice.currency}`;
    return {
      lines: invoiceLines,
      total,
      readLinesPerSecond: perSecond(readMs),
      stringifyLinesPerSecond: perSecond(stringifyMs),
      exports: measured,
    };
  } finally {
    await context.close();
  }
}

/** `measureExports` of one format in a fresh process of the built bench: its RSS is its own. */
function measureInChild(
  ledgerPath: string,
  number: string,
  format: ExportFormat,
  options: ExportBenchOptions,
): Promise<Measured> {
  const cap = options.heapCapMiB ? [`--max-old-space-size=${options.heapCapMiB}`] : [];
  const args = ['--child', ledgerPath, number, format, String(options.runs)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...cap, __filename, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Measured)
        : reject(new Error(`the measuring process exited with ${code}`)),
    );
  });
}

/** Every format measured, each in a process of its own unless `in-process`. */
async function measureAll(
  ledgerPath: string,
  number: string,
  options: ExportBenchOptions,
): Promise<Measured> {
  if (options.measureIn === 'in-process') {
    return measureExports(ledgerPath, number, FORMATS, options.runs);
  }
  const each: Measured[] = [];
  for (const format of FORMATS) {
    each.push(await measureInChild(ledgerPath, number, format, options));
  }
  return {
    ...each[0],
    readLinesPerSecond: median(each.map((m) => m.readLinesPerSecond)),
    stringifyLinesPerSecond: median(each.map((m) => m.stringifyLinesPerSecond)),
    exports: each.flatMap((m) => m.exports),
  };
}

export async function runExportBench(options: ExportBenchOptions): Promise<SizeResult[]> {
  const log = options.log ?? (() => undefined);
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'xima-billing-bench-export-'));
    try {
      const ledgerPath = join(dir, 'ledger.sqlite');
      log(`building a ledger with a finalised invoice of ${size} lines`);
      const began = performance.now();
      const number = await buildInvoiceLedger(ledgerPath, size);
      const buildMs = performance.now() - began;
      log(`exporting ${number} (${size} lines) ${options.runs} times as ${FORMATS.join(', ')}`);
      results.push({ ...(await measureAll(ledgerPath, number, options)), buildMs });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

const MIB = 1024 * 1024;

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    const [ledgerPath, number, format, runs] = argv.slice(1);
    const measured = await measureExports(ledgerPath, number, [format as ExportFormat], +runs);
    process.stdout.write(JSON.stringify(measured));
    return;
  }
  const args = new BenchArgs(
    argv,
    'bench:export [--quick] [--sizes 25000,50000,100000] [--runs N] [--heap-cap MiB]',
  );
  const { quick } = args;
  const sizes = args.list('--sizes', quick ? [2_000, 4_000] : [25_000, 50_000, 100_000]);
  const runs = args.number('--runs', quick ? 2 : 5);
  const heapCapMiB = argv.includes('--heap-cap') ? args.number('--heap-cap', 0) : undefined;
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const results = await runExportBench({ sizes, runs, heapCapMiB, log: say });
  say(
    `\nmedian of ${runs} runs; each format of each size measured in a process of its own` +
      (heapCapMiB ? ` with a V8 heap limit of ${heapCapMiB} MiB` : ''),
  );
  for (const r of results) {
    say(
      `${String(r.lines).padStart(7)} lines (total ${r.total}; built in ${(r.buildMs / 1000).toFixed(1)} s)  ` +
        `ceilings: every column read by a plain SELECT ${Math.round(r.readLinesPerSecond).toLocaleString('en-US')} lines/s, ` +
        `csv-stringify alone ${Math.round(r.stringifyLinesPerSecond).toLocaleString('en-US')} lines/s`,
    );
    for (const e of r.exports) {
      say(
        `    ${e.format.padEnd(10)} ${Math.round(e.linesPerSecond).toLocaleString('en-US').padStart(9)} lines/s  ` +
          `${e.medianMs.toFixed(0).padStart(5)} ms  ${(e.bytes / MIB).toFixed(1).padStart(5)} MiB written  ` +
          `peak RSS ${(e.peakRssBytes / MIB).toFixed(0)} MiB (+${(e.rssGrowthBytes / MIB).toFixed(0)} MiB while exporting)  ` +
          `${e.ratioToRead.toFixed(2)} x the plain read`,
      );
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:export failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
