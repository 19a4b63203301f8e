import { startPmsSandbox } from '@app/pms-sandbox';
import { PmsSandboxEnv, PmsSandboxEnvError, readPmsSandboxEnv } from './pms-sandbox-env';
import { startupBanner } from './startup-banner';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`pms-sandbox: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env: PmsSandboxEnv;
  try {
    env = readPmsSandboxEnv(process.env);
  } catch (error) {
    if (error instanceof PmsSandboxEnvError) fail(error.message);
    throw error;
  }
  const sandbox = await startPmsSandbox({
    host: '127.0.0.1',
    port: env.port,
    seed: env.seed,
    charset: env.charset,
    timezone: env.timezone,
    scriptDays: env.scriptDays,
    answerDelayMs: env.answerDelayMs,
    linkStartFirst: env.linkStartFirst,
    faults: env.faults,
    logger: say,
  }).catch((error: Error) => fail(`cannot start: ${error.message}`));
  say(startupBanner(sandbox, env));

  const stop = (signal: NodeJS.Signals) => {
    say(`pms-sandbox: ${signal}, stopping`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
