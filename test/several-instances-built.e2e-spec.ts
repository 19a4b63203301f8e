import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { TestLedgerLocation, testLedgerDriver, testLedgerLocation } from '@app/ledger/testing';
import { RunningSandbox, generateCalls, startSandbox } from '@app/xima-sandbox';
import { buildIfStale } from '../scripts/built.mjs';
import {
  BUILT_MAIN,
  BuiltService,
  callApi,
  spawnBuilt,
  untilStarted,
} from './support/built-service';
import { samplePlan } from './support/fixtures';

const root = resolve(__dirname, '..');
const TOKEN = 'sandbox-token-for-two-instances';
const ZONE = 'America/Denver';
const SEED = 'two-built-instances';
const CALLS_PER_DAY = 300;
/** Short leases, so that a killed instance's work is taken over within seconds. */
const LEASE_TTL_MS = 3_000;
const LEASE_POLL_MS = 500;
/** Every source syncs every two seconds, on both instances: they race for each tick. */
const SYNC_CRON = '*/2 * * * * *';
const FINALISATIONS = 50;
const SECRET = 'delivery-secret-of-the-two-instances';

interface Service extends BuiltService {
  name: string;
}

interface Request {
  key: string;
  body: Buffer;
}

/**
 * The billing system: answers every delivery 200 at once, but for one request (the `hold`-th),
 * which it never answers; its connection ends when the sender dies.
 */
