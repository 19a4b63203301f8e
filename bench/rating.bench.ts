/**
 * `npm run bench:rating [-- --quick] [-- --records N]`: rates generated call records against a
 * plan of 5,000 destination prefixes and, in the same run, times JSON.parse of the same records
 * as Xima's report JSON (the "Call Details" body the sandbox serves). Prints medians of several
 * runs. Issue 3's targets: at least 1,000,000 records/s on one core, and rating faster than
 * parsing (ratio >= 1).
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_TIMEZONE, generateCalls, reportJson } from '@app/xima-sandbox';
import { CanonicalCallRecord, PerCallPlan, compilePlan, rateCall } from '@app/rating';
import { parseCallReport } from '@app/xima';
import { BenchArgs } from './bench-args';

export interface RatingBenchOptions {
  records: number;
  runs: number;
  log?: (line: string) => void;
}

export interface RatingBenchResult {
  records: number;
  outbound: number;
  prefixes: number;
  ratePerSecond: number;
  rateMs: number;
  parseMs: number;
  parseBytes: number;
  /** parse time / rate time: above 1 means rating is faster than reading Xima's answer. */
  ratio: number;
  checksumMinor: number;
}

const DAY_MS = 86_400_000;
const START_MS = Date.parse('2026-03-02T07:00:00Z');
const CALLS_PER_DAY = 150_000;

const COUNTRY_CODES = [
  '44',
  '33',
  '49',
  '39',
  '34',
  '52',
  '81',
  '86',
  '91',
  '61',
  '55',
  '63',
  '82',
  '351',
  '353',
  '972',
  '971',
  '966',
  '20',
  '27',
];

/** The hotel plan of docs/rating.md with a carrier's table: 5,000 prefixes in all. */
export function benchPlan(): PerCallPlan {
  const destinations: PerCallPlan['destinations'] = [
    { prefix: '911', class: 'emergency' },
    { prefix: '1800', class: 'toll-free' },
    { prefix: '1888', class: 'toll-free' },
    { prefix: '1877', class: 'toll-free' },
    { prefix: '1303', class: 'local' },
    { prefix: '1720', class: 'local' },
    { prefix: '1', class: 'long-distance' },
    { prefix: '', class: 'international' },
  ];
  const taken = new Set(destinations.map((d) => d.prefix));
  for (let npa = 201; npa <= 999 && destinations.length < 5_000; npa++) {
    const prefix = `1${npa}`;
    if (!taken.has(prefix) && npa % 100 !== 11)
      destinations.push({ prefix, class: 'long-distance' });
    taken.add(prefix);
  }
  for (let sub = 0; destinations.length < 5_000; sub++) {
    for (const [index, code] of COUNTRY_CODES.entries()) {
      if (destinations.length >= 5_000) break;
      destinations.push({
        prefix: `${code}${String(sub).padStart(3, '0')}`,
        class: `tier-${index % 5}`,
      });
    }
  }
  const tier = (perMinute: string) => ({
    connectFee: '2.00',
    perMinute,
    firstIncrementSeconds: 60,
    incrementSeconds: 60,
  });
  return {
    name: 'Benchmark hotel',
    kind: 'per-call',
    currency: 'USD',
    timezone: 'America/Denver',
    rounding: 'half-up',
    dialPlan: { country: 'US', accessCode: '9' },
    gracePeriodSeconds: 30,
    taxes: [{ name: 'State sales tax', ratePercent: '6.25' }],
    billingAccount: { by: 'extension', ranges: [{ from: '1001', to: '1999' }], prefix: 'ROOM-' },
    destinations,
    rates: {
      emergency: { free: true },
      'toll-free': { free: true },
      local: { connectFee: '0.75', perMinute: '0', incrementSeconds: 60 },
      'long-distance': {
        connectFee: '1.00',
        perMinute: '0.45',
        firstIncrementSeconds: 60,
        incrementSeconds: 6,
        timeBands: [{ days: ['sat', 'sun'], from: '00:00', to: '24:00', perMinute: '0.30' }],
      },
      international: { ...tier('2.50'), maximumCharge: '150.00' },
      'tier-0': tier('0.90'),
      'tier-1': tier('1.10'),
      'tier-2': tier('1.40'),
      'tier-3': tier('1.90'),
      'tier-4': { ...tier('2.20'), minimumCharge: '3.00' },
    },
  };
}

