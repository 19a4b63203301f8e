import { DEFAULT_COLUMNS, mergeColumns } from './column-map';
import { readReportTable } from './report-table';

const column = (key: unknown, title: unknown) => ({ key, title, format: 'STRING' });

describe('readReportTable', () => {
  it('maps by title, not by position or key, ignoring case, edges and doubled spaces', () => {
    const body = {
      columns: [column(7, ' ACCOUNT   code '), column('x', 'Call Count')],
      rows: [],
    };
    const table = readReportTable(body, DEFAULT_COLUMNS, ['accountCode', 'calls'], []);
    expect(table.columns.accountCode).toEqual([
      { key: '7', title: 'ACCOUNT   code', inherited: false },
    ]);
    expect(table.columns.calls).toEqual([{ key: 'x', title: 'Call Count', inherited: false }]);
  });

  it('uses the first of two columns with the same title', () => {
    const body = { columns: [column('a', 'Call Count'), column('b', 'call count')], rows: [] };
    const table = readReportTable(body, DEFAULT_COLUMNS, ['calls'], []);
    expect(table.columns.calls).toEqual([{ key: 'a', title: 'Call Count', inherited: false }]);
  });

  it('lists every present column of a field in the order its titles are tried', () => {
    const body = { columns: [column('k', 'Call Key'), column('i', 'Call ID')], rows: [] };
    const table = readReportTable(body, DEFAULT_COLUMNS, [], ['callId']);
    expect(table.columns.callId.map((c) => c.key)).toEqual(['i', 'k']);
  });

  it('names every missing required field, skipping junk columns in the list of titles', () => {
    const body = {
      columns: [column('0', 'Account Code'), null, column(null, 'No Key'), column('3', 42)],
      rows: [],
    };
    expect(() =>
      readReportTable(
        body,
        mergeColumns({ calls: [] }),
        ['accountCode', 'calls', 'totalTalkMs'],
        [],
      ),
    ).toThrow(
      'the report has no column for calls (tried no titles), no column for totalTalkMs ' +
        '(tried "Total Talking Duration"); its columns are: Account Code',
    );
  });

  it('says (none) when the report has no columns', () => {
    expect(() =>
      readReportTable({ columns: [], rows: [] }, DEFAULT_COLUMNS, ['calls'], []),
    ).toThrow('the report has no column for calls (tried "Call Count"); its columns are: (none)');
  });
});

describe('mergeColumns', () => {
  it('replaces only the fields an override names', () => {
    const merged = mergeColumns({ talkMs: ['Talk Time'] });
    expect(merged).toEqual({ ...DEFAULT_COLUMNS, talkMs: ['Talk Time'] });
    expect(DEFAULT_COLUMNS.talkMs).toEqual(['Total Talking Duration', 'Talking Duration']);
  });
});
