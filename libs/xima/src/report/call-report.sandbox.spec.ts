import type { CanonicalCallRecord } from '@app/rating';
import { generateCalls, reportJson } from '@app/xima-sandbox';
import type { GeneratedCall } from '@app/xima-sandbox';
import { parseCallReport } from './call-report.parser';
import { ParsedRow } from './parse-result';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// A Denver day, 2026-01-05.
const dayStart = Date.UTC(2026, 0, 5, 7);
const dayEnd = dayStart + DAY_MS - 1;

function report(
  key: 'CALLDTL1' | 'CALLDTLX',
  fromMs = dayStart,
  toMs = dayEnd,
  callsPerDay?: number,
) {
  return JSON.parse(reportJson(key, fromMs, toMs, { callsPerDay })) as { rows: unknown[] };
}

const BILLING_DIRECTION = {
  Outbound: 'outbound',
  Inbound: 'inbound',
  Internal: 'internal',
  Intersite: 'internal',
} as const;

function expectRecordOf(parsed: ParsedRow<CanonicalCallRecord>, call: GeneratedCall): void {
  expect(parsed.record).toEqual({
    callId: expect.any(String),
    startTimeMs: call.startMs,
    direction: BILLING_DIRECTION[call.direction],
    extension: /\((\d+)\)$/.exec(call.agent)![1],
    dialedNumber: call.externalNumber?.trim() || null,
    talkMs: call.talkMs,
    accountCode: call.accountCode?.trim() ? call.accountCode : null,
  });
}

describe.each(['CALLDTL1', 'CALLDTLX'] as const)('parseCallReport on sandbox %s', (key) => {
  const body = report(key);
  const calls = generateCalls({}, dayStart, dayEnd);
  const { records, errors } = parseCallReport(body);

  it('turns every row into a record or an error, and the counts add up', () => {
    expect(body.rows.length).toBe(calls.length);
    expect(records.length + errors.length).toBe(body.rows.length);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.rowIndex)).toEqual(body.rows.map((_, i) => i));
  });

  it('maps direction, extension, dialed number, talk time and account code of every call', () => {
    records.forEach((parsed, i) => expectRecordOf(parsed, calls[i]));
    const directions = new Set(calls.map((c) => c.direction));
    expect([...directions].sort()).toEqual(['Inbound', 'Internal', 'Intersite', 'Outbound']);
    expect(calls.some((c) => c.directionText !== c.direction)).toBe(true);
  });

  it('keeps dialed numbers as recorded: 9911 and +44 numbers untouched', () => {
    const dialed = records.map((r) => r.record.dialedNumber);
    expect(dialed.some((d) => d !== null && d.startsWith('+44'))).toBe(true);
    const week = parseCallReport(report(key, dayStart, dayStart + 7 * DAY_MS - 1)).records;
    expect(week.some((r) => r.record.dialedNumber === '9911')).toBe(true);
  });

  it('extracts extensions from rooms and named agents', () => {
    const byAgent = new Map(calls.map((c, i) => [c.agent, records[i].record.extension]));
    expect(byAgent.get('Spencer Porter(253)')).toBe('253');
    const room = [...byAgent.keys()].find((a) => a.startsWith('Room '))!;
    expect(byAgent.get(room)).toBe(/\((\d+)\)/.exec(room)![1]);
  });
});

describe('call ids from the sandbox', () => {
  it('uses Call ID when the report has it (CALLDTLX)', () => {
    const calls = generateCalls({}, dayStart, dayEnd);
    const { records } = parseCallReport(report('CALLDTLX'));
    expect(records.map((r) => r.record.callId)).toEqual(calls.map((c) => c.callId));
  });

  it('uses the stable hash without one (CALLDTL1): unique, and equal across parses and overlapping windows', () => {
    const first = parseCallReport(report('CALLDTL1')).records.map((r) => r.record);
    const again = parseCallReport(report('CALLDTL1')).records.map((r) => r.record);
    expect(first.every((r) => /^h-[0-9a-f]{32}$/.test(r.callId))).toBe(true);
    expect(new Set(first.map((r) => r.callId)).size).toBe(first.length);
    expect(again.map((r) => r.callId)).toEqual(first.map((r) => r.callId));

    // A window from noon to noon the next day shares the afternoon with the day above.
    const overlapping = parseCallReport(
      report('CALLDTL1', dayStart + 12 * HOUR_MS, dayEnd + 12 * HOUR_MS),
    );
    const idByKey = new Map(
      overlapping.records.map((r) => [r.record.startTimeMs, r.record.callId]),
    );
    const shared = first.filter((r) => r.startTimeMs >= dayStart + 12 * HOUR_MS);
    expect(shared.length).toBeGreaterThan(50);
    shared.forEach((r) => expect(idByKey.get(r.startTimeMs)).toBe(r.callId));
  });
});

// Speed is measured by a benchmark script, not asserted here (the machine is shared and noisy).
describe('volume', () => {
  it.each(['CALLDTLX', 'CALLDTL1'] as const)(
    'accounts for every row of a day of %s at 150,000 calls',
    (key) => {
      const body = report(key, dayStart, dayEnd, 150_000);
      const { records, errors } = parseCallReport(body);
      expect(body.rows.length).toBeGreaterThan(100_000);
      expect(records.length + errors.length).toBe(body.rows.length);
    },
  );
});
