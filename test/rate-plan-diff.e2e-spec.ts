import request from 'supertest';
import { PLAN_CHANGE_KINDS, PLAN_DIFF_SECTIONS } from '@app/rating';
import { TestApp, bearer, createTestApp } from './support/test-app';
import { samplePlan } from './support/fixtures';
import { API_DOCUMENT_PATH } from '../apps/billing/src/http/configure-app';

interface Plan {
  destinations: { prefix: string; class: string }[];
  rates: Record<string, Record<string, unknown>>;
  [field: string]: unknown;
}

describe('GET /api/v1/rate-plans/:id/versions/:a/diff/:b (e2e)', () => {
  let t: TestApp;
  let viewerKey: string;
  let planId: number;

  const http = () => request(t.app.getHttpServer());
  const diff = (path: string, key = viewerKey) =>
    http()
      .get(`/api/v1/rate-plans/${path}`)
      .set(...bearer(key));

  beforeAll(async () => {
    t = await createTestApp();
    const viewer = await http()
      .post('/api/v1/api-keys')
      .set(...bearer(t.adminKey))
      .send({ name: 'Night auditor', role: 'viewer' })
      .expect(201);
    viewerKey = viewer.body.key;

    const first = samplePlan<Plan>('grand-hotel');
    const created = await http()
      .post('/api/v1/rate-plans')
      .set(...bearer(t.adminKey))
      .send(first)
      .expect(201);
    planId = created.body.id;

    // Version 2: Denver's third area code in the middle of the table, the table listed
    // backwards, long distance dearer, the grace period gone.
    const second = samplePlan<Plan>('grand-hotel');
    second.destinations.splice(6, 0, { prefix: '1983', class: 'local' });
    second.destinations.reverse();
    second.rates['long-distance'].perMinute = '0.50';
    delete second.gracePeriodSeconds;
    await http()
      .post(`/api/v1/rate-plans/${planId}/versions`)
      .set(...bearer(t.adminKey))
      .send({ effectiveFrom: '2027-01-01T00:00:00-07:00', ...second })
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  const version = (number: number, effectiveFrom: string) => ({
    version: number,
    effectiveFrom,
    createdAt: expect.any(String),
    createdBy: 'Bootstrap admin (ADMIN_API_KEY)',
  });

  it('answers what changed from one version to the next, rows matched by what identifies them', async () => {
    const res = await diff(`${planId}/versions/1/diff/2`).expect(200);
    expect(res.body).toEqual({
      planId,
      from: version(1, '1970-01-01T00:00:00.000Z'),
      to: version(2, '2027-01-01T07:00:00.000Z'),
      changes: [
        { section: 'settings', kind: 'removed', key: 'gracePeriodSeconds', before: 30 },
        {
          section: 'destinations',
          kind: 'added',
          key: '1983',
          after: { prefix: '1983', class: 'local' },
        },
        {
          section: 'rates',
          kind: 'changed',
          key: 'long-distance',
          field: 'perMinute',
          before: '0.45',
          after: '0.50',
        },
      ],
      summary: { added: 1, removed: 1, changed: 1 },
    });
  });

  it('reads the other way round too, and the same version twice is no change', async () => {
    const back = await diff(`${planId}/versions/2/diff/1`).expect(200);
    expect(back.body.from.version).toBe(2);
    expect(back.body.to.version).toBe(1);
    expect(back.body.changes).toEqual([
      { section: 'settings', kind: 'added', key: 'gracePeriodSeconds', after: 30 },
      {
        section: 'destinations',
        kind: 'removed',
        key: '1983',
        before: { prefix: '1983', class: 'local' },
      },
      {
        section: 'rates',
        kind: 'changed',
        key: 'long-distance',
        field: 'perMinute',
        before: '0.50',
        after: '0.45',
      },
    ]);
    const same = await diff(`${planId}/versions/2/diff/2`).expect(200);
    expect(same.body).toMatchObject({
      changes: [],
      summary: { added: 0, removed: 0, changed: 0 },
    });
  });

  it('answers 404 naming the plan or the versions it does not have', async () => {
    const noPlan = await diff('9999/versions/1/diff/2').expect(404);
    expect(noPlan.body.message).toBe('Rate plan 9999 does not exist');
    const one = await diff(`${planId}/versions/1/diff/7`).expect(404);
    expect(one.body.message).toBe(`Rate plan ${planId} has no version 7 (its versions: 1, 2)`);
    const both = await diff(`${planId}/versions/9/diff/7`).expect(404);
    expect(both.body.message).toBe(
      `Rate plan ${planId} has no version 9 or 7 (its versions: 1, 2)`,
    );
  });

  it('answers 400 naming a version that is not a number, and 401 without a key', async () => {
    const bad = await diff(`${planId}/versions/0/diff/v2`).expect(400);
    expect(bad.body.details).toEqual([
      { field: 'a', message: 'a must be a version number (1, 2, …)' },
      { field: 'b', message: 'b must be a version number (1, 2, …)' },
    ]);
    await http().get(`/api/v1/rate-plans/${planId}/versions/1/diff/2`).expect(401);
  });

  it('is described exactly in the OpenAPI document, for the console’s typed client', async () => {
    const doc = (await http().get(API_DOCUMENT_PATH).expect(200)).body;
    const op = doc.paths['/api/v1/rate-plans/{id}/versions/{a}/diff/{b}'].get;
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:id', 'path:a', 'path:b']),
    );
    expect(op.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/RatePlanVersionDiffView',
    });
    const schemas = doc.components.schemas;
    const view = schemas.RatePlanVersionDiffView;
    expect(Object.keys(view.properties)).toEqual(['planId', 'from', 'to', 'changes', 'summary']);
    expect(view.required).toEqual(['planId', 'from', 'to', 'changes', 'summary']);
    expect(view.properties.from.allOf ?? [view.properties.from]).toEqual([
      expect.objectContaining({ $ref: '#/components/schemas/RatePlanVersionSummaryView' }),
    ]);
    expect(view.properties.changes).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/PlanChangeView' },
    });
    const change = schemas.PlanChangeView;
    expect(Object.keys(change.properties)).toEqual([
      'section',
      'kind',
      'key',
      'field',
      'before',
      'after',
    ]);
    expect(change.required).toEqual(['section', 'kind', 'key']);
    expect(schemas.PlanDiffSection.enum).toEqual([...PLAN_DIFF_SECTIONS]);
    expect(schemas.PlanChangeKind.enum).toEqual([...PLAN_CHANGE_KINDS]);
    expect(change.properties.before.oneOf).toHaveLength(5);
    expect(Object.keys(schemas.PlanDiffSummaryView.properties)).toEqual([
      'added',
      'removed',
      'changed',
    ]);
    expect(Object.keys(schemas.RatePlanVersionSummaryView.properties)).toEqual([
      'version',
      'effectiveFrom',
      'createdAt',
      'createdBy',
    ]);
  });
});
