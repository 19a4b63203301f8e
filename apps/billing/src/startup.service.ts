import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AppConfig } from './config/app-config';
import { DemoDataService } from './demo/demo-data.service';
import { plainHttpWarning } from './http/plain-http-warning';
import { UsersService } from './users/users.service';

/** Demo mode's user, for the banner: its email and this run's password. */
export interface DemoUser {
  email: string;
  password: string;
}

/** What the service does once its modules are up: make sure someone can log in. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');
  private demoKey: string | undefined;
  private demoPerson: DemoUser | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly apiKeys: ApiKeysService,
    private readonly users: UsersService,
    private readonly demoData: DemoDataService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const plainHttp = plainHttpWarning(this.config.host, this.config.behindTlsProxy);
    if (plainHttp !== null) this.logger.warn(plainHttp);
    const adminKey = this.config.adminApiKey;
    if (adminKey !== undefined) {
      await this.apiKeys.ensureBootstrapKey(adminKey);
      // As demo keys are revoked: a password printed by a demo never opens this ledger.
      await this.users.disableDemoUser();
    } else if (this.config.demoMode) {
      this.demoKey = await this.apiKeys.createDemoKey();
      this.demoPerson = await this.users.ensureDemoUser();
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

  /** Demo mode's user and this run's password, for the banner (never logged). */
  get demoUser(): DemoUser | undefined {
    return this.demoPerson;
  }
}
