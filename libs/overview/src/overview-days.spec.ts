import { DomainError } from '@app/common';
import { dayRange, daysOf } from './overview-days';

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).details;
  }
  throw new Error('expected a 400');
};

describe('dayRange', () => {
  it('defaults to the 30 days that end today, across a month end', () => {
    expect(dayRange(undefined, undefined, '2026-03-10')).toEqual({
      from: '2026-02-09',
      to: '2026-03-10',
    });
  });

  it('ends a range that gives only `from` today, and one that gives only `to` 29 days after its start', () => {
    expect(dayRange('2026-03-01', undefined, '2026-03-10')).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(dayRange(undefined, '2024-03-01', '2026-03-10')).toEqual({
      from: '2024-02-01',
      to: '2024-03-01',
    });
  });

  it('takes one day, and a leap year of 366 days, but not 367', () => {
    expect(dayRange('2026-03-01', '2026-03-01', 'x')).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(dayRange('2024-01-01', '2024-12-31', 'x')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(problem(() => dayRange('2024-01-01', '2025-01-01', 'x'))).toEqual([
      { field: 'from', message: 'from 2024-01-01 to 2025-01-01 is 367 days: at most 366' },
    ]);
  });

  it.each([
    ['2026-02-29', 'from 2026-02-29 is not a day of the calendar'],
    ['2026-13-01', 'from 2026-13-01 is not a day of the calendar'],
    ['2026-00-10', 'from 2026-00-10 is not a day of the calendar'],
    ['26-03-01', 'from must be a date such as 2026-03-02'],
  ])('refuses %s', (from, message) => {
    expect(problem(() => dayRange(from, '2026-03-10', 'x'))).toEqual([{ field: 'from', message }]);
  });
});

describe('daysOf', () => {
  it('lists every day, both ends included, through February of a leap year', () => {
    expect(daysOf({ from: '2024-02-27', to: '2024-03-01' })).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });
});
