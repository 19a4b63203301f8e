/**
 * `npm run bench:pms [-- --quick] [-- --postings N] [-- --runs N] [-- --syncs N]
 * [-- --answer-delay-ms MS]`: the PMS link's sender against the stand-in PMS (answering at once
 * unless told, in a process of its own), through the
 * product's own path: the service's application context, its LinkSupervisor and LinkRunner, a
 * FiasLink on loopback, and the ledger.
 *
 * Throughput: 10,000 postings (by default) of calls synced from the Xima sandbox wait in the
 * ledger while the link is off; the link is turned on, and the time from the first `PS` (the
 * first posting's sentAtMs) to the last `PA OK` recorded (the last postedAtMs) gives postings/s.
 * In the same run, a bare loop over a raw TCP FIAS client sends the same `PS` records to a
 * stand-in started the same way, one at a time, each after the previous `PA`: one round trip per
 * posting, the bound of a sender that keeps one posting in flight. The two alternate from run to
 * run; the medians are printed. Target: at least 0.8 of the bound.
 *
 * Latency in on-rating mode: repeated syncs of a 5-minute window each, a random pause apart;
 * for each posting, the time from its sync's answer (its transaction committed) to its `PA OK`
 * recorded. Target: p95 at most 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@app/common';
import { Ledger } from '@app/ledger';
import {
  encodeRecord,
  FiasFramer,
  FiasRecord,
  fiasDateTime,
  parseRecord,
  postingSimple,
} from '@app/pms';
import { SANDBOX_ROOMS } from '@app/pms-sandbox';
import { LinkSupervisor, PmsLinksService } from '@app/postings';
import { RatePlansService } from '@app/rating';
import { SourcesService, SyncService } from '@app/xima';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { generateApiKey } from '../apps/billing/src/api-keys/api-key-secret';
import { AppModule } from '../apps/billing/src/app.module';
import { benchPlan } from './rating.bench';
import { BenchArgs } from './bench-args';
import { StandIn, StandInStart, standInInProcess, standInProcess } from './pms-stand-in';

export interface PmsBenchOptions {
  /** Postings sent over the link in each throughput run. */
  postings: number;
  runs: number;
  /** Small syncs whose postings' latency is measured. */
  syncs: number;
  /** How long the stand-in waits before each `PA` (0, the default: at once). */
  answerDelayMs?: number;
  /** `process` (the default): the stand-in PMS runs in a process of its own. */
  standIn?: 'process' | 'in-process';
  log?: (line: string) => void;
}

export interface ThroughputRun {
  postings: number;
  /** First `PS` to last `PA OK` recorded, through the service. */
  serviceMs: number;
  postingsPerSecond: number;
  /** The same `PS` records over a raw FIAS client, one round trip each. */
  rawMs: number;
  rawPostingsPerSecond: number;
  /** service / raw: at least 0.8 is the target. */
  ratio: number;
  /** Which went first in this run (they alternate). */
  first: 'service' | 'raw';
}

export interface LatencyResult {
  syncs: number;
  postings: number;
  /** From the sync's answer to each posting's `PA OK` recorded, ms. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** From each posting's creation (inside the sync's transaction, before it commits), ms. */
  fromCreatedP95Ms: number;
}

export interface PmsBenchResult {
  runs: ThroughputRun[];
  medianPostingsPerSecond: number;
  medianRawPostingsPerSecond: number;
  medianRatio: number;
  latency: LatencyResult;
}

const TOKEN = 'bench-pms-token';
const SEED = 'pms-bench';
const TIMEZONE = 'America/Denver';
/** The calls posted are from this day on (a weekday), local midnight in Denver. */
const FROM = '2026-03-02T00:00:00-07:00';
const DAY_MS = 86_400_000;
/** Every room's guest is in house from well before the first call. */
const CHECK_IN_AT = Date.parse('2026-02-01T12:00:00-07:00');
/** Xima sandbox calls a day: a day gives about a tenth of 10,000 postings. */
const CALLS_PER_DAY = 8_000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Waits for `probe` to answer, asking every `everyMs`. Timings come from the ledger's own
 * instants, not from when this notices: a slow probe costs no precision, and less CPU beside
 * the sender.
 */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms: number,
  everyMs = 20,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The service (AppModule, as `npm start` runs it, without HTTP) on a fresh ledger. */
