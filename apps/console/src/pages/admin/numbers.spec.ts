/// <reference types="jest" />
// The admin pages' display rules, on their own (the API client needs a page's origin).
import type * as Numbers from './numbers';

let numbers: typeof Numbers;
let ApiError: typeof import('../../api/client').ApiError;

beforeAll(async () => {
  Object.assign(globalThis, { window: { location: { origin: 'http://console.test' } } });
  numbers = await import('./numbers');
  ({ ApiError } = await import('../../api/client'));
});

describe('fieldErrors', () => {
  it('names each refused field once, by the first segment of its path, first message kept', () => {
    const error = new ApiError(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request',
      details: [
        { field: 'historicDataKey', message: 'historicDataKey must be 1-64 letters' },
        { field: 'columns.talkMs', message: 'columns must map fields to titles' },
        { field: 'historicDataKey', message: 'a second complaint' },
        { field: '', message: 'no field named' },
      ],
    });
    expect(numbers.fieldErrors(error)).toEqual({
      historicDataKey: 'historicDataKey must be 1-64 letters',
      columns: 'columns must map fields to titles',
    });
  });

  it('has nothing for a refusal that is not a 400, or for another error', () => {
    const conflict = new ApiError(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'Source 2 has the name',
      details: [{ field: 'name', message: 'taken' }],
    });
    expect(numbers.fieldErrors(conflict)).toEqual({});
    expect(numbers.fieldErrors(new Error('network'))).toEqual({});
    expect(numbers.fieldErrors(undefined)).toEqual({});
  });
});

describe('runs and lags', () => {
  it('measures a finished run in whole seconds, and a running one as null', () => {
    const startedAt = '2026-03-02T07:00:00.000Z';
    expect(numbers.runSeconds({ startedAt, finishedAt: '2026-03-02T07:01:04.600Z' })).toBe(65);
    expect(numbers.runSeconds({ startedAt, finishedAt: null })).toBeNull();
  });

  it('says a lag as a duration up to two days, then in whole days', () => {
    expect(numbers.lagText(42)).toBe('42 s');
    expect(numbers.lagText(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
    expect(numbers.lagText(47 * 3600)).toBe('47 h');
    expect(numbers.lagText(2 * 86_400 + 7200)).toBe('2 days');
  });
});

describe('zones and days', () => {
  it('names a zone with its abbreviation at that instant, UTC once', () => {
    expect(numbers.zoneLabel('America/Denver', new Date('2026-01-15T12:00:00Z'))).toBe(
      'America/Denver (MST)',
    );
    expect(numbers.zoneLabel('America/Denver', new Date('2026-07-15T12:00:00Z'))).toBe(
      'America/Denver (MDT)',
    );
    expect(numbers.zoneLabel('UTC')).toBe('UTC');
  });

  it('gives the day in the zone, not in UTC: 03:00 UTC is still yesterday in Denver', () => {
    const now = Date.parse('2026-03-02T03:00:00Z');
    expect(numbers.dayIn('America/Denver', 0, now)).toBe('2026-03-01');
    expect(numbers.dayIn('UTC', 0, now)).toBe('2026-03-02');
    expect(numbers.dayIn('America/Denver', -1, now)).toBe('2026-02-28');
  });
});
