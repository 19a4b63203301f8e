import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { StartupService } from '../apps/billing/src/startup.service';
import { SIGN_IN_REFUSED } from '../apps/billing/src/session/sessions.service';
import { TestApp, createTestApp } from './support/test-app';
import { signIn } from './support/session';

/** Demo mode: no Xima credentials and no ADMIN_API_KEY. */
const DEMO = { XIMA_BASE_URL: '', XIMA_API_KEY: '', ADMIN_API_KEY: '' };

describe('demo mode’s user (e2e, ledger file kept across restarts)', () => {
  let dir: string;
  let DATABASE_URL: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-demo-user-'));
    DATABASE_URL = `sqlite:${join(dir, 'demo.sqlite')}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const demoUserOf = (t: TestApp) => t.app.get(StartupService).demoUser!;

  async function pendingItem(t: TestApp): Promise<{ id: number; version: number }> {
    const db = t.app.get(DataSource);
    for (let i = 0; i < 100; i++) {
      const runs: { status: string }[] = await db.query(`SELECT status FROM sync_runs`);
      if (runs.length >= 2 && runs.every((r) => r.status !== 'running')) break;
      await sleep(100);
    }
    const [item] = await db.query<{ id: number; version: number }[]>(
      `SELECT id, version FROM line_items WHERE status = 'pending' ORDER BY id LIMIT 1`,
    );
    return item;
  }

  it('makes a demo admin who signs in with the printed password and approves an item', async () => {
    const t = await createTestApp({ ...DEMO, DATABASE_URL });
    try {
      const demo = demoUserOf(t);
      expect(demo.email).toBe('demo@example.com');
      expect(demo.password.length).toBeGreaterThanOrEqual(12);
      const browser = await signIn(t.app, demo.email, demo.password);
      const http = () => request(t.app.getHttpServer());
      const session = await http().get('/api/v1/session').set('Cookie', browser.cookie).expect(200);
      expect(session.body.user).toMatchObject({
        email: 'demo@example.com',
        name: 'Demo admin',
        role: 'admin',
        mustChangePassword: false,
      });

      const item = await pendingItem(t);
      const approved = await http()
        .post(`/api/v1/line-items/${item.id}/approve`)
        .set('Cookie', browser.cookie)
        .set('X-CSRF-Token', browser.csrfToken)
        .send({ version: item.version })
        .expect(200);
      expect(approved.body.status).toBe('approved');
      const [event] = await t.app
        .get(DataSource)
        .query(
          `SELECT actor_user_id, actor_key_id, actor_name FROM audit_events WHERE action = 'line-item.approve' AND entity_id = ?`,
          [String(item.id)],
        );
      expect(event).toEqual({
        actor_user_id: browser.userId,
        actor_key_id: null,
        actor_name: 'Demo admin',
      });
      expect(t.logs.text).not.toContain(demo.password);
    } finally {
      await t.close();
    }
  });

  it('gives the demo user a new password at each start; the old one and its sessions end', async () => {
    const first = await createTestApp({ ...DEMO, DATABASE_URL });
    const old = demoUserOf(first);
    const browser = await signIn(first.app, old.email, old.password);
    await first.close();

    const second = await createTestApp({ ...DEMO, DATABASE_URL });
    try {
      const http = () => request(second.app.getHttpServer());
      const now = demoUserOf(second);
      expect(now.password).not.toBe(old.password);
      await http().get('/api/v1/session').set('Cookie', browser.cookie).expect(401);
      await http()
        .post('/api/v1/session')
        .send({ email: old.email, password: old.password })
        .expect(401);
      await signIn(second.app, now.email, now.password);
    } finally {
      await second.close();
    }
  });

  it('is disabled by a start with ADMIN_API_KEY: a demo password never opens that ledger', async () => {
    const demo = await createTestApp({ ...DEMO, DATABASE_URL });
    const { email, password } = demoUserOf(demo);
    await demo.close();

    const production = await createTestApp({ DATABASE_URL });
    try {
      expect(production.app.get(StartupService).demoUser).toBeUndefined();
      const res = await request(production.app.getHttpServer())
        .post('/api/v1/session')
        .send({ email, password });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe(SIGN_IN_REFUSED);
    } finally {
      await production.close();
    }
  });
});
