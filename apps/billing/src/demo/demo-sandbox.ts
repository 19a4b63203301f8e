import { randomBytes } from 'node:crypto';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RunningSandbox, startSandbox } from '@app/xima-sandbox';

/**
 * Demo mode's stand-in for Xima: the bundled sandbox on a loopback port of its own, with a
 * token made for this run. Absent (null) outside demo mode.
 */
@Injectable()
export class DemoSandbox implements OnApplicationShutdown {
  private constructor(
    readonly sandbox: RunningSandbox,
    readonly token: string,
  ) {}

  static async start(): Promise<DemoSandbox> {
    const token = `demo-${randomBytes(18).toString('base64url')}`;
    const sandbox = await startSandbox({ token, seed: 'xima-billing-demo', callsPerDay: 400 });
    return new DemoSandbox(sandbox, token);
  }

  get url(): string {
    return this.sandbox.url;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.close();
  }
}
