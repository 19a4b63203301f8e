import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestApp, bearer, createTestApp } from './support/test-app';

describe('logs never hold a key or a token (e2e)', () => {
  const ximaToken = 'xima-service-user-token-3f9a1c7e5b2d4068';
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      XIMA_BASE_URL: 'https://abc-medical.xima.cloud',
      XIMA_API_KEY: ximaToken,
      LOG_LEVEL: 'trace',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('redacts Authorization, created keys and the Xima token from every line', async () => {
    const http = () => request(t.app.getHttpServer());
    const created = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Front office', role: 'accountant' })
      .expect(201);
    const newKey: string = created.body.key;
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer(newKey))
      .expect(403);
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .expect(200);
    await http()
      .get('/api/v1/api-keys')
      .set(...bearer('xbk_wrong-key-that-must-not-be-logged'))
      .expect(401);
    await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: newKey, role: 'x' })
      .expect(400);

    const logs = t.logs.text;
    // The capture works: requests were logged, with the header replaced.
    expect(logs).toContain('/api/v1/api-keys');
    expect(logs).toContain('"authorization":"[redacted]"');
    for (const secret of [t.adminKey, newKey, ximaToken, 'xbk_wrong-key-that-must-not-be-logged']) {
      expect(logs).not.toContain(secret);
    }
  });

  it('redacts secrets that code logs at any depth, in errors too', () => {
    const logger = t.app.get(Logger);
    logger.warn(
      {
        sync: {
          source: { name: 'Front desk', XIMA_API_KEY: ximaToken, deliverySecret: 'hmac-7b1e' },
        },
      },
      'Sync',
    );
    logger.error(
      Object.assign(new Error('xima said no'), {
        request: { headers: { Authorization: `Bearer ${ximaToken}` } },
      }),
    );
    const logs = t.logs.text;
    expect(logs).toContain('Front desk');
    expect(logs).toContain('xima said no');
    expect(logs).not.toContain(ximaToken);
    expect(logs).not.toContain('hmac-7b1e');
  });

  it('logs a failed query without its parameters', async () => {
    const db = t.app.get(DataSource);
    const secret = 'parameter-secret-91c2a';
    const insert = () =>
      db.query(
        `INSERT INTO sources (name, kind, historic_data_key, rate_plan_id, business_id, timezone, delivery_secret,
           created_at_ms, updated_at_ms) VALUES ('x', 'call-records', 'K', 999, 1, 'UTC', ?, 0, 0)`,
        [secret],
      );
    await expect(insert()).rejects.toThrow(/FOREIGN KEY/);
    expect(t.logs.text).toContain('query failed');
    expect(t.logs.text).not.toContain(secret);
  });
});
