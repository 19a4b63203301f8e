import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

// How the service serves the console (apps/billing/src/http/console-assets.ts), on the test
// stand-in of a built console (test/fixtures/console); the browser specs check the real build.
describe('the console, served at / (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());

  it.each(['/', '/review', '/invoices/12', '/sources/3?tab=runs'])(
    'answers GET %s with the page, revalidated on each load, under a CSP without inline script',
    async (path) => {
      const res = await http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('xima-billing (test console)');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe("'self'");
      expect(/default-src ([^;]*)/.exec(csp)?.[1]).toBe("'self'");
    },
  );

  it('serves hashed assets with a year-long immutable cache, and 404 for a missing one', async () => {
    const asset = await http().get('/assets/console-test.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missing = await http().get('/assets/nothing-here.js').expect(404);
    expect(missing.text).not.toContain('test console');
  });

  it('leaves the API, /health and changes alone: no page where the service answers', async () => {
    const api = await http().get('/api/v1/nothing-here').expect(404);
    expect(api.headers['content-type']).toMatch(/json/);
    expect(api.body).toMatchObject({ statusCode: 404 });
    await http()
      .get('/health')
      .expect((res) => expect(res.text).not.toContain('test console'));
    await http().post('/review').send({}).expect(404);
    await http().delete('/').expect(404);
  });

  it('never lets a path out of the console folder', async () => {
    for (const path of ['/assets/../../../package.json', '/assets/%2e%2e/%2e%2e/package.json']) {
      const res = await http().get(path);
      expect(res.text).not.toContain('"dependencies"');
    }
  });

  it('says how to build the console when it is not built', async () => {
    const bare = await createTestApp({ CONSOLE_DIR: join(__dirname, 'no-console-here') });
    try {
      const res = await request(bare.app.getHttpServer()).get('/').expect(503);
      expect(res.text).toContain('npm run build');
      await request(bare.app.getHttpServer()).get('/api/v1/line-items').expect(401);
    } finally {
      await bare.close();
    }
  });
});
