import { hotel, lawFirmSummary } from './fixtures/plans';
import { validateRatePlanVersion } from './validate-rate-plan-version';

const FORMAT =
  'must be an ISO-8601 date and time with an offset or Z (e.g. 2026-12-01T00:00:00-07:00)';

describe('validateRatePlanVersion', () => {
  it.each([
    ['2026-12-01T00:00:00-07:00', Date.UTC(2026, 11, 1, 7)],
    ['2026-12-01T07:00:00Z', Date.UTC(2026, 11, 1, 7)],
    ['2026-12-01T07:00Z', Date.UTC(2026, 11, 1, 7)],
    ['2026-12-01T12:30:00.250+05:30', Date.UTC(2026, 11, 1, 7, 0, 0, 250)],
    ['2028-02-29T00:00:00+00:00', Date.UTC(2028, 1, 29)],
  ])('takes effect from %s', (effectiveFrom, effectiveFromMs) => {
    expect(validateRatePlanVersion({ effectiveFrom, ...hotel })).toEqual({
      ok: true,
      effectiveFromMs,
      plan: hotel,
    });
  });

  it('returns the plan without effectiveFrom, field for field', () => {
    const result = validateRatePlanVersion({
      ...lawFirmSummary,
      effectiveFrom: '2026-01-01T00:00:00Z',
    });

    expect(result.ok && JSON.stringify(result.plan)).toBe(JSON.stringify(lawFirmSummary));
  });

  it.each<[string, unknown, string]>([
    ['missing', undefined, 'is required'],
    ['without an offset', '2026-12-01T00:00:00', FORMAT],
    ['a date only', '2026-12-01', FORMAT],
    ['epoch milliseconds', 1796108400000, FORMAT],
    ['a lower-case z', '2026-12-01T00:00:00z', FORMAT],
    ['a space for T', '2026-12-01 00:00:00Z', FORMAT],
    ['hour 24', '2026-12-01T24:00:00Z', FORMAT],
    ['an offset without colon', '2026-12-01T00:00:00-0700', FORMAT],
    ['an offset of 15 hours', '2026-12-01T00:00:00+15:00', FORMAT],
    ['a leap second', '2026-12-31T23:59:60Z', FORMAT],
    ['30 February', '2026-02-30T00:00:00Z', 'is not a real date and time'],
    ['29 February of a common year', '2027-02-29T00:00:00Z', 'is not a real date and time'],
    ['month 13', '2026-13-01T00:00:00Z', 'is not a real date and time'],
  ])('refuses effectiveFrom %s', (_, effectiveFrom, message) => {
    expect(validateRatePlanVersion({ effectiveFrom, ...hotel })).toEqual({
      ok: false,
      errors: [{ field: 'effectiveFrom', message }],
    });
  });

  it('reports the plan and effectiveFrom together, in the order of the document', () => {
    expect(
      validateRatePlanVersion({ ...hotel, effectiveFrom: 'tomorrow', kind: 'weekly', rates: [] }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'kind', message: 'must be one of per-call, account-summary' },
        { field: 'effectiveFrom', message: FORMAT },
      ],
    });
    expect(validateRatePlanVersion({ effectiveFrom: 'tomorrow', ...hotel, rates: [] })).toEqual({
      ok: false,
      errors: [
        { field: 'effectiveFrom', message: FORMAT },
        { field: 'rates', message: 'must be an object' },
      ],
    });
  });

  it.each([null, [], 'plan', 1])('refuses %j as the body', (body) => {
    expect(validateRatePlanVersion(body)).toEqual({
      ok: false,
      errors: [{ field: '', message: 'must be a JSON object' }],
    });
  });
});
