/**
 * `npm run bench:rating [-- --quick] [-- --records N]`: rates generated call records against a
 * plan of 5,000 destination prefixes and, in the same run, times JSON.parse of the same records
 * as Xima's report JSON (the "Call Details" body the sandbox serves). Prints medians of several
 * runs. Issue 3's targets: at least 1,000,000 records/s on one core, and rating faster than
 * parsing (ratio >= 1).
 *
 * `npm run bench:rating -- --law-firm [--matters N] [--matters-only]`: the law firm's calls
 * (the sandbox's attorneys) rated with an account-code plan of the same 5,000 prefixes, with
 * and without the firm's law book of 50,000 matters (with its timekeepers and two matter rules,
 * or the matter list alone), in the same run. Issue 16's target: with the book within 10% of
 * without (ratio >= 0.9).
 */
import { performance } from 'node:perf_hooks';
import type { RatePlanVersion } from '@app/ledger';
import { instantOrLocalDate } from '@app/common';
import {
  DEFAULT_TIMEZONE,
  SANDBOX_AGENTS,
  generateCalls,
  lawFirmMatters,
  lawFirmTimekeepers,
  middleDayOf,
  reportJson,
} from '@app/xima-sandbox';
import {
  CanonicalCallRecord,
  CompiledPlan,
  LawBook,
  LawBookContext,
  LawBookInput,
  PerCallPlan,
  RatableRecord,
  RatingResult,
  PlanInForce,
  RatingSource,
  applyLawBook,
  compilePlan,
  rateCall,
  rateRecord,
} from '@app/rating';
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

/**
 * Whole days of sandbox traffic, as records and as Xima's JSON for each day; with `agents`,
 * only those agents' calls (a source asking for them with PBX_USERS), without keeping the JSON.
 */
