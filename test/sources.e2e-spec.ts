import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, Source } from '@app/ledger';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

describe('sources API (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let viewerKey: string;
  let hotelPlanId: number;
  let summaryPlanId: number;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    viewerKey = (
      await http()
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: 'v', role: 'viewer' })
    ).body.key;
    hotelPlanId = (
      await http()
        .post('/api/v1/rate-plans')
        .set(...bearer(t.adminKey))
        .send(samplePlan('grand-hotel'))
    ).body.id;
    summaryPlanId = (
      await http()
        .post('/api/v1/rate-plans')
        .set(...bearer(t.adminKey))
        .send(samplePlan('porter-lane-summary'))
    ).body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const source = (overrides: Record<string, unknown> = {}) => ({
    name: 'Grand Hotel calls',
    kind: 'call-records',
    historicDataKey: 'CALLDTL1',
    ratePlanId: hotelPlanId,
    timezone: 'America/Denver',
    ...overrides,
  });
  const counts = async () => ({
    sources: await db.getRepository(Source).count(),
    events: await db.getRepository(AuditEvent).count(),
  });

  it('creates a source with defaults, never showing the delivery secret', async () => {
    const res = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send(
        source({
          deliveryUrl: 'https://pms.example.com/postings',
          deliverySecret: 'a-long-shared-secret-123',
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'Grand Hotel calls',
      kind: 'call-records',
      enabled: true,
      autoApprove: false,
      chunkDays: 1,
      overlapMinutes: 60,
      settleMinutes: 15,
      watermark: null,
      deliverySecretSet: true,
      version: 1,
    });
    expect(JSON.stringify(res.body)).not.toContain('a-long-shared-secret-123');
    const read = await http()
      .get(`/api/v1/sources/${res.body.id}`)
      .set(...bearer(viewerKey))
      .expect(200);
    expect(read.body).toEqual(res.body);
    const events = await db.getRepository(AuditEvent).findBy({ action: 'source.create' });
    expect(events.map((e) => e.newJson).join()).not.toContain('a-long-shared-secret-123');
  });

  it.each([
    ['an unknown field', { frequency: 'hourly' }, 'frequency'],
    ['an unknown kind', { kind: 'chats' }, 'kind'],
    ['a missing rate plan', { ratePlanId: 999 }, 'ratePlanId'],
    ['a plan of the other kind', { kind: 'account-summary' }, 'ratePlanId'],
    ['a bad time zone', { timezone: 'Mountain' }, 'timezone'],
    ['a bad report key', { historicDataKey: '../etc' }, 'historicDataKey'],
    ['a bad column map', { columns: { talkMinutes: ['Talk'] } }, 'columns'],
    [
      'a timeframe in parameters',
      { parameters: [{ valueType: 'REPORT_TIMEFRAME' }] },
      'parameters',
    ],
    ['chunks of 0 days', { chunkDays: 0 }, 'chunkDays'],
    ['enabled as null', { enabled: null }, 'enabled'],
    ['a bad cron', { syncCron: 'hourly' }, 'syncCron'],
    ['a delivery URL over plain http', { deliveryUrl: 'http://pms.example.com/x' }, 'deliveryUrl'],
    [
      'a delivery URL with a password in it',
      { deliveryUrl: 'https://:hunter2@pms.example.com/x' },
      'deliveryUrl',
    ],
    [
      'a delivery URL with a user name in it',
      { deliveryUrl: 'https://frontdesk@pms.example.com/x' },
      'deliveryUrl',
    ],
    ['a short delivery secret', { deliverySecret: 'short' }, 'deliverySecret'],
  ])('refuses %s with 400 naming it, storing nothing', async (_label, change, field) => {
    const before = await counts();
    const res = await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send(source({ name: `Bad ${field}`, ...change }))
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    await expect(counts()).resolves.toEqual(before);
  });

  it('accepts an account-summary source with its plan', async () => {
    await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send(
        source({
          name: 'Firm codes',
          kind: 'account-summary',
          historicDataKey: 'ACCTSUM1',
          ratePlanId: summaryPlanId,
        }),
      )
      .expect(201);
  });

  it('refuses a duplicate name (409) and writes below admin (403)', async () => {
    const before = await counts();
    await http()
      .post('/api/v1/sources')
      .set(...bearer(t.adminKey))
      .send(source())
      .expect(409);
    await http()
      .post('/api/v1/sources')
      .set(...bearer(viewerKey))
      .send(source({ name: 'X' }))
      .expect(403);
    await expect(counts()).resolves.toEqual(before);
  });

  describe('PATCH', () => {
    let id: number;
    beforeAll(async () => {
      id = (
        await http()
          .post('/api/v1/sources')
          .set(...bearer(t.adminKey))
          .send(source({ name: 'Patched' }))
      ).body.id;
    });
    const patch = (body: object, key = t.adminKey) =>
      http()
        .patch(`/api/v1/sources/${id}`)
        .set(...bearer(key))
        .send(body);

    it('changes what it is given, bumps the version, audits old and new', async () => {
      const res = await patch({
        enabled: false,
        columns: { talkMs: ['Talk Time'] },
        chunkDays: 2,
      }).expect(200);
      expect(res.body).toMatchObject({
        enabled: false,
        columns: { talkMs: ['Talk Time'] },
        chunkDays: 2,
        version: 2,
        name: 'Patched',
      });
      const [event] = await db.getRepository(AuditEvent).find({
        where: { action: 'source.update', entityId: String(id) },
        order: { id: 'DESC' },
      });
      expect(JSON.parse(event.oldJson!)).toMatchObject({ enabled: true, chunkDays: 1, version: 1 });
      expect(JSON.parse(event.newJson!)).toMatchObject({
        enabled: false,
        chunkDays: 2,
        version: 2,
      });
    });

    it.each([
      ['clearing a required field', { timezone: null }, 'timezone'],
      ['changing the kind', { kind: 'account-summary' }, 'kind'],
      ['an unknown field', { watermark: '2026-01-01T00:00:00Z' }, 'watermark'],
    ])('refuses %s, changing nothing', async (_label, body, field) => {
      const before = await http()
        .get(`/api/v1/sources/${id}`)
        .set(...bearer(viewerKey));
      const res = await patch(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      await expect(
        http()
          .get(`/api/v1/sources/${id}`)
          .set(...bearer(viewerKey))
          .then((r) => r.body),
      ).resolves.toEqual(before.body);
    });

    it('404 for an unknown source; 403 for a viewer', async () => {
      await http()
        .patch('/api/v1/sources/99999')
        .set(...bearer(t.adminKey))
        .send({ enabled: true })
        .expect(404);
      await patch({ enabled: true }, viewerKey).expect(403);
    });
  });
});
