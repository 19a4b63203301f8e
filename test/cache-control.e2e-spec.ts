import request from 'supertest';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { concretePath, registeredRoutes } from './support/routes';

/** Issue 10 (e), decision 0015: answers hold call records, invoices and keys; none is cached. */
describe('every answer carries Cache-Control: no-store (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());

  it('on a 404, a 400 and a body that is too large', async () => {
    const answers = [
      await http().get('/api/v1/nowhere'),
      await http()
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ role: 'nobody' }),
      await http()
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .set('Content-Type', 'application/json')
        .send(`{"name":"${'x'.repeat(2_000_000)}"}`),
    ];
    expect(answers.map((res) => [res.status, res.headers['cache-control']])).toEqual([
      [404, 'no-store'],
      [400, 'no-store'],
      [413, 'no-store'],
    ]);
  });
  // Last: it calls every route with the admin key, DELETE /api/v1/api-keys/1 (that key) too.
  it('on every registered route, with and without a key, whatever the status', async () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put';
      const url = concretePath(route.path);
      for (const res of [
        await http()[method](url).send({}),
        await http()
          [method](url)
          .set(...bearer(t.adminKey))
          .send({}),
      ]) {
        expect({ route, status: res.status, cache: res.headers['cache-control'] }).toEqual({
          route,
          status: res.status,
          cache: expect.stringMatching(/(^|, )no-store(,|$)/),
        });
      }
    }
  });
});
