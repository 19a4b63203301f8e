import { Random } from './random';

export const FAULT_MODES = [
  'latency',
  '202-then-200',
  '202',
  '429',
  '503',
  '500',
  '403',
  '509',
  'malformed-json',
  'truncated',
  'reset',
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];
/** Every mode but latency decides the answer; latency only delays it. */
export type ResponseFault = Exclude<FaultMode, 'latency'>;

export interface FaultConfig {
  mode: FaultMode;
  /** Chance that the rule fires for a request, 0..1; default 1. */
  probability?: number;
  /** The rule fires for at most this many requests (with probability 1: the first n); default unlimited. */
  times?: number;
  /** Retry-After of a 429 or 503, whole seconds; default 1. */
  retryAfterSeconds?: number;
  /** Delay before answering, ms; required for mode latency, allowed with any mode. */
  latencyMs?: number;
}

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault: ResponseFault | undefined;
  readonly retryAfterSeconds: number;
}

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

const DEFAULT_RETRY_AFTER_SECONDS = 1;
const MAX_LATENCY_MS = 600_000;
const MAX_RETRY_AFTER_SECONDS = 86_400;
const MODES_WITH_RETRY_AFTER: readonly FaultMode[] = ['429', '503'];

function isFaultMode(text: string): text is FaultMode {
  return (FAULT_MODES as readonly string[]).includes(text);
}

function isWholeNumber(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

/** Throws FaultSpecError naming what is wrong with one rule. */
export function validateFaultConfig(config: FaultConfig): FaultConfig {
  const { mode, probability, times, retryAfterSeconds, latencyMs } = config;
  if (!isFaultMode(mode)) {
    throw new FaultSpecError(
      `unknown fault mode "${String(mode)}"; known: ${FAULT_MODES.join(', ')}`,
    );
  }
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
    throw new FaultSpecError(`probability must be from 0 to 1, got ${probability}`);
  }
  if (times !== undefined && !(isWholeNumber(times, Number.MAX_SAFE_INTEGER) && times >= 1)) {
    throw new FaultSpecError(`times must be a whole number of at least 1, got ${times}`);
  }
  if (retryAfterSeconds !== undefined) {
    if (!MODES_WITH_RETRY_AFTER.includes(mode)) {
      throw new FaultSpecError(`retry-after applies to 429 and 503 only, not to ${mode}`);
    }
    if (!isWholeNumber(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS)) {
      throw new FaultSpecError(
        `retry-after must be whole seconds from 0 to ${MAX_RETRY_AFTER_SECONDS}, got ${retryAfterSeconds}`,
      );
    }
  }
  if (latencyMs !== undefined && !isWholeNumber(latencyMs, MAX_LATENCY_MS)) {
    throw new FaultSpecError(
      `latency must be whole milliseconds from 0 to ${MAX_LATENCY_MS}, got ${latencyMs}`,
    );
  }
  if (mode === 'latency' && latencyMs === undefined) {
    throw new FaultSpecError('mode latency needs latencyMs (latency=250)');
  }
  return config;
}

function parseNumberOption(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new FaultSpecError(`${name} must be a number, got "${text}"`);
  }
  return value;
}

function parseRule(text: string, allowTimes: boolean): FaultConfig {
  let mode: FaultMode | undefined;
  const options: Omit<FaultConfig, 'mode'> = {};
  for (const token of text.split(',').map((t) => t.trim())) {
    const [name, value] = token.split('=', 2).map((t) => t.trim());
    if (value === undefined) {
      if (name === 'latency') throw new FaultSpecError('latency needs a value in ms: latency=250');
      if (!isFaultMode(name)) {
        throw new FaultSpecError(
          `unknown fault "${token}"; known: ${FAULT_MODES.filter((m) => m !== 'latency').join(', ')}, ` +
            'latency=<ms>, retry-after=<s>, probability=<0..1>' +
            (allowTimes ? ', times=<n>' : ''),
        );
      }
      if (mode !== undefined) {
        throw new FaultSpecError(
          `one mode per rule, got ${mode} and ${name}; separate rules with ";"`,
        );
      }
      mode = name;
    } else if (name === 'latency') {
      options.latencyMs = parseNumberOption(name, value);
    } else if (name === 'retry-after') {
      options.retryAfterSeconds = parseNumberOption(name, value);
    } else if (name === 'probability') {
      options.probability = parseNumberOption(name, value);
    } else if (name === 'times' && allowTimes) {
      options.times = parseNumberOption(name, value);
    } else {
      throw new FaultSpecError(`unknown fault option "${name}"`);
    }
  }
  if (mode === undefined && options.latencyMs === undefined) {
    throw new FaultSpecError(
      `"${text}" names no fault mode; put options after the mode with commas, e.g. "429, retry-after=5"`,
    );
  }
  return validateFaultConfig({ mode: mode ?? 'latency', ...options });
}

/**
 * Parses the X-Sandbox-Fault / SANDBOX_FAULT syntax: rules separated by ";", each a mode and
 * options separated by ",": `503, retry-after=2, probability=0.1; latency=250`.
 * `times` only means something across requests, so only configuration (SANDBOX_FAULT) takes it.
 */
export function parseFaultSpec(text: string, options: { allowTimes: boolean }): FaultConfig[] {
  const rules = text
    .split(';')
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0);
  if (rules.length === 0) throw new FaultSpecError('empty fault specification');
  return rules.map((rule) => parseRule(rule, options.allowTimes));
}

interface RuleState {
  readonly config: FaultConfig;
  fired: number;
}

/** Decides, per request, which configured or requested faults fire; the first answer fault wins. */
export class FaultInjector {
  private rules: RuleState[] = [];

  constructor(private readonly random: Random) {}

  configure(configs: readonly FaultConfig[]): void {
    this.rules = configs.map((config) => ({ config: validateFaultConfig(config), fired: 0 }));
  }

  decide(requestRules: readonly FaultConfig[]): FaultDecision {
    let latencyMs = 0;
    let fault: ResponseFault | undefined;
    let retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    const consider = (config: FaultConfig, state?: RuleState): void => {
      const { mode } = config;
      if (mode !== 'latency' && fault !== undefined) return;
      if (state !== undefined && config.times !== undefined && state.fired >= config.times) return;
      if (config.probability !== undefined && config.probability < 1) {
        if (this.random() >= config.probability) return;
      }
      if (state !== undefined) state.fired++;
      latencyMs += config.latencyMs ?? 0;
      if (mode !== 'latency') {
        fault = mode;
        retryAfterSeconds = config.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      }
    };
    for (const config of requestRules) consider(config);
    for (const state of this.rules) consider(state.config, state);
    return { latencyMs, fault, retryAfterSeconds };
  }
}
