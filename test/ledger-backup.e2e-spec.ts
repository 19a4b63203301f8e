import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openLedgerDataSource } from '@app/ledger';
import { seedWholeLedger } from '@app/ledger/testing';
import { generateCalls, RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { runCli } from '../apps/billing/src/cli';
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
const TOKEN = 'sandbox-token-for-the-backup';
const SEED = 'backup-during-sync';
const ZONE = 'America/Denver';
const CALLS_PER_DAY = 300;
const WINDOW = { from: '2026-03-01', to: '2026-03-13' };

/** `npm run cli -- …` in this process, with DATABASE_URL as the service has it. */
async function cli(dir: string, databaseUrl: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    XIMA_BASE_URL: 'http://127.0.0.1:9',
    XIMA_API_KEY: 'not-used',
    ADMIN_API_KEY: 'not-used-by-the-cli-0123456789abcdef',
  });
  try {
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, dir);
    return { code, out, err };
  } finally {
    process.env = saved;
  }
}

describe('npm run cli -- ledger backup / ledger verify (e2e)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-backup-'));
    // A ledger with a row in every table (the copy's seed).
    const ledger = await openLedgerDataSource({ kind: 'sqlite', path: join(dir, 'plain.sqlite') });
    try {
      await seedWholeLedger(ledger);
    } finally {
      await ledger.destroy();
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a ledger file, checks the copy, and says what it holds', async () => {
    const ledger = join(dir, 'plain.sqlite');
    const backup = await cli(
      dir,
      `sqlite:${ledger}`,
      'ledger',
      'backup',
      '--out',
      'plain-copy.sqlite',
    );
    expect(backup.err).toEqual([`Backing up ${ledger} to ${join(dir, 'plain-copy.sqlite')}`]);
    expect(backup.code).toBe(0);
    expect(backup.out[0]).toMatch(/^migrations: (\d+) of \1$/);
    expect(backup.out).toContainEqual(expect.stringMatching(/^line_items +41 rows$/));
    expect(backup.out.at(-1)).toMatch(/^Backed up [\d.]+ MiB in [\d.]+ s to .*plain-copy\.sqlite$/);
    // Nothing beside it (no .partial, no WAL side files), and only its owner may read it.
    const beside = () => readdirSync(dir).filter((name) => name.startsWith('plain-copy'));
    expect(beside()).toEqual(['plain-copy.sqlite']);
    expect(statSync(join(dir, 'plain-copy.sqlite')).mode & 0o777).toBe(0o600);

    const verify = await cli(dir, `sqlite:${ledger}`, 'ledger', 'verify', 'plain-copy.sqlite');
    expect(verify.code).toBe(0);
    expect(verify.out.at(-1)).toBe(
      `${join(dir, 'plain-copy.sqlite')}: whole (integrity and foreign keys checked)`,
    );
    expect(beside()).toEqual(['plain-copy.sqlite']);
  });

  it('refuses to replace a file, a PostgreSQL ledger (its own tools) and an in-memory one, writing nothing', async () => {
    const ledger = join(dir, 'plain.sqlite');
    writeFileSync(join(dir, 'taken.sqlite'), 'yesterday');
    const taken = await cli(dir, `sqlite:${ledger}`, 'ledger', 'backup', '--out', 'taken.sqlite');
    expect(taken.code).toBe(1);
    expect(taken.err.join('\n')).toContain('taken.sqlite exists; a backup never replaces a file');
    const postgres = await cli(
      dir,
      'postgres://billing:secret-password@127.0.0.1:5432/billing',
      'ledger',
      'backup',
      '--out',
      'pg.sqlite',
    );
    expect(postgres.code).toBe(1);
    expect(postgres.err.join('\n')).toContain('on PostgreSQL use its own tools (pg_dump');
    expect(postgres.err.join('\n')).not.toContain('secret-password');
    const memory = await cli(dir, 'sqlite::memory:', 'ledger', 'backup', '--out', 'mem.sqlite');
    expect(memory.code).toBe(1);
    expect(memory.err.join('\n')).toContain('an in-memory ledger');
    expect(existsSync(join(dir, 'pg.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'mem.sqlite'))).toBe(false);
  });

  it('finds what is wrong with a copy: not a database, not a ledger, made by a newer version, damaged', async () => {
    const ledger = `sqlite:${join(dir, 'plain.sqlite')}`;
    writeFileSync(join(dir, 'text.sqlite'), 'not a database at all, just some words '.repeat(200));
    const text = await cli(dir, ledger, 'ledger', 'verify', 'text.sqlite');
    expect(text.code).toBe(1);
    expect(text.err.join('\n')).toMatch(/text\.sqlite is not a SQLite database/);

    const other = new Database(join(dir, 'other.sqlite'));
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.close();
    const notLedger = await cli(dir, ledger, 'ledger', 'verify', 'other.sqlite');
    expect(notLedger.code).toBe(1);
    expect(notLedger.err.join('\n')).toContain('it has no migrations table: it is not a ledger');

    const newer = join(dir, 'newer.sqlite');
    const made = await cli(dir, ledger, 'ledger', 'backup', '--out', 'newer.sqlite');
    expect(made.code).toBe(0);
    const db = new Database(newer);
    db.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(
      1899999999999,
      'FromTheFuture1899999999999',
    );
    db.close();
    const fromTheFuture = await cli(dir, ledger, 'ledger', 'verify', 'newer.sqlite');
    expect(fromTheFuture.code).toBe(1);
    expect(fromTheFuture.err.join('\n')).toContain(
      'made by a newer version of xima-billing (migrations this one does not know: FromTheFuture1899999999999)',
    );

    // Rows whose business is not there: the foreign key check finds them.
    const damaged = join(dir, 'damaged.sqlite');
    expect((await cli(dir, ledger, 'ledger', 'backup', '--out', 'damaged.sqlite')).code).toBe(0);
    const broken = new Database(damaged);
    broken.pragma('foreign_keys = OFF');
    broken.prepare('DELETE FROM businesses').run();
    broken.close();
    const orphan = await cli(dir, ledger, 'ledger', 'verify', 'damaged.sqlite');
    expect(orphan.code).toBe(1);
    expect(orphan.err.join('\n')).toMatch(/row\(s\) refer to rows that are not there/);
  });
});

/**
 * The backup an operator takes at night, while the service runs and syncs: taken mid-sync, it
 * holds whole chunks only; a service started on it (the restore) finds the sync left running,
 * ends it as interrupted, and the next sync of the window completes it to the sandbox's count.
 */
describe('a backup taken during a running sync, restored (e2e, the built service)', () => {
  let dir: string;
  let xima: RunningSandbox;
  const services: BuiltService[] = [];
  const adminKey = `backup-admin-${randomBytes(24).toString('base64url')}`;

  const start = async (ledger: string, instance: string): Promise<BuiltService> => {
    const service = await spawnBuilt({
      DATABASE_URL: `sqlite:${ledger}`,
      ADMIN_API_KEY: adminKey,
      XIMA_BASE_URL: xima.url,
      XIMA_API_KEY: TOKEN,
      SYNC_SCHEDULE_ENABLED: 'false',
      INSTANCE_ID: instance,
      // The restored ledger holds the first instance's sync lease: it lapses within a second.
      LEASE_TTL_MS: '1000',
    });
    services.push(service);
    await untilStarted(service);
    return service;
  };

  beforeAll(async () => {
    const built = buildIfStale(root, 'billing', BUILT_MAIN, () => undefined);
    if (built !== 0) throw new Error(`nest build billing exited with ${built}`);
    dir = mkdtempSync(join(tmpdir(), 'billing-backup-sync-'));
    // Each day's report takes a moment: the sync is still running when the backup is taken.
    xima = await startSandbox({
      token: TOKEN,
      seed: SEED,
      callsPerDay: CALLS_PER_DAY,
      timezone: ZONE,
      faults: { mode: 'latency', latencyMs: 700 },
    });
  }, 180_000);

  afterAll(async () => {
    for (const service of services) await service.stop();
    await xima?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds whole chunks, verifies, and a service on it completes the sync to the exact count', async () => {
    const ledger = join(dir, 'ledger.sqlite');
    const first = await start(ledger, 'billing-night');
    const api = <T>(service: BuiltService, method: string, path: string, body?: unknown) =>
      callApi<T>(service.baseUrl, adminKey, method, path, body);
    const plan = await api<{ id: number }>(first, 'POST', '/rate-plans', {
      ...samplePlan<object>('grand-hotel'),
      effectiveFrom: '2026-01-01T00:00:00-07:00',
    });
    const source = await api<{ id: number }>(first, 'POST', '/sources', {
      name: 'Grand Hotel',
      kind: 'call-records',
      historicDataKey: 'CALLDTLX',
      ratePlanId: plan.id,
      timezone: ZONE,
    });
    const syncing = api(first, 'POST', `/sources/${source.id}/sync`, WINDOW);
    type Runs = { items: { id: number; status: string; inserted: number; messages: string[] }[] };
    const runs = (service: BuiltService) =>
      api<Runs>(service, 'GET', `/sync-runs?sourceId=${source.id}`);
    for (let deadline = Date.now() + 30_000; ;) {
      const [run] = (await runs(first)).items;
      if (run?.status === 'running' && run.inserted > 0) break;
      if (Date.now() > deadline) throw new Error('the sync did not get going');
      await new Promise((done) => setTimeout(done, 50));
    }

    const backup = await cli(dir, `sqlite:${ledger}`, 'ledger', 'backup', '--out', 'night.sqlite');
    expect(backup.err.slice(1)).toEqual([]);
    expect(backup.code).toBe(0);
    // Taken mid-sync: the run was still going once the copy was whole.
    expect((await runs(first)).items[0].status).toBe('running');
    await syncing;
    await first.stop();

    // The copy: the run in it is running, and it holds every call its committed chunks counted.
    const copy = new Database(join(dir, 'night.sqlite'), { readonly: true });
    const inCopy = copy
      .prepare(
        `SELECT (SELECT count(*) FROM call_records) AS calls,
                (SELECT sum(inserted) FROM sync_runs) AS inserted,
                (SELECT status FROM sync_runs) AS status`,
      )
      .get() as { calls: number; inserted: number; status: string };
    copy.close();
    expect(inCopy.status).toBe('running');
    expect(inCopy.calls).toBeGreaterThan(0);
    expect(inCopy.inserted).toBe(inCopy.calls);

    // The restore: the copy put where a (new) service reads its ledger.
    const restored = join(dir, 'restored.sqlite');
    expect((await cli(dir, `sqlite:${restored}`, 'ledger', 'verify', 'night.sqlite')).code).toBe(0);
    copyFileSync(join(dir, 'night.sqlite'), restored);
    const second = await start(restored, 'billing-restored');
    xima.setFaults(undefined);
    let done: { status: string } | undefined;
    for (let deadline = Date.now() + 30_000; !done;) {
      // The lease of the first instance lapses within a second; until then, a 409.
      done = await api<{ status: string }>(
        second,
        'POST',
        `/sources/${source.id}/sync`,
        WINDOW,
      ).catch((error: Error) => {
        if (!/409/.test(error.message) || Date.now() > deadline) throw error;
        return undefined;
      });
      if (!done) await new Promise((wait) => setTimeout(wait, 200));
    }
    expect(done.status).toBe('succeeded');
    const after = (await runs(second)).items;
    expect(after.map((run) => run.status)).toEqual(['succeeded', 'failed']);
    expect(after[1].messages).toEqual([expect.stringMatching(/^interrupted/)]);
    await second.stop();

    const truth = generateCalls(
      { seed: SEED, callsPerDay: CALLS_PER_DAY, timezone: ZONE },
      Date.parse('2026-03-01T00:00:00-07:00'),
      Date.parse('2026-03-13T00:00:00-06:00') - 1,
    );
    const db = new Database(restored, { readonly: true });
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM call_records) AS calls,
                (SELECT count(DISTINCT raw_json) FROM record_errors) AS errors,
                (SELECT sum(inserted) FROM sync_runs) AS inserted,
                (SELECT count(*) FROM line_items) AS items,
                (SELECT count(DISTINCT call_record_id) FROM line_items) AS itemCalls,
                (SELECT sum(rated) FROM sync_runs) AS rated`,
      )
      .get() as Record<string, number>;
    db.close();
    expect(counts.calls + counts.errors).toBe(truth.length);
    expect(counts.inserted).toBe(counts.calls);
    expect(counts.items).toBe(counts.itemCalls);
    expect(counts.items).toBe(counts.rated);
  }, 120_000);
});