async function bootService(ledgerPath: string, ximaUrl: string): Promise<INestApplicationContext> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${ledgerPath}`,
    XIMA_BASE_URL: ximaUrl,
    XIMA_API_KEY: TOKEN,
    SYNC_SCHEDULE_ENABLED: 'false',
    PMS_LINKS_ENABLED: 'true',
    ADMIN_API_KEY: generateApiKey(),
    LOG_LEVEL: 'warn',
  });
  try {
    return await NestFactory.createApplicationContext(AppModule.forRoot(), {
      logger: false,
      abortOnError: false,
    });
  } finally {
    process.env = saved;
  }
}

interface Hotel {
  app: INestApplicationContext;
  ledger: Ledger;
  sourceId: number;
  linkId: number;
  close(): Promise<void>;
}

/**
 * A fresh ledger with a source, a stand-in with a guest in each room, and an on-rating link to
 * it, linked and knowing every stay (from the resync a link asks for when it knows none).
 */
async function openHotel(
  dir: string,
  name: string,
  xima: RunningSandbox,
  standIn: StandIn,
): Promise<Hotel> {
  const app = await bootService(join(dir, `${name}.sqlite`), xima.url);
  try {
    const ledger = app.get(Ledger);
    const { plan } = await app
      .get(RatePlansService)
      .create({ effectiveFrom: '2026-01-01T00:00:00Z', ...benchPlan() }, SYSTEM_ACTOR);
    const source = await app.get(SourcesService).create(
      {
        name: 'Benchmark hotel',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.id,
        timezone: TIMEZONE,
      },
      SYSTEM_ACTOR,
    );
    const link = await app.get(PmsLinksService).create(
      {
        name: 'Stand-in PMS',
        host: '127.0.0.1',
        port: standIn.port,
        sourceIds: [source.id],
        postingMode: 'on-rating',
        answerTimeoutMs: 10_000,
      },
      SYSTEM_ACTOR,
    );
    const supervisor = app.get(LinkSupervisor);
    await until(
      'the link and its stays',
      async () => {
        if ((await supervisor.status(link.id)).state !== 'linked') return undefined;
        const [{ stays }] = await ledger.manager.query<{ stays: number }[]>(
          `SELECT count(*) AS stays FROM stays WHERE to_ms IS NULL`,
        );
        return stays === SANDBOX_ROOMS.length ? true : undefined;
      },
      30_000,
    );
    return { app, ledger, sourceId: source.id, linkId: link.id, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function queueCount(ledger: Ledger, linkId: number): Promise<number> {
  const [{ waiting }] = await ledger.manager.query<{ waiting: number }[]>(
    `SELECT count(*) AS waiting FROM postings
     WHERE link_id = ? AND status IN ('pending', 'in-flight')`,
    [linkId],
  );
  return waiting;
}

interface ServiceRun {
  postings: number;
  serviceMs: number;
  records: FiasRecord[];
}

/**
 * One throughput measurement through the service: sync days of calls with the link off until
 * `count` postings wait (those beyond are written off: the run posts exactly `count`), turn it
 * on, and wait for the queue to drain.
 */
async function serviceRun(
  dir: string,
  name: string,
  count: number,
  xima: RunningSandbox,
  openStandIn: () => Promise<StandIn>,
  log: (line: string) => void,
): Promise<ServiceRun> {
  const standIn = await openStandIn();
  try {
    const hotel = await openHotel(dir, name, xima, standIn);
    try {
      const links = hotel.app.get(PmsLinksService);
      const { ledger, linkId } = hotel;
      await links.update(linkId, { enabled: false }, SYSTEM_ACTOR);
      const sync = hotel.app.get(SyncService);
      let waiting = 0;
      for (let day = 0; waiting < count; day++) {
        if (day > 60) throw new Error(`only ${waiting} postings in 60 days of calls`);
        const startMs = Date.parse(FROM) + day * DAY_MS;
        const { done } = await sync.start(hotel.sourceId, 'cli', {
          startMs,
          endMs: startMs + DAY_MS,
        });
        const run = await done;
        if (run.status !== 'succeeded') throw new Error(`the sync ${run.status}`);
        waiting = await queueCount(ledger, linkId);
      }
      // Exactly `count` postings go: the rest are written off before the link starts.
      await ledger.manager.query(
        `UPDATE postings SET status = 'written-off', reason = 'beyond the benchmark''s count'
         WHERE link_id = ? AND status = 'pending' AND id > (
           SELECT id FROM postings WHERE link_id = ? AND status = 'pending'
           ORDER BY id LIMIT 1 OFFSET ?)`,
        [linkId, linkId, count - 1],
      );
      if ((await queueCount(ledger, linkId)) !== count) throw new Error('the queue is not as set');
      log(`  ${count} postings wait; the link starts`);
      await links.update(linkId, { enabled: true }, SYSTEM_ACTOR);
      await until(
        'the queue to drain',
        async () => ((await queueCount(ledger, linkId)) === 0 ? true : undefined),
        600_000,
        200,
      );
      const [span] = await ledger.manager.query<
        { posted: number; firstSentMs: number; lastPostedMs: number }[]
      >(
        `SELECT count(*) AS posted, min(sent_at_ms) AS firstSentMs,
           max(posted_at_ms) AS lastPostedMs
         FROM postings WHERE link_id = ? AND status = 'posted'`,
        [linkId],
      );
      const taken = await standIn.count();
      if (span.posted !== count || taken.accepted !== count || taken.duplicates !== 0) {
        throw new Error(
          `${span.posted} of ${count} posted; the stand-in took ${taken.accepted}, ${taken.duplicates} twice`,
        );
      }
      return {
        postings: count,
        serviceMs: span.lastPostedMs - span.firstSentMs,
        records: await postedRecords(ledger, linkId),
      };
    } finally {
      await hotel.close();
    }
  } finally {
    await standIn.close();
  }
}

/** The `PS` records the service sent, in order, made as its link makes them. */
async function postedRecords(ledger: Ledger, linkId: number): Promise<FiasRecord[]> {
  const rows = await ledger.manager.query<
    {
      postingNumber: number;
      room: string;
      reservation: string | null;
      amountMinor: number;
      dialedNumber: string | null;
      talkSeconds: number;
      startTimeMs: number;
      timezone: string;
    }[]
  >(
    `SELECT p.posting_number AS postingNumber, p.room, st.reservation, p.amount_minor AS amountMinor,
       li.dialed_number AS dialedNumber, li.talk_seconds AS talkSeconds,
       li.start_time_ms AS startTimeMs, s.timezone
     FROM postings p JOIN line_items li ON li.id = p.line_item_id
     JOIN sources s ON s.id = li.source_id LEFT JOIN stays st ON st.id = p.stay_id
     WHERE p.link_id = ? AND p.status = 'posted' ORDER BY p.id`,
    [linkId],
  );
  return rows.map((row) =>
    postingSimple({
      postingNumber: row.postingNumber,
      room: row.room,
      reservation: row.reservation ?? undefined,
      amountMinor: row.amountMinor,
      dialedDigits: (row.dialedNumber ?? '').replace(/\D/g, ''),
      durationSeconds: row.talkSeconds,
      start: fiasDateTime(row.startTimeMs, row.timezone),
    }),
  );
}

/**
 * The bound: the records sent over a bare TCP FIAS client, one at a time, each after the
 * previous one's `PA` (framed and parsed); no ledger, no link logic. Timed from the first write
 * to the last `PA`.
 */
async function rawRun(records: FiasRecord[], standIn: StandIn): Promise<number> {
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(standIn.port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  socket.setNoDelay(true);
  const framer = new FiasFramer();
  let waiting: { type: string; resolve: (record: FiasRecord) => void } | null = null;
  let ok = 0;
  socket.on('data', (chunk: Buffer) => {
    for (const data of framer.push(chunk).records) {
      const parsed = parseRecord(data, 'ascii');
      if (!parsed.ok) continue;
      if (waiting?.type === parsed.record.type) {
        const { resolve } = waiting;
        waiting = null;
        resolve(parsed.record);
      }
    }
  });
  const next = (type: string) =>
    new Promise<FiasRecord>((resolve) => {
      waiting = { type, resolve };
    });
  try {
    const linked = next('LA');
    const stamp = { DA: '261207', TI: '120000' };
    const linkStart: FiasRecord[] = [
      { type: 'LD', fields: { ...stamp, 'V#': '1.0', IF: 'CA' } },
      { type: 'LR', fields: { RI: 'PS', FL: 'RNPTTADDDUDATIP#G#' } },
      { type: 'LA', fields: stamp },
    ];
    socket.write(Buffer.concat(linkStart.map((record) => encodeRecord(record, 'ascii'))));
    await linked;
    const began = performance.now();
    for (const record of records) {
      const answer = next('PA');
      socket.write(encodeRecord(record, 'ascii'));
      if ((await answer).fields.AS === 'OK') ok++;
    }
    const ms = performance.now() - began;
    if (ok !== records.length) throw new Error(`raw: ${ok} of ${records.length} answered OK`);
    return ms;
  } finally {
    socket.destroy();
  }
}

/**
 * Latency in on-rating mode: `syncs` syncs of a 5-minute window each (consecutive windows of a
 * busy afternoon), each after the previous one's postings are posted and a random pause; each
 * posting's `PA OK` recorded, from its sync's answer.
 */
async function latencyRun(
  dir: string,
  syncs: number,
  xima: RunningSandbox,
  standIn: StandIn,
  log: (line: string) => void,
): Promise<LatencyResult> {
  const hotel = await openHotel(dir, 'latency', xima, standIn);
  try {
    const { ledger, linkId } = hotel;
    const sync = hotel.app.get(SyncService);
    const fromSync: number[] = [];
    const fromCreated: number[] = [];
    const first = Date.parse('2026-03-03T12:00:00-07:00');
    for (let index = 0; index < syncs; index++) {
      // A sync lands at any moment of the sender's wait, not in step with it.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
      const startMs = first + index * 300_000;
      const [{ before }] = await ledger.manager.query<{ before: number }[]>(
        `SELECT coalesce(max(id), 0) AS before FROM postings`,
      );
      const { done } = await sync.start(hotel.sourceId, 'cli', {
        startMs,
        endMs: startMs + 300_000,
      });
      const run = await done;
      const answeredMs = Date.now();
      if (run.status !== 'succeeded') throw new Error(`the sync ${run.status}`);
      await until(
        'the postings of a sync',
        async () => ((await queueCount(ledger, linkId)) === 0 ? true : undefined),
        60_000,
      );
      const posted = await ledger.manager.query<{ createdMs: number; postedMs: number }[]>(
        `SELECT created_at_ms AS createdMs, posted_at_ms AS postedMs FROM postings
         WHERE id > ? AND status = 'posted'`,
        [before],
      );
      for (const row of posted) {
        fromSync.push(row.postedMs - answeredMs);
        fromCreated.push(row.postedMs - row.createdMs);
      }
    }
    log(`  ${fromSync.length} postings from ${syncs} syncs of 5 minutes`);
    if (fromSync.length === 0) throw new Error('no posting to time');
    const sorted = [...fromSync].sort((a, b) => a - b);
    return {
      syncs,
      postings: sorted.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1],
      fromCreatedP95Ms: percentile(
        [...fromCreated].sort((a, b) => a - b),
        95,
      ),
    };
  } finally {
    await hotel.close();
  }
}

export async function runPmsBench(options: PmsBenchOptions): Promise<PmsBenchResult> {
  const log = options.log ?? (() => undefined);
  const standInStart: StandInStart = {
    seed: SEED,
    timezone: TIMEZONE,
    rooms: SANDBOX_ROOMS,
    checkInAt: CHECK_IN_AT,
    answerDelayMs: options.answerDelayMs ?? 0,
  };
  const openStandIn = () =>
    (options.standIn === 'in-process' ? standInInProcess : standInProcess)(standInStart);
  const dir = mkdtempSync(join(tmpdir(), 'xima-billing-bench-pms-'));
  const xima = await startSandbox({
    token: TOKEN,
    seed: SEED,
    callsPerDay: CALLS_PER_DAY,
    timezone: TIMEZONE,
  });
  try {
    const runs: ThroughputRun[] = [];
    let records: FiasRecord[] | null = null;
    for (let index = 0; index < options.runs; index++) {
      // The first run goes through the service first (it makes the records the loop sends);
      // then the order alternates.
      const first = index % 2 === 0 ? 'service' : 'raw';
      let service: ServiceRun | null = null;
      let rawMs = 0;
      const measureRaw = async () => {
        const standIn = await openStandIn();
        try {
          rawMs = await rawRun(records!, standIn);
        } finally {
          await standIn.close();
        }
      };
      const measureService = async () => {
        service = await serviceRun(
          dir,
          `run-${index + 1}`,
          options.postings,
          xima,
          openStandIn,
          log,
        );
        records ??= service.records;
      };
      if (first === 'service') {
        await measureService();
        await measureRaw();
      } else {
        await measureRaw();
        await measureService();
      }
      const { postings, serviceMs } = service!;
      const run: ThroughputRun = {
        postings,
        serviceMs,
        postingsPerSecond: Math.round((postings / serviceMs) * 1000),
        rawMs,
        rawPostingsPerSecond: Math.round((postings / rawMs) * 1000),
        ratio: rawMs / serviceMs,
        first,
      };
      runs.push(run);
      log(
        `run ${index + 1} (${first} first): ${postings} postings in ${(serviceMs / 1000).toFixed(2)} s = ` +
          `${run.postingsPerSecond} postings/s; raw round trips ${(rawMs / 1000).toFixed(2)} s = ` +
          `${run.rawPostingsPerSecond}/s; ratio ${run.ratio.toFixed(2)}`,
      );
    }
    log(`latency: ${options.syncs} syncs`);
    const standIn = await openStandIn();
    let latency: LatencyResult;
    try {
      latency = await latencyRun(dir, options.syncs, xima, standIn, log);
    } finally {
      await standIn.close();
    }
    return {
      runs,
      medianPostingsPerSecond: median(runs.map((r) => r.postingsPerSecond)),
      medianRawPostingsPerSecond: median(runs.map((r) => r.rawPostingsPerSecond)),
      medianRatio: median(runs.map((r) => r.ratio)),
      latency,
    };
  } finally {
    await xima.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The summary lines, each number beside its target. */
export function report(result: PmsBenchResult): string[] {
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const { latency } = result;
  return [
    `medians of ${result.runs.length} run(s) of ${result.runs[0].postings} postings:`,
    `  through the service   ${result.medianPostingsPerSecond} postings/s`,
    `  raw round trips       ${result.medianRawPostingsPerSecond} postings/s (the bound, same records, same stand-in)`,
    `  ratio                 ${result.medianRatio.toFixed(2)} (target >= 0.8: ${met(result.medianRatio >= 0.8)})`,
    `latency, sync answered to PA OK recorded (${latency.postings} postings, ${latency.syncs} syncs):`,
    `  p50 ${latency.p50Ms} ms, p95 ${latency.p95Ms} ms (target <= 1000 ms: ${met(latency.p95Ms <= 1000)}), max ${latency.maxMs} ms`,
    `  p95 from the posting's creation in the sync's transaction: ${latency.fromCreatedP95Ms} ms`,
  ];
}

async function main(argv: string[]): Promise<void> {
  const args = new BenchArgs(
    argv,
    'bench:pms [--quick] [--postings N] [--runs N] [--syncs N] [--answer-delay-ms MS]',
  );
  const { quick } = args;
  const postings = args.number('--postings', quick ? 300 : 10_000);
  const runs = args.number('--runs', quick ? 1 : 3);
  const syncs = args.number('--syncs', quick ? 5 : 60);
  // The measure is a PMS answering at once; a delay shows the ratio at a slower one.
  const answerDelayMs = argv.includes('--answer-delay-ms')
    ? args.number('--answer-delay-ms', 1)
    : 0;
  args.checked();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (answerDelayMs > 0) say(`the stand-in answers each posting after ${answerDelayMs} ms`);
  const result = await runPmsBench({ postings, runs, syncs, answerDelayMs, log: say });
  say(`\n${report(result).join('\n')}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench:pms failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
