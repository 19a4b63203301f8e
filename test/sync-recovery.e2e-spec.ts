import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';
import { bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

const TOKEN = 'sandbox-token-for-recovery';

describe('a sync interrupted by a stop (e2e, ledger file kept across restarts)', () => {
  let dir: string;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-recovery-'));
    sandbox = await startSandbox({ token: TOKEN, seed: 'recovery', callsPerDay: 100 });
  });

  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is marked failed at the next start, and does not block the next sync', async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'ledger.sqlite')}`,
      XIMA_BASE_URL: sandbox.url,
      XIMA_API_KEY: TOKEN,
    };
    const first = await createTestApp(env);
    const http = () => request(first.app.getHttpServer());
    const plan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(first.adminKey))
      .send(samplePlan('grand-hotel'))
      .expect(201);
    const source = await http()
      .post('/api/v1/sources')
      .set(...bearer(first.adminKey))
      .send({
        name: 'Hotel',
        kind: 'call-records',
        historicDataKey: 'CALLDTLX',
        ratePlanId: plan.body.id,
        timezone: 'America/Denver',
      })
      .expect(201);
    // What a process killed mid-sync leaves behind: a run still marked running.
    await first.app
      .get(DataSource)
      .query(
        `INSERT INTO sync_runs (source_id, status, trigger, from_ms, to_ms, started_at_ms) VALUES (?, 'running', 'schedule', 0, 1, 0)`,
        [source.body.id],
      );
    await first.close();

    const second = await createTestApp({ ...env, ADMIN_API_KEY: first.adminKey });
    const again = () => request(second.app.getHttpServer());
    const runs = await again()
      .get(`/api/v1/sync-runs?sourceId=${source.body.id}`)
      .set(...bearer(first.adminKey))
      .expect(200);
    expect(runs.body.items[0]).toMatchObject({
      status: 'failed',
      messages: ['interrupted: the service stopped during this run'],
      finishedAt: expect.any(String),
    });
    const synced = await again()
      .post(`/api/v1/sources/${source.body.id}/sync`)
      .set(...bearer(first.adminKey))
      .send({ from: '2026-03-02', to: '2026-03-03' })
      .expect(200);
    expect(synced.body.status).toBe('succeeded');
    await second.close();
  });
});
