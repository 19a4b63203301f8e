import {
  DEFAULT_PMS_SANDBOX_SEED,
  DEFAULT_SCRIPT_DAYS,
  parsePmsFaultSpec,
  PmsFaults,
  PmsFaultSpecError,
} from '@app/pms-sandbox';
import { FIAS_CHARSETS, FiasCharset, isFiasCharset } from '@app/pms';
import { DEFAULT_TIMEZONE, isKnownTimeZone } from '@app/xima-sandbox';

export const DEFAULT_PMS_SANDBOX_PORT = 5010;

/** `npm run pms-sandbox` settings, read once from the environment. */
export interface PmsSandboxEnv {
  readonly port: number;
  readonly seed: string;
  readonly charset: FiasCharset;
  readonly timezone: string;
  readonly scriptDays: number;
  readonly answerDelayMs: number;
  /** PMS_SANDBOX_LINK_START `pms` (send LS on connect) or `client` (wait for the client's). */
  readonly linkStartFirst: boolean;
  readonly faults: PmsFaults;
  /** PMS_SANDBOX_FAULTS as given, for the start-up message. */
  readonly faultSpec: string | undefined;
}

export class PmsSandboxEnvError extends Error {
  override name = 'PmsSandboxEnvError';
}

type Env = Readonly<Record<string, string | undefined>>;

// An empty variable counts as unset, as in most shells' `VAR= npm run pms-sandbox`.
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readWhole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new PmsSandboxEnvError(
      `${name} must be a whole number from ${min} to ${max}, got "${text}"`,
    );
  }
  return value;
}

/** Throws PmsSandboxEnvError with a one-line message naming the variable. */
export function readPmsSandboxEnv(env: Env): PmsSandboxEnv {
  const charset = read(env, 'PMS_SANDBOX_CHARSET') ?? 'ascii';
  if (!isFiasCharset(charset)) {
    throw new PmsSandboxEnvError(
      `PMS_SANDBOX_CHARSET must be one of ${FIAS_CHARSETS.join(', ')}, got "${charset}"`,
    );
  }
  const timezone = read(env, 'PMS_SANDBOX_TIMEZONE') ?? DEFAULT_TIMEZONE;
  if (!isKnownTimeZone(timezone)) {
    throw new PmsSandboxEnvError(
      `PMS_SANDBOX_TIMEZONE must be an IANA zone like America/Denver, got "${timezone}"`,
    );
  }
  const linkStart = read(env, 'PMS_SANDBOX_LINK_START') ?? 'pms';
  if (linkStart !== 'pms' && linkStart !== 'client') {
    throw new PmsSandboxEnvError(
      `PMS_SANDBOX_LINK_START must be pms or client, got "${linkStart}"`,
    );
  }
  const faultSpec = read(env, 'PMS_SANDBOX_FAULTS');
  let faults: PmsFaults = {};
  try {
    if (faultSpec !== undefined) faults = parsePmsFaultSpec(faultSpec);
  } catch (error) {
    if (error instanceof PmsFaultSpecError) {
      throw new PmsSandboxEnvError(`PMS_SANDBOX_FAULTS: ${error.message}`);
    }
    throw error;
  }
  return {
    port: readWhole(env, 'PMS_SANDBOX_PORT', DEFAULT_PMS_SANDBOX_PORT, 0, 65535),
    seed: read(env, 'PMS_SANDBOX_SEED') ?? DEFAULT_PMS_SANDBOX_SEED,
    charset,
    timezone,
    scriptDays: readWhole(env, 'PMS_SANDBOX_SCRIPT_DAYS', DEFAULT_SCRIPT_DAYS, 0, 366),
    answerDelayMs: readWhole(env, 'PMS_SANDBOX_ANSWER_DELAY_MS', 0, 0, 600_000),
    linkStartFirst: linkStart === 'pms',
    faults,
    faultSpec,
  };
}