class Receiver {
  readonly requests: Request[] = [];
  /** 2xx answers given, by idempotency key. */
  readonly accepted = new Map<string, number>();
  hold = 0;
  held: Request | undefined;
  private readonly server: Server = createServer((req, res) => this.handle(req, res));

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { key: String(req.headers['idempotency-key']), body: Buffer.concat(chunks) };
      this.requests.push(request);
      if (this.requests.length === this.hold) {
        this.held = request;
        return;
      }
      this.accepted.set(request.key, (this.accepted.get(request.key) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/invoices`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The messages of a service's JSON log lines. */
const messages = (service: Service): string[] =>
  service
    .stdout()
    .split('\n')
    .flatMap((line) => {
      try {
        const { msg } = JSON.parse(line) as { msg?: unknown };
        return typeof msg === 'string' ? [msg] : [];
      } catch {
        return [];
      }
    });

/**
 * Two built services (`node dist/...`) on one PostgreSQL database, with nothing between them
 * but the database: both schedule the same sources, finalisations go to both, and each is
 * killed with SIGKILL once, mid-sync and mid-delivery; the other takes its work over. At the
 * end the ledger is held against the sandbox's own calls: nothing lost, nothing doubled.
 * PostgreSQL only (`npm run test:postgres`): SQLite's several-instance suites run in process.
 */
const onPostgres = testLedgerDriver() === 'postgres';
(onPostgres ? describe : describe.skip)('two built services on one PostgreSQL ledger (e2e)', () => {
  let ledger: TestLedgerLocation;
  let db: Client;
  let xima: RunningSandbox;
  let receiver: Receiver;
  let receiverUrl: string;
  const services = new Map<string, Service>();
  const adminKey = `instances-admin-${randomBytes(24).toString('base64url')}`;
  let sources: { hotel: number; annex: number };

  const start = async (name: string, env: Record<string, string> = {}): Promise<Service> => {
    const service = {
      name,
      ...(await spawnBuilt({
        DATABASE_URL: ledger.databaseUrl,
        DATABASE_POOL_SIZE: '6',
        ADMIN_API_KEY: adminKey,
        XIMA_BASE_URL: xima.url,
        XIMA_API_KEY: TOKEN,
        SYNC_CRON,
        SYNC_SCHEDULE_ENABLED: 'true',
        PMS_LINKS_ENABLED: 'false',
        LOG_LEVEL: 'info',
        INSTANCE_ID: name,
        LEASE_TTL_MS: String(LEASE_TTL_MS),
        LEASE_POLL_MS: String(LEASE_POLL_MS),
        // The held delivery must still be in flight when its instance is killed.
        DELIVERY_TIMEOUT_MS: '120000',
        DELIVERY_BACKOFF_MS: '100',
        ...env,
      })),
    };
    await untilStarted(service);
    services.set(name, service);
    return service;
  };

  const kill = async (name: string): Promise<void> => {
    const service = services.get(name)!;
    service.child.kill('SIGKILL');
    await service.exited;
  };

  const api = <T = Record<string, unknown>>(
    service: Service,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> => callApi<T>(service.baseUrl, adminKey, method, path, body);

  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, params)).rows as T[];

  const leaseHolder = async (name: string): Promise<string | undefined> =>
    (await rows<{ holder: string }>('SELECT holder FROM leases WHERE name = $1', [name]))[0]
      ?.holder;

  interface RunRow {
    id: number;
    source_id: number;
    status: string;
    from_ms: number;
    to_ms: number;
    inserted: number;
    rated: number;
    messages_json: string;
    started_at_ms: number;
    finished_at_ms: number | null;
  }
  const runsOf = (sourceId: number) =>
    rows<RunRow>(
      `SELECT id::int, source_id::int, status, from_ms::float8 AS from_ms, to_ms::float8 AS to_ms,
              inserted::int, rated::int, messages_json, started_at_ms::float8 AS started_at_ms,
              finished_at_ms::float8 AS finished_at_ms
         FROM sync_runs WHERE source_id = $1 ORDER BY id`,
      [sourceId],
    );

  beforeAll(async () => {
    const built = buildIfStale(root, 'billing', BUILT_MAIN, () => undefined);
    if (built !== 0) throw new Error(`nest build billing exited with ${built}`);
    ledger = await testLedgerLocation();
    db = new Client({ connectionString: ledger.databaseUrl });
    await db.connect();
    // Each report takes a moment, so that a week's first sync (eight chunks) can be cut.
    xima = await startSandbox({
      token: TOKEN,
      seed: SEED,
      callsPerDay: CALLS_PER_DAY,
      timezone: ZONE,
      faults: { mode: 'latency', latencyMs: 300 },
    });
    receiver = new Receiver();
    receiverUrl = await receiver.listen();

    // The sources are made before the two instances start, so that both schedule them at once.
    const setup = await start('setup', { SYNC_SCHEDULE_ENABLED: 'false' });
    const plan = await api<{ id: number }>(setup, 'POST', '/rate-plans', {
      ...samplePlan<object>('grand-hotel'),
      effectiveFrom: '2020-01-01T00:00:00Z',
    });
    const source = (name: string, extra: object) =>
      api<{ id: number }>(setup, 'POST', '/sources', {
        name,
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.id,
        timezone: ZONE,
        autoApprove: true,
        ...extra,
      });
    const hotel = await source('Grand Hotel', {
      deliveryUrl: receiverUrl,
      deliverySecret: SECRET,
    });
    const annex = await source('Grand Hotel Annex', {});
    sources = { hotel: hotel.id, annex: annex.id };
    setup.child.kill('SIGTERM');
    await setup.exited;
    services.delete('setup');
  }, 180_000);

  afterAll(async () => {
    for (const service of services.values()) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGTERM');
      }
      await service.exited;
    }
    await receiver?.close();
    await xima?.close();
    await db?.end();
    await ledger?.release();
  });

  it('the instance running a first sync is killed mid-sync; the other fails its run and syncs on', async () => {
    await Promise.all([start('billing-a'), start('billing-b')]);
    const { hotel } = sources;

    // The hotel's first sync (a week, a chunk a day) has committed some chunks: kill its runner.
    const cut = await until('a first sync with committed chunks', async () => {
      const [run] = await rows<{ id: number; holder: string }>(
        `SELECT r.id::int, l.holder FROM sync_runs r JOIN leases l ON l.name = $2
          WHERE r.source_id = $1 AND r.status = 'running' AND r.inserted > 0`,
        [hotel, `sync:${hotel}`],
      );
      return run;
    });
    const victim = cut.holder;
    const survivor = victim === 'billing-a' ? 'billing-b' : 'billing-a';
    const killedAt = Date.now();
    await kill(victim);

    // The other instance fails the cut run once its lease has lapsed, and runs the source.
    const taken = await until('the takeover', async () => {
      const runs = await runsOf(hotel);
      const failed = runs.find((run) => run.id === cut.id && run.status === 'failed');
      const next = runs.find((run) => run.id > cut.id && run.status === 'succeeded');
      return failed && next ? { failed, next } : undefined;
    });
    expect(JSON.parse(taken.failed.messages_json)).toEqual([
      `interrupted: instance ${victim} stopped during this run`,
    ]);
    expect(taken.failed.inserted).toBeGreaterThan(0);
    // Bound: the lease's ttl, then the next tick (every 2 s), with room for a busy machine.
    expect(taken.failed.finished_at_ms! - killedAt).toBeLessThan(LEASE_TTL_MS + 2_000 + 5_000);
    expect(messages(services.get(survivor)!)).toContain(
      `Scheduled sync of source ${hotel}: run ${taken.next.id} succeeded`,
    );

    // The killed instance comes back under its name: both schedule both sources again.
    await start(victim);
  }, 120_000);

  it('both instances tick for both sources; a source runs one sync at a time, never two windows at once', async () => {
    const { hotel, annex } = sources;
    const ticked = (service: Service, sourceId: number) =>
      messages(service).filter(
        (msg) =>
          msg.startsWith(`Scheduled sync of source ${sourceId}: run `) ||
          msg.startsWith(`Scheduled sync of source ${sourceId} runs on instance `),
      ).length;
    // A few ticks of each source on each instance since the restart.
    await until('ticks on both instances', () => {
      const a = services.get('billing-a')!;
      const b = services.get('billing-b')!;
      return [a, b].every((s) => ticked(s, hotel) >= 3 && ticked(s, annex) >= 3) ? true : undefined;
    });
    // Ticks met: an instance was told that the other runs the source's sync.
    const told = [...services.values()].flatMap((service) =>
      messages(service).filter((msg) =>
        /^Scheduled sync of source \d+ runs on instance /.test(msg),
      ),
    );
    expect(told.length).toBeGreaterThan(0);
    for (const sourceId of [hotel, annex]) {
      const runs = await runsOf(sourceId);
      expect(runs.filter((run) => run.status === 'running').length).toBeLessThanOrEqual(1);
      const ended = runs.filter((run) => run.finished_at_ms !== null);
      for (let i = 1; i < ended.length; i++) {
        expect({
          run: ended[i].id,
          overlaps: ended[i].started_at_ms < ended[i - 1].finished_at_ms!,
        }).toEqual({ run: ended[i].id, overlaps: false });
      }
      expect(ended.filter((run) => run.status === 'succeeded').length).toBeGreaterThanOrEqual(3);
    }
  }, 90_000);

  let finalized: { id: number; number: string; on: string }[] = [];

  it('50 finalisations split across both instances take 50 gapless, unique numbers', async () => {
    const { hotel } = sources;
    const [a, b] = [services.get('billing-a')!, services.get('billing-b')!];
    // The fourth request to the billing system is never answered (the next test kills its sender).
    receiver.hold = 4;
    // One draft per billing account and day, the days before yesterday, until there are 50.
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const drafts: number[] = [];
    for (let back = 2; drafts.length < FINALISATIONS && back <= 6; back++) {
      const day = today.minus({ days: back });
      const batch = await api<{ items: { id: number }[] }>(
        back % 2 === 0 ? a : b,
        'POST',
        '/invoices/batch',
        {
          periodStart: day.toISO(),
          periodEnd: day.plus({ days: 1 }).toISO(),
          sourceId: hotel,
        },
      );
      drafts.push(...batch.items.map((item) => item.id));
    }
    expect(drafts.length).toBeGreaterThanOrEqual(FINALISATIONS);

    // All at once: every other draft to each instance.
    const chosen = drafts.slice(0, FINALISATIONS);
    finalized = await Promise.all(
      chosen.map(async (id, i) => {
        const on = i % 2 === 0 ? a : b;
        const invoice = await api<{ id: number; number: string; status: string }>(
          on,
          'POST',
          `/invoices/${id}/finalize`,
        );
        expect(invoice.status).toBe('finalized');
        return { id, number: invoice.number, on: on.name };
      }),
    );
    expect(new Set(finalized.map((f) => f.number)).size).toBe(FINALISATIONS);
    // Gapless per business and year, whichever instance took each number.
    const numbered = await rows<{ number_year: number; sequence: number }>(
      `SELECT number_year::int, sequence::int FROM invoices
        WHERE number IS NOT NULL ORDER BY number_year, sequence`,
    );
    expect(numbered).toHaveLength(FINALISATIONS);
    const years = new Map<number, number[]>();
    for (const row of numbered) {
      years.set(row.number_year, [...(years.get(row.number_year) ?? []), row.sequence]);
    }
    for (const sequences of years.values()) {
      expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    }
  }, 90_000);

  it('the instance delivering an invoice is killed mid-delivery; the other delivers it, and every invoice reaches the billing system once', async () => {
    // Every delivery but the held one is answered, and the ledger knows it (an answer the
    // sender dies before recording is sent again, by design: the billing system dedupes it by
    // its key); the held one is still in flight, its attempt open.
    await until('49 deliveries recorded and one held', async () => {
      if (receiver.accepted.size !== FINALISATIONS - 1 || !receiver.held) return undefined;
      const [attempts] = await rows<{ delivered: number; open: number; leases: number }>(
        `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
                count(*) FILTER (WHERE status = 'pending')::int AS open,
                (SELECT count(*)::int FROM leases WHERE name LIKE 'delivery:%') AS leases
           FROM invoice_deliveries`,
      );
      return attempts.delivered === FINALISATIONS - 1 &&
        attempts.open === 1 &&
        attempts.leases === 1
        ? true
        : undefined;
    });
    const held = receiver.held!;
    const invoice = finalized.find((f) => f.number === held.key)!;
    const victim = await leaseHolder(`delivery:${invoice.id}`);
    expect(victim).toBeDefined();
    const survivor = services.get(victim === 'billing-a' ? 'billing-b' : 'billing-a')!;
    const killedAt = Date.now();
    await kill(victim!);

    interface Log {
      state: string;
      attempts: {
        attempt: number;
        status: string;
        httpStatus: number | null;
        error: string | null;
      }[];
    }
    const log = await until('the delivery taken over', async () => {
      const seen = await api<Log>(survivor, 'GET', `/invoices/${invoice.id}/deliveries`);
      return seen.state === 'delivered' ? seen : undefined;
    });
    // Bound: the lease's ttl and one poll, with room for a busy machine.
    expect(Date.now() - killedAt).toBeLessThan(LEASE_TTL_MS + LEASE_POLL_MS + 5_000);
    expect(log.attempts).toEqual([
      {
        attempt: 1,
        status: 'failed',
        httpStatus: null,
        error: `interrupted: instance ${victim} stopped during this attempt`,
        url: receiverUrl,
        idempotencyKey: invoice.number,
        attemptedAt: expect.any(String),
      },
      {
        attempt: 2,
        status: 'delivered',
        httpStatus: 200,
        error: null,
        url: receiverUrl,
        idempotencyKey: invoice.number,
        attemptedAt: expect.any(String),
      },
    ]);
    // Every invoice accepted exactly once; the held one was sent twice, the same bytes each time.
    expect([...receiver.accepted.keys()].sort()).toEqual(finalized.map((f) => f.number).sort());
    expect([...receiver.accepted.values()].every((n) => n === 1)).toBe(true);
    const resent = receiver.requests.filter((r) => r.key === invoice.number);
    expect(resent).toHaveLength(2);
    expect(resent[1].body.equals(resent[0].body)).toBe(true);
    expect(receiver.requests).toHaveLength(FINALISATIONS + 1);
    const attempts = await rows<{ invoice_id: number; n: number }>(
      `SELECT invoice_id::int, count(*)::int AS n FROM invoice_deliveries
        WHERE status = 'delivered' GROUP BY invoice_id`,
    );
    expect(attempts).toHaveLength(FINALISATIONS);
    expect(attempts.every((row) => row.n === 1)).toBe(true);
  }, 90_000);

  it('in the end every call of the synced span is stored once and rated once, on both sources', async () => {
    // The survivor syncs each source once more after the second kill (taking over a run the
    // killed instance may have left), then stops.
    const after = Date.now();
    const [survivor] = [...services.values()].filter(
      (s) => s.child.exitCode === null && s.child.signalCode === null,
    );
    for (const sourceId of Object.values(sources)) {
      await until(`a sync of source ${sourceId} after the kill`, async () => {
        const runs = await runsOf(sourceId);
        return runs.some((run) => run.status === 'succeeded' && run.started_at_ms > after)
          ? true
          : undefined;
      });
    }
    survivor.child.kill('SIGTERM');
    await survivor.exited;

    for (const sourceId of Object.values(sources)) {
      const runs = await runsOf(sourceId);
      expect(runs.filter((run) => run.status === 'running')).toEqual([]);
      const from = Math.min(...runs.map((run) => run.from_ms));
      const to = Math.max(...runs.filter((r) => r.status === 'succeeded').map((r) => r.to_ms));
      const truth = generateCalls(
        { seed: SEED, callsPerDay: CALLS_PER_DAY, timezone: ZONE },
        from,
        to - 1,
      );
      const stored = await rows<{ call_id: string; start_time_ms: number }>(
        `SELECT call_id, start_time_ms::float8 AS start_time_ms FROM call_records
          WHERE source_id = $1`,
        [sourceId],
      );
      const inSpan = stored.filter((c) => c.start_time_ms >= from && c.start_time_ms < to);
      const truthIds = new Set(truth.map((call) => call.callId));
      // Nothing outside what the sandbox has, nothing stored twice.
      expect(inSpan.filter((c) => !truthIds.has(c.call_id))).toEqual([]);
      expect(new Set(stored.map((c) => c.call_id)).size).toBe(stored.length);
      // Nothing lost: each call of the span is stored or is a record error (counted, visible).
      const [errors] = await rows<{ n: number }>(
        `SELECT count(DISTINCT raw_json)::int AS n FROM record_errors WHERE source_id = $1`,
        [sourceId],
      );
      expect(inSpan.length + errors.n).toBe(truth.length);
      // A line item for each billable call, one at most: what the runs rated, nothing else.
      const [items] = await rows<{ items: number; calls: number }>(
        `SELECT count(*)::int AS items, count(DISTINCT l.call_record_id)::int AS calls
           FROM line_items l JOIN call_records c ON c.id = l.call_record_id
          WHERE c.source_id = $1`,
        [sourceId],
      );
      const rated = runs.reduce((sum, run) => sum + run.rated, 0);
      expect(items).toEqual({ items: rated, calls: rated });
      expect(rated).toBeGreaterThan(0);
      // The runs' counts agree with the ledger: what each run inserted, nothing else.
      expect(runs.reduce((sum, run) => sum + run.inserted, 0)).toBe(stored.length);
    }
  }, 90_000);
});
