import request from 'supertest';
import type { ApiKeyRole } from '@app/common';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { concretePath, registeredRoutes } from './support/routes';

/**
 * The only routes anyone may call without a key, listed one by one: GET /health and the API
 * docs' pages as @nestjs/swagger registers them. A new open route fails the census until it is
 * added here on purpose.
 */
const OPEN_ROUTES = [
  'GET /health',
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/index.html',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs/LICENSE',
  'GET /api/docs-json',
  'GET /api/docs-yaml',
];
const OPEN = (method: string, path: string): boolean => OPEN_ROUTES.includes(`${method} ${path}`);

describe('authentication and roles (e2e)', () => {
  let t: TestApp;
  const keys = {} as Record<ApiKeyRole, string>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['viewer', 'accountant', 'admin'] as const) {
      const res = await request(t.app.getHttpServer())
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: `${role} key`, role })
        .expect(201);
      keys[role] = res.body.key;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const call = (method: string, path: string) =>
    http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);

  describe('route census: every registered route but /health and the API docs needs a key', () => {
    it('finds the routes (so that the census cannot pass by finding none)', () => {
      const routes = registeredRoutes(t.app);
      expect(routes).toEqual(
        expect.arrayContaining([
          { method: 'GET', path: '/health' },
          { method: 'POST', path: '/api/v1/api-keys' },
          { method: 'GET', path: '/api/v1/api-keys' },
          { method: 'DELETE', path: '/api/v1/api-keys/:id' },
        ]),
      );
    });

    it('answers 401 without a key and with a wrong key on every closed route', async () => {
      const closed = registeredRoutes(t.app).filter((r) => !OPEN(r.method, r.path));
      expect(closed.length).toBeGreaterThanOrEqual(3);
      for (const route of closed) {
        const url = concretePath(route.path);
        const none = await call(route.method, url).send({});
        expect({ route, status: none.status }).toEqual({ route, status: 401 });
        expect(none.headers['www-authenticate']).toBe('Bearer');
        const wrong = await call(route.method, url)
          .set(...bearer('xbk_not-a-real-key'))
          .send({});
        expect({ route, status: wrong.status }).toEqual({ route, status: 401 });
        const malformed = await call(route.method, url).set('Authorization', keys.admin).send({});
        expect({ route, status: malformed.status }).toEqual({ route, status: 401 });
      }
    });

    it('answers without a key on exactly the open routes, and on no other', async () => {
      const answered: string[] = [];
      for (const route of registeredRoutes(t.app)) {
        const res = await call(route.method, concretePath(route.path));
        if (res.status !== 401) answered.push(`${route.method} ${route.path}`);
      }
      // Exactly the listed routes are open: no more (a new route left open) and no fewer (a
      // listed one that is gone or now needs a key keeps the list honest).
      expect(answered.sort()).toEqual([...OPEN_ROUTES].sort());
    });

    it('answers no unknown path without a key with anything but 401 or 404', async () => {
      for (const path of ['/api/v1/line-items', '/api/v1/anything/1', '/admin', '/api/v2/x']) {
        for (const method of ['GET', 'POST', 'DELETE']) {
          const res = await call(method, path).send({});
          expect({ method, path, answered: [401, 404].includes(res.status) }).toEqual({
            method,
            path,
            answered: true,
          });
        }
      }
    });
  });

  describe('roles', () => {
    it.each([
      ['viewer', 403],
      ['accountant', 403],
      ['admin', 201],
    ] as const)('POST /api/v1/api-keys as %s -> %d', async (role, status) => {
      const res = await http()
        .post('/api/v1/api-keys')
        .set(...bearer(keys[role]))
        .send({ name: 'made by ' + role, role: 'viewer' });
      expect(res.status).toBe(status);
      if (status === 403) {
        expect(res.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          message: `This needs the admin role; the key "${role} key" has ${role}`,
        });
      }
    });

    it('a viewer cannot revoke a key, and the key survives', async () => {
      const list = await http()
        .get('/api/v1/api-keys')
        .set(...bearer(keys.admin))
        .expect(200);
      const adminKeyId = list.body.items.find((k: { name: string }) => k.name === 'admin key').id;
      await http()
        .delete(`/api/v1/api-keys/${adminKeyId}`)
        .set(...bearer(keys.viewer))
        .expect(403);
      await http()
        .get('/api/v1/api-keys')
        .set(...bearer(keys.admin))
        .expect(200);
    });

    it('accepts the scheme in any case, and refuses other schemes', async () => {
      await http().get('/api/v1/api-keys').set('Authorization', `bearer ${keys.admin}`).expect(200);
      await http().get('/api/v1/api-keys').set('Authorization', `Basic ${keys.admin}`).expect(401);
    });
  });
});
