/**
 * The stand-in PMS bench:pms posts to, in this process or in one of its own
 * (pms-sandbox-process.ts): answering at once (or after `answerDelayMs`), with a guest in each of the hotel's rooms since
 * `checkInAt`, so that every posting of a room's call is taken (`OK`).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { PmsSandbox, PmsSandboxOptions } from '@app/pms-sandbox';

export interface StandInStart {
  seed: string;
  timezone: string;
  rooms: readonly string[];
  /** When each room's guest checked in (before the first call posted). */
  checkInAt: number;
  /** How long the stand-in waits before each `PA` (0: at once). */
  answerDelayMs: number;
}

/** What the stand-in accepted: postings taken (each `P#` once), and `P#`s sent again. */
export interface StandInCount {
  accepted: number;
  duplicates: number;
}

export interface StandIn {
  readonly port: number;
  count(): Promise<StandInCount>;
  close(): Promise<void>;
}

/** Starts a stand-in with the bench's settings and its guests. */
export async function openStandIn(
  start: (options: PmsSandboxOptions) => Promise<PmsSandbox>,
  options: StandInStart,
): Promise<{ port: number; count(): StandInCount; close(): Promise<void> }> {
  const pms = await start({
    host: '127.0.0.1',
    seed: options.seed,
    timezone: options.timezone,
    rooms: options.rooms,
    scriptDays: 0,
    answerDelayMs: options.answerDelayMs,
  });
  options.rooms.forEach((room) => pms.checkIn(room, { at: options.checkInAt }));
  return {
    port: pms.port,
    count: () => ({ accepted: pms.postings().length, duplicates: pms.duplicates.length }),
    close: () => pms.close(),
  };
}

export async function standInInProcess(options: StandInStart): Promise<StandIn> {
  const { startPmsSandbox } = await import('@app/pms-sandbox');
  const standIn = await openStandIn(startPmsSandbox, options);
  return {
    port: standIn.port,
    count: () => Promise.resolve(standIn.count()),
    close: () => standIn.close(),
  };
}

export async function standInProcess(options: StandInStart): Promise<StandIn> {
  const child = fork(join(__dirname, 'pms-sandbox-process.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port?: number; error?: string }) =>
      message.port ? resolve(message.port) : reject(new Error(`stand-in: ${message.error}`)),
    );
    child.once('exit', (code) => reject(new Error(`the stand-in exited with ${code}`)));
    child.send(options);
  });
  return {
    port,
    count: () =>
      new Promise((resolve) => {
        child.once('message', (message: { count: StandInCount }) => resolve(message.count));
        child.send('count');
      }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
