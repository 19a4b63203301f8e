import { PmsSandboxEnvError, readPmsSandboxEnv } from './pms-sandbox-env';

describe('readPmsSandboxEnv', () => {
  it('defaults to port 5010, ASCII, seven scripted days in Denver, no faults', () => {
    expect(readPmsSandboxEnv({})).toEqual({
      port: 5010,
      seed: 'pms-sandbox',
      charset: 'ascii',
      timezone: 'America/Denver',
      scriptDays: 7,
      answerDelayMs: 0,
      linkStartFirst: true,
      faults: {},
      faultSpec: undefined,
    });
  });

  it('reads every variable, treating empty ones as unset', () => {
    expect(
      readPmsSandboxEnv({
        PMS_SANDBOX_PORT: '0',
        PMS_SANDBOX_SEED: 'demo',
        PMS_SANDBOX_CHARSET: 'cp850',
        PMS_SANDBOX_TIMEZONE: 'Europe/Vienna',
        PMS_SANDBOX_SCRIPT_DAYS: '0',
        PMS_SANDBOX_ANSWER_DELAY_MS: '250',
        PMS_SANDBOX_LINK_START: 'client',
        PMS_SANDBOX_FAULTS: 'ng:1012,ry:3',
      }),
    ).toEqual({
      port: 0,
      seed: 'demo',
      charset: 'cp850',
      timezone: 'Europe/Vienna',
      scriptDays: 0,
      answerDelayMs: 250,
      linkStartFirst: false,
      faults: { roomAnswers: { '1012': 'NG' }, retryNext: 3 },
      faultSpec: 'ng:1012,ry:3',
    });
    expect(readPmsSandboxEnv({ PMS_SANDBOX_PORT: '', PMS_SANDBOX_SEED: ' ' })).toMatchObject({
      port: 5010,
      seed: 'pms-sandbox',
    });
  });

  it.each([
    [
      { PMS_SANDBOX_PORT: 'abc' },
      'PMS_SANDBOX_PORT must be a whole number from 0 to 65535, got "abc"',
    ],
    [{ PMS_SANDBOX_PORT: '70000' }, 'PMS_SANDBOX_PORT must be a whole number'],
    [{ PMS_SANDBOX_CHARSET: 'utf-8' }, 'PMS_SANDBOX_CHARSET must be one of ascii, cp850'],
    [{ PMS_SANDBOX_TIMEZONE: 'Mars/Base' }, 'PMS_SANDBOX_TIMEZONE must be an IANA zone'],
    [{ PMS_SANDBOX_SCRIPT_DAYS: '-1' }, 'PMS_SANDBOX_SCRIPT_DAYS must be a whole number'],
    [{ PMS_SANDBOX_LINK_START: 'both' }, 'PMS_SANDBOX_LINK_START must be pms or client'],
    [{ PMS_SANDBOX_FAULTS: 'ng:1012,boom' }, 'PMS_SANDBOX_FAULTS: unknown fault "boom"'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => readPmsSandboxEnv(env)).toThrow(PmsSandboxEnvError);
    expect(() => readPmsSandboxEnv(env)).toThrow(message);
  });
});
