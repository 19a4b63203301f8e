import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiKey, AuditEvent } from '@app/ledger';
import { TestApp, bearer, createTestApp } from './support/test-app';

describe('API keys (e2e)', () => {
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
  const create = (key: string, body: object) =>
    http()
      .post('/api/v1/api-keys')
      .set(...bearer(key))
      .send(body);

  it('creates a key, shows it once, stores only its SHA-256', async () => {
    const res = await create(t.adminKey, { name: 'Front office', role: 'accountant' }).expect(201);
    expect(res.body).toMatchObject({ name: 'Front office', role: 'accountant', origin: 'api' });
    expect(res.body.key).toMatch(/^xbk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(res.body.key.slice(4), 'base64url')).toHaveLength(32);

    const stored = await db.getRepository(ApiKey).findOneByOrFail({ id: res.body.id });
    const { createHash } = await import('node:crypto');
    expect(stored.keyHash).toBe(createHash('sha256').update(res.body.key).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(res.body.key);

    const list = await http()
      .get('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(JSON.stringify(list.body)).not.toContain(res.body.key);
    expect(list.body.items.find((k: { id: number }) => k.id === res.body.id)).not.toHaveProperty(
      'key',
    );
    expect(list.body.items[0]).not.toHaveProperty('keyHash');
  });

  it('lets the new key in with its role, and audits the creation with its actor', async () => {
    const created = await create(t.adminKey, { name: 'Night audit', role: 'viewer' }).expect(201);
    // viewer may not manage keys
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer(created.body.key))
      .expect(403);
    const events = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'api-key.create', entityId: String(created.body.id) });
    expect(events).toHaveLength(1);
    expect(events[0].actorName).toBe('Bootstrap admin (ADMIN_API_KEY)');
    expect(JSON.parse(events[0].newJson!)).toMatchObject({ name: 'Night audit', role: 'viewer' });
    expect(events[0].newJson).not.toContain(created.body.key);
  });

  it('revokes a key: it stops working at once; revoking twice is a conflict', async () => {
    const created = await create(t.adminKey, { name: 'Temp', role: 'admin' }).expect(201);
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer(created.body.key))
      .expect(200);
    const revoked = await http()
      .delete(`/api/v1/api-keys/${created.body.id}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer(created.body.key))
      .expect(401);
    const again = await http()
      .delete(`/api/v1/api-keys/${created.body.id}`)
      .set(...bearer(t.adminKey))
      .expect(409);
    expect(again.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `API key ${created.body.id} is already revoked`,
    });
  });

  it('answers 404 for an unknown key and 400 naming `id` for a bad one', async () => {
    await http()
      .delete('/api/v1/api-keys/999999')
      .set(...bearer(t.adminKey))
      .expect(404);
    const bad = await http()
      .delete('/api/v1/api-keys/abc')
      .set(...bearer(t.adminKey))
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', message: 'id must be a positive integer' }]);
  });

  describe('bad input changes nothing', () => {
    const cases: [string, unknown, string[]][] = [
      ['unknown field', { name: 'A', role: 'viewer', admin: true }, ['admin']],
      ['unknown role', { name: 'A', role: 'owner' }, ['role']],
      ['missing name', { role: 'viewer' }, ['name']],
      ['blank name', { name: '   ', role: 'viewer' }, ['name']],
      ['name as a number', { name: 42, role: 'viewer' }, ['name']],
      ['name too long', { name: 'x'.repeat(101), role: 'viewer' }, ['name']],
    ];
    it.each(cases)('%s: 400 naming the field', async (_label, body, fields) => {
      const before = await db.getRepository(ApiKey).count();
      const auditBefore = await db.getRepository(AuditEvent).count();
      const res = await create(t.adminKey, body as object).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
      await expect(db.getRepository(ApiKey).count()).resolves.toBe(before);
      await expect(db.getRepository(AuditEvent).count()).resolves.toBe(auditBefore);
    });

    it('malformed JSON: 400 in the error shape', async () => {
      const res = await http()
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .set('Content-Type', 'application/json')
        .send('{"name":')
        .expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.any(String),
      });
    });

    it('a body over the limit: 413 in the error shape', async () => {
      const res = await create(t.adminKey, { name: 'x'.repeat(1_100_000), role: 'viewer' }).expect(
        413,
      );
      expect(res.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: expect.stringMatching(/too large/),
      });
      await expect(db.getRepository(ApiKey).count()).resolves.toBeGreaterThan(0);
    });
  });

  it('sets security headers (helmet)', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves /health without a key, with a database check', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document without a key', async () => {
    const res = await http().get('/api/docs-json').expect(200);
    expect(res.body.paths).toHaveProperty('/api/v1/api-keys');
    await http().get('/api/docs').expect(200);
  });
});
