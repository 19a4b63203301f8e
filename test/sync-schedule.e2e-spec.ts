import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-schedule';

describe('sync schedule (e2e)', () => {
  let dir: string;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-schedule-'));
    sandbox = await startSandbox({ token: TOKEN, seed: 'schedule', callsPerDay: 50 });
  });

  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs every enabled source on SYNC_CRON, each run recording its outcome; off means off', async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'ledger.sqlite')}`,
      XIMA_BASE_URL: sandbox.url,
      XIMA_API_KEY: TOKEN,
    };
    const setup = await createTestApp(env);
    const http = () => request(setup.app.getHttpServer());
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(setup.adminKey))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    const base = {
      kind: 'call-records',
      historicDataKey: 'CALLDTLX',
      ratePlanId: plan.body.id,
      timezone: 'America/Denver',
    };
    await http()
      .post('/api/v1/sources')
      .set(...bearer(setup.adminKey))
      .send({ ...base, name: 'On' })
      .expect(201);
    await http()
      .post('/api/v1/sources')
      .set(...bearer(setup.adminKey))
      .send({ ...base, name: 'Off', enabled: false })
      .expect(201);
    await sleep(1_500);
    // The schedule was off in that app: no run at all.
    await expect(
      setup.app.get(DataSource).query(`SELECT count(*) AS n FROM sync_runs`),
    ).resolves.toEqual([{ n: 0 }]);
    await setup.close();

    const scheduled = await createTestApp({
      ...env,
      ADMIN_API_KEY: setup.adminKey,
      SYNC_SCHEDULE_ENABLED: 'true',
      SYNC_CRON: '* * * * * *',
    });
    const db = scheduled.app.get(DataSource);
    let runs: { source_id: number; trigger: string; status: string }[] = [];
    for (let i = 0; i < 60 && !runs.some((r) => r.status === 'succeeded'); i++) {
      await sleep(100);
      runs = await db.query(`SELECT source_id, trigger, status FROM sync_runs ORDER BY id`);
    }
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.trigger === 'schedule' && r.source_id === 1)).toBe(true);
    expect(runs.some((r) => r.status === 'succeeded')).toBe(true);
    await scheduled.close();
  }, 30_000);

  it('logs a failed scheduled run at warn with its reason, never the token', async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'failing.sqlite')}`,
      XIMA_BASE_URL: sandbox.url,
      XIMA_API_KEY: TOKEN,
    };
    const setup = await createTestApp(env);
    const http = () => request(setup.app.getHttpServer());
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(setup.adminKey))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    await http()
      .post('/api/v1/sources')
      .set(...bearer(setup.adminKey))
      .send({
        name: 'Front desk',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    await setup.close();

    sandbox.setFaults({ mode: '403' });
    const scheduled = await createTestApp({
      ...env,
      ADMIN_API_KEY: setup.adminKey,
      SYNC_SCHEDULE_ENABLED: 'true',
      SYNC_CRON: '* * * * * *',
    });
    try {
      const warned = () =>
        scheduled.logs.lines
          .map((line) => JSON.parse(line) as { level: number; context?: string; trigger?: string })
          .filter((line) => line.context === 'SyncService' && line.level === 40);
      for (let i = 0; i < 60 && warned().length === 0; i++) await sleep(100);
      expect(warned()[0]).toMatchObject({
        trigger: 'schedule',
        sourceId: 1,
        msg: expect.stringMatching(
          /^Sync of source 1 "Front desk" failed \(run \d+, schedule, window /,
        ),
        reason: expect.stringContaining('Xima answered 403'),
      });
      expect(scheduled.logs.text).not.toContain(TOKEN);
    } finally {
      sandbox.setFaults(undefined);
      await scheduled.close();
    }
  }, 30_000);
});
