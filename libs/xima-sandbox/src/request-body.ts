import { SandboxHttpError } from './sandbox-error';

export interface TimeframeBound {
  readonly epochMs: number;
  /** As the response echoes it: seconds precision unless the milliseconds are non-zero, same offset. */
  readonly text: string;
}

export interface ReportRequest {
  readonly start: TimeframeBound;
  readonly end: TimeframeBound;
  /** PBX_USERS keys (`Room 1012(1012)`); undefined when the request names none. */
  readonly agents: readonly string[] | undefined;
}

const OFFSET_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;

const EXAMPLE_DATE_TIME = '2019-09-09T00:00:00.000-06:00';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badRequest(message: string): SandboxHttpError {
  return new SandboxHttpError(400, message);
}

/** ISO-8601 with an offset (`Z` or `±hh:mm`), fraction optional; undefined when not one. */
export function parseOffsetDateTime(text: string): TimeframeBound | undefined {
  const match = OFFSET_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', offset, sign, oh, om] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offsetMinutes =
    offset === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millis);
  const fieldsValid =
    wall.getUTCMonth() === month - 1 &&
    wall.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    Number(om ?? 0) <= 59 &&
    Math.abs(offsetMinutes) <= 18 * 60;
  if (!fieldsValid) return undefined;
  const fractionText = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return {
    epochMs: wall.getTime() - offsetMinutes * 60_000,
    text: `${y}-${mo}-${d}T${h}:${mi}:${s}${fractionText}${offset}`,
  };
}

function parseBound(value: JsonObject, name: 'start' | 'end', path: string): TimeframeBound {
  const raw = value[name];
  if (raw === undefined) throw badRequest(`${path}.${name} is required`);
  const bound = typeof raw === 'string' ? parseOffsetDateTime(raw) : undefined;
  if (bound === undefined) {
    throw badRequest(
      `${path}.${name} must be an ISO-8601 date-time with an offset like ${EXAMPLE_DATE_TIME}, ` +
        `got ${JSON.stringify(raw)}`,
    );
  }
  return bound;
}

function hasType(parameter: JsonObject, type: string): boolean {
  return (
    parameter.valueType === type || (isObject(parameter.value) && parameter.value.type === type)
  );
}

function parseTimeframe(parameter: JsonObject, path: string): [TimeframeBound, TimeframeBound] {
  const value = parameter.value;
  if (!isObject(value))
    throw badRequest(`${path}.value must be an object with type, start and end`);
  if (value.type !== 'REPORT_TIMEFRAME') {
    throw badRequest(
      `${path}.value.type must be "REPORT_TIMEFRAME", got ${JSON.stringify(value.type)}`,
    );
  }
  const start = parseBound(value, 'start', `${path}.value`);
  const end = parseBound(value, 'end', `${path}.value`);
  if (start.epochMs > end.epochMs) {
    throw badRequest(`${path}.value.start (${start.text}) is after end (${end.text})`);
  }
  return [start, end];
}

function parseAgents(parameter: JsonObject, path: string): string[] {
  const value = parameter.value;
  const users = isObject(value) ? value.pbxUsers : undefined;
  if (!Array.isArray(users)) throw badRequest(`${path}.value.pbxUsers must be an array`);
  return users.map((user: unknown, i) => {
    if (!isObject(user) || typeof user.key !== 'string') {
      throw badRequest(`${path}.value.pbxUsers[${i}].key must be a string like "Agent1(200)"`);
    }
    return user.key;
  });
}

/**
 * Validates a Historical Data request body. Parameters other than REPORT_TIMEFRAME and PBX_USERS
 * are accepted and ignored: Xima's "Show Request Details" gives each report its own extras.
 */
export function parseReportRequest(body: string): ReportRequest {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw badRequest(`Malformed JSON request body: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw badRequest('The request body must be a JSON object');
  if (json.format !== 'json') {
    throw badRequest(`"format" must be "json", got ${JSON.stringify(json.format) ?? 'nothing'}`);
  }
  const parameters = json.parameters;
  if (!Array.isArray(parameters)) throw badRequest('"parameters" must be an array');

  let timeframe: [TimeframeBound, TimeframeBound] | undefined;
  let agents: string[] | undefined;
  parameters.forEach((parameter: unknown, i) => {
    const path = `parameters[${i}]`;
    if (!isObject(parameter)) throw badRequest(`${path} must be an object`);
    if (hasType(parameter, 'REPORT_TIMEFRAME')) {
      if (timeframe !== undefined)
        throw badRequest('Only one REPORT_TIMEFRAME parameter is allowed');
      timeframe = parseTimeframe(parameter, path);
    } else if (hasType(parameter, 'PBX_USERS')) {
      agents = [...(agents ?? []), ...parseAgents(parameter, path)];
    }
  });
  if (timeframe === undefined) {
    throw badRequest(
      '"parameters" must contain a REPORT_TIMEFRAME parameter: ' +
        '{"valueType":"REPORT_TIMEFRAME","value":{"type":"REPORT_TIMEFRAME","start":...,"end":...}}',
    );
  }
  const [start, end] = timeframe;
  return { start, end, agents: agents !== undefined && agents.length > 0 ? agents : undefined };
}
