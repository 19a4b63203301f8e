import { wallClockToInstant } from './wall-clock';

describe('wallClockToInstant', () => {
  it('reads a winter time in Denver as UTC-7', () => {
    expect(wallClockToInstant('2026-12-07T08:30', 'America/Denver')).toBe(
      '2026-12-07T15:30:00.000Z',
    );
  });

  it('reads a summer time in Denver as UTC-6', () => {
    expect(wallClockToInstant('2026-07-01T00:15', 'America/Denver')).toBe(
      '2026-07-01T06:15:00.000Z',
    );
  });

  it('takes UTC as it is, and refuses what is not a wall-clock time', () => {
    expect(wallClockToInstant('2026-03-01T23:59', 'UTC')).toBe('2026-03-01T23:59:00.000Z');
    expect(wallClockToInstant('yesterday', 'UTC')).toBeNull();
  });
});
