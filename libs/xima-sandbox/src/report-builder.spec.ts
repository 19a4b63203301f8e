import { CallGenerator } from './call-generator';
import { callKey, renderReport, renderReportToString, ReportRun } from './report-builder';
import { SANDBOX_REPORTS, SandboxReport } from './reports';
import { parseOffsetDateTime, ReportRequest } from './request-body';

interface Cell {
  value: unknown;
  formattedValue?: string;
}
interface Report {
  reportId: number;
  executionId: string;
  title: string;
  timeframe: unknown;
  columns: { key: string; title: string; format: string }[];
  summaryItems: { title: string; value: number; formattedValue: string; format: string }[];
  rows: { values: Record<string, Cell> }[];
  charts: unknown;
}

const generator = new CallGenerator();

function request(start: string, end: string, agents?: string[]): ReportRequest {
  const bound = (text: string) => {
    const parsed = parseOffsetDateTime(text);
    if (parsed === undefined) throw new Error(text);
    return parsed;
  };
  return { start: bound(start), end: bound(end), agents };
}

const TUESDAY = request('2024-03-05T00:00:00.000-07:00', '2024-03-05T23:59:59.999-07:00');

function run(report: SandboxReport, req: ReportRequest = TUESDAY): ReportRun {
  return { report, request: req, generator, executionId: '3eb08a9a-0f05-44b8-a0b0-ba7338a1d2e5' };
}

function render(report: SandboxReport, req?: ReportRequest): Report {
  return JSON.parse(renderReportToString(run(report, req))) as Report;
}

/** Rows as objects keyed by column title. */
function byTitle(report: Report): Record<string, Cell | undefined>[] {
  return report.rows.map((row) =>
    Object.fromEntries(report.columns.map((column) => [column.title, row.values[column.key]])),
  );
}

