import { DEV_TOKEN, readSandboxEnv, SandboxEnvError } from './sandbox-env';

describe('readSandboxEnv', () => {
  it('defaults to port 4010, the dev token, 400 calls a day in Denver, no faults', () => {
    expect(readSandboxEnv({})).toEqual({
      port: 4010,
      token: DEV_TOKEN,
      tokenIsDefault: true,
      seed: 'xima-sandbox',
      callsPerDay: 400,
      timezone: 'America/Denver',
      faults: [],
      faultSpec: undefined,
    });
  });

  it('reads every variable, treating empty ones as unset', () => {
    expect(
      readSandboxEnv({
        SANDBOX_PORT: '0',
        SANDBOX_TOKEN: 'secret-123',
        SANDBOX_SEED: 'demo',
        SANDBOX_CALLS_PER_DAY: '150000',
        SANDBOX_TIMEZONE: 'Europe/London',
        SANDBOX_FAULT: '503, times=2; latency=100',
      }),
    ).toEqual({
      port: 0,
      token: 'secret-123',
      tokenIsDefault: false,
      seed: 'demo',
      callsPerDay: 150000,
      timezone: 'Europe/London',
      faults: [
        { mode: '503', times: 2 },
        { mode: 'latency', latencyMs: 100 },
      ],
      faultSpec: '503, times=2; latency=100',
    });
    expect(readSandboxEnv({ SANDBOX_PORT: '', SANDBOX_TOKEN: ' ' }).port).toBe(4010);
  });

  it.each([
    [{ SANDBOX_PORT: 'http' }, 'SANDBOX_PORT must be a number from 0 to 65535, got "http"'],
    [{ SANDBOX_PORT: '70000' }, 'SANDBOX_PORT must be a number from 0 to 65535'],
    [{ SANDBOX_PORT: '80.5' }, 'SANDBOX_PORT must be a whole number'],
    [{ SANDBOX_CALLS_PER_DAY: '-3' }, 'SANDBOX_CALLS_PER_DAY must be a number from 0 to 1000000'],
    [{ SANDBOX_CALLS_PER_DAY: '2e6' }, 'SANDBOX_CALLS_PER_DAY must be a number'],
    [{ SANDBOX_TOKEN: 'has space' }, 'SANDBOX_TOKEN must be a Bearer token'],
    [{ SANDBOX_TIMEZONE: 'Denver' }, 'SANDBOX_TIMEZONE must be an IANA zone'],
    [{ SANDBOX_FAULT: 'teapot' }, 'SANDBOX_FAULT: unknown fault "teapot"'],
  ])('refuses %p in one line', (env, message) => {
    expect(() => readSandboxEnv(env)).toThrow(SandboxEnvError);
    expect(() => readSandboxEnv(env)).toThrow(message);
  });
});
