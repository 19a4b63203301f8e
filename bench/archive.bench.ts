/**
 * `npm run bench:archive [-- --quick] [-- --invoices 100] [-- --lines 500,2000] [-- --runs N]
 * [-- --heap-cap MiB]`: a ledger with that many finalised invoices of that many lines each
 * (drafted by a batch and finalised by the invoices service, as in production), then every
 * invoice exported as CSV twice, in a process of its own: one after another as single files,
 * and as one ZIP (`InvoiceFilesService.archive`, what `GET /api/v1/invoices/export` streams). Prints lines/s
 * of each (median of the runs), their ratio, the bytes written, and the peak resident set: a
 * ZIP that held its entries would grow with the lines; a streamed one stays flat.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { InvoiceFilesService, InvoicesService } from '@app/invoice-export';
import { BusinessStore, InvoiceStore, Ledger, LineItemStore, StayStore } from '@app/ledger';
import { BenchArgs } from './bench-args';
import { CountingSink, cliContext, median } from './export.bench';
import { buildLedger } from './review.bench';

const ACTOR = { keyId: null, userId: null, name: 'bench' };
const MIB = 1024 * 1024;

export interface ArchiveMeasurement {
  invoices: number;
  lines: number;
  /** CSV bytes of every invoice, and the ZIP's bytes (compressed). */
  csvBytes: number;
  zipBytes: number;
  singleLinesPerSecond: number;
  zipLinesPerSecond: number;
  /** ZIP speed over the single exports' (1.0: the ZIP costs nothing more). */
  ratioToSingle: number;
  peakRssBytes: number;
  rssGrowthBytes: number;
}

/** A ledger with `invoices` finalised invoices of `lines` lines each. */
export async function buildArchiveLedger(
  ledgerPath: string,
  invoices: number,
  lines: number,
): Promise<void> {
  await buildLedger(ledgerPath, invoices * lines, { status: 'approved', accounts: invoices });
  const context = await cliContext(ledgerPath);
  try {
    const service = context.get(InvoicesService);
    const period = {
      startMs: Date.parse('2026-01-01T00:00:00Z'),
      endMs: Date.parse('2027-01-01T00:00:00Z'),
    };
    const { drafts } = await service.batch(
      period,
      { sourceId: null, businessId: null },
      ACTOR,
      true,
    );
    if (drafts.length !== invoices) throw new Error(`${drafts.length} drafts, not ${invoices}`);
    const { finalized } = await service.finalizeMany(drafts, ACTOR);
    if (finalized.length !== invoices) throw new Error('not every draft was finalised');
  } finally {
    await context.close();
  }
}

/** Both ways of exporting every invoice, `runs` times each, in this process. */
export async function measureArchive(
  ledgerPath: string,
  runs: number,
): Promise<ArchiveMeasurement> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const context = await cliContext(ledgerPath);
  try {
    const ledger = context.get(Ledger);
    const store = context.get(InvoiceStore);
    const invoices = await store.findMatching({ statuses: ['finalized'] }, Number.MAX_SAFE_INTEGER);
    // The command line's context has no InvoiceFilesService of its own: the same one, by hand.
    const files = new InvoiceFilesService(
      store,
      context.get(BusinessStore),
      context.get(LineItemStore),
      context.get(StayStore),
    );
    const [{ lines }] = await ledger.manager.query<{ lines: number }[]>(
      'SELECT COUNT(*) AS lines FROM invoice_lines',
    );
    gc();
    const startRss = process.memoryUsage.rss();
    let peakRss = startRss;
    const single: number[] = [];
    const zipped: number[] = [];
    let csvBytes = 0;
    let zipBytes = 0;
    for (let run = 0; run < runs; run++) {
      let began = performance.now();
      let bytes = 0;
      for (const invoice of invoices) {
        const sink = new CountingSink();
        await pipeline((await files.file(invoice, 'csv')).body, sink);
        bytes += sink.bytes;
        if (sink.lineEnds < 2) throw new Error(`invoice ${invoice.id}: an empty CSV`);
      }
      single.push(performance.now() - began);
      csvBytes = bytes;
      began = performance.now();
      const sink = new CountingSink();
      await pipeline((await files.archive(invoices, 'csv')).body, sink);
      zipped.push(performance.now() - began);
      if (run > 0 && sink.bytes !== zipBytes) throw new Error('the ZIP differs between runs');
      zipBytes = sink.bytes;
      peakRss = Math.max(peakRss, sink.peakRss, process.memoryUsage.rss());
    }
    const perSecond = (ms: number[]) => lines / (median(ms) / 1000);
    return {
      invoices: invoices.length,
      lines,
      csvBytes,
      zipBytes,
      singleLinesPerSecond: perSecond(single),
      zipLinesPerSecond: perSecond(zipped),
      ratioToSingle: perSecond(zipped) / perSecond(single),
      peakRssBytes: peakRss,
      rssGrowthBytes: peakRss - startRss,
    };
  } finally {
    await context.close();
  }
}

