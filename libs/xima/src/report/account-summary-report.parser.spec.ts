import { reportJson } from '@app/xima-sandbox';
import { parseAccountSummaryReport } from './account-summary-report.parser';
import { readFixture } from './fixtures/read-fixture';

const period = { startMs: Date.UTC(2026, 0, 5, 7), endMs: Date.UTC(2026, 0, 6, 7) };

describe('parseAccountSummaryReport', () => {
  it('reads account codes as text, counts and talk ms, ignoring chat columns', () => {
    const { records, errors } = parseAccountSummaryReport(
      readFixture('ok/account-summary.json'),
      period,
    );
    expect(errors).toEqual([]);
    const p = { periodStartMs: period.startMs, periodEndMs: period.endMs };
    expect(records.map((r) => r.record)).toEqual([
      { accountCode: '10034-00012', calls: 3, totalTalkMs: 185000, ...p },
      { accountCode: '0964', calls: 2, totalTalkMs: 60000, ...p },
      { accountCode: '100.001', calls: 0, totalTalkMs: 0, ...p },
      // A JSON number lost its leading zero before we saw it: kept as its text.
      { accountCode: '964', calls: 1, totalTalkMs: 1000, ...p },
    ]);
  });

  it('keeps bad rows and repeated account codes as errors naming the column', () => {
    const body = readFixture('not-ok/account-summary-bad-rows.json') as { rows: unknown[] };
    const { records, errors } = parseAccountSummaryReport(body, period);
    expect(records.map((r) => r.rowIndex)).toEqual([0]);
    expect(errors.map(({ rowIndex, reason }) => [rowIndex, reason])).toEqual([
      [1, 'Account Code is empty'],
      [2, 'Call Count 1.5 is not a whole number; Total Talking Duration "-1" is negative'],
      [3, 'Account Code "10234-001" is also row 0'],
      [4, 'row is an array, not an object'],
      [
        5,
        'Account Code is empty; Call Count "many" is not a whole number; ' +
          'Total Talking Duration true is not a whole number of milliseconds',
      ],
    ]);
    errors.forEach((e) => expect(JSON.parse(e.rawJson)).toEqual(body.rows[e.rowIndex]));
  });

  it('refuses a period that is not a range', () => {
    expect(() =>
      parseAccountSummaryReport({ columns: [], rows: [] }, { startMs: 5, endMs: 5 }),
    ).toThrow(RangeError);
  });

  it('reads every row of the sandbox summary for a day', () => {
    const body = JSON.parse(reportJson('ACCTSUM1', period.startMs, period.endMs - 1));
    const { records, errors } = parseAccountSummaryReport(body, period);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(body.rows.length);
    expect(records.length).toBeGreaterThan(5);
    const calls = records.reduce((sum, r) => sum + r.record.calls, 0);
    expect(calls).toBe(
      body.summaryItems.find((i: { title: string }) => i.title === 'Total Calls').value,
    );
    const talk = records.reduce((sum, r) => sum + r.record.totalTalkMs, 0);
    expect(talk).toBe(
      body.summaryItems.find((i: { title: string }) => i.title === 'Total Talking Duration').value,
    );
  });

  it('keeps a code as entered, spaces and all (a week of the sandbox summary)', () => {
    const week = { startMs: period.startMs, endMs: period.startMs + 7 * 86_400_000 };
    const body = JSON.parse(reportJson('ACCTSUM1', week.startMs, week.endMs - 1));
    const { records } = parseAccountSummaryReport(body, week);
    const spaced = records
      .map((r) => r.record.accountCode ?? '')
      .filter((code) => code !== code.trim());
    // The sandbox's codes typed with spaces (its mistyped codes), as Xima sent them.
    expect([...spaced].sort()).toEqual([' 10234-001 ', '00417-012 ']);
  });
});
