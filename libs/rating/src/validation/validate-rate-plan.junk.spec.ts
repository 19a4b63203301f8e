import fc from 'fast-check';
import { hotel, lawFirmSummary } from './fixtures/plans';
import { validateRatePlan } from './validate-rate-plan';
import { validateRatePlanVersion } from './validate-rate-plan-version';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function expectRefused(result: ReturnType<typeof validateRatePlan>): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.field).toBe('string');
    expect(error.message).toMatch(/^\S/);
  }
}

describe('validateRatePlan: junk never throws, and never pollutes', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses __proto__ from JSON at any depth without touching Object.prototype', () => {
    const plan = JSON.parse(
      JSON.stringify(hotel).replace(
        '"uk":{',
        '"uk":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
      ),
    ) as unknown;
    const top = JSON.parse(
      `{"__proto__":{"polluted":true},${JSON.stringify(hotel).slice(1)}`,
    ) as unknown;

    expect(validateRatePlan(plan)).toEqual({
      ok: false,
      errors: [
        { field: 'rates.uk.__proto__', message: 'is not a known field' },
        { field: 'rates.uk.constructor', message: 'is not a known field' },
      ],
    });
    expect(validateRatePlan(top)).toEqual({
      ok: false,
      errors: [{ field: '__proto__', message: 'is not a known field' }],
    });
  });

  it('refuses a class called __proto__', () => {
    const plan = JSON.parse(
      JSON.stringify(hotel).replace('"rates":{', '"rates":{"__proto__":{"polluted":true},'),
    ) as unknown;

    expect(validateRatePlan(plan)).toEqual({
      ok: false,
      errors: [{ field: 'rates.__proto__', message: 'is a reserved name' }],
    });
  });

  it('names garbage nested too deeply, wherever it is', () => {
    const plan = structuredClone(hotel);
    plan.rates.uk.timeBands = nested(100_000);

    expect(validateRatePlan(plan)).toEqual({
      ok: false,
      errors: [
        {
          field: `rates.uk.timeBands${'.0'.repeat(29)}`,
          message: 'is nested too deeply',
        },
      ],
    });
  });

  it('refuses values JSON cannot hold, by their path', () => {
    const cyclic: Record<string, unknown> = { ...structuredClone(hotel) };
    (cyclic.rates as Record<string, unknown>).self = cyclic;

    expect(
      validateRatePlan({
        ...hotel,
        name: NaN,
        gracePeriodSeconds: Infinity,
        dialPlan: new Map(),
        taxes: [undefined, () => 1, 1n, Symbol('tax'), new Date(0)],
        ledes: undefined,
      }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'must be a JSON value' },
        { field: 'dialPlan', message: 'must be a JSON value' },
        { field: 'gracePeriodSeconds', message: 'must be a JSON value' },
        { field: 'taxes.0', message: 'must be a JSON value' },
        { field: 'taxes.1', message: 'must be a JSON value' },
        { field: 'taxes.2', message: 'must be a JSON value' },
        { field: 'taxes.3', message: 'must be a JSON value' },
        { field: 'taxes.4', message: 'must be a JSON value' },
      ],
    });
    expect(validateRatePlan(cyclic)).toEqual({
      ok: false,
      errors: [{ field: 'rates.self', message: 'refers to itself' }],
    });
  });

  it('refuses an input that cannot be read', () => {
    const hostile = {
      ...hotel,
      get rates(): never {
        throw new Error('boom');
      },
    };
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );

    expect(validateRatePlan(hostile)).toEqual({
      ok: false,
      errors: [{ field: '', message: 'could not be read' }],
    });
    expect(validateRatePlan(proxy).ok).toBe(false);
  });

  it('refuses a class instance as the document', () => {
    class Plan {
      name = 'x';
    }
    expect(validateRatePlan(new Plan())).toEqual({
      ok: false,
      errors: [{ field: '', message: 'must be a JSON object' }],
    });
  });

  it('answers, never throws, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        (value) => {
          expect(() => validateRatePlan(value)).not.toThrow();
          expect(() => validateRatePlanVersion(value)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers for any JSON put anywhere in a valid plan', () => {
    const paths = (value: unknown, path: string[] = []): string[][] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, child]) => [
            [...path, key],
            ...paths(child, [...path, key]),
          ])
        : [];
    const places = [...paths(hotel), ...paths(lawFirmSummary)];

    fc.assert(
      fc.property(
        fc.constantFrom(hotel, lawFirmSummary),
        fc.nat(),
        fc.oneof(fc.jsonValue(), fc.constantFrom('__proto__', 'constructor', 'toString')),
        fc.boolean(),
        (base, pick, junk, asKey) => {
          const plan = structuredClone(base) as Record<string, unknown>;
          const path = places[pick % places.length];
          let node = plan;
          for (const key of path.slice(0, -1))
            node = (node?.[key] ?? {}) as Record<string, unknown>;
          if (typeof node !== 'object' || node === null) return;
          if (asKey && typeof junk === 'string') node[junk] = 1;
          else node[path[path.length - 1]] = junk;
          const result = validateRatePlan(JSON.parse(JSON.stringify(plan)));
          if (!result.ok) expectRefused(result);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
