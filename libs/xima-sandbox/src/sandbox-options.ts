import { CallGenerator } from './call-generator';
import { FaultConfig, FaultSpecError, validateFaultConfig } from './faults';

export interface SandboxOptions {
  /** Interface to bind; default '127.0.0.1'. */
  host?: string;
  /** Default 0: an ephemeral port (read it from RunningSandbox.port). */
  port?: number;
  /** The Bearer token the sandbox accepts. */
  token: string;
  /** Default 'xima-sandbox'. */
  seed?: string;
  /** Mean generated calls per day; default 400, at most 1,000,000. */
  callsPerDay?: number;
  /** The tenant's IANA zone: traffic shape and formatted times; default 'America/Denver'. */
  timezone?: string;
  /** Faults injected by configuration; see docs/xima-sandbox.md. */
  faults?: FaultConfig | readonly FaultConfig[];
  /** Largest request body accepted; default 1 MiB, larger gets 413. */
  maxBodyBytes?: number;
  /** One line per request; never receives the token or the Authorization header. */
  logger?: (line: string) => void;
  /**
   * Keep this many rendered reports in memory and answer a repeated request from there
   * (default 0: render every time). For benchmarks, where the cost of building Xima's answer
   * is Xima's, not the client's.
   */
  reportCache?: number;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface ResolvedSandboxOptions {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  readonly generator: CallGenerator;
  readonly faults: readonly FaultConfig[];
  readonly maxBodyBytes: number;
  readonly reportCache: number;
  readonly logger: ((line: string) => void) | undefined;
}

export class SandboxOptionsError extends Error {
  override name = 'SandboxOptionsError';
}

// RFC 6750 b64token characters: what a Bearer token can hold.
export const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

function isFaultList(faults: SandboxOptions['faults']): faults is readonly FaultConfig[] {
  return Array.isArray(faults);
}

/** Validates faults given as one rule or a list; throws SandboxOptionsError naming the bad rule. */
export function toFaultList(faults: SandboxOptions['faults']): FaultConfig[] {
  if (faults === undefined) return [];
  const list = isFaultList(faults) ? faults : [faults];
  return list.map((fault, i) => {
    try {
      return validateFaultConfig({ ...fault });
    } catch (error) {
      if (error instanceof FaultSpecError) {
        throw new SandboxOptionsError(`faults[${i}]: ${error.message}`);
      }
      throw error;
    }
  });
}

/** Checks every option and applies defaults; throws SandboxOptionsError naming the bad one. */
export function resolveSandboxOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const { host = DEFAULT_HOST, port = 0, token, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  if (typeof token !== 'string' || !BEARER_TOKEN.test(token)) {
    throw new SandboxOptionsError(
      'token must be a non-empty Bearer token (letters, digits, -._~+/)',
    );
  }
  if (typeof host !== 'string' || host.length === 0) {
    throw new SandboxOptionsError('host must be a non-empty string');
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SandboxOptionsError(`port must be a whole number from 0 to 65535, got ${port}`);
  }
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new SandboxOptionsError(
      `maxBodyBytes must be a whole number of at least 1, got ${maxBodyBytes}`,
    );
  }
  const { reportCache = 0 } = options;
  if (!Number.isInteger(reportCache) || reportCache < 0) {
    throw new SandboxOptionsError(
      `reportCache must be a whole number of at least 0, got ${reportCache}`,
    );
  }
  let generator: CallGenerator;
  try {
    generator = new CallGenerator(options);
  } catch (error) {
    throw new SandboxOptionsError((error as Error).message);
  }
  return {
    host,
    port,
    token,
    generator,
    faults: toFaultList(options.faults),
    maxBodyBytes,
    reportCache,
    logger: options.logger,
  };
}
