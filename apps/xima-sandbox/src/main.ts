import { DEFAULT_HOST, startSandbox } from '@app/xima-sandbox';
import { readSandboxEnv, SandboxEnv, SandboxEnvError } from './sandbox-env';
import { startupBanner } from './startup-banner';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`xima-sandbox: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env: SandboxEnv;
  try {
    env = readSandboxEnv(process.env);
  } catch (error) {
    if (error instanceof SandboxEnvError) fail(error.message);
    throw error;
  }
  const sandbox = await startSandbox({
    host: DEFAULT_HOST,
    port: env.port,
    token: env.token,
    seed: env.seed,
    callsPerDay: env.callsPerDay,
    timezone: env.timezone,
    faults: env.faults,
    logger: say,
  }).catch((error: Error) => fail(`cannot start: ${error.message}`));
  say(startupBanner(sandbox.url, env, Date.now()));

  const stop = (signal: NodeJS.Signals) => {
    say(`xima-sandbox: ${signal}, stopping`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
