import { CallGenerator, GeneratedCall, GeneratedChat } from './call-generator';
import { formatAverage, formatDuration, formatWallClock } from './display-format';
import { LocalClock } from './local-time';
import {
  AccountCodeSummaryReport,
  AccountSummaryTitle,
  CallDetailsReport,
  CallDetailTitle,
  REPORT_SKIN,
  ReportColumn,
  SandboxReport,
} from './reports';
import { ReportRequest } from './request-body';

export interface ReportRun {
  readonly report: SandboxReport;
  readonly request: ReportRequest;
  readonly generator: CallGenerator;
  readonly executionId: string;
}

/** Body chunks are about this many characters: big enough to write efficiently, small enough to interleave. */
const CHUNK_CHARS = 64 * 1024;
/** Generating this many buckets without output yields a pause ('') so other sockets get a turn. */
const BUCKETS_PER_PAUSE = 16;

/**
 * The report's JSON text in chunks, built as strings rather than object trees so that a day at
 * 150,000 calls serialises in well under a second. An empty chunk is a pause point, not output.
 */
export function* renderReport(run: ReportRun): Generator<string, void, undefined> {
  if (run.report.kind === 'call-details') {
    yield* renderCallDetails(run, run.report);
  } else {
    yield* renderAccountCodeSummary(run, run.report);
  }
}

export function renderReportToString(run: ReportRun): string {
  let body = '';
  for (const chunk of renderReport(run)) body += chunk;
  return body;
}

function agentFilter(request: ReportRequest): (agent: string) => boolean {
  if (request.agents === undefined) return () => true;
  const agents = new Set(request.agents);
  return (agent) => agents.has(agent);
}

function* selectedBatches<T extends { agent: string }>(
  batches: Iterable<T[]>,
  request: ReportRequest,
): Generator<T[]> {
  const include = agentFilter(request);
  if (request.agents === undefined) {
    yield* batches;
    return;
  }
  for (const batch of batches) {
    const selected = batch.filter((item) => include(item.agent));
    if (selected.length > 0) yield selected;
  }
}

function head(run: ReportRun, columns: readonly ReportColumn[], summaryItems: string[]): string {
  const { report, request, executionId } = run;
  const columnsJson = columns
    .map(
      (column, i) =>
        `{"key":"${i}","title":${JSON.stringify(column.title)},"format":"${column.format}"}`,
    )
    .join(',');
  return (
    `{"reportId":${report.reportId},"executionId":"${executionId}",` +
    `"title":${JSON.stringify(report.title)},` +
    `"timeframe":{"type":"REPORT_TIMEFRAME","start":"${request.start.text}","end":"${request.end.text}"},` +
    `"skin":${JSON.stringify(REPORT_SKIN)},"columns":[${columnsJson}],"dataFlag":"INCLUDED",` +
    `"summaryItems":[${summaryItems.join(',')}],"rows":[`
  );
}

const TAIL = '],"charts":{"type":"CHARTS","rows":[]}}';

// Xima's own example gives summary durations format NUMBER with an H:MM:SS formattedValue.
function countItem(title: string, value: number): string {
  return `{"title":${JSON.stringify(title)},"value":${value},"formattedValue":"${value}","format":"NUMBER"}`;
}

function durationItem(title: string, ms: number): string {
  return `{"title":${JSON.stringify(title)},"value":${ms},"formattedValue":"${formatDuration(ms)}","format":"NUMBER"}`;
}

function averageItem(title: string, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `{"title":${JSON.stringify(title)},"value":${rounded},"formattedValue":"${formatAverage(rounded)}","format":"NUMBER"}`;
}

function stringCell(value: string | undefined): string | undefined {
  return value === undefined ? undefined : `{"value":${JSON.stringify(value)}}`;
}

function numberCell(value: number): string {
  return `{"value":${value},"formattedValue":"${value}"}`;
}

function durationCell(ms: number): string {
  return `{"value":${ms},"formattedValue":"${formatDuration(ms)}"}`;
}

function timeCell(ms: number, clock: LocalClock): string {
  return `{"value":${ms},"formattedValue":"${formatWallClock(clock.wallClockMs(ms))}"}`;
}

/** Call Key is opaque to clients; the sandbox's holds start, end and id as Xima's does. */
export function callKey(call: GeneratedCall): string {
  return `${call.startMs}.${call.endMs}.${call.callId}`;
}

function callCells(
  report: CallDetailsReport,
  clock: LocalClock,
): Record<CallDetailTitle, (call: GeneratedCall) => string | undefined> {
  return {
    'Call ID': (call) => stringCell(call.callId),
    'Call Key': (call) => stringCell(callKey(call)),
    'Call Direction': (call) => stringCell(call.directionText),
    'Call Duration': (call) => durationCell(call.callDurationMs),
    'Start Time': (call) => timeCell(call.startMs, clock),
    'End Time': (call) => timeCell(call.endMs, clock),
    'External Number': (call) => stringCell(call.externalNumber),
    'Initial Agent': (call) => stringCell(call.agent),
    'Total Talking Duration': (call) => durationCell(call.talkMs),
    'Is Answered':
      report.answeredAs === 'boolean'
        ? (call) => `{"value":${call.answered},"formattedValue":"${call.answered ? 'Yes' : 'No'}"}`
        : (call) => `{"value":"${call.answered ? 'Yes' : 'No'}"}`,
    'Account Code': (call) => stringCell(call.accountCode),
  };
}

