import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AuditEvent, Session } from '@app/ledger';
import { SIGN_IN_REFUSED } from '../apps/billing/src/session/sessions.service';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Browser, createUser, sessionCookieOf, signIn } from './support/session';

const START = Date.parse('2026-03-10T09:00:00Z');
const MINUTE = 60_000;

describe('signing in: sessions, CSRF, idle expiry, password changes (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let now = START;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_MINUTES: '5', SESSION_MAX_HOURS: '2' }, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => now }),
    );
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    now += 60 * MINUTE;
  });

  const http = () => request(t.app.getHttpServer());
  const as = (browser: Browser) => ({
    get: (path: string) => http().get(path).set('Cookie', browser.cookie),
    post: (path: string, body: object = {}) =>
      http()
        .post(path)
        .set('Cookie', browser.cookie)
        .set('X-CSRF-Token', browser.csrfToken)
        .send(body),
    patch: (path: string, body: object) =>
      http()
        .patch(path)
        .set('Cookie', browser.cookie)
        .set('X-CSRF-Token', browser.csrfToken)
        .send(body),
    delete: (path: string) =>
      http().delete(path).set('Cookie', browser.cookie).set('X-CSRF-Token', browser.csrfToken),
  });
  let n = 0;
  /** A new user with a password of their own; answers their email and password. */
  const person = async (role: 'viewer' | 'accountant' | 'admin' = 'accountant') => {
    const email = `person${++n}@grandhotel.example`;
    const password = `password of person ${n}`;
    const id = await createUser(t.app, t.adminKey, { email, name: `Person ${n}`, role, password });
    return { id, email, password };
  };

  it('sets an HttpOnly, SameSite=Strict cookie, stores only its hash, and audits the sign-in', async () => {
    const ana = await person();
    const res = await http()
      .post('/api/v1/session')
      .send({ email: ` ${ana.email.toUpperCase()} `, password: ana.password })
      .expect(200);
    const setCookie = (res.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(setCookie).toMatch(/^xb_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(res.body).toEqual({
      user: expect.objectContaining({ id: ana.id, email: ana.email, role: 'accountant' }),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      idleMinutes: 5,
      expiresAt: new Date(now + 2 * 60 * MINUTE).toISOString(),
    });
    const token = sessionCookieOf(res)!.split('=')[1];
    const [stored] = await db.getRepository(Session).findBy({ userId: ana.id });
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const rows = JSON.stringify(await db.query('SELECT * FROM sessions'));
    expect(rows).not.toContain(token);
    const [event] = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'session.sign-in', entityId: String(ana.id) });
    expect(event).toMatchObject({ actorUserId: ana.id, actorKeyId: null, actorName: 'Person 1' });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('says who is signed in, and refuses GET /session without a session', async () => {
    const ana = await person('viewer');
    const browser = await signIn(t.app, ana.email, ana.password);
    const res = await as(browser).get('/api/v1/session').expect(200);
    expect(res.body.user).toMatchObject({ id: ana.id, role: 'viewer', mustChangePassword: false });
    expect(res.body.csrfToken).toBe(browser.csrfToken);
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const none = await http().get('/api/v1/session').expect(401);
    expect(none.body.message).toContain('sign in');
  });

  it('names the person on every change they make, in the audit trail and its API', async () => {
    const ana = await person('admin');
    const browser = await signIn(t.app, ana.email, ana.password);
    const made = await as(browser)
      .post('/api/v1/businesses', {
        name: 'Porter & Lane LLP',
        kind: 'law-firm',
        timezone: 'America/Denver',
        invoicePrefix: 'PL',
      })
      .expect(201);
    const events = await http()
      .get(`/api/v1/audit-events?entityType=business&entityId=${made.body.id}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(events.body.items[0].actor).toEqual({ keyId: null, userId: ana.id, name: 'Person 3' });
    const byUser = await http()
      .get(`/api/v1/audit-events?actorUserId=${ana.id}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(byUser.body.items.map((e: { action: string }) => e.action)).toEqual([
      'business.create',
      'session.sign-in',
    ]);
  });

  it('refuses a change by cookie without the CSRF token, or with another session’s (403)', async () => {
    const ana = await person('admin');
    const [mine, other] = [
      await signIn(t.app, ana.email, ana.password),
      await signIn(t.app, ana.email, ana.password),
    ];
    const body = { name: 'Night audit', role: 'viewer' };
    const missing = await http().post('/api/v1/api-keys').set('Cookie', mine.cookie).send(body);
    expect(missing.status).toBe(403);
    expect(missing.body.message).toContain('X-CSRF-Token');
    await http()
      .post('/api/v1/api-keys')
      .set('Cookie', mine.cookie)
      .set('X-CSRF-Token', other.csrfToken)
      .send(body)
      .expect(403);
    await as(mine).post('/api/v1/api-keys', body).expect(201);
    // Reads need no token.
    await as(mine).get('/api/v1/api-keys').expect(200);
  });

  it('refuses every wrong sign-in with the same 401, whatever is wrong', async () => {
    const ana = await person();
    const disabled = await person();
    await http()
      .patch(`/api/v1/users/${disabled.id}`)
      .set(...bearer(t.adminKey))
      .send({ disabled: true })
      .expect(200);
    const answers = [
      await http().post('/api/v1/session').send({ email: ana.email, password: 'not her password' }),
      await http()
        .post('/api/v1/session')
        .send({ email: 'nobody@grandhotel.example', password: ana.password }),
      await http()
        .post('/api/v1/session')
        .send({ email: disabled.email, password: disabled.password }),
    ];
    for (const answer of answers) {
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: SIGN_IN_REFUSED },
      });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a malformed sign-in with a 400 naming the fields', async () => {
    const res = await http().post('/api/v1/session').send({ email: 5 }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const ana = await person();
    const browser = await signIn(t.app, ana.email, ana.password);
    const res = await as(browser).delete('/api/v1/session').expect(204);
    expect((res.headers['set-cookie'] as unknown as string[]).join()).toMatch(
      /^xb_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/,
    );
    const after = await as(browser).get('/api/v1/session').expect(401);
    expect(after.body.message).toContain('session has ended');
    await expect(db.getRepository(Session).countBy({ userId: ana.id })).resolves.toBe(0);
  });

  it('ends a session idle longer than SESSION_IDLE_MINUTES; requests keep it alive', async () => {
    const ana = await person();
    const browser = await signIn(t.app, ana.email, ana.password);
    now += 4 * MINUTE;
    await as(browser).get('/api/v1/line-items').expect(200);
    now += 4 * MINUTE; // 8 minutes after signing in, 4 after the last request
    await as(browser).get('/api/v1/line-items').expect(200);
    now += 5 * MINUTE + 1;
    const res = await as(browser).get('/api/v1/line-items').expect(401);
    expect(res.body.message).toContain('idle too long');
    await expect(db.getRepository(Session).countBy({ userId: ana.id })).resolves.toBe(0);
  });

  const LIFETIME = 2 * 60 * MINUTE;
  /** A request every 4 minutes (never idle) until just before `untilMs`; the last at untilMs - 1. */
  const keepBusy = async (browser: Browser, untilMs: number) => {
    while (now + 4 * MINUTE < untilMs) {
      now += 4 * MINUTE;
      await as(browser).get('/api/v1/line-items').expect(200);
    }
    now = untilMs - 1;
    return as(browser).get('/api/v1/session').expect(200);
  };

  it('ends a session SESSION_MAX_HOURS after its sign-in, however busy it is', async () => {
    const ana = await person();
    const signedInAt = now;
    const browser = await signIn(t.app, ana.email, ana.password);
    const last = await keepBusy(browser, signedInAt + LIFETIME);
    expect(last.body.expiresAt).toBe(new Date(signedInAt + LIFETIME).toISOString());

    now = signedInAt + LIFETIME;
    const res = await as(browser).get('/api/v1/line-items').expect(401);
    expect(res.body.message).toContain('signed in too long ago');
    await expect(db.getRepository(Session).countBy({ userId: ana.id })).resolves.toBe(0);
  });

  it('sweeps busy sessions past their lifetime at the next sign-in', async () => {
    const ben = await person();
    const cleo = await person();
    const signedInAt = now;
    await keepBusy(await signIn(t.app, ben.email, ben.password), signedInAt + LIFETIME);
    now = signedInAt + LIFETIME;
    await signIn(t.app, cleo.email, cleo.password);
    await expect(db.getRepository(Session).countBy({ userId: ben.id })).resolves.toBe(0);
    await expect(db.getRepository(Session).countBy({ userId: cleo.id })).resolves.toBe(1);
  });

  it('gives a session renewed by a password change a lifetime of its own', async () => {
    const dan = await person();
    const signedInAt = now;
    const browser = await signIn(t.app, dan.email, dan.password);
    await keepBusy(browser, signedInAt + 90 * MINUTE);
    now += 1;
    const changed = await as(browser)
      .post('/api/v1/session/password', {
        currentPassword: dan.password,
        newPassword: 'a new password of dan',
      })
      .expect(200);
    expect(changed.body.expiresAt).toBe(new Date(now + LIFETIME).toISOString());
    const renewed: Browser = {
      cookie: sessionCookieOf(changed)!,
      csrfToken: changed.body.csrfToken,
      userId: dan.id,
    };
    await keepBusy(renewed, signedInAt + 90 * MINUTE + LIFETIME);
    now += 1;
    await as(renewed).get('/api/v1/session').expect(401);
  });

  it('lets a person with a one-time password only read their session and change the password', async () => {
    const made = await http()
      .post('/api/v1/users')
      .set(...bearer(t.adminKey))
      .send({ email: 'new.clerk@grandhotel.example', name: 'New clerk', role: 'accountant' })
      .expect(201);
    const oneTime = made.body.password as string;
    const browser = await signIn(t.app, 'new.clerk@grandhotel.example', oneTime);
    const session = await as(browser).get('/api/v1/session').expect(200);
    expect(session.body.user.mustChangePassword).toBe(true);
    const refused = await as(browser).get('/api/v1/line-items').expect(403);
    expect(refused.body.message).toContain('Change your password first');

    const wrong = await as(browser)
      .post('/api/v1/session/password', {
        currentPassword: 'not the one',
        newPassword: 'my very own password',
      })
      .expect(400);
    expect(wrong.body.details).toEqual([
      { field: 'currentPassword', message: expect.stringContaining('currentPassword is wrong') },
    ]);
    const short = await as(browser)
      .post('/api/v1/session/password', { currentPassword: oneTime, newPassword: 'short' })
      .expect(400);
    expect(short.body.details).toEqual([
      { field: 'newPassword', message: 'newPassword must be 12 to 1024 characters' },
    ]);
    const same = await as(browser)
      .post('/api/v1/session/password', { currentPassword: oneTime, newPassword: oneTime })
      .expect(400);
    expect(same.body.message).toContain('newPassword must differ from currentPassword');

    const changed = await as(browser)
      .post('/api/v1/session/password', {
        currentPassword: oneTime,
        newPassword: 'my very own password',
      })
      .expect(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect(changed.body.csrfToken).not.toBe(browser.csrfToken);
    const renewed: Browser = {
      cookie: sessionCookieOf(changed)!,
      csrfToken: changed.body.csrfToken,
      userId: made.body.id,
    };
    expect(renewed.cookie).not.toBe(browser.cookie);
    await as(browser).get('/api/v1/session').expect(401);
    await as(renewed).get('/api/v1/line-items').expect(200);
    await http()
      .post('/api/v1/session')
      .send({ email: 'new.clerk@grandhotel.example', password: oneTime })
      .expect(401);
    await signIn(t.app, 'new.clerk@grandhotel.example', 'my very own password');

    const events = await db
      .getRepository(AuditEvent)
      .findBy({ entityType: 'user', entityId: String(made.body.id) });
    expect(events.map((e) => e.action)).toEqual([
      'user.create',
      'session.sign-in',
      'user.change-password',
      'session.sign-in',
    ]);
    const text = JSON.stringify(events);
    for (const secret of [oneTime, 'my very own password', browser.csrfToken, 'scrypt$']) {
      expect(text).not.toContain(secret);
    }
  });

  it('ends every other session of a person whose password changes, or is reset', async () => {
    const ana = await person();
    const [laptop, tablet] = [
      await signIn(t.app, ana.email, ana.password),
      await signIn(t.app, ana.email, ana.password),
    ];
    const changed = await as(laptop)
      .post('/api/v1/session/password', {
        currentPassword: ana.password,
        newPassword: 'a brand new password',
      })
      .expect(200);
    await as(tablet).get('/api/v1/session').expect(401);
    const laptopNow: Browser = {
      cookie: sessionCookieOf(changed)!,
      csrfToken: changed.body.csrfToken,
      userId: ana.id,
    };
    await as(laptopNow).get('/api/v1/session').expect(200);

    await http()
      .post(`/api/v1/users/${ana.id}/reset-password`)
      .set(...bearer(t.adminKey))
      .expect(200);
    await as(laptopNow).get('/api/v1/session').expect(401);
  });

  it('ends a disabled user’s sessions at once; a role change applies at the next request', async () => {
    const ana = await person('viewer');
    const browser = await signIn(t.app, ana.email, ana.password);
    await as(browser).post('/api/v1/invoices/batch', {}).expect(403);
    await http()
      .patch(`/api/v1/users/${ana.id}`)
      .set(...bearer(t.adminKey))
      .send({ role: 'admin' })
      .expect(200);
    await as(browser).get('/api/v1/users').expect(200);
    await http()
      .patch(`/api/v1/users/${ana.id}`)
      .set(...bearer(t.adminKey))
      .send({ disabled: true })
      .expect(200);
    await as(browser).get('/api/v1/session').expect(401);
  });

  it('writes no password, session token or CSRF token to the log', async () => {
    const ana = await person();
    const browser = await signIn(t.app, ana.email, ana.password);
    await as(browser).post('/api/v1/session/password', {
      currentPassword: ana.password,
      newPassword: 'another long password',
    });
    const logs = t.logs.text;
    expect(logs).toContain('/api/v1/session');
    for (const secret of [
      ana.password,
      'another long password',
      browser.cookie.split('=')[1],
      browser.csrfToken,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('SESSION_COOKIE_SECURE=true (e2e)', () => {
  it('marks the session cookie Secure', async () => {
    const t = await createTestApp({ SESSION_COOKIE_SECURE: 'true' });
    try {
      await createUser(t.app, t.adminKey, {
        email: 'ana@example.com',
        name: 'Ana',
        role: 'viewer',
        password: 'her long password',
      });
      const res = await request(t.app.getHttpServer())
        .post('/api/v1/session')
        .send({ email: 'ana@example.com', password: 'her long password' })
        .expect(200);
      expect((res.headers['set-cookie'] as unknown as string[]).join()).toMatch(
        /^xb_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
    } finally {
      await t.close();
    }
  });
});
