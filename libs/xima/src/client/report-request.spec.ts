import { reportRequestBody } from './report-request';

describe('reportRequestBody', () => {
  it("builds Xima's documented body: format json, the Report Timeframe first", () => {
    expect(
      reportRequestBody('2019-09-09T00:00:00.000-06:00', '2019-09-10T23:59:59.000-06:00'),
    ).toEqual({
      format: 'json',
      parameters: [
        {
          name: 'Report Timeframe',
          valueType: 'REPORT_TIMEFRAME',
          value: {
            type: 'REPORT_TIMEFRAME',
            start: '2019-09-09T00:00:00.000-06:00',
            end: '2019-09-10T23:59:59.000-06:00',
          },
        },
      ],
    });
  });

  it("appends the source's extra parameters verbatim, in order", () => {
    const agents = {
      name: 'Rows (Agent)',
      valueType: 'PBX_USERS',
      value: { type: 'PBX_USERS', pbxUsers: [{ key: 'Agent1(200)' }] },
    };
    const unknownShape = { name: 'Media', valueType: 'MEDIA_SELECTION', value: [1, 'x', null] };
    const body = reportRequestBody('2024-03-05T00:00:00Z', '2024-03-05T23:59:59.999Z', [
      agents,
      unknownShape,
    ]);
    expect(body.parameters.slice(1)).toEqual([agents, unknownShape]);
    expect(body.parameters[1]).toBe(agents);
  });

  it.each([
    ['2024-03-05T00:00:00.000', 'start'],
    ['2024-03-05', 'start'],
  ])('refuses a start without an offset: %s', (start, field) => {
    expect(() => reportRequestBody(start, '2024-03-05T23:59:59.000-07:00')).toThrow(
      `${field} must be ISO-8601 with an offset`,
    );
  });

  it('refuses an end without an offset', () => {
    expect(() => reportRequestBody('2024-03-05T00:00:00.000-07:00', 'tomorrow')).toThrow(
      'end must be ISO-8601 with an offset like 2019-09-09T00:00:00.000-06:00, got "tomorrow"',
    );
  });
});
