export interface ReportTimeframe {
  type: 'REPORT_TIMEFRAME';
  /** ISO-8601 with an offset, e.g. 2019-09-09T00:00:00.000-06:00 */
  start: string;
  end: string;
}

export interface ReportTimeframeParameter {
  name: 'Report Timeframe';
  valueType: 'REPORT_TIMEFRAME';
  value: ReportTimeframe;
}

export interface ReportRequestBody {
  format: 'json';
  /** The timeframe first, then the source's extra parameters exactly as Xima's "Show Request Details" gave them. */
  parameters: [ReportTimeframeParameter, ...unknown[]];
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The body of Xima's historic-data call; throws RangeError for a time without an offset. */
export function reportRequestBody(
  startIso: string,
  endIso: string,
  extraParameters: readonly unknown[] = [],
): ReportRequestBody {
  for (const [name, value] of [
    ['start', startIso],
    ['end', endIso],
  ] as const) {
    if (!ISO_WITH_OFFSET.test(value)) {
      throw new RangeError(
        `${name} must be ISO-8601 with an offset like 2019-09-09T00:00:00.000-06:00, got ${JSON.stringify(value)}`,
      );
    }
  }
  return {
    format: 'json',
    parameters: [
      {
        name: 'Report Timeframe',
        valueType: 'REPORT_TIMEFRAME',
        value: { type: 'REPORT_TIMEFRAME', start: startIso, end: endIso },
      },
      ...extraParameters,
    ],
  };
}
