import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, createTestApp } from './support/test-app';

/** Demo mode: no Xima credentials and no ADMIN_API_KEY. */
const DEMO = { XIMA_BASE_URL: '', XIMA_API_KEY: '', ADMIN_API_KEY: '' };

describe('ADMIN_API_KEY bootstrap (e2e, ledger file kept across restarts)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'billing-bootstrap-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('works after a restart; a changed ADMIN_API_KEY retires the old one', async () => {
    const DATABASE_URL = `sqlite:${join(dir, 'ledger.sqlite')}`;
    const first = await createTestApp({
      DATABASE_URL,
      ADMIN_API_KEY: 'first-admin-key-aaaaaaaaaaaaaaaaaaaaaaaa',
    });
    await first.close();

    const again = await createTestApp({
      DATABASE_URL,
      ADMIN_API_KEY: 'first-admin-key-aaaaaaaaaaaaaaaaaaaaaaaa',
    });
    const listed = await request(again.app.getHttpServer())
      .get('/api/v1/api-keys')
      .set(...bearer('first-admin-key-aaaaaaaaaaaaaaaaaaaaaaaa'))
      .expect(200);
    expect(
      listed.body.items.filter((k: { origin: string }) => k.origin === 'bootstrap'),
    ).toHaveLength(1);
    await again.close();

    const rotated = await createTestApp({
      DATABASE_URL,
      ADMIN_API_KEY: 'second-admin-key-bbbbbbbbbbbbbbbbbbbbbbb',
    });
    const http = () => request(rotated.app.getHttpServer());
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer('first-admin-key-aaaaaaaaaaaaaaaaaaaaaaaa'))
      .expect(401);
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer('second-admin-key-bbbbbbbbbbbbbbbbbbbbbbb'))
      .expect(200);
    await rotated.close();
  });

  it('demo mode without ADMIN_API_KEY makes a demo admin key and retires the previous one', async () => {
    const DATABASE_URL = `sqlite:${join(dir, 'demo.sqlite')}`;
    const keyOf = async (t: Awaited<ReturnType<typeof createTestApp>>) => {
      const { StartupService } = await import('../apps/billing/src/startup.service');
      return t.app.get(StartupService).demoAdminKey!;
    };
    const first = await createTestApp({ ...DEMO, DATABASE_URL });
    const firstKey = await keyOf(first);
    expect(firstKey).toMatch(/^xbk_/);
    await first.close();
    const second = await createTestApp({ ...DEMO, DATABASE_URL });
    const http = () => request(second.app.getHttpServer());
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer(firstKey))
      .expect(401);
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer(await keyOf(second)))
      .expect(200);
    await second.close();
  });
});
