import type { TimeBand } from '../plan/rate-plan';
import { compilePlan } from './compile-plan';
import { ANY_NUMBER, flatPlan } from './fixtures/plans';
import { at, call } from './fixtures/records';
import { rateCall } from './rate-call';
import { ZoneClock } from './zone-clock';

/** 1.00/min outside the bands, each band its own price; 60 s calls, so amount = the rate. */
function bandPlan(timeBands: TimeBand[], timezone = 'America/Denver') {
  return compilePlan(flatPlan({ perMinute: '1.00', connectFee: '0.10', timeBands }, { timezone }));
}

const ALL_DAYS: TimeBand['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const nightBand = (from: string, to: string): TimeBand => ({
  days: ALL_DAYS,
  from,
  to,
  perMinute: '0.50',
});

/** The band in force for a 60 s call starting at `startTimeMs`, or null. */
function bandAt(plan: ReturnType<typeof bandPlan>, startTimeMs: number): string | null {
  return rateCall(plan, call({ dialedNumber: ANY_NUMBER, talkMs: 60_000, startTimeMs })).timeBand;
}

const utc = (iso: string) => Date.parse(iso);

const night = bandPlan([nightBand('01:00', '03:00')]);

describe('time bands (docs/rating.md step 4)', () => {
  it('a band overrides only the fields it has: 0.50/min + the class 0.10 connect = 0.60', () => {
    const result = rateCall(
      night,
      call({ dialedNumber: ANY_NUMBER, talkMs: 60_000, startTimeMs: at('2026-03-10T02:00') }),
    );
    expect(result).toMatchObject({ timeBand: 'mon,tue,wed,thu,fri,sat,sun 01:00-03:00' });
    expect(result.rate).toMatchObject({ perMinute: '0.50', connectFee: '0.10' });
    expect(result.amountMinor).toBe(60);
  });

  it('from is inclusive: 01:00:00 is in, 00:59:59 is out', () => {
    expect(bandAt(night, at('2026-03-10T01:00:00'))).not.toBeNull();
    expect(bandAt(night, at('2026-03-10T00:59:59'))).toBeNull();
  });

  it('to is exclusive: 02:59:59 is in, 03:00:00 is out', () => {
    expect(bandAt(night, at('2026-03-10T02:59:59'))).not.toBeNull();
    expect(bandAt(night, at('2026-03-10T03:00:00'))).toBeNull();
  });

  it('24:00 is the end of the day: Sat 23:59:59 is in a sat 22:00-24:00 band, Sun 00:00 is not', () => {
    const late = bandPlan([{ days: ['sat'], from: '22:00', to: '24:00', perMinute: '0.50' }]);
    expect(bandAt(late, at('2026-03-14T23:59:59'))).toBe('sat 22:00-24:00');
    expect(bandAt(late, at('2026-03-15T00:00:00'))).toBeNull();
    expect(bandAt(late, at('2026-03-14T21:59:59'))).toBeNull();
  });

  it('days are local: Fri 23:59:59 in Denver (Sat 05:59:59 UTC) is not Saturday; Sat 00:00 local is', () => {
    const weekend = bandPlan([
      { days: ['sat', 'sun'], from: '00:00', to: '24:00', perMinute: '0.30' },
    ]);
    expect(bandAt(weekend, at('2026-03-13T23:59:59'))).toBeNull();
    expect(bandAt(weekend, at('2026-03-14T00:00:00'))).toBe('sat,sun 00:00-24:00');
    expect(bandAt(weekend, at('2026-03-15T23:59:59'))).toBe('sat,sun 00:00-24:00');
    expect(bandAt(weekend, at('2026-03-16T00:00:00'))).toBeNull();
  });

  it('the first matching band in list order wins', () => {
    const plan = bandPlan([
      { days: ALL_DAYS, from: '08:00', to: '18:00', perMinute: '0.80' },
      { days: ALL_DAYS, from: '00:00', to: '24:00', perMinute: '0.20' },
    ]);
    expect(bandAt(plan, at('2026-03-10T12:00'))).toBe('mon,tue,wed,thu,fri,sat,sun 08:00-18:00');
    expect(bandAt(plan, at('2026-03-10T20:00'))).toBe('mon,tue,wed,thu,fri,sat,sun 00:00-24:00');
  });

  it('the band at the start prices the whole call: 02:59 + 2 h, all at 0.50/min = 60.10', () => {
    const result = rateCall(
      night,
      call({ dialedNumber: ANY_NUMBER, talkMs: 7_200_000, startTimeMs: at('2026-03-10T02:59') }),
    );
    expect(result).toMatchObject({ billedSeconds: 7200, charge: '60.10', amountMinor: 6010 });
  });

  it('a band may change increments: first 30 s then 1 s at night', () => {
    const plan = bandPlan([
      {
        days: ALL_DAYS,
        from: '00:00',
        to: '06:00',
        firstIncrementSeconds: 30,
        incrementSeconds: 1,
      },
    ]);
    const result = rateCall(
      plan,
      call({ dialedNumber: ANY_NUMBER, talkMs: 31_000, startTimeMs: at('2026-03-10T01:00') }),
    );
    expect(result).toMatchObject({ billedSeconds: 31, charge: '0.616666666666666666' });
    expect(result.amountMinor).toBe(62);
  });

  it('a band field that is null counts as absent: the class connect fee stays', () => {
    const plan = bandPlan([
      { ...nightBand('00:00', '24:00'), connectFee: null as unknown as string },
    ]);
    const result = rateCall(plan, call({ dialedNumber: ANY_NUMBER, talkMs: 60_000 }));
    expect(result.rate).toMatchObject({ connectFee: '0.10', perMinute: '0.50' });
  });

  it('a band does not make a free class payable', () => {
    const plan = compilePlan(
      flatPlan({ free: true, timeBands: [{ ...nightBand('00:00', '24:00'), connectFee: '9.00' }] }),
    );
    expect(rateCall(plan, call({ dialedNumber: ANY_NUMBER }))).toMatchObject({
      status: 'no-charge',
      reason: 'free-destination',
    });
  });
});

