import { createServer, Server } from 'node:net';
import request from 'supertest';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

/** A loopback port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The PMS links API (docs/pms-link.md): settings an admin keeps, each change audited, bad input
 * refused whole with the field named, and the link's live state. The link runs here against a
 * closed port: it is down and tries again, and the service answers as ever.
 */
describe('PMS links API (e2e)', () => {
  let t: TestApp;
  let hotelSource: number;
  let firmSource: number;
  let port: number;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    port = await closedPort();
    t = await createTestApp({ PMS_LINKS_ENABLED: 'true' });
    const hotelPlan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({ effectiveFrom: '2026-01-01T00:00:00-07:00', ...samplePlan<object>('grand-hotel') })
      .expect(201);
    hotelSource = (
      await http()
        .post('/api/v1/sources')
        .set(...bearer(t.adminKey))
        .send({
          name: 'Grand Hotel',
          kind: 'call-records',
          historicDataKey: 'CALLDTLX',
          ratePlanId: hotelPlan.body.id,
          timezone: 'America/Denver',
        })
        .expect(201)
    ).body.id;
    const firmPlan = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send({
        effectiveFrom: '2026-01-01T00:00:00-07:00',
        ...samplePlan<object>('porter-lane-summary'),
      })
      .expect(201);
    firmSource = (
      await http()
        .post('/api/v1/sources')
        .set(...bearer(t.adminKey))
        .send({
          name: 'Porter & Lane',
          kind: 'account-summary',
          historicDataKey: 'ACCTSUM1',
          ratePlanId: firmPlan.body.id,
          timezone: 'America/Denver',
        })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const link = (overrides: object = {}) => ({
    name: 'Grand Hotel OPERA',
    host: '127.0.0.1',
    port,
    sourceIds: [hotelSource],
    postingMode: 'on-rating',
    ...overrides,
  });

  it('creates a link with its defaults, audited, and shows its state and empty queue', async () => {
    const created = await http()
      .post('/api/v1/pms-links')
      .set(...bearer(t.adminKey))
      .send(link())
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Grand Hotel OPERA',
      sourceIds: [hotelSource],
      postingMode: 'on-rating',
      charset: 'ascii',
      answerTimeoutMs: 30000,
      aliveIntervalMs: 300000,
      enabled: true,
      nextPostingNumber: 1,
      queue: { pending: 0, 'in-flight': 0, posted: 0, exception: 0, 'written-off': 0 },
      lastHeardAt: null,
      version: 1,
    });
    expect(['connecting', 'down']).toContain(created.body.state);
    const audit = await http()
      .get('/api/v1/audit-events?entityType=pms-link')
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['pms-link.create']);
  });

  it('keeps a link to a closed port down, retrying, and says so in the log', async () => {
    const [first] = (
      await http()
        .get('/api/v1/pms-links')
        .set(...bearer(t.adminKey))
        .expect(200)
    ).body.items;
    const deadline = Date.now() + 10_000;
    while (!t.logs.text.includes('ECONNREFUSED') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(t.logs.text).toContain(`127.0.0.1:${port}`);
    expect(t.logs.text).toContain('ECONNREFUSED');
    const again = await http()
      .get(`/api/v1/pms-links/${first.id}`)
      .set(...bearer(t.adminKey))
      .expect(200);
    expect(['connecting', 'down']).toContain(again.body.state);
  });

  it.each([
    [{ port: 0 }, 'port'],
    [{ port: 70000 }, 'port'],
    [{ host: 'pms host;rm' }, 'host'],
    [{ postingMode: 'nightly' }, 'postingMode'],
    [{ charset: 'utf-16' }, 'charset'],
    [{ answerTimeoutMs: 10 }, 'answerTimeoutMs'],
    [{ aliveIntervalMs: 600_000 }, 'aliveIntervalMs'],
    [{ sourceIds: [] }, 'sourceIds'],
    [{ sourceIds: [999] }, 'sourceIds'],
    [{ name: '' }, 'name'],
  ])('refuses %j, naming %s, and stores nothing', async (overrides, field) => {
    const before = (
      await http()
        .get('/api/v1/pms-links')
        .set(...bearer(t.adminKey))
    ).body.items.length;
    const refused = await http()
      .post('/api/v1/pms-links')
      .set(...bearer(t.adminKey))
      .send(link({ name: `Link ${field}`, ...overrides }))
      .expect(400);
    expect(refused.body.message).toContain(field);
    const after = (
      await http()
        .get('/api/v1/pms-links')
        .set(...bearer(t.adminKey))
    ).body.items.length;
    expect(after).toBe(before);
  });

  it('refuses an account-code source (no rooms) and a source another link posts', async () => {
    const summary = await http()
      .post('/api/v1/pms-links')
      .set(...bearer(t.adminKey))
      .send(link({ name: 'Firm', sourceIds: [firmSource] }))
      .expect(400);
    expect(summary.body.message).toContain('only calls have rooms');
    const taken = await http()
      .post('/api/v1/pms-links')
      .set(...bearer(t.adminKey))
      .send(link({ name: 'Second link' }))
      .expect(409);
    expect(taken.body.message).toContain(`Source ${hotelSource} is already posted by PMS link`);
  });

  it('changes a link (audited, version bumped), refuses clearing a field, and deletes it', async () => {
    const [first] = (
      await http()
        .get('/api/v1/pms-links')
        .set(...bearer(t.adminKey))
    ).body.items;
    const changed = await http()
      .patch(`/api/v1/pms-links/${first.id}`)
      .set(...bearer(t.adminKey))
      .send({ postingMode: 'on-approval', charset: 'cp850', enabled: false })
      .expect(200);
    expect(changed.body).toMatchObject({
      postingMode: 'on-approval',
      charset: 'cp850',
      enabled: false,
      state: 'down',
      version: 2,
    });
    const cleared = await http()
      .patch(`/api/v1/pms-links/${first.id}`)
      .set(...bearer(t.adminKey))
      .send({ host: null })
      .expect(400);
    expect(cleared.body.message).toContain('host cannot be cleared');
    const resync = await http()
      .post(`/api/v1/pms-links/${first.id}/resync`)
      .set(...bearer(t.adminKey))
      .expect(409);
    expect(resync.body.message).toContain('not running');
    await http()
      .delete(`/api/v1/pms-links/${first.id}`)
      .set(...bearer(t.adminKey))
      .expect(204);
    await http()
      .get(`/api/v1/pms-links/${first.id}`)
      .set(...bearer(t.adminKey))
      .expect(404);
  });
});
