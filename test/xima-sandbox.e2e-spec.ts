import { request as httpRequest } from 'node:http';
import { RunningSandbox, SANDBOX_REPORTS, startSandbox } from '@app/xima-sandbox';

// Contract tests: the sandbox as a real HTTP server on 127.0.0.1, spoken to with Node's fetch.

const TOKEN = 'e2e-sandbox-token';
const PATH = '/rest/api/v1/historic-data/';

interface Cell {
  value: unknown;
  formattedValue?: string;
}
interface Column {
  key: string;
  title: string;
  format: string;
}
interface Report {
  reportId: number;
  executionId: string;
  title: string;
  timeframe: { type: string; start: string; end: string };
  skin: string;
  columns: Column[];
  dataFlag: string;
  summaryItems: { title: string; value: number; formattedValue: string; format: string }[];
  rows: { values: Record<string, Cell> }[];
  charts: unknown;
}
type Row = Record<string, Cell | undefined>;

// Tuesday 2024-03-05 in Denver (MST), and the week Mon 2024-03-04 .. Sun 2024-03-10 (DST starts).
const DAY = ['2024-03-05T00:00:00.000-07:00', '2024-03-05T23:59:59.000-07:00'] as const;
const WEEK = ['2024-03-04T00:00:00.000-07:00', '2024-03-10T23:59:59.999-06:00'] as const;

function timeframe(start: string, end: string) {
  return {
    name: 'Report Timeframe',
    valueType: 'REPORT_TIMEFRAME',
    value: { type: 'REPORT_TIMEFRAME', start, end },
  };
}

function bodyFor(window: readonly [string, string], extra: object[] = []): string {
  return JSON.stringify({ format: 'json', parameters: [timeframe(...window), ...extra] });
}

function agentsParameter(...keys: string[]) {
  return {
    name: 'Rows (Agent)',
    valueType: 'PBX_USERS',
    value: { type: 'PBX_USERS', pbxUsers: keys.map((key) => ({ key })) },
  };
}

