import { formatAverage, formatDuration, formatWallClock } from './display-format';

describe('formatDuration', () => {
  it.each([
    [12673424, '3:31:13'],
    [1810489, '0:30:10'],
    [0, '0:00:00'],
    [999, '0:00:00'],
    [61000, '0:01:01'],
    [36000000, '10:00:00'],
    [4 * 3600000 + 59999, '4:00:59'],
  ])('%i ms -> %s (seconds floored, as Xima shows them)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatWallClock', () => {
  it.each([
    ['2019-10-07T15:11:26.000Z', 'Oct 7, 2019 3:11:26 pm'],
    ['2019-10-07T00:05:09.999Z', 'Oct 7, 2019 12:05:09 am'],
    ['2024-02-29T12:00:00.000Z', 'Feb 29, 2024 12:00:00 pm'],
    ['2024-12-31T23:59:59.000Z', 'Dec 31, 2024 11:59:59 pm'],
  ])('%s -> %s', (wall, text) => {
    expect(formatWallClock(Date.parse(wall))).toBe(text);
  });

  it('gives the right day after switching days and back', () => {
    expect(formatWallClock(Date.parse('2024-01-01T10:00:00Z'))).toBe('Jan 1, 2024 10:00:00 am');
    expect(formatWallClock(Date.parse('2024-01-02T10:00:00Z'))).toBe('Jan 2, 2024 10:00:00 am');
    expect(formatWallClock(Date.parse('2024-01-01T10:00:00Z'))).toBe('Jan 1, 2024 10:00:00 am');
  });
});

describe('formatAverage', () => {
  it('shows one decimal, like Xima\'s "14.0"', () => {
    expect(formatAverage(14)).toBe('14.0');
    expect(formatAverage(7.25)).toBe('7.3');
  });
});
