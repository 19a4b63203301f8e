import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AppConfig } from './config/app-config';
import { DemoDataService } from './demo/demo-data.service';
import { plainHttpWarning } from './http/plain-http-warning';

/** What the service does once its modules are up: make sure someone can log in. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');
  private demoKey: string | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly apiKeys: ApiKeysService,
    private readonly demoData: DemoDataService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const plainHttp = plainHttpWarning(this.config.host, this.config.behindTlsProxy);
    if (plainHttp !== null) this.logger.warn(plainHttp);
    const adminKey = this.config.adminApiKey;
    if (adminKey !== undefined) {
      await this.apiKeys.ensureBootstrapKey(adminKey);
    } else if (this.config.demoMode) {
      this.demoKey = await this.apiKeys.createDemoKey();
    }
    if (this.config.demoMode) await this.demoData.seedAndSync();
    this.logger.log(
      this.config.demoMode
        ? `Demo mode: no Xima credentials configured; ledger at ${this.config.databaseUrl}`
        : `Xima at ${this.config.ximaBaseUrl}; ledger at ${this.config.databaseUrl}`,
    );
  }

  /** Demo mode's generated admin key, for the banner printed at start (never logged). */
  get demoAdminKey(): string | undefined {
    return this.demoKey;
  }
}
