import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, User } from '@app/ledger';
import { verifyPassword } from '../apps/billing/src/users/password';
import { TestApp, bearer, createTestApp } from './support/test-app';

describe('users (e2e)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const create = (body: object, key = t.adminKey) =>
    http()
      .post('/api/v1/users')
      .set(...bearer(key))
      .send(body);
  const stored = (id: number) => db.getRepository(User).findOneByOrFail({ id });
  const eventsOf = (id: number) =>
    db.getRepository(AuditEvent).find({
      where: { entityType: 'user', entityId: String(id) },
      order: { id: 'ASC' },
    });

  it('creates a user with the password given: it is hashed, never shown, never audited', async () => {
    const password = 'a long passphrase of hers';
    const res = await create({
      email: '  Ana.Ortiz@GrandHotel.example ',
      name: 'Ana Ortiz',
      role: 'accountant',
      password,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      email: 'ana.ortiz@grandhotel.example',
      name: 'Ana Ortiz',
      role: 'accountant',
      mustChangePassword: false,
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const user = await stored(res.body.id);
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword(password, user.passwordHash)).resolves.toBe(true);

    const [event] = await eventsOf(res.body.id);
    expect(event).toMatchObject({
      action: 'user.create',
      actorName: 'Bootstrap admin (ADMIN_API_KEY)',
    });
    expect(event.actorKeyId).toEqual(expect.any(Number));
    expect(event.actorUserId).toBeNull();
    expect(JSON.parse(event.newJson!)).toEqual({
      email: 'ana.ortiz@grandhotel.example',
      name: 'Ana Ortiz',
      role: 'accountant',
      mustChangePassword: false,
      disabled: false,
    });
    expect(JSON.stringify(event)).not.toContain(password);
    expect(JSON.stringify(event)).not.toContain(user.passwordHash);
    expect(t.logs.text).not.toContain(password);
  });

  it('without a password, answers a one-time password once, to be changed at first sign-in', async () => {
    const res = await create({ email: 'ben@grandhotel.example', name: 'Ben', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mustChangePassword: true, password: expect.any(String) });
    expect(res.body.password.length).toBeGreaterThanOrEqual(12);
    await expect(
      verifyPassword(res.body.password, (await stored(res.body.id)).passwordHash),
    ).resolves.toBe(true);

    const list = await http()
      .get('/api/v1/users')
      .set(...bearer(t.adminKey))
      .expect(200);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(res.body.password);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('scrypt');
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain(
      'ben@grandhotel.example',
    );
    const one = await http()
      .get(`/api/v1/users/${res.body.id}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(one.body).not.toHaveProperty('password');
    expect(JSON.stringify(await eventsOf(res.body.id))).not.toContain(res.body.password);
  });

  it('refuses an email another user has, in any case (409)', async () => {
    await create({ email: 'cleo@grandhotel.example', name: 'Cleo', role: 'viewer' }).expect(201);
    const res = await create({ email: 'CLEO@grandhotel.example', name: 'Cleo 2', role: 'viewer' });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/has the email cleo@grandhotel\.example/);
  });

  it.each([
    [
      { email: 'not-an-email', name: 'X', role: 'viewer' },
      'email',
      'email must be an email address',
    ],
    [{ email: 'x@example.com', name: '  ', role: 'viewer' }, 'name', 'name must not be blank'],
    [
      { email: 'x@example.com', name: 'X', role: 'owner' },
      'role',
      'role must be one of viewer, accountant, admin',
    ],
    [
      { email: 'x@example.com', name: 'X', role: 'viewer', password: 'short pass' },
      'password',
      'password must be 12 to 1024 characters',
    ],
    [
      { email: 'x@example.com', name: 'X', role: 'viewer', password: null },
      'password',
      'password must be 12 to 1024 characters',
    ],
    [
      { email: 'x@example.com', name: 'X', role: 'viewer', passwordHash: 'scrypt$1' },
      'passwordHash',
      'should not exist',
    ],
  ])('refuses bad input with a 400 naming the field: %j', async (body, field, message) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([{ field, message: expect.stringContaining(message) }]),
    );
    if ('password' in body && body.password)
      expect(JSON.stringify(res.body)).not.toContain(body.password);
  });

  it('changes a user, only the fields sent, audited old and new; clearing a field is a 400', async () => {
    const created = await create({ email: 'dan@grandhotel.example', name: 'Dan', role: 'viewer' });
    const id = created.body.id as number;
    const res = await http()
      .patch(`/api/v1/users/${id}`)
      .set(...bearer(t.adminKey))
      .send({ role: 'accountant', name: 'Dan Reyes' })
      .expect(200);
    expect(res.body).toMatchObject({
      email: 'dan@grandhotel.example',
      name: 'Dan Reyes',
      role: 'accountant',
    });
    const update = (await eventsOf(id)).find((e) => e.action === 'user.update')!;
    expect(JSON.parse(update.oldJson!)).toMatchObject({ name: 'Dan', role: 'viewer' });
    expect(JSON.parse(update.newJson!)).toMatchObject({ name: 'Dan Reyes', role: 'accountant' });

    const cleared = await http()
      .patch(`/api/v1/users/${id}`)
      .set(...bearer(t.adminKey))
      .send({ name: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.details).toEqual([
      { field: 'name', message: 'name cannot be cleared; leave it out to keep it' },
    ]);
    await http()
      .patch('/api/v1/users/9999')
      .set(...bearer(t.adminKey))
      .send({ disabled: true })
      .expect(404);
    await http()
      .patch(`/api/v1/users/${id}`)
      .set(...bearer(t.adminKey))
      .send({ email: 'ANA.ORTIZ@grandhotel.example' })
      .expect(409);
    await http()
      .patch(`/api/v1/users/${id}`)
      .set(...bearer(t.adminKey))
      .send({ disabled: 'yes' })
      .expect(400);
  });

  it('resets a password: a new one-time password, to be changed at next sign-in', async () => {
    const created = await create({
      email: 'eve@grandhotel.example',
      name: 'Eve',
      role: 'viewer',
      password: 'her own long password',
    });
    const res = await http()
      .post(`/api/v1/users/${created.body.id}/reset-password`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(res.body).toMatchObject({ mustChangePassword: true, password: expect.any(String) });
    const user = await stored(created.body.id);
    await expect(verifyPassword(res.body.password, user.passwordHash)).resolves.toBe(true);
    await expect(verifyPassword('her own long password', user.passwordHash)).resolves.toBe(false);
    const reset = (await eventsOf(created.body.id)).find(
      (e) => e.action === 'user.reset-password',
    )!;
    expect(JSON.stringify(reset)).not.toContain(res.body.password);
  });

  it('is for admins only', async () => {
    const key = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Accounting', role: 'accountant' })
      .expect(201);
    await http()
      .get('/api/v1/users')
      .set(...bearer(key.body.key))
      .expect(403);
    await create({ email: 'fay@example.com', name: 'Fay', role: 'admin' }, key.body.key).expect(
      403,
    );
  });
});
