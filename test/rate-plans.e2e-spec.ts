import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, RatePlan, RatePlanVersion } from '@app/ledger';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';

describe('rate plans API (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  const keys: Record<'viewer' | 'accountant', string> = { viewer: '', accountant: '' };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    for (const role of ['viewer', 'accountant'] as const) {
      const res = await http()
        .post('/api/v1/api-keys')
        .set(...bearer(t.adminKey))
        .send({ name: role, role })
        .expect(201);
      keys[role] = res.body.key;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const http = () => request(t.app.getHttpServer());
  const hotel = (name = 'Hotel A'): Record<string, unknown> => ({
    ...samplePlan('grand-hotel'),
    name,
  });
  const createPlan = (body: object, key = t.adminKey) =>
    http()
      .post('/api/v1/rate-plans')
      .set(...bearer(key))
      .send(body);
  const counts = async () => ({
    plans: await db.getRepository(RatePlan).count(),
    versions: await db.getRepository(RatePlanVersion).count(),
    audit: await db.getRepository(AuditEvent).count(),
  });
  const call = (startTime: string, talkMs = 61_000) => ({
    callId: `c-${startTime}`,
    startTime,
    direction: 'outbound',
    extension: '1012',
    dialedNumber: '9 (212) 555-0100',
    talkMs,
  });

  it('creates a plan with version 1, readable by a viewer, audited', async () => {
    const created = await createPlan(hotel()).expect(201);
    expect(created.body).toMatchObject({
      name: 'Hotel A',
      kind: 'per-call',
      currency: 'USD',
      versions: [
        {
          version: 1,
          effectiveFrom: '1970-01-01T00:00:00.000Z',
          createdBy: 'Bootstrap admin (ADMIN_API_KEY)',
        },
      ],
    });
    expect(created.body.versions[0].plan).toEqual(hotel());
    const read = await http()
      .get(`/api/v1/rate-plans/${created.body.id}`)
      .set(...bearer(keys.viewer))
      .expect(200);
    expect(read.body).toEqual(created.body);
    const list = await http()
      .get('/api/v1/rate-plans')
      .set(...bearer(keys.viewer))
      .expect(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: created.body.id, name: 'Hotel A' }),
    );
    const events = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'rate-plan.create', entityId: String(created.body.id) });
    expect(events).toHaveLength(1);
  });

  it('refuses writes below admin: 403 and nothing stored', async () => {
    const before = await counts();
    await createPlan(hotel('Nope'), keys.viewer).expect(403);
    await createPlan(hotel('Nope'), keys.accountant).expect(403);
    await expect(counts()).resolves.toEqual(before);
  });

  it('refuses an invalid plan with the JSON path, and stores nothing', async () => {
    const before = await counts();
    const plan = hotel('Broken');
    (plan.rates as Record<string, Record<string, unknown>>).uk.perMinute = 1.2;
    const res = await createPlan(plan).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining('rates.uk.perMinute'),
      details: expect.arrayContaining([expect.objectContaining({ field: 'rates.uk.perMinute' })]),
    });
    await expect(counts()).resolves.toEqual(before);
  });

  it('refuses a second plan with the same name (409)', async () => {
    await createPlan(hotel('Twin')).expect(201);
    const before = await counts();
    const res = await createPlan(hotel('Twin')).expect(409);
    expect(res.body.message).toMatch(/already exists/);
    await expect(counts()).resolves.toEqual(before);
  });

  describe('versions', () => {
    let id: number;
    beforeAll(async () => {
      id = (await createPlan(hotel('Versioned')).expect(201)).body.id;
    });
    const addVersion = (body: object, key = t.adminKey) =>
      http()
        .post(`/api/v1/rate-plans/${id}/versions`)
        .set(...bearer(key))
        .send(body);

    it('adds a version that rates calls from its start; older calls keep the old price', async () => {
      const v2 = hotel('Versioned');
      (v2.rates as Record<string, Record<string, unknown>>)['long-distance'].perMinute = '0.60';
      const res = await addVersion({ effectiveFrom: '2026-06-02T00:00:00-06:00', ...v2 }).expect(
        201,
      );
      expect(res.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      expect(res.body.versions[1].effectiveFrom).toBe('2026-06-02T06:00:00.000Z');
      expect(res.body.versions[0].plan).toEqual(hotel('Versioned'));

      const quoted = await http()
        .post(`/api/v1/rate-plans/${id}/quote`)
        .set(...bearer(keys.viewer))
        .send({ records: [call('2026-06-01T23:59:59-06:00'), call('2026-06-02T00:00:00-06:00')] })
        .expect(200);
      // 66 s billed: 1.00 + 0.45 x 1.1 = 1.495 -> 1.50; then 1.00 + 0.60 x 1.1 = 1.66
      expect(
        quoted.body.results.map((r: { ratePlanVersion: number; amount: string }) => [
          r.ratePlanVersion,
          r.amount,
        ]),
      ).toEqual([
        [1, '1.50'],
        [2, '1.66'],
      ]);
    });

    it.each([
      ['another currency', { currency: 'EUR' }, 400, 'currency'],
      ['no effectiveFrom', { effectiveFrom: undefined }, 400, 'effectiveFrom'],
      [
        'effectiveFrom without offset',
        { effectiveFrom: '2026-07-01T00:00:00' },
        400,
        'effectiveFrom',
      ],
      ['an effectiveFrom already used', { effectiveFrom: '2026-06-02T06:00:00Z' }, 409, undefined],
    ])('refuses %s and stores nothing', async (_label, change, status, field) => {
      const before = await counts();
      const body: Record<string, unknown> = {
        effectiveFrom: '2026-09-01T00:00:00-06:00',
        ...hotel('Versioned'),
        ...change,
      };
      if ('effectiveFrom' in change && change.effectiveFrom === undefined)
        delete body.effectiveFrom;
      const res = await addVersion(body).expect(status);
      if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses another kind of plan as a version', async () => {
      const before = await counts();
      const summary = { ...samplePlan('porter-lane-summary'), name: 'Versioned' };
      const res = await addVersion({
        effectiveFrom: '2026-09-01T00:00:00-06:00',
        ...summary,
      }).expect(400);
      expect(res.body.details).toEqual([
        {
          field: 'kind',
          message:
            'must stay "per-call" in every version of the plan (a plan rates one kind of record)',
        },
      ]);
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses renaming a plan in a version (imports find plans by name)', async () => {
      const before = await counts();
      const res = await addVersion({
        effectiveFrom: '2026-09-01T00:00:00-06:00',
        ...hotel('Renamed'),
      }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['name']);
      await expect(counts()).resolves.toEqual(before);
    });

    it('audits a new version with the version it replaces from that instant', async () => {
      const v3 = hotel('Versioned');
      v3.gracePeriodSeconds = 20;
      const res = await addVersion({ effectiveFrom: '2026-04-01T00:00:00-06:00', ...v3 }).expect(
        201,
      );
      // Back-dated between versions 1 and 2: numbered 3, ordered by when it takes effect.
      expect(res.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 3, 2]);
      const events = await db.getRepository(AuditEvent).find({
        where: { action: 'rate-plan.add-version', entityId: String(id) },
        order: { id: 'DESC' },
      });
      const event = events[0];
      expect(event.actorName).toBe('Bootstrap admin (ADMIN_API_KEY)');
      expect(JSON.parse(event.oldJson!)).toMatchObject({
        version: 1,
        plan: { gracePeriodSeconds: 30 },
      });
      expect(JSON.parse(event.newJson!)).toMatchObject({
        version: 3,
        effectiveFrom: '2026-04-01T06:00:00.000Z',
        plan: { gracePeriodSeconds: 20 },
      });
    });

    it('needs admin', async () => {
      await addVersion(
        { effectiveFrom: '2026-09-01T00:00:00-06:00', ...hotel('Versioned') },
        keys.viewer,
      ).expect(403);
    });

    it('404 for an unknown plan', async () => {
      await http()
        .post('/api/v1/rate-plans/99999/versions')
        .set(...bearer(t.adminKey))
        .send({})
        .expect(404);
      await http()
        .get('/api/v1/rate-plans/99999')
        .set(...bearer(t.adminKey))
        .expect(404);
    });
  });

  describe('a CSV rate table', () => {
    let id: number;
    beforeAll(async () => {
      id = (await createPlan(hotel('Carrier rates')).expect(201)).body.id;
    });
    const HEADER =
      'prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge';
    const importTable = (body: object, key = t.adminKey) =>
      http()
        .post(`/api/v1/rate-plans/${id}/rate-table`)
        .set(...bearer(key))
        .send(body);

    it("adds a version with the table's destinations and rates; a class keeps its time bands", async () => {
      const csv = `${HEADER}\n1,long-distance,1.00,0.50,60,6,,\n44,uk,2.00,1.20,60,60,3.00,\n`;
      const res = await importTable({ csv, effectiveFrom: '2026-08-01T00:00:00-06:00' }).expect(
        201,
      );
      expect(res.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      const plan = res.body.versions[1].plan;
      expect(plan.destinations).toEqual([
        { prefix: '1', class: 'long-distance' },
        { prefix: '44', class: 'uk' },
      ]);
      expect(plan.rates['long-distance']).toMatchObject({
        perMinute: '0.50',
        timeBands: [{ days: ['sat', 'sun'], from: '00:00', to: '24:00', perMinute: '0.30' }],
      });
    });

    it('refuses a table naming each bad line, and stores nothing', async () => {
      const before = await counts();
      const csv = `${HEADER}\n1,long-distance,1.00,-0.50,60,6,,\n44,uk,2.00,1.20,sixty,60,3.00,\n33,fr,2.00,2.50,60,60,,\n33,fr2,1,1,,,,\n`;
      const res = await importTable({ csv }).expect(400);
      expect(res.body.details).toEqual([
        { field: 'line 2', message: 'perMinute must not be negative' },
        { field: 'line 3', message: 'firstIncrementSeconds must be a whole number of seconds' },
        { field: 'line 5', message: 'prefix "33" is already on line 4' },
      ]);
      await expect(counts()).resolves.toEqual(before);
    });

    it('needs admin; csv is required', async () => {
      await importTable({ csv: `${HEADER}\n1,x,1,1,,,,\n` }, keys.accountant).expect(403);
      const res = await importTable({}).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('csv');
    });
  });

  describe('quote', () => {
    let id: number;
    beforeAll(async () => {
      id = (await createPlan(hotel('Quoted')).expect(201)).body.id;
    });
    const quote = (body: unknown, key = keys.viewer) =>
      http()
        .post(`/api/v1/rate-plans/${id}/quote`)
        .set(...bearer(key))
        .send(body as object);

    it('answers one result per record, in order, and stores nothing', async () => {
      const before = await counts();
      const ledger = await db.query(
        `SELECT (SELECT count(*) FROM line_items) AS items, (SELECT count(*) FROM call_records) AS calls`,
      );
      const records = [
        call('2026-03-10T14:05:00-06:00'),
        { ...call('2026-03-10T14:06:00-06:00'), direction: 'inbound' },
        { ...call('2026-03-10T14:07:00-06:00'), direction: 'internal' },
        { ...call('2026-03-10T14:08:00-06:00'), extension: '100' },
        { ...call('2026-03-10T14:09:00-06:00'), talkMs: 0 },
      ];
      const res = await quote({ records }).expect(200);
      expect(
        res.body.results.map((r: { callId: string; status: string; reason: string | null }) => [
          r.callId,
          r.status,
          r.reason,
        ]),
      ).toEqual([
        [records[0].callId, 'pending', null],
        [records[1].callId, 'not-billable', 'inbound'],
        [records[2].callId, 'not-billable', 'internal'],
        [records[3].callId, 'not-billable', 'not-a-billing-extension'],
        [records[4].callId, 'no-charge', 'unanswered'],
      ]);
      expect(res.body.results[0]).toMatchObject({
        startTime: '2026-03-10T14:05:00.000-06:00',
        extension: '1012',
        dialedNumber: '9 (212) 555-0100',
        normalizedNumber: '12125550100',
        destinationPrefix: '1',
        destinationClass: 'long-distance',
        talkSeconds: 61,
        billedSeconds: 66,
        ratePlanId: id,
        ratePlanVersion: 1,
      });
      await expect(counts()).resolves.toEqual(before);
      await expect(
        db.query(
          `SELECT (SELECT count(*) FROM line_items) AS items, (SELECT count(*) FROM call_records) AS calls`,
        ),
      ).resolves.toEqual(ledger);
    });

    it('accepts epoch milliseconds as a start time', async () => {
      const res = await quote({
        records: [{ ...call('x'), startTime: Date.parse('2026-03-10T14:05:00-06:00') }],
      }).expect(200);
      expect(res.body.results[0]).toMatchObject({
        amount: '1.50',
        startTime: '2026-03-10T14:05:00.000-06:00',
      });
    });

    it.each([
      ['no records', {}, 'records'],
      ['an empty list', { records: [] }, 'records'],
      [
        'a float talkMs',
        { records: [{ ...call('2026-03-10T14:05:00-06:00'), talkMs: 1.5 }] },
        'records.0.talkMs',
      ],
      [
        'a negative talkMs',
        { records: [{ ...call('2026-03-10T14:05:00-06:00'), talkMs: -1 }] },
        'records.0.talkMs',
      ],
      [
        'a start time without offset',
        { records: [call('2026-03-10T14:05:00')] },
        'records.0.startTime',
      ],
      [
        'an unknown direction',
        { records: [{ ...call('2026-03-10T14:05:00-06:00'), direction: 'sideways' }] },
        'records.0.direction',
      ],
      [
        'an unknown field',
        { records: [{ ...call('2026-03-10T14:05:00-06:00'), cost: '1.00' }] },
        'records.0.cost',
      ],
      [
        'an unknown top-level field',
        { records: [call('2026-03-10T14:05:00-06:00')], dryRun: true },
        'dryRun',
      ],
      [
        'a second record bad',
        { records: [call('2026-03-10T14:05:00-06:00'), { ...call('x'), startTime: 'yesterday' }] },
        'records.1.startTime',
      ],
    ])('refuses %s: 400 naming %s', async (_label, body, field) => {
      const res = await quote(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses a record before the first version', async () => {
      const dated = await createPlan({
        effectiveFrom: '2026-01-01T00:00:00-07:00',
        ...hotel('Dated'),
      }).expect(201);
      const res = await http()
        .post(`/api/v1/rate-plans/${dated.body.id}/quote`)
        .set(...bearer(keys.viewer))
        .send({ records: [call('2025-12-31T23:59:59-07:00')] })
        .expect(400);
      expect(res.body.details).toEqual([
        {
          field: 'records.0.startTime',
          message: "is before the plan's first version (in force from 2026-01-01T07:00:00.000Z)",
        },
      ]);
    });

    it('404 for an unknown plan; 401 without a key', async () => {
      await http()
        .post('/api/v1/rate-plans/99999/quote')
        .set(...bearer(keys.viewer))
        .send({ records: [call('2026-03-10T14:05:00-06:00')] })
        .expect(404);
      await http().post(`/api/v1/rate-plans/${id}/quote`).send({ records: [] }).expect(401);
    });
  });
});