function workload(
  records: number,
  agents?: readonly string[],
): {
  records: CanonicalCallRecord[];
  days: string[];
  rows: number;
  toMs: number;
} {
  const callsPerDay = Math.min(CALLS_PER_DAY, Math.max(records, 1_000));
  const options = { seed: 'rating-bench', callsPerDay, timezone: DEFAULT_TIMEZONE };
  const all: CanonicalCallRecord[] = [];
  const days: string[] = [];
  let rows = 0;
  let toMs = START_MS;
  for (let day = 0; all.length < records; day++) {
    const from = START_MS + day * DAY_MS;
    const to = from + DAY_MS - 1;
    // For some agents, a day is read whole: its first calls are at night, mostly the guests'.
    const calls = agents ? [] : generateCalls(options, from, to);
    const last = agents ? to : calls[Math.min(calls.length, records - all.length) - 1].startMs;
    const json = reportJson('CALLDTLX', from, last, options, agents);
    if (!agents) days.push(json);
    toMs = last;
    // The records sync hands the engine: parsed from Xima's JSON by the real parser.
    const parsed = parseCallReport(JSON.parse(json));
    if (parsed.errors.length > 0)
      throw new Error(`${parsed.errors.length} sandbox rows unreadable`);
    rows += parsed.records.length;
    for (const { record } of parsed.records) all.push(record);
  }
  return { records: all.slice(0, records), days, rows, toMs };
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

export interface LawFirmBenchOptions {
  records: number;
  /** Matters in the firm's list; the issue's size is 50,000. */
  matters: number;
  /** The matter list alone, without the timekeepers and rules a firm's book also holds. */
  mattersOnly?: boolean;
  runs: number;
  log?: (line: string) => void;
}

/** Medians of one measurement without and with the law book. */
export interface RatingPair {
  withoutMs: number;
  withMs: number;
  /** without / with, wall time: 1 when the book costs nothing; the target is >= 0.9. */
  ratio: number;
  /** The same in the process's CPU time, which other processes on the machine disturb less. */
  withoutCpuMs: number;
  withCpuMs: number;
  cpuRatio: number;
}

export interface LawFirmBenchResult {
  records: number;
  matters: number;
  timekeepers: number;
  rules: number;
  /** Line items (outbound calls) the records make. */
  lineItems: number;
  /** Medians of the engine alone: rateCall, then the law book's step. */
  engine: RatingPair;
  /** Medians of rateRecord, the one path sync and re-rate take (it also builds the line item). */
  rateRecord: RatingPair;
  compileBookMs: number;
  /** With the book: line items by status and reason, e.g. `needs-review unknown-matter`. */
  outcomes: Record<string, number>;
  checksumWithoutMinor: number;
  checksumWithMinor: number;
}

/** The benchmark plan billing each call to its account code, as a law firm's plan does. */
export function lawFirmBenchPlan(): PerCallPlan {
  return {
    ...benchPlan(),
    name: 'Benchmark law firm',
    billingAccount: { by: 'accountCode', pattern: '^(?<client>\\d{5})-(?<matter>\\d{3})$' },
  };
}

const ATTORNEYS = SANDBOX_AGENTS.filter((agent) => agent.role === 'attorney').map(
  (agent) => agent.key,
);

/**
 * The sandbox firm's book as the ledger's rows would compile (dates made instants at the
 * firm's local midnight): its matters, its timekeepers, and two rules, so that every lookup
 * rating makes is a real one.
 */
export function lawFirmBenchBook(matters: number, closedDate: string): LawBookInput {
  const zone = DEFAULT_TIMEZONE;
  const startOf = (date: string) => instantOrLocalDate(date, 'date', zone);
  const dayAfter = (date: string) => {
    const [year, month, day] = date.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  };
  return {
    matters: lawFirmMatters({ size: matters, closedDate }).map((m) => ({
      clientNumber: m.clientNumber,
      matterNumber: m.matterNumber,
      closedDate: m.status === 'closed' ? m.closedDate : null,
      closedFromMs: m.status === 'closed' ? startOf(dayAfter(m.closedDate)) : null,
      billable: m.billable === 'yes',
    })),
    timekeepers: lawFirmTimekeepers({ effectiveFrom: closedDate }).map((t) => ({
      extension: t.extension,
      timekeeper: { id: t.timekeeperId, name: t.name, classification: t.classification },
      fromMs: t.effectiveFrom === '' ? null : startOf(t.effectiveFrom),
    })),
    rules: [
      {
        clientNumber: '10234',
        matterNumber: '',
        kind: 'markup',
        markupPercent: '10',
        ratePlanId: null,
        effectiveFrom: '2026-01-01',
        fromMs: startOf('2026-01-01'),
      },
      {
        clientNumber: '00417',
        matterNumber: '003',
        kind: 'no-charge',
        markupPercent: null,
        ratePlanId: null,
        effectiveFrom: '2026-01-01',
        fromMs: startOf('2026-01-01'),
      },
    ],
  };
}

/** Records a mode rates before the other takes its turn. */
const CHUNK = 20_000;

/**
 * The engine's part of rating with a law book, as rateRecord does it for a call (a `rate-plan`
 * rule aside, which the bench's book has none of): rate, then the book's rule, verdict and
 * timekeeper. The bench checks that it agrees with rateRecord before timing it.
 */
function rateWithBook(
  plan: CompiledPlan,
  record: CanonicalCallRecord,
  book: LawBook,
): RatingResult {
  const result = rateCall(plan, record);
  if (result.status === 'not-billable') return result;
  const atMs = record.startTimeMs;
  const code = result.billingAccount;
  const rule =
    book.hasRules && code !== null && result.status === 'pending'
      ? book.ruleAt(book.codeEntry(plan, result.client, result.matter, code), atMs)
      : null;
  applyLawBook(plan, result, book, atMs, rule);
  result.matterRule = rule?.label ?? null;
  // The timekeeper goes to the line item's columns, not the breakdown: looked up all the same.
  if (book.timekeeper(record.extension, atMs) === undefined) throw new Error('unreachable');
  return result;
}

export function runLawFirmRatingBench(options: LawFirmBenchOptions): LawFirmBenchResult {
  const log = options.log ?? (() => undefined);
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const plan = lawFirmBenchPlan();
  const { records, toMs } = workload(options.records, ATTORNEYS);
  if (records.length < options.records) throw new Error(`only ${records.length} records`);
  // The closed matter closes mid-workload, the new timekeeper takes over the same day.
  const closedDate = middleDayOf(START_MS, toMs, DEFAULT_TIMEZONE);
  const full = lawFirmBenchBook(options.matters, closedDate);
  const input = options.mattersOnly ? { ...full, timekeepers: [], rules: [] } : full;
  const started = performance.now();
  const book = new LawBook(input);
  const compileBookMs = performance.now() - started;
  log(
    `${records.length} records (the attorneys' calls of ${Math.ceil((toMs - START_MS) / DAY_MS)} days), account-code plan of ${plan.destinations.length} prefixes; law book of ${input.matters.length} matters, ${input.timekeepers.length} timekeepers, ${input.rules.length} rules, compiled in ${compileBookMs.toFixed(0)} ms`,
  );

  const version = { id: 1, version: 1, ratePlanId: 1 } as RatePlanVersion;
  const context: LawBookContext = { book, planInForce: () => null };
  const source = (lawBook: LawBookContext | null): RatingSource => ({
    id: 1,
    ratePlanId: 1,
    autoApprove: false,
    lawBook,
  });
  const inputs: RatableRecord[] = records.map((record) => ({
    kind: 'call',
    recordId: null,
    record,
  }));

  // The engine loop below must be what rateRecord does: compare them, untimed.
  const check = compilePlan(plan);
  const step = Math.max(1, Math.floor(records.length / 20_000));
  for (let i = 0; i < records.length; i += step) {
    const mine = JSON.stringify(rateWithBook(check, records[i], book));
    const product = JSON.stringify(
      rateRecord(inputs[i], { version, compiled: check }, source(context), 0).result,
    );
    if (mine !== product)
      throw new Error(`record ${i}: the bench's law book step differs:\n${mine}\n${product}`);
  }

  const outcomes: Record<string, number> = {};
  let lineItems = 0;
  for (const record of records) {
    const result = rateWithBook(check, record, book);
    if (result.status === 'not-billable') continue;
    lineItems++;
    const key = `${result.status} ${result.reason ?? '-'}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }

  type Mode = 'engine' | 'engine+book' | 'rateRecord' | 'rateRecord+book';
  const MODES: Mode[] = ['engine', 'engine+book', 'rateRecord', 'rateRecord+book'];
  const wall = Object.fromEntries(MODES.map((m) => [m, [] as number[]])) as Record<Mode, number[]>;
  const cpu = Object.fromEntries(MODES.map((m) => [m, [] as number[]])) as Record<Mode, number[]>;
  const sums: Partial<Record<Mode, number>> = {};
  const withBook = source(context);
  const without = source(null);
  const rateChunk = (mode: Mode, inForce: PlanInForce, from: number, to: number): number => {
    let sum = 0;
    const compiled = inForce.compiled;
    switch (mode) {
      case 'engine':
        for (let i = from; i < to; i++) sum += rateCall(compiled, records[i]).totalMinor;
        break;
      case 'engine+book':
        for (let i = from; i < to; i++) sum += rateWithBook(compiled, records[i], book).totalMinor;
        break;
      case 'rateRecord':
        for (let i = from; i < to; i++) {
          sum += rateRecord(inputs[i], inForce, without, 0).result.totalMinor;
        }
        break;
      case 'rateRecord+book':
        for (let i = from; i < to; i++) {
          sum += rateRecord(inputs[i], inForce, withBook, 0).result.totalMinor;
        }
        break;
    }
    return sum;
  };
  /**
   * Both modes of a pair rate the records chunk by chunk, taking turns (which goes first
   * alternates), so that a busier moment of a shared machine falls on both alike; each keeps
   * its own freshly compiled plan, as the hotel's measurement does. Wall time and the
   * process's CPU time are summed per mode.
   */
  const measurePair = (pair: [Mode, Mode], run: number): void => {
    const plans = pair.map(() => ({ version, compiled: compilePlan(plan) }));
    const wallMs = [0, 0];
    const cpuMs = [0, 0];
    const pairSums = [0, 0];
    collect();
    for (let from = 0, chunk = 0; from < records.length; from += CHUNK, chunk++) {
      const to = Math.min(records.length, from + CHUNK);
      for (const k of (chunk + run) % 2 === 0 ? [0, 1] : [1, 0]) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        pairSums[k] += rateChunk(pair[k], plans[k], from, to);
        wallMs[k] += performance.now() - start;
        const used = process.cpuUsage(cpuStart);
        cpuMs[k] += (used.user + used.system) / 1000;
      }
    }
    pair.forEach((mode, k) => {
      wall[mode].push(wallMs[k]);
      cpu[mode].push(cpuMs[k]);
      if (sums[mode] !== undefined && sums[mode] !== pairSums[k]) {
        throw new Error(`${mode}: not deterministic`);
      }
      sums[mode] = pairSums[k];
    });
  };
  for (let run = 0; run < options.runs; run++) {
    measurePair(['engine', 'engine+book'], run);
    measurePair(['rateRecord', 'rateRecord+book'], run);
    const show = (mode: Mode) =>
      `${wall[mode][run].toFixed(0)} ms (CPU ${cpu[mode][run].toFixed(0)})`;
    log(
      `run ${run + 1}: engine ${show('engine')}, with the book ${show('engine+book')}; rateRecord ${show('rateRecord')}, with the book ${show('rateRecord+book')}`,
    );
  }
  if (sums.engine !== sums.rateRecord || sums['engine+book'] !== sums['rateRecord+book']) {
    throw new Error('the engine and rateRecord disagree on the sums');
  }
  const pair = (a: Mode, b: Mode): RatingPair => {
    const withoutMs = median(wall[a]);
    const withMs = median(wall[b]);
    const withoutCpuMs = median(cpu[a]);
    const withCpuMs = median(cpu[b]);
    return {
      withoutMs,
      withMs,
      ratio: withoutMs / withMs,
      withoutCpuMs,
      withCpuMs,
      cpuRatio: withoutCpuMs / withCpuMs,
    };
  };
  return {
    records: records.length,
    matters: input.matters.length,
    timekeepers: input.timekeepers.length,
    rules: input.rules.length,
    lineItems,
    engine: pair('engine', 'engine+book'),
    rateRecord: pair('rateRecord', 'rateRecord+book'),
    compileBookMs,
    outcomes,
    checksumWithoutMinor: sums.engine ?? 0,
    checksumWithMinor: sums['engine+book'] ?? 0,
  };
}

function lawFirmMain(args: BenchArgs): void {
  const records = args.number('--records', args.quick ? 10_000 : 1_000_000);
  const matters = args.number('--matters', 50_000);
  const mattersOnly = args.flag('--matters-only');
  const runs = args.quick ? 3 : 5;
  args.checked();
  const result = runLawFirmRatingBench({
    records,
    matters,
    mattersOnly,
    runs,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const perSecond = (ms: number) =>
    Math.round((result.records / ms) * 1000).toLocaleString('en-US');
  const line = (name: string, pair: RatingPair) =>
    `${name} ${pair.withoutMs.toFixed(0)} ms (${perSecond(pair.withoutMs)} records/s) without, ${pair.withMs.toFixed(0)} ms (${perSecond(pair.withMs)} records/s) with: ratio ${pair.ratio.toFixed(3)}; CPU ${pair.withoutCpuMs.toFixed(0)} / ${pair.withCpuMs.toFixed(0)} ms: ratio ${pair.cpuRatio.toFixed(3)}`;
  const verdict = (pair: RatingPair) =>
    pair.ratio >= 0.9 && pair.cpuRatio >= 0.9
      ? 'met'
      : pair.ratio >= 0.9 || pair.cpuRatio >= 0.9
        ? 'met by one clock only'
        : 'NOT met';
  process.stdout.write(
    [
      '',
      `records rated:  ${result.records} (${result.lineItems} line items), law book of ${result.matters} matters compiled in ${result.compileBookMs.toFixed(0)} ms`,
      `with the book:  ${Object.entries(result.outcomes)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', ')}`,
      line('engine (median):    ', result.engine),
      line('rateRecord (median):', result.rateRecord),
      `target: with the book within 10% of without (ratio >= 0.9): engine ${verdict(result.engine)}, rateRecord ${verdict(result.rateRecord)}`,
      '',
    ].join('\n'),
  );
}

function main(argv: string[]): void {
  const args = new BenchArgs(
    argv,
    'bench:rating [--quick] [--records N] [--law-firm [--matters N] [--matters-only]]',
  );
  if (args.flag('--law-firm')) return lawFirmMain(args);
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