function rowRenderer<Item, Title extends string>(
  columns: readonly ReportColumn<Title>[],
  cells: Record<Title, (item: Item) => string | undefined>,
): (item: Item) => string {
  const renderers = columns.map((column, i) => ({ prefix: `"${i}":`, cell: cells[column.title] }));
  return (item) => {
    let row = '{"values":{';
    let separator = '';
    for (const { prefix, cell } of renderers) {
      const value = cell(item);
      if (value === undefined) continue;
      row += separator + prefix + value;
      separator = ',';
    }
    return `${row}}}`;
  };
}

function* renderCallDetails(
  run: ReportRun,
  report: CallDetailsReport,
): Generator<string, void, undefined> {
  const { generator, request } = run;
  // Summary items come before rows, so the calls are generated twice: cheaper than keeping a
  // busy day's calls alive between the passes, which moves them all to the old generation.
  const batches = () =>
    selectedBatches(generator.callBatches(request.start.epochMs, request.end.epochMs), request);

  let calls = 0;
  let answered = 0;
  let callMs = 0;
  let talkMs = 0;
  let bucketsSincePause = 0;
  for (const batch of batches()) {
    for (const call of batch) {
      calls++;
      if (call.answered) answered++;
      callMs += call.callDurationMs;
      talkMs += call.talkMs;
    }
    if (++bucketsSincePause === BUCKETS_PER_PAUSE) {
      bucketsSincePause = 0;
      yield '';
    }
  }

  let out = head(run, report.columns, [
    countItem('Total Calls', calls),
    countItem('Answered Calls', answered),
    durationItem('Total Call Duration', callMs),
    durationItem('Total Talking Duration', talkMs),
  ]);
  const row = rowRenderer(report.columns, callCells(report, generator.clock));
  let separator = '';
  for (const batch of batches()) {
    for (const call of batch) {
      out += separator + row(call);
      separator = ',';
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
  }
  yield out + TAIL;
}

interface AccountTotals {
  readonly accountCode: string;
  calls: number;
  chats: number;
  callMs: number;
  talkMs: number;
  chatMs: number;
}

function average(totalMs: number, count: number): number {
  return count === 0 ? 0 : Math.round(totalMs / count);
}

const ACCOUNT_CELLS: Record<AccountSummaryTitle, (totals: AccountTotals) => string> = {
  'Account Code': (t) => `{"value":${JSON.stringify(t.accountCode)}}`,
  'Call Count': (t) => numberCell(t.calls),
  'Chat Count': (t) => numberCell(t.chats),
  'Total Call Duration': (t) => durationCell(t.callMs),
  'Total Talking Duration': (t) => durationCell(t.talkMs),
  'Avg Talking Duration': (t) => durationCell(average(t.talkMs, t.calls)),
  'Total Chat Duration': (t) => durationCell(t.chatMs),
  'Avg Chat Duration': (t) => durationCell(average(t.chatMs, t.chats)),
};

/** One row per account code (exactly as entered) over the timeframe's calls and chats. */
function* renderAccountCodeSummary(
  run: ReportRun,
  report: AccountCodeSummaryReport,
): Generator<string, void, undefined> {
  const { generator, request } = run;
  const { epochMs: fromMs } = request.start;
  const { epochMs: toMs } = request.end;
  const totals = new Map<string, AccountTotals>();
  const totalsFor = (accountCode: string): AccountTotals => {
    let entry = totals.get(accountCode);
    if (entry === undefined) {
      entry = { accountCode, calls: 0, chats: 0, callMs: 0, talkMs: 0, chatMs: 0 };
      totals.set(accountCode, entry);
    }
    return entry;
  };

  let bucketsSincePause = 0;
  for (const batch of selectedBatches(generator.callBatches(fromMs, toMs), request)) {
    for (const call of batch) {
      if (call.accountCode === undefined) continue;
      const entry = totalsFor(call.accountCode);
      entry.calls++;
      entry.callMs += call.callDurationMs;
      entry.talkMs += call.talkMs;
    }
    if (++bucketsSincePause === BUCKETS_PER_PAUSE) {
      bucketsSincePause = 0;
      yield '';
    }
  }
  for (const batch of selectedBatches<GeneratedChat>(
    generator.chatBatches(fromMs, toMs),
    request,
  )) {
    for (const chat of batch) {
      const entry = totalsFor(chat.accountCode);
      entry.chats++;
      entry.chatMs += chat.durationMs;
    }
  }

  const rows = [...totals.values()].sort((a, b) =>
    a.accountCode < b.accountCode ? -1 : a.accountCode > b.accountCode ? 1 : 0,
  );
  const sum = (pick: (t: AccountTotals) => number) => rows.reduce((s, t) => s + pick(t), 0);
  const calls = sum((t) => t.calls);
  const row = rowRenderer(report.columns, ACCOUNT_CELLS);
  yield (
    head(run, report.columns, [
      countItem('Account Codes', rows.length),
      countItem('Total Calls', calls),
      countItem(
        'Total Chats',
        sum((t) => t.chats),
      ),
      durationItem(
        'Total Talking Duration',
        sum((t) => t.talkMs),
      ),
      averageItem('Avg Calls per Account Code', rows.length === 0 ? 0 : calls / rows.length),
    ]) +
    rows.map(row).join(',') +
    TAIL
  );
}