describe('renderReport', () => {
  it("has the shape of Xima's example, keys in the same order", () => {
    const report = render(SANDBOX_REPORTS.CALLDTL1);
    expect(Object.keys(report)).toEqual([
      'reportId',
      'executionId',
      'title',
      'timeframe',
      'skin',
      'columns',
      'dataFlag',
      'summaryItems',
      'rows',
      'charts',
    ]);
    expect(report).toMatchObject({
      reportId: 101,
      executionId: '3eb08a9a-0f05-44b8-a0b0-ba7338a1d2e5',
      title: 'Call Details',
      timeframe: {
        type: 'REPORT_TIMEFRAME',
        start: '2024-03-05T00:00:00-07:00',
        end: '2024-03-05T23:59:59.999-07:00',
      },
      skin: 'Avaya Default',
      dataFlag: 'INCLUDED',
      charts: { type: 'CHARTS', rows: [] },
    });
    expect(report.columns.map((c) => c.key)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('has one row per generated call, values as documented', () => {
    const calls = generator.calls(TUESDAY.start.epochMs, TUESDAY.end.epochMs);
    const rows = byTitle(render(SANDBOX_REPORTS.CALLDTL1));
    expect(rows).toHaveLength(calls.length);
    const first = calls[0];
    expect(rows[0]['Start Time']).toEqual({
      value: first.startMs,
      formattedValue: expect.stringMatching(/^Mar 5, 2024 \d{1,2}:\d\d:\d\d (am|pm)$/),
    });
    expect(rows[0]['Call Duration']?.value).toBe(first.callDurationMs);
    expect(rows[0]['Total Talking Duration']?.value).toBe(first.talkMs);
    expect(rows[0]['Initial Agent']).toEqual({ value: first.agent });
    expect(rows.every((row) => typeof row['Is Answered']?.value === 'boolean')).toBe(true);
    expect(rows.some((row) => row['Account Code'] === undefined)).toBe(true);
    expect(rows.some((row) => row['External Number'] === undefined)).toBe(true);
  });

  it('adds Call ID and Call Key first in the custom report and says Yes/No', () => {
    const calls = generator.calls(TUESDAY.start.epochMs, TUESDAY.end.epochMs);
    const report = render(SANDBOX_REPORTS.CALLDTLX);
    expect(report.columns.slice(0, 3).map((c) => c.title)).toEqual([
      'Call ID',
      'Call Key',
      'Call Direction',
    ]);
    const rows = byTitle(report);
    expect(rows.map((row) => row['Call ID']?.value)).toEqual(calls.map((c) => c.callId));
    expect(rows[0]['Call Key']?.value).toBe(callKey(calls[0]));
    expect(new Set(rows.map((row) => row['Is Answered']?.value))).toEqual(new Set(['Yes', 'No']));
  });

  it('sums calls and chats per account code in the summary', () => {
    const calls = generator.calls(TUESDAY.start.epochMs, TUESDAY.end.epochMs);
    const chats = [...generator.chatBatches(TUESDAY.start.epochMs, TUESDAY.end.epochMs)].flat();
    const report = render(SANDBOX_REPORTS.ACCTSUM1);
    const rows = byTitle(report);
    const codes = rows.map((row) => row['Account Code']?.value as string);
    expect(codes).toEqual([...codes].sort());
    for (const row of rows) {
      const code = row['Account Code']?.value;
      const mine = calls.filter((c) => c.accountCode === code);
      const myChats = chats.filter((c) => c.accountCode === code);
      const talk = mine.reduce((sum, c) => sum + c.talkMs, 0);
      expect(row['Call Count']).toEqual({ value: mine.length, formattedValue: `${mine.length}` });
      expect(row['Chat Count']?.value).toBe(myChats.length);
      expect(row['Total Talking Duration']?.value).toBe(talk);
      expect(row['Avg Talking Duration']?.value).toBe(
        mine.length ? Math.round(talk / mine.length) : 0,
      );
    }
    expect(new Set(codes)).toEqual(
      new Set(
        [...calls.map((c) => c.accountCode), ...chats.map((c) => c.accountCode)].filter(Boolean),
      ),
    );
    expect(report.summaryItems.find((i) => i.title === 'Total Calls')?.value).toBe(
      calls.filter((c) => c.accountCode !== undefined).length,
    );
  });

  it('keeps only the requested agents', () => {
    const agents = ['Spencer Porter(253)', 'Room 1012(1012)'];
    const week = request('2024-03-04T00:00:00.000-07:00', '2024-03-10T23:59:59.999-06:00', agents);
    const rows = byTitle(render(SANDBOX_REPORTS.CALLDTL1, week));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row['Initial Agent']?.value))).toEqual(new Set(agents));
    const summary = byTitle(render(SANDBOX_REPORTS.ACCTSUM1, week));
    const porter = generator
      .calls(week.start.epochMs, week.end.epochMs)
      .filter((c) => c.agent === 'Spencer Porter(253)' && c.accountCode !== undefined);
    expect(summary.reduce((sum, row) => sum + (row['Call Count']?.value as number), 0)).toBe(
      porter.length,
    );
  });

  it('renders an empty window as a valid report without rows', () => {
    const instant = request('2024-03-05T03:00:00.000-07:00', '2024-03-05T03:00:00.000-07:00');
    const report = render(SANDBOX_REPORTS.CALLDTL1, instant);
    expect(report.rows).toEqual([]);
    expect(report.summaryItems.find((i) => i.title === 'Total Calls')?.value).toBe(0);
    expect(render(SANDBOX_REPORTS.ACCTSUM1, instant).rows).toEqual([]);
  });

  it('gives summary durations in ms with H:MM:SS, as Xima does', () => {
    const item = render(SANDBOX_REPORTS.CALLDTL1).summaryItems.find(
      (i) => i.title === 'Total Talking Duration',
    );
    expect(item?.format).toBe('NUMBER');
    expect(item?.formattedValue).toMatch(/^\d+:\d\d:\d\d$/);
  });

  it('yields pause points while generating a long window, and chunks of bounded size', () => {
    const month = request('2024-03-01T00:00:00.000-07:00', '2024-03-31T23:59:59.999-06:00');
    const chunks = [...renderReport(run(SANDBOX_REPORTS.CALLDTL1, month))];
    expect(chunks.filter((c) => c === '').length).toBeGreaterThan(100);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    expect(() => JSON.parse(chunks.join(''))).not.toThrow();
  });
});
