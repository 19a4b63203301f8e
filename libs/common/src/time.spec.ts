import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DomainError } from './domain-error';
import {
  dateOrInstantProblem,
  instantOrLocalDate,
  isPlainDate,
  localDate,
  localIsoTime,
} from './time';

const HOUR_MS = 3_600_000;
const FORMS = 'a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)';

/** The 400 `instantOrLocalDate` throws, as the API answers it. */
function refusal(text: string, field: string, zone = 'UTC') {
  try {
    instantOrLocalDate(text, field, zone);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { status, message, details } = error as DomainError;
    return { status, message, details };
  }
  throw new Error(`${text} was accepted`);
}

describe('instantOrLocalDate', () => {
  it.each([
    ['2026-03-02T00:00:00-07:00', '2026-03-02T07:00:00.000Z'],
    ['2026-03-02T07:00:00Z', '2026-03-02T07:00:00.000Z'],
    ['2026-03-02T07:00:00+00:00', '2026-03-02T07:00:00.000Z'],
    ['2026-03-02T12:30:00+05:30', '2026-03-02T07:00:00.000Z'],
    ['2026-03-02T07:00Z', '2026-03-02T07:00:00.000Z'],
    ['2026-03-02T07:00:00.25Z', '2026-03-02T07:00:00.250Z'],
    ['2026-03-02T07:00:00.123456789Z', '2026-03-02T07:00:00.123Z'],
    ['2026-03-02t07:00:00z', '2026-03-02T07:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads the instant %s whatever the zone (%s)', (text, iso) => {
    for (const zone of ['UTC', 'America/Denver', 'Asia/Tokyo']) {
      expect(new Date(instantOrLocalDate(text, 'from', zone)).toISOString()).toBe(iso);
    }
  });

  it.each([
    ['2026-03-02', 'America/Denver', '2026-03-02T07:00:00.000Z'],
    ['2026-03-02', 'UTC', '2026-03-02T00:00:00.000Z'],
    ['2026-03-02', 'Asia/Tokyo', '2026-03-01T15:00:00.000Z'],
    ['2026-07-01', 'Europe/London', '2026-06-30T23:00:00.000Z'],
    ['2026-11-30', 'America/Denver', '2026-11-30T07:00:00.000Z'],
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', 'UTC', '2000-02-29T00:00:00.000Z'],
  ])('reads the plain date %s in %s as the midnight that starts it (%s)', (text, zone, iso) => {
    expect(new Date(instantOrLocalDate(text, 'from', zone)).toISOString()).toBe(iso);
  });

  it('reads the days DST changes in America/Denver: 2026-03-08 is 23 hours, 2026-11-01 is 25', () => {
    const day = (text: string) => instantOrLocalDate(text, 'from', 'America/Denver');
    expect(new Date(day('2026-03-08')).toISOString()).toBe('2026-03-08T07:00:00.000Z'); // MST
    expect(new Date(day('2026-03-09')).toISOString()).toBe('2026-03-09T06:00:00.000Z'); // MDT
    expect(day('2026-03-09') - day('2026-03-08')).toBe(23 * HOUR_MS);
    expect(new Date(day('2026-11-01')).toISOString()).toBe('2026-11-01T06:00:00.000Z'); // MDT
    expect(new Date(day('2026-11-02')).toISOString()).toBe('2026-11-02T07:00:00.000Z'); // MST
    expect(day('2026-11-02') - day('2026-11-01')).toBe(25 * HOUR_MS);
  });

  it('begins a day whose midnight the clocks skip where the gap ends (Sao Paulo 2018, Havana each March)', () => {
    // 2018-11-04 00:00 -03:00 became 01:00 -02:00: the day begins at 01:00 local, 03:00 UTC.
    const saoPaulo = instantOrLocalDate('2018-11-04', 'from', 'America/Sao_Paulo');
    expect(new Date(saoPaulo).toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(localIsoTime(saoPaulo, 'America/Sao_Paulo')).toBe('2018-11-04T01:00:00.000-02:00');
    expect(saoPaulo - instantOrLocalDate('2018-11-03', 'from', 'America/Sao_Paulo')).toBe(
      24 * HOUR_MS,
    );
    expect(instantOrLocalDate('2018-11-05', 'from', 'America/Sao_Paulo') - saoPaulo).toBe(
      23 * HOUR_MS,
    );
    const havana = instantOrLocalDate('2026-03-08', 'from', 'America/Havana');
    expect(localIsoTime(havana, 'America/Havana')).toBe('2026-03-08T01:00:00.000-04:00');
  });

  it('begins a day whose midnight the clocks repeat at the first one (Havana each November)', () => {
    // 2025-11-02 01:00 -04:00 went back to 00:00 -05:00: midnight came twice.
    const havana = instantOrLocalDate('2025-11-02', 'from', 'America/Havana');
    expect(localIsoTime(havana, 'America/Havana')).toBe('2025-11-02T00:00:00.000-04:00');
    expect(localIsoTime(havana - 1, 'America/Havana')).toBe('2025-11-01T23:59:59.999-04:00');
  });

  it('gives the first instant of the day, in any zone, on any day (a property)', () => {
    const zones = [
      'America/Denver',
      'America/Sao_Paulo',
      'America/Havana',
      'America/Santiago',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Europe/London',
      'Pacific/Apia',
      'Pacific/Chatham',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2040, 0, 1) }),
        (zone, someMs) => {
          const date = new Date(someMs).toISOString().slice(0, 10);
          const ms = instantOrLocalDate(date, 'from', zone);
          const localDate = (at: number) => DateTime.fromMillis(at, { zone }).toISODate()!;
          // On or after the day (after it only for a day the zone skipped: Apia's 2011-12-30)...
          expect(localDate(ms) >= date).toBe(true);
          // ...and the instant before is on an earlier day.
          expect(localDate(ms - 1) < date).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['2026-02-30', 'from 2026-02-30 is not a day of the calendar: send ' + FORMS],
    ['2025-02-29', 'from 2025-02-29 is not a day of the calendar: send ' + FORMS],
    ['2026-13-01', 'from 2026-13-01 is not a day of the calendar: send ' + FORMS],
    ['2026-04-00', 'from 2026-04-00 is not a day of the calendar: send ' + FORMS],
    [
      '2026-02-30T00:00:00Z',
      'from 2026-02-30T00:00:00Z is not a date and time of the calendar: send ' + FORMS,
    ],
    [
      '2026-03-01T24:00:00Z',
      'from 2026-03-01T24:00:00Z is not a date and time of the calendar: send ' + FORMS,
    ],
    [
      '2026-03-01T10:00:00+24:00',
      'from 2026-03-01T10:00:00+24:00 is not a date and time of the calendar: send ' + FORMS,
    ],
    [
      '2026-03-01T10:00:00',
      'from has no offset (Z or ±hh:mm), so it names no instant: send ' + FORMS,
    ],
    ['2026-03-01 10:00', 'from has no offset (Z or ±hh:mm), so it names no instant: send ' + FORMS],
    [
      '2026-03-01T10:00:00 07:00',
      "from has a space before its offset (in a URL, write the offset's + as %2B): send " + FORMS,
    ],
    ['2026-03-01T10:00:00+0700', 'from must be ' + FORMS],
    ['2026-W10-1T08:00:00Z', 'from must be ' + FORMS],
    ['2026-3-1', 'from must be ' + FORMS],
    ['20260301', 'from must be ' + FORMS],
    ['yesterday', 'from must be ' + FORMS],
    ['', 'from must be ' + FORMS],
    [' 2026-03-01', 'from must be ' + FORMS],
  ])('refuses %j: 400 naming the field and both forms', (text, message) => {
    expect(refusal(text, 'from')).toEqual({
      status: 400,
      message: `Invalid request: from: ${message}`,
      details: [{ field: 'from', message }],
    });
  });

  it('names the field it reads', () => {
    expect(refusal('2026-02-30', 'periodEnd').details).toEqual([
      {
        field: 'periodEnd',
        message: `periodEnd 2026-02-30 is not a day of the calendar: send ${FORMS}`,
      },
    ]);
  });
});

describe('dateOrInstantProblem (validators)', () => {
  it('accepts both forms and says what is wrong with anything else', () => {
    expect(dateOrInstantProblem('2026-03-02', 'to')).toBeNull();
    expect(dateOrInstantProblem('2026-03-02T00:00:00-07:00', 'to')).toBeNull();
    expect(dateOrInstantProblem('2026-02-30', 'to')).toBe(
      `to 2026-02-30 is not a day of the calendar: send ${FORMS}`,
    );
    expect(dateOrInstantProblem(20260302, 'to')).toBe(`to must be ${FORMS}`);
    expect(dateOrInstantProblem(null, 'to')).toBe(`to must be ${FORMS}`);
  });

  it('tells plain dates from instants', () => {
    expect(isPlainDate('2026-03-02')).toBe(true);
    expect(isPlainDate('2026-03-02T00:00:00Z')).toBe(false);
    expect(isPlainDate(undefined)).toBe(false);
  });
});

describe('localIsoTime', () => {
  it('writes an instant on the wall clock of a zone, with its offset, as the exports do', () => {
    const ms = Date.parse('2026-03-02T07:00:00Z');
    expect(localIsoTime(ms, 'America/Denver')).toBe('2026-03-02T00:00:00.000-07:00');
    expect(localIsoTime(ms, 'UTC')).toBe('2026-03-02T07:00:00.000Z');
    expect(localIsoTime(Date.parse('2026-03-08T09:00:00Z'), 'America/Denver')).toBe(
      '2026-03-08T03:00:00.000-06:00',
    );
  });
});

describe('localDate', () => {
  it("is the date on the zone's wall clock, as luxon reads it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom('America/Denver', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'),
        (ms, zone) => {
          expect(localDate(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISODate());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('puts 23:30 in Denver on its own day, though UTC has moved on', () => {
    expect(localDate(Date.parse('2026-03-02T23:30:00-07:00'), 'America/Denver')).toBe('2026-03-02');
    expect(localDate(Date.parse('2026-03-02T23:30:00-07:00'), 'UTC')).toBe('2026-03-03');
  });
});
