import { DomainError } from '@app/common';
import type { StoredTimekeeper } from '@app/ledger';
import { readCsvList } from '../import/list-input';
import { TIMEKEEPER_COLUMNS, planTimekeeperImport, timekeeperList } from './timekeeper-list';

const csv = (...rows: string[]) =>
  timekeeperList(
    readCsvList(
      [TIMEKEEPER_COLUMNS.join(','), ...rows].join('\n'),
      TIMEKEEPER_COLUMNS,
      'timekeepers',
    ),
  );

function details(call: () => unknown): DomainError['details'] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details;
  }
  throw new Error('expected a 400');
}

describe('timekeeperList', () => {
  it('reads history rows, upper-cases classifications, and takes an empty date as since always', () => {
    expect(csv('2101,JDOE,Jane Doe,partner,', '2101,MMAJ,Mary Major,Paralegal,2026-11-01')).toEqual(
      [
        {
          extension: '2101',
          timekeeperId: 'JDOE',
          name: 'Jane Doe',
          classification: 'PARTNER',
          effectiveFrom: '',
        },
        {
          extension: '2101',
          timekeeperId: 'MMAJ',
          name: 'Mary Major',
          classification: 'PARALEGAL',
          effectiveFrom: '2026-11-01',
        },
      ],
    );
  });

  it('lists every problem with its line, and names both lines of a duplicate', () => {
    expect(
      details(() =>
        csv(
          '2101,JDOE,Jane Doe,PARTNER,',
          '2102,,Richard Roe,ASSOCIATE,',
          '2103,MMAJ,Mary Major,,2026-02-30',
          '2101,XX,Someone,PARTNER,',
        ),
      ),
    ).toEqual([
      { field: 'line 3', message: 'timekeeperId is empty' },
      { field: 'line 4', message: 'classification is empty' },
      {
        field: 'line 4',
        message: 'effectiveFrom "2026-02-30" is not a date (YYYY-MM-DD, or empty)',
      },
      { field: 'line 5', message: 'extension 2101 since always is already on line 2' },
    ]);
  });
});

describe('planTimekeeperImport', () => {
  it('adds, changes, removes and leaves rows by extension and date', () => {
    const stored: StoredTimekeeper[] = [
      {
        id: 1,
        extension: '2101',
        timekeeperId: 'JDOE',
        name: 'Jane Doe',
        classification: 'PARTNER',
        effectiveFrom: '',
      },
      {
        id: 2,
        extension: '2102',
        timekeeperId: 'RROE',
        name: 'Richard Roe',
        classification: 'ASSOCIATE',
        effectiveFrom: '',
      },
      {
        id: 3,
        extension: '2103',
        timekeeperId: 'OLD',
        name: 'Gone',
        classification: 'PARALEGAL',
        effectiveFrom: '',
      },
    ];
    const plan = planTimekeeperImport(stored, [
      {
        extension: '2101',
        timekeeperId: 'JDOE',
        name: 'Jane Doe',
        classification: 'PARTNER',
        effectiveFrom: '',
      },
      {
        extension: '2102',
        timekeeperId: 'RROE',
        name: 'Richard Roe',
        classification: 'PARTNER',
        effectiveFrom: '',
      },
      {
        extension: '2102',
        timekeeperId: 'MMAJ',
        name: 'Mary Major',
        classification: 'PARALEGAL',
        effectiveFrom: '2026-11-01',
      },
    ]);
    expect(plan.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(plan.deleteIds).toEqual([3]);
    expect(plan.update.map((t) => t.id)).toEqual([2]);
    expect(plan.insert.map((t) => t.timekeeperId)).toEqual(['MMAJ']);
  });
});