/** Whole days of sandbox traffic, as records and as Xima's JSON for each day. */
function workload(records: number): {
  records: CanonicalCallRecord[];
  days: string[];
  rows: number;
} {
  const callsPerDay = Math.min(CALLS_PER_DAY, Math.max(records, 1_000));
  const options = { seed: 'rating-bench', callsPerDay, timezone: DEFAULT_TIMEZONE };
  const all: CanonicalCallRecord[] = [];
  const days: string[] = [];
  let rows = 0;
  for (let day = 0; all.length < records; day++) {
    const from = START_MS + day * DAY_MS;
    const to = from + DAY_MS - 1;
    const calls = generateCalls(options, from, to);
    const last = calls[Math.min(calls.length, records - all.length) - 1];
    const json = reportJson('CALLDTLX', from, last.startMs, options);
    days.push(json);
    // The records sync hands the engine: parsed from Xima's JSON by the real parser.
    const parsed = parseCallReport(JSON.parse(json));
    if (parsed.errors.length > 0)
      throw new Error(`${parsed.errors.length} sandbox rows unreadable`);
    rows += parsed.records.length;
    for (const { record } of parsed.records) all.push(record);
  }
  return { records: all.slice(0, records), days, rows };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function runRatingBench(options: RatingBenchOptions): RatingBenchResult {
  const log = options.log ?? (() => undefined);
  const plan = benchPlan();
  const { records, days, rows } = workload(options.records);
  const parseBytes = days.reduce((sum, day) => sum + Buffer.byteLength(day), 0);
  log(
    `${records.length} records (${days.length} days of sandbox calls), plan of ${plan.destinations.length} prefixes, Xima JSON ${(parseBytes / 1e6).toFixed(1)} MB`,
  );

  // Each phase is measured on its own, after a collection where `--expose-gc` allows one, so
  // that neither pays for the other's garbage (a parse of the whole workload makes hundreds
  // of megabytes of it).
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const parseTimes: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    collect();
    let parsedRows = 0;
    const start = performance.now();
    for (const day of days) parsedRows += (JSON.parse(day) as { rows: unknown[] }).rows.length;
    parseTimes.push(performance.now() - start);
    if (parsedRows !== rows) {
      throw new Error(`JSON.parse read ${parsedRows} rows, the parser ${rows}`);
    }
    log(`run ${run + 1}: JSON.parse ${parseTimes[run].toFixed(0)} ms`);
  }
  const rateTimes: number[] = [];
  let checksumMinor = 0;
  let outbound = 0;
  for (let run = 0; run < options.runs; run++) {
    // A fresh compile each run: the normaliser's memory of numbers starts empty every time.
    const compiled = compilePlan(plan);
    collect();
    let sum = 0;
    let billable = 0;
    const start = performance.now();
    for (const record of records) {
      const result = rateCall(compiled, record);
      sum += result.totalMinor;
      if (result.status !== 'not-billable') billable++;
    }
    rateTimes.push(performance.now() - start);
    if (run > 0 && sum !== checksumMinor) throw new Error('rating is not deterministic');
    checksumMinor = sum;
    outbound = billable;
    log(`run ${run + 1}: rating ${rateTimes[run].toFixed(0)} ms`);
  }
  const rateMs = median(rateTimes);
  const parseMs = median(parseTimes);
  return {
    records: records.length,
    outbound,
    prefixes: plan.destinations.length,
    ratePerSecond: Math.round((records.length / rateMs) * 1000),
    rateMs,
    parseMs,
    parseBytes,
    ratio: parseMs / rateMs,
    checksumMinor,
  };
}

function main(argv: string[]): void {
  const args = new BenchArgs(argv, 'bench:rating [--quick] [--records N]');
  const records = args.number('--records', args.quick ? 10_000 : 1_000_000);
  const runs = args.quick ? 3 : 5;
  args.checked();
  const result = runRatingBench({
    records,
    runs,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    [
      '',
      `records rated:       ${result.records} (${result.outbound} billable line items, the rest inbound/internal/house phones)`,
      `rating (median):     ${result.rateMs.toFixed(0)} ms = ${result.ratePerSecond.toLocaleString('en-US')} records/s`,
      `JSON.parse (median): ${result.parseMs.toFixed(0)} ms for ${(result.parseBytes / 1e6).toFixed(1)} MB`,
      `parse / rate ratio:  ${result.ratio.toFixed(2)} (>= 1: rating is faster than reading Xima's answer)`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) main(process.argv.slice(2));
