import request from 'supertest';
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
});
