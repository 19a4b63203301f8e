import request from 'supertest';
import type { ApiKeyRole } from '@app/common';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { concretePath, registeredRoutes } from './support/routes';
import { Browser, createUser, signIn } from './support/session';

/**
 * The only routes anyone may call without a key or a session, listed one by one: GET /health,
 * signing in, and the API docs' pages as @nestjs/swagger registers them. A new open route
 * fails the census until it is added here on purpose.
 */
const OPEN_ROUTES = [
  'GET /health',
  'POST /api/v1/session',
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
  const people = {} as Record<ApiKeyRole, Browser>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['viewer', 'accountant', 'admin'] as const) {
      const res = await request(t.app.getHttpServer())
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: `${role} key`, role })
        .expect(201);
      keys[role] = res.body.key;
      const email = `${role}@example.com`;
      const password = `the ${role}'s password`;
      await createUser(t.app, t.adminKey, { email, name: `${role} person`, role, password });
      people[role] = await signIn(t.app, email, password);
    }
  }, 30_000); // three password hashes (scrypt) on a shared machine

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const call = (method: string, path: string) =>
    http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);

  describe('route census: every registered route but /health, signing in and the API docs needs a key or a session', () => {
    it('finds the routes (so that the census cannot pass by finding none)', () => {
      const routes = registeredRoutes(t.app);
      expect(routes).toEqual(
        expect.arrayContaining([
          { method: 'GET', path: '/health' },
          { method: 'POST', path: '/api/v1/api-keys' },
          { method: 'GET', path: '/api/v1/api-keys' },
          { method: 'DELETE', path: '/api/v1/api-keys/:id' },
          { method: 'POST', path: '/api/v1/session' },
          { method: 'GET', path: '/api/v1/session' },
          { method: 'POST', path: '/api/v1/users' },
        ]),
      );
    });

    it('answers 401 without a key, with a wrong key and with a wrong session on every closed route', async () => {
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
        // A cookie that opens no session, with a CSRF token of another's: still 401.
        const stranger = await call(route.method, url)
          .set('Cookie', `xb_session=${'A'.repeat(43)}`)
          .set('X-CSRF-Token', people.admin.csrfToken)
          .send({});
        expect({ route, status: stranger.status }).toEqual({ route, status: 401 });
      }
    });

    it('refuses every closed change by session cookie without its CSRF token (403)', async () => {
      const changes = registeredRoutes(t.app).filter(
        (r) => !OPEN(r.method, r.path) && !['GET', 'HEAD'].includes(r.method),
      );
      expect(changes.length).toBeGreaterThanOrEqual(20);
      for (const route of changes) {
        for (const csrf of [undefined, people.viewer.csrfToken, '']) {
          let call_ = call(route.method, concretePath(route.path)).set(
            'Cookie',
            people.admin.cookie,
          );
          if (csrf !== undefined) call_ = call_.set('X-CSRF-Token', csrf);
          const res = await call_.send({});
          expect({ route, csrf, status: res.status }).toEqual({ route, csrf, status: 403 });
          expect(res.body.message).toContain('X-CSRF-Token');
        }
      }
    });

    it('answers without a key or session on exactly the open routes, and on no other', async () => {
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
          // A GET of a path outside the API is the console's page (public, it holds no data).
          if (method === 'GET' && path === '/admin') continue;
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

    it.each([
      ['viewer', 403],
      ['accountant', 403],
      ['admin', 201],
    ] as const)('POST /api/v1/api-keys as a %s person -> %d', async (role, status) => {
      const res = await http()
        .post('/api/v1/api-keys')
        .set('Cookie', people[role].cookie)
        .set('X-CSRF-Token', people[role].csrfToken)
        .send({ name: 'made by a person, ' + role, role: 'viewer' });
      expect(res.status).toBe(status);
      if (status === 403) {
        expect(res.body.message).toBe(
          `This needs the admin role; the user "${role} person" has ${role}`,
        );
      }
    });

    it('takes the key when a key and a cookie come together', async () => {
      const res = await http()
        .post('/api/v1/api-keys')
        .set(...bearer(keys.viewer))
        .set('Cookie', people.admin.cookie)
        .set('X-CSRF-Token', people.admin.csrfToken)
        .send({ name: 'key wins', role: 'viewer' });
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('the key "viewer key"');
    });

    it('answers the session routes only to a session: a key has none (401)', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/session'],
        ['DELETE', '/api/v1/session'],
        ['POST', '/api/v1/session/password'],
      ]) {
        const res = await call(method, path)
          .set(...bearer(keys.admin))
          .send({});
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
        expect(res.body.message).toContain('an API key has none');
      }
    });

    it('accepts the scheme in any case, and refuses other schemes', async () => {
      await http().get('/api/v1/api-keys').set('Authorization', `bearer ${keys.admin}`).expect(200);
      await http().get('/api/v1/api-keys').set('Authorization', `Basic ${keys.admin}`).expect(401);
    });
  });

  describe('route census by session (last: the calls change what they reach)', () => {
    it('lets a live session (with its CSRF token) through on every closed route, like a key', async () => {
      const closed = registeredRoutes(t.app).filter((r) => !OPEN(r.method, r.path));
      for (const route of closed) {
        // Signing out last, so that the session lives through the census.
        if (route.path === '/api/v1/session' && route.method === 'DELETE') continue;
        const res = await call(route.method, concretePath(route.path))
          .set('Cookie', people.admin.cookie)
          .set('X-CSRF-Token', people.admin.csrfToken)
          .send({});
        expect({ route, authenticated: res.status !== 401 }).toEqual({
          route,
          authenticated: true,
        });
      }
      await http()
        .delete('/api/v1/session')
        .set('Cookie', people.admin.cookie)
        .set('X-CSRF-Token', people.admin.csrfToken)
        .expect(204);
    });
  });
});
