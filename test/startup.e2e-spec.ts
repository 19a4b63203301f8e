import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { generateCalls, startSandbox } from '@app/xima-sandbox';
import { buildIfStale } from '../scripts/built.mjs';
import { samplePlan } from './support/fixtures';

const root = resolve(__dirname, '..');
const main = join(root, 'dist/apps/billing/src/main.js');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  exited: Promise<Exit>;
  output: () => string;
}

function run(env: Record<string, string>, cwd = root): Running {
  return watch(
    spawn(process.execPath, [main], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    }),
  );
}

/**
 * `npm run -s start:prod` as an operator types it: the script itself must set NODE_ENV. In a
 * process group of its own, so that the service under npm can be stopped with it.
 */
function startProd(env: Record<string, string>): Running {
  return watch(
    spawn('npm', ['run', '-s', 'start:prod'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
      detached: true,
    }),
  );
}

function watch(child: ChildProcess): Running {
  if (!child.stdout || !child.stderr) throw new Error('spawned without pipes');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((done) =>
    // `close`: after the output is all read (and, under npm, after the service has exited too).
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return { child, exited, output: () => stdout };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the built service (spawned)', () => {
  let dir: string;

  beforeAll(() => {
    // Built as `npm run cli` builds it: when a source is newer than the build, one build at a
    // time (another spec may be running the CLI, and a build empties dist/ first).
    const built = buildIfStale(root, 'billing', 'dist/apps/billing/src/main.js', () => undefined);
    if (built !== 0) throw new Error(`nest build billing exited with ${built}`);
    dir = mkdtempSync(join(tmpdir(), 'billing-start-'));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    // No database named; its password (the secret below) is not echoed either.
    ['DATABASE_URL', { DATABASE_URL: 'postgres://billing:token-123@localhost' }],
    ['SYNC_CRON', { SYNC_CRON: 'every minute' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['XIMA_API_KEY', { XIMA_BASE_URL: 'https://abc.xima.cloud' }],
    ['ADMIN_API_KEY', { XIMA_BASE_URL: 'https://abc.xima.cloud', XIMA_API_KEY: 'token-123' }],
    ['XIMA_BASE_URL', { XIMA_BASE_URL: 'ftp://abc', XIMA_API_KEY: 'token-123' }],
  ])(
    'exits 1 with one line naming %s',
    async (variable, env) => {
      const { exited } = run({ DATABASE_URL: `sqlite:${join(dir, 'bad.sqlite')}`, ...env });
      const { code, stdout, stderr } = await exited;
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^Configuration error: .*\\b${variable}\\b`));
      // A secret's value is never echoed.
      expect(stderr).not.toContain('token-123');
    },
    30_000,
  );

  it('gives the same one line for a bad value in .env', async () => {
    const project = mkdtempSync(join(tmpdir(), 'billing-dotenv-'));
    try {
      writeFileSync(join(project, '.env'), 'PORT=abc\n');
      const { code, stdout, stderr } = await run({}, project).exited;
      expect({ code, stdout, stderr }).toEqual({
        code: 1,
        stdout: '',
        stderr: 'Configuration error: PORT must be an integer between 1 and 65535 (got "abc")\n',
      });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 30_000);

  it('npm run start:prod without Xima settings refuses to start and says how to run the demo', async () => {
    const ledger = join(dir, 'refused', 'ledger.sqlite');
    const { code, stdout, stderr } = await startProd({ DATABASE_URL: `sqlite:${ledger}` }).exited;
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: XIMA_BASE_URL and XIMA_API_KEY are not set/);
    for (const hint of [
      'XIMA_BASE_URL',
      'XIMA_API_KEY',
      'ADMIN_API_KEY',
      'DEMO=true npm run start:prod',
    ]) {
      expect(lines[0]).toContain(hint);
    }
    // Nothing started: not even the ledger file.
    expect(existsSync(ledger)).toBe(false);
  }, 30_000);

  it('npm run start:prod with DEMO=true starts the demo on purpose (pretty logs by LOG_FORMAT)', async () => {
    const port = await freePort();
    const service = startProd({
      DEMO: 'true',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'demo', 'demo.sqlite')}`,
      LOG_FORMAT: 'pretty',
    });
    try {
      await waitFor(() => service.output().includes('listening on'), 20_000);
      expect(service.output()).toContain('DEMO MODE');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      await expect(health.json()).resolves.toMatchObject({
        info: { database: { status: 'up' } },
        sources: [
          { name: 'Grand Hotel room calls (demo)' },
          { name: 'Porter & Lane account codes (demo)' },
        ],
      });
    } finally {
      process.kill(-service.child.pid!, 'SIGTERM');
    }
    const { stdout } = await service.exited;
    // LOG_FORMAT=pretty: readable lines although stdout is a pipe, not one JSON line.
    expect(stdout).toMatch(/INFO.*\[Startup\] Demo mode/);
    expect(stdout).not.toMatch(/^\{"level"/m);
  }, 30_000);

  it('starts, serves /health and /api/docs, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const adminKey = 'spawned-admin-key-0123456789abcdefghijklmnop';
    const service = run({
      DEMO: 'true',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'nested', 'ledger.sqlite')}`,
      ADMIN_API_KEY: adminKey,
      LOG_LEVEL: 'warn',
    });
    await waitFor(() => service.output().includes('listening on'), 20_000);
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    await expect(health.json()).resolves.toMatchObject({ status: 'ok' });
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    await expect(docs.text()).resolves.toContain('swagger');
    const keys = await fetch(`${base}/api/v1/api-keys`, {
      headers: { Authorization: `Bearer ${adminKey}` },
    });
    expect(keys.status).toBe(200);
    expect(await fetch(`${base}/api/v1/api-keys`).then((r) => r.status)).toBe(401);

    service.child.kill('SIGTERM');
    const { code, signal, stdout, stderr } = await service.exited;
    // Nest's shutdown hooks close the app, then re-raise the signal.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stderr).not.toMatch(/error/i);
    expect(stdout + stderr).not.toContain(adminKey);
  }, 30_000);

  it('survives SIGKILL in the middle of a sync: restarted, it syncs again with exact counts', async () => {
    const sandbox = await startSandbox({
      token: 'crash-token',
      seed: 'crash',
      callsPerDay: 300,
      faults: { mode: 'latency', latencyMs: 700 },
    });
    const port = await freePort();
    const adminKey = 'crash-test-admin-key-0123456789abcdefghijkl';
    const env = {
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'crash', 'ledger.sqlite')}`,
      ADMIN_API_KEY: adminKey,
      XIMA_BASE_URL: sandbox.url,
      XIMA_API_KEY: 'crash-token',
      SYNC_SCHEDULE_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      // Restarted under the same name, the instance takes back at once the sync lease its killed
      // process held (under a new name it would wait for the lease to lapse).
      INSTANCE_ID: 'billing-crash-test',
    };
    const base = `http://127.0.0.1:${port}`;
    const api = (path: string, body?: object) =>
      fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    const window = { from: '2026-03-01', to: '2026-03-13' };
    try {
      const first = run(env);
      await waitFor(() => first.output().includes('listening on'), 20_000);
      const plan = (await (await api('/api/v1/rate-plans', samplePlan('grand-hotel'))).json()) as {
        id: number;
      };
      const source = (await (
        await api('/api/v1/sources', {
          name: 'Hotel',
          kind: 'call-records',
          historicDataKey: 'CALLDTLX',
          ratePlanId: plan.id,
          timezone: 'America/Denver',
        })
      ).json()) as { id: number };
      void api(`/api/v1/sources/${source.id}/sync`, window).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 3_000)); // a few of the 12 slow chunks committed
      first.child.kill('SIGKILL');
      await first.exited;

      sandbox.setFaults(undefined);
      const second = run(env);
      await waitFor(() => second.output().includes('listening on'), 20_000);
      const runs = (await (await api(`/api/v1/sync-runs?sourceId=${source.id}`)).json()) as {
        items: { status: string; inserted: number; messages: string[] }[];
      };
      expect(runs.items[0]).toMatchObject({
        status: 'failed',
        messages: [expect.stringMatching(/interrupted/)],
      });
      expect(runs.items[0].inserted).toBeGreaterThan(0);
      const done = (await (await api(`/api/v1/sources/${source.id}/sync`, window)).json()) as {
        status: string;
      };
      expect(done.status).toBe('succeeded');
      second.child.kill('SIGTERM');
      await second.exited;

      const calls = generateCalls(
        { seed: 'crash', callsPerDay: 300, timezone: 'America/Denver' },
        Date.parse('2026-03-01T00:00:00-07:00'),
        Date.parse('2026-03-13T00:00:00-06:00') - 1,
      );
      const db = new Database(join(dir, 'crash', 'ledger.sqlite'), { readonly: true });
      const stored = db.prepare(`SELECT count(*) AS n FROM call_records`).get() as { n: number };
      const errors = db.prepare(`SELECT count(*) AS n FROM record_errors`).get() as { n: number };
      const doubled = db
        .prepare(
          `SELECT count(*) AS n FROM (SELECT call_record_id FROM line_items GROUP BY 1 HAVING count(*) > 1)`,
        )
        .get() as { n: number };
      const summed = db.prepare(`SELECT sum(inserted) AS inserted FROM sync_runs`).get() as {
        inserted: number;
      };
      db.close();
      // Every call once: what the killed run committed plus what the second run added.
      expect(stored.n + errors.n).toBe(calls.length);
      expect(summed.inserted).toBe(stored.n);
      expect(doubled.n).toBe(0);
      expect(first.output()).not.toContain('crash-token');
    } finally {
      await sandbox.close();
    }
  }, 90_000);
});