describe('time bands on DST change days, by local wall-clock time', () => {
  describe('America/Denver, 2026-03-08: 02:00 MST -> 03:00 MDT at 09:00 UTC (band 01:00-03:00)', () => {
    it.each([
      ['2026-03-08T07:59:59Z', false, '00:59:59 MST'],
      ['2026-03-08T08:00:00Z', true, '01:00 MST'],
      ['2026-03-08T08:59:59Z', true, '01:59:59 MST'],
      ['2026-03-08T09:00:00Z', false, '03:00 MDT: 02:xx never happens'],
    ])('%s -> in band: %s (%s)', (instant, inBand) => {
      expect(bandAt(night, utc(instant)) !== null).toBe(inBand);
    });
  });

  describe('America/Denver, 2026-11-01: 02:00 MDT -> 01:00 MST at 08:00 UTC (band 01:00-02:00)', () => {
    const one = bandPlan([nightBand('01:00', '02:00')]);
    it.each([
      ['2026-11-01T06:59:59Z', false, '00:59:59 MDT'],
      ['2026-11-01T07:00:00Z', true, '01:00 MDT'],
      ['2026-11-01T07:59:59Z', true, '01:59:59 MDT'],
      ['2026-11-01T08:00:00Z', true, '01:00 MST, the second time'],
      ['2026-11-01T08:59:59Z', true, '01:59:59 MST'],
      ['2026-11-01T09:00:00Z', false, '02:00 MST'],
    ])('%s -> in band: %s (%s)', (instant, inBand) => {
      expect(bandAt(one, utc(instant)) !== null).toBe(inBand);
    });
  });

  describe('Europe/London, 2026-03-29: 01:00 GMT -> 02:00 BST at 01:00 UTC (band 01:00-03:00)', () => {
    const london = bandPlan([nightBand('01:00', '03:00')], 'Europe/London');
    it.each([
      ['2026-03-29T00:59:59Z', false, '00:59:59 GMT'],
      ['2026-03-29T01:00:00Z', true, '02:00 BST: 01:xx never happens'],
      ['2026-03-29T01:59:59Z', true, '02:59:59 BST'],
      ['2026-03-29T02:00:00Z', false, '03:00 BST'],
    ])('%s -> in band: %s (%s)', (instant, inBand) => {
      expect(bandAt(london, utc(instant)) !== null).toBe(inBand);
    });
  });

  describe('Europe/London, 2026-10-25: 02:00 BST -> 01:00 GMT at 01:00 UTC (band 01:00-02:00)', () => {
    const london = bandPlan([nightBand('01:00', '02:00')], 'Europe/London');
    it.each([
      ['2026-10-24T23:59:59Z', false, '00:59:59 BST'],
      ['2026-10-25T00:00:00Z', true, '01:00 BST'],
      ['2026-10-25T00:59:59Z', true, '01:59:59 BST'],
      ['2026-10-25T01:00:00Z', true, '01:00 GMT, the second time'],
      ['2026-10-25T01:59:59Z', true, '01:59:59 GMT'],
      ['2026-10-25T02:00:00Z', false, '02:00 GMT'],
    ])('%s -> in band: %s (%s)', (instant, inBand) => {
      expect(bandAt(london, utc(instant)) !== null).toBe(inBand);
    });
  });

  it("a change in the middle of a UTC hour (St. John's, 2026-03-08 02:00 NST = 05:30 UTC) is exact", () => {
    // 05:30 UTC is 03:00 NDT (out); with the hour's first offset it would read 02:00 (in).
    const stJohns = bandPlan([nightBand('01:00', '03:00')], 'America/St_Johns');
    // The later instant first, so that the hour's offsets are looked up before the earlier one.
    expect(bandAt(stJohns, utc('2026-03-08T05:30:00Z'))).toBeNull();
    expect(bandAt(stJohns, utc('2026-03-08T05:29:59Z'))).not.toBeNull();
    expect(bandAt(stJohns, utc('2026-03-08T04:30:00Z'))).not.toBeNull();
    expect(bandAt(stJohns, utc('2026-03-08T04:29:59Z'))).toBeNull();
  });
});

describe('ZoneClock', () => {
  it('gives Monday-based minutes of the week in the zone, whatever the process zone', () => {
    const denver = new ZoneClock('America/Denver');
    // Tuesday 2026-03-10 14:05 MDT: day 1, 14 * 60 + 5.
    expect(denver.minuteOfWeek(at('2026-03-10T14:05'))).toBe(1440 + 845);
    // Monday 00:00 and Sunday 23:59 are the ends of the week.
    expect(denver.minuteOfWeek(at('2026-03-09T00:00'))).toBe(0);
    expect(denver.minuteOfWeek(at('2026-03-15T23:59'))).toBe(7 * 1440 - 1);
  });

  it('works before 1970 too', () => {
    expect(new ZoneClock('UTC').minuteOfWeek(Date.UTC(1969, 11, 31, 12, 0))).toBe(2 * 1440 + 720);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => new ZoneClock('Mars/Olympus')).toThrow(
      'timezone: "Mars/Olympus" is not an IANA time zone',
    );
  });
});
