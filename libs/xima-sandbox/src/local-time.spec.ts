import { isKnownTimeZone, LocalClock } from './local-time';

const HOUR_MS = 3_600_000;

describe('LocalClock', () => {
  const denver = new LocalClock('America/Denver');

  it('knows Denver is UTC-7 in winter and UTC-6 in summer', () => {
    expect(denver.offsetMs(Date.parse('2024-01-15T12:00:00Z'))).toBe(-7 * HOUR_MS);
    expect(denver.offsetMs(Date.parse('2024-07-15T12:00:00Z'))).toBe(-6 * HOUR_MS);
  });

  it('switches offset at the DST instant (2024-03-10 02:00 MST = 09:00Z)', () => {
    expect(denver.offsetMs(Date.parse('2024-03-10T08:59:59.999Z'))).toBe(-7 * HOUR_MS);
    expect(denver.offsetMs(Date.parse('2024-03-10T09:00:00.000Z'))).toBe(-6 * HOUR_MS);
  });

  it('handles half-hour zones', () => {
    expect(new LocalClock('Asia/Kolkata').offsetMs(Date.parse('2024-01-15T12:00:00Z'))).toBe(
      5.5 * HOUR_MS,
    );
  });

  it('writes an instant as wall clock with its offset', () => {
    expect(denver.isoWithOffset(Date.parse('2019-10-07T21:11:26Z'))).toBe(
      '2019-10-07T15:11:26.000-06:00',
    );
    expect(new LocalClock('Asia/Kolkata').isoWithOffset(Date.parse('2024-01-15T12:00:00Z'))).toBe(
      '2024-01-15T17:30:00.000+05:30',
    );
    expect(new LocalClock('UTC').isoWithOffset(0)).toBe('1970-01-01T00:00:00.000+00:00');
  });

  it('refuses an unknown zone', () => {
    expect(() => new LocalClock('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('America/Denver')).toBe(true);
  });
});
