import { DomainError } from '@app/common';
import type { MatterFields, StoredMatter } from '@app/ledger';
import { readCsvList, readJsonList } from '../import/list-input';
import { MATTER_COLUMNS, SUMMARY_LIST_CAP, matterList, planMatterImport } from './matter-list';

const HEADER = MATTER_COLUMNS.join(',');
const csv = (...rows: string[]) =>
  matterList(readCsvList([HEADER, ...rows].join('\n'), MATTER_COLUMNS, 'matters'));

function details(call: () => unknown): DomainError['details'] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(400);
    return (error as DomainError).details;
  }
  throw new Error('expected a 400');
}

const matter = (fields: Partial<MatterFields> = {}): MatterFields => ({
  clientNumber: '10234',
  clientName: 'Acme',
  matterNumber: '001',
  matterName: 'Lease',
  status: 'open',
  closedDate: null,
  billable: true,
  ...fields,
});

describe('matterList', () => {
  it('reads open, closed and non-billable matters', () => {
    expect(
      csv('10234,Acme,001,Lease,open,,yes', '10234,Acme,002,Suit,closed,2026-10-31,no'),
    ).toEqual([
      matter(),
      matter({
        matterNumber: '002',
        matterName: 'Suit',
        status: 'closed',
        closedDate: '2026-10-31',
        billable: false,
      }),
    ]);
  });

  it('lists every problem of every row with its line', () => {
    expect(
      details(() =>
        csv(
          '10234,Acme,001,Lease,open,,yes',
          '10234,Acme,,Lease,open,,yes',
          '10234,Acme,003,Lease,archived,,yes',
          '10234,Acme,004,Lease,closed,,yes',
          '10234,Acme,005,Lease,open,2026-10-31,yes',
          '10234,Acme,006,Lease,closed,2026-02-30,yes',
          '10234,Acme,007,Lease,closed,31/10/2026,maybe',
        ),
      ),
    ).toEqual([
      { field: 'line 3', message: 'matterNumber is empty' },
      { field: 'line 4', message: 'unknown status "archived" (open or closed)' },
      { field: 'line 5', message: 'closedDate is required when status is closed' },
      { field: 'line 6', message: 'closedDate must be empty when status is open' },
      { field: 'line 7', message: 'closedDate "2026-02-30" is not a date (YYYY-MM-DD)' },
      { field: 'line 8', message: 'closedDate "31/10/2026" is not a date (YYYY-MM-DD)' },
      { field: 'line 8', message: 'billable must be yes or no (found "maybe")' },
    ]);
  });

  it('names both lines of a duplicate matter', () => {
    expect(
      details(() =>
        csv(
          '10234,Acme,001,Lease,open,,yes',
          '20000,Other,001,X,open,,yes',
          '10234,Acme,001,Again,open,,no',
        ),
      ),
    ).toEqual([{ field: 'line 4', message: 'client 10234 matter 001 is already on line 2' }]);
  });

  it('reads JSON the same way, with billable as a boolean', () => {
    const json = (row: object) =>
      matterList(readJsonList({ matters: [row] }, 'matters', MATTER_COLUMNS, ['closedDate']));
    const base = {
      clientNumber: '10234',
      clientName: 'Acme',
      matterNumber: '001',
      matterName: 'Lease',
      status: 'open',
    };
    expect(json({ ...base, billable: false })).toEqual([matter({ billable: false })]);
    expect(json({ ...base, closedDate: null, billable: true })).toEqual([matter()]);
    expect(details(() => json({ ...base, billable: 'yes' }))).toEqual([
      { field: 'matters.0', message: 'billable must be true or false' },
    ]);
    expect(details(() => json({ ...base, clientNumber: 10234, billable: true }))).toEqual([
      { field: 'matters.0', message: 'clientNumber must be text' },
    ]);
  });
});

describe('planMatterImport', () => {
  const stored = (id: number, fields: Partial<MatterFields> = {}): StoredMatter => ({
    id,
    ...matter(fields),
  });

  it('counts each kind of change, keeps matters the file does not name, and writes only changes', () => {
    const before = [
      stored(1, { matterNumber: '001' }),
      stored(2, { matterNumber: '002' }),
      stored(3, { matterNumber: '003', status: 'closed', closedDate: '2026-01-31' }),
      stored(4, { matterNumber: '004' }),
      stored(5, { matterNumber: '005' }),
      stored(6, { matterNumber: '006' }),
    ];
    const file = [
      matter({ matterNumber: '001' }),
      matter({
        matterNumber: '002',
        status: 'closed',
        closedDate: '2026-11-30',
        matterName: 'Renamed',
      }),
      matter({ matterNumber: '003' }),
      matter({ matterNumber: '004', billable: false }),
      matter({ matterNumber: '007' }),
    ];
    const plan = planMatterImport(before, file);
    expect(plan.counts).toEqual({
      added: 1,
      closed: 1,
      reopened: 1,
      renamed: 1,
      billableChanged: 1,
      unchanged: 1,
      notInFile: 2,
      total: 5,
    });
    expect(plan.codes).toEqual({
      added: ['10234-007'],
      closed: ['10234-002'],
      reopened: ['10234-003'],
      renamed: ['10234-002'],
      billableChanged: ['10234-004'],
      notInFile: ['10234-005', '10234-006'],
    });
    expect(plan.insert).toEqual([matter({ matterNumber: '007' })]);
    expect(plan.update.map((m) => m.id)).toEqual([2, 3, 4]);
  });

  it('plans nothing for the same list again', () => {
    const before = [
      stored(1),
      stored(2, { matterNumber: '002', status: 'closed', closedDate: '2026-01-31' }),
    ];
    const plan = planMatterImport(
      before,
      before.map((m) => ({ ...m, id: undefined })),
    );
    expect(plan.insert).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.counts.unchanged).toBe(2);
  });

  it('counts a moved closing date as closed', () => {
    const before = [stored(1, { status: 'closed', closedDate: '2026-01-31' })];
    const plan = planMatterImport(before, [matter({ status: 'closed', closedDate: '2026-02-28' })]);
    expect(plan.counts.closed).toBe(1);
  });

  it(`lists the first ${SUMMARY_LIST_CAP} codes of a kind and counts them all`, () => {
    const file = Array.from({ length: 120 }, (_, i) =>
      matter({ matterNumber: String(i).padStart(3, '0') }),
    );
    const plan = planMatterImport([], file);
    expect(plan.counts.added).toBe(120);
    expect(plan.codes.added).toHaveLength(SUMMARY_LIST_CAP);
    expect(plan.codes.added[0]).toBe('10234-000');
  });
});
