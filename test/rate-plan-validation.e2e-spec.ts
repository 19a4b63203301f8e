import request from 'supertest';
import { DataSource } from 'typeorm';
import { INVALID_PLAN_CASES } from '../libs/rating/src/validation/fixtures/invalid-plans';
import { TestApp, bearer, createTestApp } from './support/test-app';

/** Whether JSON carries the value unchanged (no undefined, NaN, functions, cycles, getters). */
function isJsonSafe(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) {
    return Object.keys(value).length === value.length && value.every((v) => isJsonSafe(v, seen));
  }
  const descriptors = Object.values(Object.getOwnPropertyDescriptors(value));
  return descriptors.every((d) => 'value' in d && d.enumerable && isJsonSafe(d.value, seen));
}

/** Cases built from values JSON cannot express are the unit spec's alone. */
const overHttp = INVALID_PLAN_CASES.filter(
  ([, input]) =>
    typeof input === 'object' && input !== null && !Array.isArray(input) && isJsonSafe(input),
);

/** Every validation rule through the API: the exact errors, and nothing stored. */
describe('rate plan validation over the API (e2e)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  const ledgerCounts = () =>
    db.query(`SELECT (SELECT count(*) FROM rate_plans) AS plans,
                     (SELECT count(*) FROM rate_plan_versions) AS versions,
                     (SELECT count(*) FROM audit_events) AS events`);

  it('covers most rules over HTTP', () => {
    expect(overHttp.length).toBeGreaterThan(INVALID_PLAN_CASES.length * 0.8);
  });

  it.each(overHttp)(
    '%s: 400 with the exact errors, nothing stored',
    async (_rule, input, errors) => {
      const before = await ledgerCounts();
      const res = await request(t.app.getHttpServer())
        .post('/api/v1/rate-plans')
        .set(...bearer(t.adminKey))
        .send(input as object)
        .expect(400);
      expect(res.body.details).toEqual(errors);
      expect(res.body.message).toMatch(/^Invalid rate plan: /);
      await expect(ledgerCounts()).resolves.toEqual(before);
    },
  );
});