function post(
  target: RunningSandbox,
  key: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${target.url}${PATH}${key}`, {
    method: 'POST',
    body,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
  });
}

async function fetchReport(target: RunningSandbox, key: string, body: string): Promise<Report> {
  const res = await post(target, key, body);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as Report;
}

function byTitle(report: Report): Row[] {
  return report.rows.map((row) =>
    Object.fromEntries(report.columns.map((column) => [column.title, row.values[column.key]])),
  );
}

function text(row: Row, title: string): string | undefined {
  const value = row[title]?.value;
  return typeof value === 'string' ? value : undefined;
}

function num(row: Row, title: string): number {
  const value = row[title]?.value;
  if (typeof value !== 'number') throw new Error(`${title} is not a number: ${String(value)}`);
  return value;
}

async function errorOf(res: Response): Promise<{ status: number; message: string }> {
  return (await res.json()) as { status: number; message: string };
}

describe('Xima sandbox (HTTP contract)', () => {
  const logLines: string[] = [];
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ token: TOKEN, logger: (line) => logLines.push(line) });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('listens on 127.0.0.1 on an ephemeral port', () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.port).toBeGreaterThan(0);
  });

  describe('200', () => {
    it("answers in the shape of Xima's example", async () => {
      const report = await fetchReport(sandbox, 'CALLDTL1', bodyFor(DAY));
      expect(report).toMatchObject({
        reportId: 101,
        title: 'Call Details',
        timeframe: {
          type: 'REPORT_TIMEFRAME',
          start: '2024-03-05T00:00:00-07:00',
          end: '2024-03-05T23:59:59-07:00',
        },
        skin: 'Avaya Default',
        dataFlag: 'INCLUDED',
        charts: { type: 'CHARTS', rows: [] },
      });
      expect(report.executionId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(report.rows.length).toBeGreaterThan(200);
      expect(report.summaryItems.map((i) => i.title)).toEqual([
        'Total Calls',
        'Answered Calls',
        'Total Call Duration',
        'Total Talking Duration',
      ]);
      expect(report.summaryItems[0].value).toBe(report.rows.length);
    });

    it.each([
      [
        'CALLDTL1',
        'Call Details',
        [
          ['Call Direction', 'STRING'],
          ['Call Duration', 'DURATION'],
          ['Start Time', 'DATE_TIME'],
          ['End Time', 'DATE_TIME'],
          ['External Number', 'STRING'],
          ['Initial Agent', 'STRING'],
          ['Total Talking Duration', 'DURATION'],
          ['Is Answered', 'BOOLEAN'],
          ['Account Code', 'STRING'],
        ],
      ],
      [
        'CALLDTLX',
        'Call Details',
        [
          ['Call ID', 'STRING'],
          ['Call Key', 'STRING'],
          ['Call Direction', 'STRING'],
          ['Call Duration', 'DURATION'],
          ['Start Time', 'DATE_TIME'],
          ['End Time', 'DATE_TIME'],
          ['External Number', 'STRING'],
          ['Initial Agent', 'STRING'],
          ['Total Talking Duration', 'DURATION'],
          ['Is Answered', 'BOOLEAN'],
          ['Account Code', 'STRING'],
        ],
      ],
      [
        'ACCTSUM1',
        'Account Code Summary',
        [
          ['Account Code', 'STRING'],
          ['Call Count', 'NUMBER'],
          ['Chat Count', 'NUMBER'],
          ['Total Call Duration', 'DURATION'],
          ['Total Talking Duration', 'DURATION'],
          ['Avg Talking Duration', 'DURATION'],
          ['Total Chat Duration', 'DURATION'],
          ['Avg Chat Duration', 'DURATION'],
        ],
      ],
    ])('%s "%s" has exactly the documented columns', async (key, title, columns) => {
      const report = await fetchReport(sandbox, key, bodyFor(DAY));
      expect(report.title).toBe(title);
      expect(report.columns).toEqual(
        columns.map(([columnTitle, format], i) => ({ key: `${i}`, title: columnTitle, format })),
      );
      expect(Object.keys(SANDBOX_REPORTS)).toContain(key);
    });

    it('gives durations in ms and times in epoch ms, with Xima-style formatted values', async () => {
      const rows = byTitle(await fetchReport(sandbox, 'CALLDTL1', bodyFor(DAY)));
      const denver = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Denver',
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        second: '2-digit',
        hour12: true,
      });
      const uiTime = (ms: number) =>
        denver
          .format(ms)
          .replace(/, (\d+:)/, ' $1')
          .replace(/\u202f|\s/g, ' ')
          .replace(/ (AM|PM)$/, (_m, half: string) => ` ${half.toLowerCase()}`);
      const hms = (ms: number) => {
        const s = Math.floor(ms / 1000);
        const mm = `${Math.floor((s % 3600) / 60)}`.padStart(2, '0');
        return `${Math.floor(s / 3600)}:${mm}:${`${s % 60}`.padStart(2, '0')}`;
      };
      const dayStart = Date.parse('2024-03-05T07:00:00Z');
      for (const row of rows) {
        const start = num(row, 'Start Time');
        const callMs = num(row, 'Call Duration');
        const talkMs = num(row, 'Total Talking Duration');
        expect(start).toBeGreaterThanOrEqual(dayStart);
        expect(start).toBeLessThan(dayStart + 86_400_000);
        expect(num(row, 'End Time')).toBe(start + callMs);
        expect(talkMs).toBeLessThanOrEqual(callMs);
        expect(row['Call Duration']?.formattedValue).toBe(hms(callMs));
        expect(row['Total Talking Duration']?.formattedValue).toBe(hms(talkMs));
        expect(row['Start Time']?.formattedValue).toBe(uiTime(start));
        expect(row['Is Answered']?.value).toBe(talkMs > 0);
      }
      expect(rows[0]['Start Time']?.formattedValue).toMatch(
        /^Mar 5, 2024 \d{1,2}:\d\d:\d\d (am|pm)$/,
      );
    });

    it('treats the end of the timeframe as inclusive, to the millisecond', async () => {
      const [first] = byTitle(await fetchReport(sandbox, 'CALLDTLX', bodyFor(DAY)));
      const instant = new Date(num(first, 'Start Time')).toISOString();
      const rows = byTitle(await fetchReport(sandbox, 'CALLDTLX', bodyFor([instant, instant])));
      expect(rows.map((row) => text(row, 'Call ID'))).toEqual([text(first, 'Call ID')]);
    });

    it('gives identical rows for the same window, with a new executionId', async () => {
      const first = await fetchReport(sandbox, 'CALLDTLX', bodyFor(DAY));
      const second = await fetchReport(sandbox, 'CALLDTLX', bodyFor(DAY));
      expect(second.rows).toEqual(first.rows);
      expect(second.executionId).not.toBe(first.executionId);
    });

    it('agrees between overlapping windows on the calls they share', async () => {
      const early = byTitle(
        await fetchReport(
          sandbox,
          'CALLDTLX',
          bodyFor(['2024-03-04T00:00:00.000-07:00', '2024-03-05T12:00:00.000-07:00']),
        ),
      );
      const late = byTitle(
        await fetchReport(
          sandbox,
          'CALLDTLX',
          bodyFor(['2024-03-05T00:00:00.000-07:00', '2024-03-06T00:00:00.000-07:00']),
        ),
      );
      const from = Date.parse('2024-03-05T07:00:00Z');
      const to = Date.parse('2024-03-05T19:00:00Z');
      const shared = (rows: Row[]) =>
        rows.filter((row) => num(row, 'Start Time') >= from && num(row, 'Start Time') <= to);
      expect(shared(early).length).toBeGreaterThan(100);
      expect(shared(late)).toEqual(shared(early));
    });

    it('makes the account-code summary agree with the call details of the same window', async () => {
      const body = bodyFor(WEEK);
      const details = byTitle(await fetchReport(sandbox, 'CALLDTL1', body));
      const summary = byTitle(await fetchReport(sandbox, 'ACCTSUM1', body));
      const expected = new Map<string, { calls: number; talkMs: number; callMs: number }>();
      for (const row of details) {
        const code = text(row, 'Account Code');
        if (code === undefined) continue;
        const totals = expected.get(code) ?? { calls: 0, talkMs: 0, callMs: 0 };
        totals.calls++;
        totals.talkMs += num(row, 'Total Talking Duration');
        totals.callMs += num(row, 'Call Duration');
        expected.set(code, totals);
      }
      expect(expected.size).toBeGreaterThan(10);
      const fromSummary = new Map(
        summary
          .filter((row) => num(row, 'Call Count') > 0)
          .map((row) => [
            text(row, 'Account Code') ?? '',
            {
              calls: num(row, 'Call Count'),
              talkMs: num(row, 'Total Talking Duration'),
              callMs: num(row, 'Total Call Duration'),
            },
          ]),
      );
      expect(fromSummary).toEqual(expected);
      expect(summary.some((row) => num(row, 'Chat Count') > 0)).toBe(true);
    });

    it('keeps only the agents named in PBX_USERS', async () => {
      const body = bodyFor(WEEK, [agentsParameter('Spencer Porter(253)', 'Room 1012(1012)')]);
      const rows = byTitle(await fetchReport(sandbox, 'CALLDTL1', body));
      expect(new Set(rows.map((row) => text(row, 'Initial Agent')))).toEqual(
        new Set(['Spencer Porter(253)', 'Room 1012(1012)']),
      );
    });

    it('ignores parameters it does not know', async () => {
      const extra = {
        name: 'Groups',
        valueType: 'GROUPS',
        value: { type: 'GROUPS', groups: ['x'] },
      };
      const plain = await fetchReport(sandbox, 'CALLDTL1', bodyFor(DAY));
      const withExtra = await fetchReport(sandbox, 'CALLDTL1', bodyFor(DAY, [extra]));
      expect(withExtra.rows).toEqual(plain.rows);
    });
  });

  describe('the generated mix over a week at the default volume', () => {
    let rows: Row[];
    let outbound: string[];

    beforeAll(async () => {
      rows = byTitle(await fetchReport(sandbox, 'CALLDTL1', bodyFor(WEEK)));
      outbound = rows
        .filter((row) => text(row, 'Call Direction')?.toLowerCase() === 'outbound')
        .map((row) => text(row, 'External Number') ?? '');
    });

    const digits = (number: string) => number.replace(/\D/g, '');
    const someNumber = (test: (raw: string, d: string) => boolean) =>
      outbound.some((raw) => test(raw, digits(raw)));

    it('has about 400 calls a day', () => {
      expect(rows.length).toBeGreaterThan(7 * 360);
      expect(rows.length).toBeLessThan(7 * 440);
    });

    it('has inbound, outbound, internal and intersite calls, some in other cases', () => {
      const directions = new Set(rows.map((row) => text(row, 'Call Direction')));
      for (const d of ['Inbound', 'Outbound', 'Internal', 'Intersite'])
        expect(directions).toContain(d);
      expect(
        [...directions].some((d) => d === 'OUTBOUND' || d === 'INBOUND' || d === 'INTERNAL'),
      ).toBe(true);
    });

    it('has unanswered, sub-second (400 ms, 999 ms) and long calls', () => {
      const talk = rows.map((row) => num(row, 'Total Talking Duration'));
      expect(
        rows.some(
          (row) => row['Is Answered']?.value === false && num(row, 'Total Talking Duration') === 0,
        ),
      ).toBe(true);
      expect(talk).toContain(400);
      expect(talk).toContain(999);
      expect(talk.some((ms) => ms >= 3_600_000)).toBe(true);
    });

    it('has rooms, house phones and attorney stations', () => {
      const agents = new Set(rows.map((row) => text(row, 'Initial Agent') ?? ''));
      expect([...agents].some((a) => /^Room 1[0-9][0-4]\d\(1\d{3}\)$/.test(a))).toBe(true);
      for (const house of ['Front Desk(100)', 'Lobby(200)', 'Housekeeping(300)'])
        expect(agents).toContain(house);
      expect(agents).toContain('Spencer Porter(253)');
      expect([...agents].some((a) => /^[A-Z][a-z]+ [A-Z][a-z]+\(5\d\d\)$/.test(a))).toBe(true);
    });

    it('dials local Denver numbers, 7 and 10 digits, with and without the access code 9', () => {
      expect(someNumber((_raw, d) => /^9555\d{4}$/.test(d))).toBe(true);
      expect(someNumber((_raw, d) => /^555\d{4}$/.test(d))).toBe(true);
      expect(someNumber((_raw, d) => /^9(303|720)\d{7}$/.test(d))).toBe(true);
      expect(someNumber((_raw, d) => /^(303|720)\d{7}$/.test(d))).toBe(true);
    });

    it('dials long distance and toll-free (800, 888, 877) numbers', () => {
      expect(someNumber((_raw, d) => /^91[2-8]\d{9}$/.test(d))).toBe(true);
      expect(someNumber((_raw, d) => /^1[2-8]\d{9}$/.test(d) && !/^1(800|888|877)/.test(d))).toBe(
        true,
      );
      for (const tollFree of ['800', '888', '877']) {
        expect(someNumber((_raw, d) => new RegExp(`^9?1${tollFree}\\d{7}$`).test(d))).toBe(true);
      }
    });

    it('dials 911 and 9911', () => {
      expect(outbound).toContain('911');
      expect(outbound).toContain('9911');
    });

    it('dials international numbers with 011 and with +', () => {
      for (const country of ['44', '33', '52']) {
        expect(someNumber((_raw, d) => d.startsWith(`9011${country}`))).toBe(true);
      }
      expect(someNumber((_raw, d) => d.startsWith('011'))).toBe(true);
      expect(someNumber((raw) => /^\+44 20 7946 \d{4}$/.test(raw))).toBe(true);
      expect(someNumber((raw) => /^\+\d{10,}$/.test(raw))).toBe(true);
    });

    it('records numbers with punctuation and some junk', () => {
      expect(someNumber((raw) => /^9 \(\d{3}\) 555-\d{4}$/.test(raw))).toBe(true);
      expect(someNumber((raw) => /^[\d-]+$/.test(raw) && raw.includes('-'))).toBe(true);
      expect(someNumber((raw) => /^[\d.]+$/.test(raw) && raw.includes('.'))).toBe(true);
      expect(someNumber((raw) => /^[\d ]+$/.test(raw) && raw.includes(' '))).toBe(true);
      expect(someNumber((raw) => raw.includes('#'))).toBe(true);
      expect(someNumber((raw) => /[A-Za-z]/.test(raw))).toBe(true);
      expect(outbound).toContain('');
    });

    it('has valid, leading-zero, malformed and missing account codes on attorney calls', () => {
      const attorneyOutbound = rows.filter(
        (row) =>
          /\([25]\d\d\)$/.test(text(row, 'Initial Agent') ?? '') &&
          text(row, 'Initial Agent') !== 'Lobby(200)' &&
          text(row, 'Call Direction')?.toLowerCase() === 'outbound',
      );
      const codes = attorneyOutbound.map((row) => text(row, 'Account Code'));
      expect(
        codes.filter((c) => c !== undefined && /^\d{5}-\d{3}$/.test(c)).length,
      ).toBeGreaterThan(codes.length / 2);
      expect(codes.some((c) => c !== undefined && /^0\d{4}-\d{3}$/.test(c))).toBe(true);
      expect(codes).toContain(undefined);
      for (const malformed of ['1023-01', 'ABC', ' 10234-001 ']) expect(codes).toContain(malformed);
      expect(
        rows
          .filter((row) => text(row, 'Initial Agent')?.startsWith('Room '))
          .every((row) => row['Account Code'] === undefined),
      ).toBe(true);
    });
  });

  describe('errors', () => {
    it('401 without a token, and with a wrong one, even when a fault is asked for', async () => {
      const missing = await fetch(`${sandbox.url}${PATH}CALLDTL1`, {
        method: 'POST',
        body: bodyFor(DAY),
        headers: { 'Content-Type': 'application/json' },
      });
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      expect((await errorOf(missing)).message).toMatch(/Missing Authorization/);

      const wrong = await post(sandbox, 'CALLDTL1', bodyFor(DAY), {
        Authorization: 'Bearer not-the-token',
        'X-Sandbox-Fault': '503',
      });
      expect(wrong.status).toBe(401);
      expect((await errorOf(wrong)).message).toMatch(/not valid/);

      const basic = await post(sandbox, 'CALLDTL1', bodyFor(DAY), {
        Authorization: `Basic ${TOKEN}`,
      });
      expect(basic.status).toBe(401);
    });

    it('404 for an unknown report key, after the token check', async () => {
      const res = await post(sandbox, 'NOPE1234', bodyFor(DAY));
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toEqual({
        status: 404,
        error: 'Not Found',
        message: 'No API-enabled report with key "NOPE1234"',
      });
      const unauthorized = await post(sandbox, 'NOPE1234', bodyFor(DAY), {
        Authorization: 'Bearer x',
      });
      expect(unauthorized.status).toBe(401);
    });

    it('404 for another path, 405 for another method', async () => {
      const other = await fetch(`${sandbox.url}/rest/api/v2/reports`, { method: 'POST' });
      expect(other.status).toBe(404);
      expect((await errorOf(other)).message).toContain(PATH);
      const get = await fetch(`${sandbox.url}${PATH}CALLDTL1`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      expect(get.status).toBe(405);
      expect(get.headers.get('allow')).toBe('POST');
    });

    it.each([
      ['malformed JSON', '{"format":"json","parameters":[', /^Malformed JSON request body/],
      [
        'a missing timeframe',
        JSON.stringify({ format: 'json', parameters: [] }),
        /REPORT_TIMEFRAME/,
      ],
      [
        'a format other than json',
        JSON.stringify({ format: 'pdf', parameters: [timeframe(...DAY)] }),
        /"format" must be "json"/,
      ],
      [
        'a date without offset',
        bodyFor(['2024-03-05T00:00:00', DAY[1]]),
        /value\.start must be an ISO-8601 date-time with an offset/,
      ],
      [
        'an impossible date',
        bodyFor([DAY[0], '2024-02-30T00:00:00.000-07:00']),
        /value\.end must be an ISO-8601/,
      ],
      ['start after end', bodyFor([DAY[1], DAY[0]]), /is after end/],
    ])('400 for %s, naming what is wrong', async (_case, body, message) => {
      const res = await post(sandbox, 'CALLDTL1', body);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(message);
    });

    it('400 for an unknown fault in the X-Sandbox-Fault header', async () => {
      const res = await post(sandbox, 'CALLDTL1', bodyFor(DAY), { 'X-Sandbox-Fault': 'teapot' });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(
        /Invalid X-Sandbox-Fault header: unknown fault "teapot"/,
      );
    });

    it('403 when PBX_USERS names an agent the service user may not see', async () => {
      const res = await post(
        sandbox,
        'CALLDTL1',
        bodyFor(DAY, [agentsParameter('Room 1012(1012)', 'Agent1(200)')]),
      );
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toBe(
        'The service user may not view data for: "Agent1(200)"',
      );
    });

    it('413 for a body over the limit, 415 for a body that is not JSON', async () => {
      const huge = bodyFor(DAY, [{ name: 'padding', value: 'x'.repeat(1024 * 1024) }]);
      const tooLarge = await post(sandbox, 'CALLDTL1', huge);
      expect(tooLarge.status).toBe(413);
      const plain = await post(sandbox, 'CALLDTL1', bodyFor(DAY), { 'Content-Type': 'text/plain' });
      expect(plain.status).toBe(415);
    });
  });

  describe('faults by X-Sandbox-Fault header', () => {
    const fault = (spec: string, body = bodyFor(DAY)) =>
      post(sandbox, 'CALLDTL1', body, { 'X-Sandbox-Fault': spec });

    it('202-then-200: the first request of a body is accepted, the identical retry gets the report', async () => {
      const body = bodyFor(['2024-03-06T00:00:00.000-07:00', '2024-03-06T23:59:59.000-07:00']);
      const first = await fault('202-then-200', body);
      expect(first.status).toBe(202);
      expect(await first.text()).toMatch(/still running/);
      const retry = await fault('202-then-200', body);
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as Report).rows.length).toBeGreaterThan(0);
      const other = await fault(
        '202-then-200',
        bodyFor(['2024-03-07T00:00:00.000-07:00', '2024-03-07T23:59:59.000-07:00']),
      );
      expect(other.status).toBe(202);
    });

    it('202 forever', async () => {
      expect((await fault('202')).status).toBe(202);
      expect((await fault('202')).status).toBe(202);
    });

    it.each([
      ['429', 429, '1'],
      ['429, retry-after=7', 429, '7'],
      ['503', 503, '1'],
      ['503, retry-after=30', 503, '30'],
    ])('%s answers %i with Retry-After %s', async (spec, status, retryAfter) => {
      const res = await fault(spec);
      expect(res.status).toBe(status);
      expect(res.headers.get('retry-after')).toBe(retryAfter);
      expect((await errorOf(res)).status).toBe(status);
    });

    it.each([
      ['500', 500],
      ['403', 403],
      ['509', 509],
    ])('%s answers %i with a JSON error', async (spec, status) => {
      const res = await fault(spec);
      expect(res.status).toBe(status);
      expect((await errorOf(res)).status).toBe(status);
    });

    it('latency delays the answer', async () => {
      const started = performance.now();
      const res = await fault('latency=250');
      expect(res.status).toBe(200);
      await res.text();
      expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    });

    it('malformed-json answers 200 with a body that is not JSON', async () => {
      const res = await fault('malformed-json');
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body.startsWith('{"reportId":101,')).toBe(true);
      expect(() => JSON.parse(body)).toThrow(SyntaxError);
    });

    it('truncated promises a Content-Length, sends part, and the client fails', async () => {
      const res = await fault('truncated');
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
      await expect(res.text()).rejects.toThrow();
    });

    it('reset drops the connection before any response', async () => {
      await expect(fault('reset')).rejects.toThrow('fetch failed');
      const code = await new Promise<string | undefined>((resolve) => {
        const req = httpRequest(`${sandbox.url}${PATH}CALLDTL1`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${TOKEN}`,
            'Content-Type': 'application/json',
            'X-Sandbox-Fault': 'reset',
          },
        });
        req.on('response', () => resolve('response'));
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
        req.end(bodyFor(DAY));
      });
      expect(code).toBe('ECONNRESET');
    });
  });

  describe('faults by configuration', () => {
    let faulty: RunningSandbox;

    beforeAll(async () => {
      faulty = await startSandbox({
        token: TOKEN,
        faults: [{ mode: '503', times: 2, retryAfterSeconds: 2 }],
        maxBodyBytes: 4096,
      });
    });

    afterAll(async () => {
      await faulty.close();
    });

    it('fails the first n requests, then answers', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await post(faulty, 'ACCTSUM1', bodyFor(DAY));
        statuses.push(res.status);
        if (res.status === 503) expect(res.headers.get('retry-after')).toBe('2');
        await res.arrayBuffer();
      }
      expect(statuses).toEqual([503, 503, 200]);
    });

    it('takes new faults at run time; 202-then-200 keys on the identical body', async () => {
      faulty.setFaults({ mode: '202-then-200' });
      const body = bodyFor(DAY);
      expect((await post(faulty, 'CALLDTL1', body)).status).toBe(202);
      expect((await post(faulty, 'ACCTSUM1', body)).status).toBe(202);
      const ready = await post(faulty, 'CALLDTL1', body);
      expect(ready.status).toBe(200);
      await ready.arrayBuffer();
      faulty.setFaults(undefined);
      const normal = await post(faulty, 'CALLDTL1', bodyFor(WEEK));
      expect(normal.status).toBe(200);
      await normal.arrayBuffer();
    });

    it('413 for a streamed body that grows past maxBodyBytes', async () => {
      const answer = await new Promise<string>((resolve) => {
        const req = httpRequest(`${faulty.url}${PATH}CALLDTL1`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${TOKEN}`,
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(`${res.statusCode} ${body}`));
        });
        req.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code}`));
        for (let i = 0; i < 10; i++) req.write('x'.repeat(1000));
        req.end();
      });
      expect(answer).toBe(
        '413 {"status":413,"error":"Payload Too Large","message":"The request body is larger than 4096 bytes"}',
      );
    });

    it('refuses bad options', async () => {
      await expect(startSandbox({ token: '' })).rejects.toThrow('token must be');
      await expect(startSandbox({ token: TOKEN, callsPerDay: 2_000_000 })).rejects.toThrow(
        'callsPerDay must be',
      );
      await expect(startSandbox({ token: TOKEN, timezone: 'Denver' })).rejects.toThrow('timezone');
      await expect(startSandbox({ token: TOKEN, faults: { mode: 'latency' } })).rejects.toThrow(
        'faults[0]: mode latency needs latencyMs',
      );
      await expect(startSandbox({ token: TOKEN, port: faulty.port })).rejects.toThrow('EADDRINUSE');
    });
  });

  describe('volume', () => {
    let busy: RunningSandbox;

    beforeAll(async () => {
      busy = await startSandbox({ token: TOKEN, callsPerDay: 150_000 });
    });

    afterAll(async () => {
      await busy.close();
    });

    it('serves a day at 150,000 calls a day in bounded time', async () => {
      const started = performance.now();
      const res = await post(busy, 'CALLDTL1', bodyFor(DAY));
      const body = await res.text();
      const elapsed = performance.now() - started;
      expect(res.status).toBe(200);
      expect(elapsed).toBeLessThan(8000);
      const report = JSON.parse(body) as Report;
      expect(report.rows.length).toBeGreaterThan(135_000);
      expect(report.rows.length).toBeLessThan(165_000);
    }, 20_000); // the bound is the 8 s above, not Jest's default 5 s
  });

  describe('reportCache', () => {
    const lines: string[] = [];
    let cached: RunningSandbox;

    beforeAll(async () => {
      cached = await startSandbox({ token: TOKEN, reportCache: 2, logger: (l) => lines.push(l) });
    });

    afterAll(async () => {
      await cached.close();
    });

    it('answers a repeated request from memory, byte for byte, keeping the newest reports', async () => {
      const first = await (await post(cached, 'CALLDTLX', bodyFor(DAY))).text();
      const again = await post(cached, 'CALLDTLX', bodyFor(DAY));
      expect(again.status).toBe(200);
      expect(Number(again.headers.get('content-length'))).toBe(Buffer.byteLength(first));
      expect(await again.text()).toBe(first);
      // Another report key and another window are other reports; the oldest is let go.
      await (await post(cached, 'CALLDTL1', bodyFor(DAY))).text();
      await (await post(cached, 'CALLDTLX', bodyFor(WEEK))).text();
      await (await post(cached, 'CALLDTLX', bodyFor(DAY))).text();
      expect(lines.map((line) => line.replace(/\d+ bytes.* in \d+ ms$/, ''))).toEqual([
        'POST /rest/api/v1/historic-data/CALLDTLX -> 200, ',
        'POST /rest/api/v1/historic-data/CALLDTLX -> 200, ',
        'POST /rest/api/v1/historic-data/CALLDTL1 -> 200, ',
        'POST /rest/api/v1/historic-data/CALLDTLX -> 200, ',
        'POST /rest/api/v1/historic-data/CALLDTLX -> 200, ',
      ]);
      expect(lines.map((line) => line.includes('(cached)'))).toEqual([
        false,
        true,
        false,
        false,
        false,
      ]);
    });

    it('refuses a reportCache that is not a whole number', async () => {
      await expect(startSandbox({ token: TOKEN, reportCache: 1.5 })).rejects.toThrow(
        'reportCache must be a whole number of at least 0, got 1.5',
      );
    });
  });

  it('counts requests and never logs the token', () => {
    expect(sandbox.requests).toBeGreaterThan(30);
    expect(logLines.length).toBe(sandbox.requests);
    const secrets = [TOKEN, 'not-the-token'];
    expect(logLines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
    expect(logLines).toContainEqual(
      expect.stringMatching(
        /^POST \/rest\/api\/v1\/historic-data\/CALLDTL1 -> 429 \(fault\) in \d+ ms$/,
      ),
    );
  });
});
