import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DemoSandbox } from './demo-sandbox';

export const DEMO_SANDBOX = Symbol('DEMO_SANDBOX');

/** In demo mode, the sandbox Xima; otherwise nothing. */
@Module({
  providers: [
    {
      provide: DEMO_SANDBOX,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Promise<DemoSandbox> | null =>
        config.demoMode ? DemoSandbox.start() : null,
    },
  ],
  exports: [DEMO_SANDBOX],
})
export class DemoModule {}
