import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, User } from '@app/ledger';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { Browser, createUser, signIn } from './support/session';

describe('users: the last admin, and admins changing themselves (e2e)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    // Each test starts with no enabled admin user and makes the ones it needs.
    await db.getRepository(User).update({ role: 'admin' }, { disabled: true });
  });

  const http = () => request(t.app.getHttpServer());
  let n = 0;
  /** A new user (by the bootstrap key) with a password of their own. */
  const person = async (role: 'viewer' | 'accountant' | 'admin') => {
    const email = `admin${++n}@grandhotel.example`;
    const password = `password of admin ${n}`;
    const id = await createUser(t.app, t.adminKey, { email, name: `Admin ${n}`, role, password });
    return { id, email, password };
  };
  const byKey = (id: number, body: object) =>
    http()
      .patch(`/api/v1/users/${id}`)
      .set(...bearer(t.adminKey))
      .send(body);
  const bySession = (browser: Browser, id: number, body: object) =>
    http()
      .patch(`/api/v1/users/${id}`)
      .set('Cookie', browser.cookie)
      .set('X-CSRF-Token', browser.csrfToken)
      .send(body);
  const stored = (id: number) => db.getRepository(User).findOneByOrFail({ id });
  const updates = (id: number) =>
    db.getRepository(AuditEvent).countBy({ action: 'user.update', entityId: String(id) });
  const enabledAdmins = () => db.getRepository(User).countBy({ role: 'admin', disabled: false });

  it.each([
    [{ disabled: true }, ['disabled']],
    [{ role: 'accountant' }, ['role']],
    [{ role: 'viewer', disabled: true }, ['role', 'disabled']],
  ])(
    'refuses %j of the last enabled admin user (409 naming the rule), even by an admin key',
    async (body, fields) => {
      const ana = await person('admin');
      const res = await byKey(ana.id, body).expect(409);
      expect(res.body.message).toBe(
        'Refused: at least one enabled admin user must remain (API keys are for machines: without an admin user nobody can manage people in the console), ' +
          `and user ${ana.id} (${ana.email}) is the last one: make another user an admin first`,
      );
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
      await expect(stored(ana.id)).resolves.toMatchObject({ role: 'admin', disabled: false });
      await expect(updates(ana.id)).resolves.toBe(0);
    },
  );

  it('refuses an admin disabling or demoting themself (409: ask another admin), even when another admin remains', async () => {
    const ana = await person('admin');
    await person('admin');
    const browser = await signIn(t.app, ana.email, ana.password);
    for (const body of [{ disabled: true }, { role: 'accountant' }]) {
      const res = await bySession(browser, ana.id, body).expect(409);
      expect(res.body.message).toBe(
        'Refused: an admin cannot disable or demote themself: ask another admin',
      );
    }
    await expect(stored(ana.id)).resolves.toMatchObject({ role: 'admin', disabled: false });
    // Their own name and email are theirs to change.
    const renamed = await bySession(browser, ana.id, { name: 'Ana Ortiz', role: 'admin' }).expect(
      200,
    );
    expect(renamed.body).toMatchObject({ name: 'Ana Ortiz', role: 'admin', disabled: false });
  });

  it('lets an admin disable or demote another admin while one remains, and change non-admins freely', async () => {
    const ana = await person('admin');
    const ben = await person('admin');
    const cleo = await person('admin');
    const dan = await person('accountant');
    const browser = await signIn(t.app, ana.email, ana.password);
    await bySession(browser, ben.id, { role: 'accountant' }).expect(200);
    await byKey(cleo.id, { disabled: true }).expect(200);
    await byKey(dan.id, { disabled: true }).expect(200);
    await expect(enabledAdmins()).resolves.toBe(1);
    // A disabled admin is no enabled admin: changing them takes nothing away.
    await byKey(cleo.id, { role: 'viewer' }).expect(200);
    // Bringing an admin back is always allowed; then the other may go.
    await byKey(ben.id, { role: 'admin' }).expect(200);
    await byKey(ana.id, { role: 'accountant' }).expect(200);
    await expect(stored(ana.id)).resolves.toMatchObject({ role: 'accountant' });
    await expect(enabledAdmins()).resolves.toBe(1);
  });

  it('lets only one of two changes that each take one of the last two admins away succeed', async () => {
    // Sent at the same moment (by key, so that neither request's own sign-in is in play): the
    // count and the write are one transaction, so the second sees the first's change.
    for (const [first, second] of [
      [{ role: 'viewer' }, { disabled: true }],
      [{ disabled: true }, { disabled: true }],
    ]) {
      await db.getRepository(User).update({ role: 'admin' }, { disabled: true });
      const ana = await person('admin');
      const ben = await person('admin');
      const answers = await Promise.all([byKey(ana.id, first), byKey(ben.id, second)]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
      const refused = answers.find((res) => res.status === 409)!;
      expect(refused.body.message).toContain('at least one enabled admin user must remain');
      await expect(enabledAdmins()).resolves.toBe(1);
    }
  });
});
