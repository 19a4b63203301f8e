import { parseCallReport } from './call-report.parser';
import { parseReportText } from './report-text';
import { readFixture } from './fixtures/read-fixture';
import { ReportShapeError } from './report-shape-error';
import { stableCallId } from './stable-call-id';

describe('parseCallReport on hand-written fixtures', () => {
  it('reads ISO times with offsets, epoch strings, title variants and missing values', () => {
    const body = readFixture('ok/call-details-iso-times.json');
    const { records, errors } = parseCallReport(body);

    expect(errors).toEqual([]);
    expect(records.map((r) => r.record)).toEqual([
      {
        callId: 'abc-1',
        startTimeMs: 1767626130250,
        direction: 'outbound',
        extension: '1012',
        dialedNumber: '9 (303) 555-0174',
        talkMs: 61000,
        accountCode: '0964',
      },
      {
        // Blank Call ID falls back to Call Key.
        callId: '1767626130250.1767626190250.xyz',
        startTimeMs: 1767626130250,
        direction: 'internal',
        extension: '253',
        dialedNumber: null,
        talkMs: 0,
        accountCode: null,
      },
      {
        callId: '4711',
        startTimeMs: 1767626130000,
        direction: 'inbound',
        extension: 'Front Desk',
        dialedNumber: '+44 20 7946 0969',
        talkMs: 120000,
        accountCode: null,
      },
      {
        // Neither id column has a value: the stable hash.
        callId: stableCallId(1767626130123, '1013', '9911', 20000),
        startTimeMs: 1767626130123,
        direction: 'outbound',
        extension: '1013',
        dialedNumber: '9911',
        talkMs: 20000,
        accountCode: ' 10234-001 ',
      },
      {
        callId: stableCallId(1767626130250, null, '5551234', 45000),
        startTimeMs: 1767626130250,
        direction: 'internal',
        extension: null,
        dialedNumber: '5551234',
        talkMs: 45000,
        accountCode: null,
      },
    ]);
  });

  it('keeps each raw row as received, with its index', () => {
    const body = readFixture('ok/call-details-iso-times.json') as { rows: unknown[] };
    const { records } = parseCallReport(body);
    expect(records.map((r) => r.rowIndex)).toEqual([0, 1, 2, 3, 4]);
    records.forEach((r) => expect(JSON.parse(r.rawJson)).toEqual(body.rows[r.rowIndex]));
  });

  it('uses a source column override, field by field over the defaults', () => {
    const body = readFixture('ok/call-details-custom-titles.json');
    // Defaults would take Calling Agent as the extension and find no talk column.
    const { records, errors } = parseCallReport(body, {
      extension: ['receiving agent'],
      talkMs: ['Talk Time'],
    });
    expect(errors).toEqual([]);
    expect(records.map((r) => r.record)).toEqual([
      {
        callId: stableCallId(1769965200000, '150', '13035550100', 30500),
        startTimeMs: 1769965200000,
        direction: 'outbound',
        extension: '150',
        dialedNumber: '13035550100',
        talkMs: 30500,
        accountCode: null,
      },
    ]);
  });

  it('fails the report when a required column is missing, listing the titles found', () => {
    const body = readFixture('not-ok/call-details-missing-talk.json');
    expect(() => parseCallReport(body)).toThrow(
      'the report has no column for talkMs (tried "Total Talking Duration", "Talking Duration"); ' +
        'its columns are: Call Direction, Start Time, Initial Agent, External Number, Call Duration',
    );
  });

  it('keeps every malformed row as an error naming its column, and still reads the good row', () => {
    const body = readFixture('not-ok/call-details-malformed-rows.json') as { rows: unknown[] };
    const { records, errors } = parseCallReport(body);

    expect(records.length + errors.length).toBe(body.rows.length);
    expect(errors.map(({ rowIndex, reason }) => [rowIndex, reason])).toEqual([
      [
        0,
        'Start Time "Oct 7, 2019 3:11:26 pm" is not epoch milliseconds or ISO-8601 with an offset',
      ],
      [1, 'Call Direction "Transfer" is not Inbound, Outbound, Internal or Intersite'],
      [2, 'Total Talking Duration -5 is negative'],
      [3, 'Total Talking Duration "1:01" is not a whole number of milliseconds'],
      [4, 'row is a string, not an object'],
      [5, "row's values is an array, not an object"],
      [6, 'Total Talking Duration 61000.5 is not a whole number of milliseconds'],
      [7, 'Start Time is empty; Call Direction is empty; Total Talking Duration is empty'],
      [
        8,
        'Start Time 1767626130 is outside epoch milliseconds for 1973-2286 (seconds or microseconds?)',
      ],
      [
        9,
        'Start Time "2026-01-05T08:15:30" is not epoch milliseconds or ISO-8601 with an offset; ' +
          'Initial Agent "Lobby()" has no extension in its parentheses; ' +
          'External Number an object is not text; ' +
          'Total Talking Duration cell is "61000", not an object with a value',
      ],
      [
        10,
        'Start Time "2026-02-30T08:15:30Z" is not epoch milliseconds or ISO-8601 with an offset',
      ],
      [12, 'row is null, not an object'],
    ]);
    errors.forEach((e) => expect(JSON.parse(e.rawJson)).toEqual(body.rows[e.rowIndex]));

    // A column keyed `__proto__` reads the row's own cell, never Object.prototype.
    expect(records.map((r) => [r.rowIndex, r.record.accountCode])).toEqual([[11, '10234-001']]);
  });

  it('reads a row whose values lack a __proto__ cell as having no account code', () => {
    const body = readFixture('not-ok/call-details-malformed-rows.json') as { rows: unknown[] };
    const withoutCode = JSON.parse(JSON.stringify(body.rows[1]).replace('Transfer', 'Outbound'));
    expect(parseCallReport({ ...(body as object), rows: [withoutCode] }).records[0].record).toEqual(
      expect.objectContaining({ accountCode: null }),
    );
  });

  it('refuses a Call ID given as a JSON number that lost digits', () => {
    const body = readFixture('ok/call-details-iso-times.json') as {
      rows: { values: Record<string, { value: unknown }> }[];
    };
    body.rows[0].values['k-id'] = { value: 2 ** 60 };
    const { errors } = parseCallReport(body);
    expect(errors.map((e) => e.reason)).toEqual([
      `Call ID ${2 ** 60} is a JSON number that cannot hold its digits exactly`,
    ]);
  });

  it.each([
    [null, 'the report is not a JSON object (got null)'],
    [[], 'the report is not a JSON object (got an array)'],
    ['{"columns":[]}', 'the report is not a JSON object (got a string)'],
    [{ rows: [] }, 'the report has no columns array'],
    [{ columns: [] }, 'the report has no rows array'],
    [42, 'the report is not a JSON object (got a number)'],
  ])('refuses a junk body %j with ReportShapeError', (body, message) => {
    expect(() => parseCallReport(body)).toThrow(ReportShapeError);
    expect(() => parseCallReport(body)).toThrow(message);
  });
});

describe('parseCallReport on a body whose rows are still text (as XimaClient gives it)', () => {
  it('keeps each row as Xima wrote it, reads it like a parsed row, and keeps an unreadable row as text', () => {
    const body = readFixture('ok/call-details-iso-times.json') as { rows: unknown[] };
    const text = JSON.stringify(body, null, 2);
    const lazy = parseReportText(text.replace(/\]\s*}\s*$/, ',\n  {"values": {"0": }}\n]}'));
    const eager = parseCallReport(body);
    const { records, errors } = parseCallReport(lazy);

    expect(records.map((r) => r.record)).toEqual(eager.records.map((r) => r.record));
    for (const { rawJson, rowIndex } of records) {
      expect(text).toContain(rawJson); // the exact slice, indentation and all
      expect(JSON.parse(rawJson)).toEqual(body.rows[rowIndex]);
    }
    expect(errors).toEqual([
      {
        rowIndex: body.rows.length,
        reason: 'row is not valid JSON',
        rawJson: JSON.stringify('{"values": {"0": }}'),
      },
    ]);
  });
});