export interface ArchiveBenchOptions {
  invoices: number;
  lines: number[];
  runs: number;
  heapCapMiB?: number;
  /** Measured in a child process of the built bench (default), or in this one (tests). */
  measureIn?: 'process' | 'in-process';
  log?: (line: string) => void;
}

function measureInChild(
  ledgerPath: string,
  options: ArchiveBenchOptions,
): Promise<ArchiveMeasurement> {
  const cap = options.heapCapMiB ? [`--max-old-space-size=${options.heapCapMiB}`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', ...cap, __filename, '--child', ledgerPath, String(options.runs)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as ArchiveMeasurement)
        : reject(new Error(`the measuring process exited with ${code}`)),
    );
  });
}

export async function runArchiveBench(options: ArchiveBenchOptions): Promise<ArchiveMeasurement[]> {
  const log = options.log ?? (() => undefined);
  const results: ArchiveMeasurement[] = [];
  for (const lines of options.lines) {
    const dir = mkdtempSync(join(tmpdir(), 'xima-billing-bench-archive-'));
    try {
      const ledgerPath = join(dir, 'ledger.sqlite');
      log(`building ${options.invoices} finalised invoices of ${lines} lines`);
      await buildArchiveLedger(ledgerPath, options.invoices, lines);
      results.push(
        options.measureIn === 'in-process'
          ? await measureArchive(ledgerPath, options.runs)
          : await measureInChild(ledgerPath, options),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(await measureArchive(argv[1], Number(argv[2]))));
    return;
  }
  const args = new BenchArgs(
    argv,
    'bench:archive [--quick] [--invoices 100] [--lines 500,2000] [--runs N] [--heap-cap MiB]',
  );
  const { quick } = args;
  const invoices = args.number('--invoices', quick ? 10 : 100);
  const lines = args.list('--lines', quick ? [50] : [500, 2_000]);
  const runs = args.number('--runs', quick ? 1 : 3);
  const heapCapMiB = argv.includes('--heap-cap') ? args.number('--heap-cap', 0) : undefined;
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const results = await runArchiveBench({ invoices, lines, runs, heapCapMiB, log: say });
  say(
    `\nmedian of ${runs} runs, measured in a process of its own` +
      (heapCapMiB ? ` with a V8 heap limit of ${heapCapMiB} MiB` : ''),
  );
  for (const r of results) {
    say(
      `${r.invoices} invoices, ${r.lines.toLocaleString('en-US')} lines: ` +
        `single CSVs ${Math.round(r.singleLinesPerSecond).toLocaleString('en-US')} lines/s, ` +
        `ZIP ${Math.round(r.zipLinesPerSecond).toLocaleString('en-US')} lines/s ` +
        `(${r.ratioToSingle.toFixed(2)} x), ${(r.csvBytes / MIB).toFixed(1)} MiB of CSV in a ` +
        `${(r.zipBytes / MIB).toFixed(1)} MiB ZIP, peak RSS ${(r.peakRssBytes / MIB).toFixed(0)} MiB ` +
        `(+${(r.rssGrowthBytes / MIB).toFixed(0)} MiB while exporting)`,
    );
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:archive failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
