import {
  BEARER_TOKEN,
  DEFAULT_CALLS_PER_DAY,
  DEFAULT_SEED,
  DEFAULT_TIMEZONE,
  FaultConfig,
  FaultSpecError,
  MAX_CALLS_PER_DAY,
  isKnownTimeZone,
  parseFaultSpec,
} from '@app/xima-sandbox';

export const DEFAULT_SANDBOX_PORT = 4010;
/** Printed at start: only for a developer's own machine. */
export const DEV_TOKEN = 'xima-sandbox-dev-token';

/** `npm run sandbox` settings, read once from the environment. */
export interface SandboxEnv {
  readonly port: number;
  readonly token: string;
  readonly tokenIsDefault: boolean;
  readonly seed: string;
  readonly callsPerDay: number;
  readonly timezone: string;
  readonly faults: readonly FaultConfig[];
  /** SANDBOX_FAULT as given, for the start-up message. */
  readonly faultSpec: string | undefined;
}

export class SandboxEnvError extends Error {
  override name = 'SandboxEnvError';
}

type Env = Readonly<Record<string, string | undefined>>;

// An empty variable counts as unset, as in most shells' `VAR= npm run sandbox`.
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < min || value > max) {
    throw new SandboxEnvError(`${name} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** Throws SandboxEnvError with a one-line message naming the variable. */
export function readSandboxEnv(env: Env): SandboxEnv {
  const port = readNumber(env, 'SANDBOX_PORT', DEFAULT_SANDBOX_PORT, 0, 65535);
  if (!Number.isInteger(port)) {
    throw new SandboxEnvError(`SANDBOX_PORT must be a whole number, got "${port}"`);
  }
  const token = read(env, 'SANDBOX_TOKEN');
  if (token !== undefined && !BEARER_TOKEN.test(token)) {
    throw new SandboxEnvError(
      'SANDBOX_TOKEN must be a Bearer token: letters, digits and -._~+/ only',
    );
  }
  const timezone = read(env, 'SANDBOX_TIMEZONE') ?? DEFAULT_TIMEZONE;
  if (!isKnownTimeZone(timezone)) {
    throw new SandboxEnvError(
      `SANDBOX_TIMEZONE must be an IANA zone like America/Denver, got "${timezone}"`,
    );
  }
  const faultSpec = read(env, 'SANDBOX_FAULT');
  let faults: FaultConfig[] = [];
  try {
    if (faultSpec !== undefined) faults = parseFaultSpec(faultSpec, { allowTimes: true });
  } catch (error) {
    if (error instanceof FaultSpecError)
      throw new SandboxEnvError(`SANDBOX_FAULT: ${error.message}`);
    throw error;
  }
  return {
    port,
    token: token ?? DEV_TOKEN,
    tokenIsDefault: token === undefined,
    seed: read(env, 'SANDBOX_SEED') ?? DEFAULT_SEED,
    callsPerDay: readNumber(
      env,
      'SANDBOX_CALLS_PER_DAY',
      DEFAULT_CALLS_PER_DAY,
      0,
      MAX_CALLS_PER_DAY,
    ),
    timezone,
    faults,
    faultSpec,
  };
}
