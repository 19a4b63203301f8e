// The built service (`node dist/apps/billing/src/main.js`) as a child process on a free loopback
// port, for the specs that run it as an operator would: the console's, several instances, a
// crash. The caller builds first (`buildIfStale` of scripts/built.mjs).
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
export const BUILT_MAIN = 'dist/apps/billing/src/main.js';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface BuiltService {
  baseUrl: string;
  child: ChildProcess;
  /** Resolves once the process has ended, however. */
  exited: Promise<void>;
  /** What it wrote to stdout so far. */
  stdout(): string;
  /** Its stdout, then its stderr. */
  output(): string;
  /** SIGTERM (when it still runs), then its end. */
  stop(): Promise<void>;
}

/** Starts the built service with production's settings and `env` on top; its output gathered. */
export async function spawnBuilt(env: Record<string, string>): Promise<BuiltService> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, BUILT_MAIN)], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    exited,
    stdout: () => stdout,
    output: () => stdout + stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Polls until `ready` holds, failing with the service's output when it exits or takes 60 s (then
 * stopped: a service that did not start is not left running).
 */
export async function untilStarted(
  service: BuiltService,
  ready: () => boolean | Promise<boolean> = () =>
    fetch(`${service.baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    ),
): Promise<void> {
  try {
    await poll(service, ready);
  } catch (error) {
    await service.stop();
    throw error;
  }
}

async function poll(service: BuiltService, ready: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await ready())) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`the service exited: ${service.output()}`);
    }
    if (Date.now() > deadline) throw new Error(`the service did not start: ${service.output()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** A JSON call to the API under `/api/v1` with a key; anything but a 2xx throws, naming it. */
export async function callApi<T = Record<string, unknown>>(
  baseUrl: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
