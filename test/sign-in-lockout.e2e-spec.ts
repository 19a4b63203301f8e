import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { AuditEvent } from '@app/ledger';
import { SIGN_IN_REFUSED } from '../apps/billing/src/session/sessions.service';
import { TestApp, createTestApp } from './support/test-app';
import { createUser, signIn } from './support/session';

const MINUTE = 60_000;

describe('sign-in lockout: 5 wrong passwords in 15 minutes lock an email for 15 minutes (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let now = Date.parse('2026-03-10T09:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({}, (builder) =>
      builder.overrideProvider(Clock).useValue({ now: () => now }),
    );
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    // Each test starts long after the last: no window or lock carries over.
    now += 24 * 60 * MINUTE;
  });

  const http = () => request(t.app.getHttpServer());
  const attempt = (email: string, password: string) =>
    http().post('/api/v1/session').send({ email, password });
  const refused = async (email: string, password: string) => {
    const res = await attempt(email, password);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: SIGN_IN_REFUSED },
    });
  };
  let n = 0;
  const person = async () => {
    const email = `guest${++n}@grandhotel.example`;
    const password = `the password of guest ${n}`;
    await createUser(t.app, t.adminKey, { email, name: `Guest ${n}`, role: 'viewer', password });
    return { email, password };
  };
  const lockouts = (email: string) =>
    db.getRepository(AuditEvent).findBy({ action: 'sign-in.lockout', entityId: email });

  it('locks after the fifth wrong password: even the right one is refused, with the same answer', async () => {
    const ana = await person();
    for (let i = 0; i < 4; i++) {
      await refused(ana.email, `guess ${i}`);
      now += MINUTE;
    }
    await expect(lockouts(ana.email)).resolves.toEqual([]);
    await refused(ana.email.toUpperCase(), 'guess 5'); // the same email in another case
    await refused(ana.email, ana.password);

    const [event] = await lockouts(ana.email);
    expect(event).toMatchObject({ actorKeyId: null, actorUserId: null, actorName: 'system' });
    expect(JSON.parse(event.newJson!)).toEqual({
      failures: 5,
      lockedUntil: new Date(now + 15 * MINUTE).toISOString(),
    });
    expect(JSON.stringify(event)).not.toMatch(/guess|password of/);
    // Stored in the ledger, so that a restart does not lift it.
    await expect(
      db.query('SELECT email FROM sign_in_lockouts WHERE email = ?', [ana.email]),
    ).resolves.toEqual([{ email: ana.email }]);

    now += 15 * MINUTE - 1;
    await refused(ana.email, ana.password);
    now += 1;
    await signIn(t.app, ana.email, ana.password);
    await expect(lockouts(ana.email)).resolves.toHaveLength(1);
  });

  it('locks an email nobody has the same way, so that a lock tells nothing', async () => {
    const ghost = 'nobody@grandhotel.example';
    for (let i = 0; i < 5; i++) await refused(ghost, `guess ${i}`);
    await expect(lockouts(ghost)).resolves.toHaveLength(1);
    await refused(ghost, 'guess 6');
  });

  it('counts only the failures of the last 15 minutes', async () => {
    const ana = await person();
    for (let i = 0; i < 4; i++) await refused(ana.email, `guess ${i}`);
    now += 15 * MINUTE + 1;
    await refused(ana.email, 'guess 5');
    await signIn(t.app, ana.email, ana.password);
    await expect(lockouts(ana.email)).resolves.toEqual([]);
  });

  it('forgets the failures once the right password is given', async () => {
    const ana = await person();
    for (let i = 0; i < 4; i++) await refused(ana.email, `guess ${i}`);
    await signIn(t.app, ana.email, ana.password);
    for (let i = 0; i < 4; i++) await refused(ana.email, `guess again ${i}`);
    await signIn(t.app, ana.email, ana.password);
    await expect(lockouts(ana.email)).resolves.toEqual([]);
  });

  it('locks one email only: another signs in meanwhile', async () => {
    const [ana, ben] = [await person(), await person()];
    for (let i = 0; i < 5; i++) await refused(ana.email, `guess ${i}`);
    await signIn(t.app, ben.email, ben.password);
  });

  it('counts a wrong current password of a password change, so that an open session cannot guess it', async () => {
    const ana = await person();
    const browser = await signIn(t.app, ana.email, ana.password);
    for (let i = 0; i < 5; i++) {
      await http()
        .post('/api/v1/session/password')
        .set('Cookie', browser.cookie)
        .set('X-CSRF-Token', browser.csrfToken)
        .send({ currentPassword: `guess ${i}`, newPassword: 'a new long password' })
        .expect(400);
    }
    await expect(lockouts(ana.email)).resolves.toHaveLength(1);
    await http()
      .post('/api/v1/session/password')
      .set('Cookie', browser.cookie)
      .set('X-CSRF-Token', browser.csrfToken)
      .send({ currentPassword: ana.password, newPassword: 'a new long password' })
      .expect(400);
    await refused(ana.email, ana.password);
  });

  it('checks a password even for an email nobody has (the answer takes as long)', async () => {
    const ana = await person();
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await refused(email, 'a wrong password');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known = await time(ana.email);
    const unknown = await time('nobody.else@grandhotel.example');
    // scrypt at N = 2^15 takes tens of milliseconds at least; skipping it would take about one.
    expect(unknown).toBeGreaterThan(Math.min(20, known / 2));
  });
});
