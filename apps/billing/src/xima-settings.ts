import type { XimaModuleAsyncOptions } from '@app/xima';
import { AppConfig } from './config/app-config';
import type { DemoSandbox } from './demo/demo-sandbox';
import { DEMO_SANDBOX, DemoModule } from './demo/demo.module';

/**
 * How the app reaches Xima: the bundled sandbox in demo mode, else XIMA_BASE_URL. The service
 * runs the schedules; the CLI never does (`schedules: false`).
 */
export function ximaModuleOptions(schedules: boolean): XimaModuleAsyncOptions {
  return {
    imports: [DemoModule],
    inject: [AppConfig, DEMO_SANDBOX],
    useFactory: (config: AppConfig, demo: DemoSandbox | null) => ({
      client: demo
        ? { baseUrl: demo.url, token: demo.token }
        : config.ximaBaseUrl && config.ximaApiKey
          ? { baseUrl: config.ximaBaseUrl, token: config.ximaApiKey }
          : null,
      schedule: { enabled: schedules && config.syncScheduleEnabled, defaultCron: config.syncCron },
      sources: { deliveryAllowedHosts: config.deliveryAllowedHosts },
    }),
  };
}
