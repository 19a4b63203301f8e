import { parseOffsetDateTime, parseReportRequest } from './request-body';
import { SandboxHttpError } from './sandbox-error';

const TIMEFRAME = {
  name: 'Report Timeframe',
  valueType: 'REPORT_TIMEFRAME',
  value: {
    type: 'REPORT_TIMEFRAME',
    start: '2019-09-09T00:00:00.000-06:00',
    end: '2019-09-10T23:59:59.000-06:00',
  },
};

function body(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'json', parameters: [TIMEFRAME], ...overrides });
}

function withTimeframe(value: Record<string, unknown>): string {
  return body({ parameters: [{ ...TIMEFRAME, value: { ...TIMEFRAME.value, ...value } }] });
}

function rejection(text: string): SandboxHttpError {
  try {
    parseReportRequest(text);
  } catch (error) {
    if (error instanceof SandboxHttpError) return error;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('parseReportRequest', () => {
  it("accepts Xima's documented example and echoes the timeframe without zero milliseconds", () => {
    const request = parseReportRequest(
      body({
        parameters: [
          TIMEFRAME,
          {
            name: 'Rows (Agent)',
            valueType: 'PBX_USERS',
            value: { type: 'PBX_USERS', pbxUsers: [{ key: 'Agent1(200)' }] },
          },
        ],
      }),
    );
    expect(request.start).toEqual({
      epochMs: Date.parse('2019-09-09T06:00:00Z'),
      text: '2019-09-09T00:00:00-06:00',
    });
    expect(request.end.text).toBe('2019-09-10T23:59:59-06:00');
    expect(request.agents).toEqual(['Agent1(200)']);
  });

  it('ignores parameters it does not know, as Xima sources carry them verbatim', () => {
    const request = parseReportRequest(
      body({
        parameters: [
          { name: 'Groups', valueType: 'GROUPS', value: { type: 'GROUPS', groups: [] } },
          TIMEFRAME,
          { name: 'Media', valueType: 'MEDIA_SELECTION' },
        ],
        extra: true,
      }),
    );
    expect(request.agents).toBeUndefined();
  });

  it('treats an empty PBX_USERS list as every agent', () => {
    const pbx = { valueType: 'PBX_USERS', value: { type: 'PBX_USERS', pbxUsers: [] } };
    expect(parseReportRequest(body({ parameters: [TIMEFRAME, pbx] })).agents).toBeUndefined();
  });

  it('accepts start equal to end', () => {
    const request = parseReportRequest(withTimeframe({ end: TIMEFRAME.value.start }));
    expect(request.end.epochMs).toBe(request.start.epochMs);
  });

  it.each([
    ['malformed JSON', '{"format":"json",', /^Malformed JSON request body/],
    ['an array body', '[]', /must be a JSON object/],
    ['no format', body({ format: undefined }), /"format" must be "json", got nothing/],
    ['format csv', body({ format: 'csv' }), /"format" must be "json", got "csv"/],
    ['no parameters', body({ parameters: undefined }), /"parameters" must be an array/],
    ['parameters as object', body({ parameters: {} }), /"parameters" must be an array/],
    [
      'a string parameter',
      body({ parameters: [TIMEFRAME, 'x'] }),
      /parameters\[1\] must be an object/,
    ],
    ['no timeframe', body({ parameters: [] }), /must contain a REPORT_TIMEFRAME parameter/],
    ['two timeframes', body({ parameters: [TIMEFRAME, TIMEFRAME] }), /Only one REPORT_TIMEFRAME/],
    [
      'a timeframe value that is a string',
      body({ parameters: [{ ...TIMEFRAME, value: 'today' }] }),
      /parameters\[0\]\.value must be an object/,
    ],
    [
      'a timeframe of another type',
      withTimeframe({ type: 'DATE_RANGE' }),
      /value\.type must be "REPORT_TIMEFRAME"/,
    ],
    ['no start', withTimeframe({ start: undefined }), /value\.start is required/],
    ['no end', withTimeframe({ end: undefined }), /value\.end is required/],
    [
      'start after end',
      withTimeframe({ start: '2019-09-11T00:00:00.000-06:00' }),
      /start \(2019-09-11T00:00:00-06:00\) is after end \(2019-09-10T23:59:59-06:00\)/,
    ],
    [
      'pbxUsers that is not a list',
      body({ parameters: [TIMEFRAME, { valueType: 'PBX_USERS', value: { pbxUsers: 'all' } }] }),
      /parameters\[1\]\.value\.pbxUsers must be an array/,
    ],
    [
      'a pbxUser without key',
      body({ parameters: [TIMEFRAME, { valueType: 'PBX_USERS', value: { pbxUsers: [{}] } }] }),
      /pbxUsers\[0\]\.key must be a string/,
    ],
  ])('answers %s with 400 naming the problem', (_case, text, message) => {
    const error = rejection(text);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it.each([
    '2019-09-09T00:00:00',
    '2019-09-09',
    '2019-09-09 00:00:00-06:00',
    '2019-02-30T00:00:00-06:00',
    '2019-09-09T24:00:00-06:00',
    '2019-09-09T00:60:00-06:00',
    '2019-09-09T00:00:00+19:00',
    '2019-09-09T00:00:00-0600',
    '09/09/2019',
    1568008800000,
    null,
  ])('rejects start %p naming the field and the expected form', (start) => {
    const error = rejection(withTimeframe({ start }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('parameters[0].value.start must be an ISO-8601 date-time');
    expect(error.message).toContain('2019-09-09T00:00:00.000-06:00');
  });
});

describe('parseOffsetDateTime', () => {
  it.each([
    ['2019-09-09T00:00:00.000-06:00', '2019-09-09T06:00:00.000Z', '2019-09-09T00:00:00-06:00'],
    ['2019-09-09T00:00:00-06:00', '2019-09-09T06:00:00.000Z', '2019-09-09T00:00:00-06:00'],
    ['2019-09-09T00:00:00.5Z', '2019-09-09T00:00:00.500Z', '2019-09-09T00:00:00.500Z'],
    ['2019-09-09T23:59:59.999+05:30', '2019-09-09T18:29:59.999Z', '2019-09-09T23:59:59.999+05:30'],
    [
      '2024-02-29T12:00:00.123456789+00:00',
      '2024-02-29T12:00:00.123Z',
      '2024-02-29T12:00:00.123+00:00',
    ],
  ])('%s is %s, echoed as %s', (text, instant, echo) => {
    expect(parseOffsetDateTime(text)).toEqual({ epochMs: Date.parse(instant), text: echo });
  });
});
