import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { runCli } from '../apps/billing/src/cli';
import { samplePlanPath } from './support/fixtures';

const TOKEN = 'sandbox-token-for-cli-sync';

describe('npm run cli -- sync (e2e, real sandbox and ledger file)', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-cli-sync-'));
    sandbox = await startSandbox({ token: TOKEN, seed: 'cli-sync', callsPerDay: 200 });
    Object.assign(process.env, {
      DATABASE_URL: `sqlite:${join(dir, 'ledger.sqlite')}`,
      XIMA_BASE_URL: sandbox.url,
      XIMA_API_KEY: TOKEN,
      ADMIN_API_KEY: 'cli-sync-admin-key-0123456789abcdefghijkl',
    });
  });

  afterAll(async () => {
    process.env = saved;
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const progress: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      progress: (l) => progress.push(l),
    });
    return { code, out, err, progress };
  }

  it('backfills a window with progress per chunk and a summary; again, nothing twice', async () => {
    await expect(cli('rate-plans', 'import', samplePlanPath('grand-hotel'))).resolves.toMatchObject(
      { code: 0 },
    );
    const db = new Database(join(dir, 'ledger.sqlite'));
    db.prepare(
      `INSERT INTO sources (name, kind, historic_data_key, rate_plan_id, business_id, timezone, created_at_ms, updated_at_ms)
       VALUES ('Hotel', 'call-records', 'CALLDTLX', 1, 1, 'America/Denver', 0, 0)`,
    ).run();
    db.close();

    const first = await cli('sync', '--source', '1', '--from', '2026-03-01', '--to', '2026-03-04');
    expect(first.code).toBe(0);
    expect(first.progress.filter((l) => l.startsWith('chunk '))).toHaveLength(3);
    expect(first.progress[2]).toMatch(/^chunk 3\/3 · [\d,]+ records · [\d,]+ records\/s$/);
    const summary = Object.fromEntries(first.out.map((l) => [l.slice(0, 14).trim(), l.slice(14)]));
    expect(summary).toMatchObject({ status: 'succeeded', duplicates: '0' });
    expect(Number(summary.inserted)).toBeGreaterThan(400);

    const again = await cli('sync', '--source', '1', '--from', '2026-03-01', '--to', '2026-03-04');
    const second = Object.fromEntries(again.out.map((l) => [l.slice(0, 14).trim(), l.slice(14)]));
    expect(second).toMatchObject({ status: 'succeeded', inserted: '0', 'line items': '0' });
  });

  it("says why a sync failed in a warning on stderr (source, window, Xima's message), never the token, and exits 1", async () => {
    sandbox.setFaults({ mode: '403' });
    try {
      const failed = await cli(
        'sync',
        '--source',
        '1',
        '--from',
        '2026-03-05',
        '--to',
        '2026-03-06',
      );
      expect(failed.code).toBe(1);
      expect(failed.out).toContainEqual(expect.stringMatching(/^status {8}failed$/));
      const warnings = failed.err.filter((line) => line.startsWith('warn: '));
      expect(warnings).toEqual([
        expect.stringMatching(
          /^warn: Sync of source 1 "Hotel" failed \(run \d+, cli, window 2026-03-05T07:00:00.000Z to 2026-03-06T07:00:00.000Z\): .*Xima answered 403/,
        ),
      ]);
      expect([...failed.out, ...failed.err].join('\n')).not.toContain(TOKEN);
    } finally {
      sandbox.setFaults(undefined);
    }
  });

  it('refuses a bad window or source with a clear message', async () => {
    await expect(
      cli('sync', '--source', '1', '--from', '2026-03-04', '--to', '2026-03-01'),
    ).resolves.toMatchObject({
      code: 1,
      err: [expect.stringContaining('to must be after from')],
    });
    await expect(
      cli('sync', '--source', '99', '--from', '2026-03-01', '--to', '2026-03-02'),
    ).resolves.toMatchObject({
      code: 1,
      err: ['Error: Source 99 does not exist'],
    });
  });

  it('refuses a window that ends in the future or spans more than 400 days, as the API does, and starts no run', async () => {
    const runs = () => {
      const db = new Database(join(dir, 'ledger.sqlite'));
      try {
        return db.prepare('SELECT count(*) AS n FROM sync_runs').get();
      } finally {
        db.close();
      }
    };
    const before = runs();
    const day = (offsetDays: number) =>
      new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    await expect(cli('sync', '--source', '1', '--from', day(-1), '--to', day(2))).resolves.toEqual({
      code: 1,
      out: [],
      err: [
        'Error: Invalid request: to: to must not be in the future (a minute of clock skew is allowed)',
      ],
      progress: [],
    });
    await expect(
      cli('sync', '--source', '1', '--from', '2025-01-01', '--to', '2026-02-06'),
    ).resolves.toEqual({
      code: 1,
      out: [],
      err: ['Error: Invalid request: to: to must be at most 400 days after from'],
      progress: [],
    });
    expect(runs()).toEqual(before);
  });
});
