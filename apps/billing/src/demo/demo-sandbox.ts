import { randomBytes } from 'node:crypto';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PmsSandbox, SANDBOX_ROOMS, startPmsSandbox } from '@app/pms-sandbox';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';

/** The demo hotel's guest with a no-post flag: its calls show as posting exceptions. */
export const DEMO_NO_POST_ROOM = '1013';

/** One room in this many is empty in the demo hotel: its calls have no guest to go to. */
const DEMO_EMPTY_EVERY = 25;

/**
 * Demo mode's stand-ins: for Xima, the bundled sandbox on a loopback port of its own, with a
 * token made for this run; for the demo hotel's PMS, the stand-in PMS (its rooms are the Xima
 * sandbox's, nearly all taken, one guest with a no-post flag). Absent (null) outside demo mode.
 */
@Injectable()
export class DemoSandbox implements OnApplicationShutdown {
  private constructor(
    readonly sandbox: RunningSandbox,
    readonly token: string,
    readonly pms: PmsSandbox,
  ) {}

  static async start(): Promise<DemoSandbox> {
    const token = `demo-${randomBytes(18).toString('base64url')}`;
    const sandbox = await startSandbox({ token, seed: 'xima-billing-demo', callsPerDay: 400 });
    // A full house that arrived before the week the demo syncs (a few rooms empty), so that
    // the week's calls are posted as they would have been live, and the exceptions queue
    // shows what a night auditor meets: a no-post guest, calls from empty rooms.
    const pms = await startPmsSandbox({
      seed: 'xima-billing-demo',
      timezone: 'America/Denver',
      scriptDays: 0,
      lateCharges: true,
    });
    const arrived = Date.now() - 8 * 86_400_000;
    SANDBOX_ROOMS.forEach((room, index) => {
      if (index % DEMO_EMPTY_EVERY !== DEMO_EMPTY_EVERY - 1) pms.checkIn(room, { at: arrived });
    });
    pms.failRoom(DEMO_NO_POST_ROOM, 'NP');
    return new DemoSandbox(sandbox, token, pms);
  }

  get url(): string {
    return this.sandbox.url;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.sandbox.close(), this.pms.close()]);
  }
}
