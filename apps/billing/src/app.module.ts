import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CommonModule, createValidationPipe } from '@app/common';
import { InvoiceExportModule } from '@app/invoice-export';
import { LedgerModule } from '@app/ledger';
import { RatingModule } from '@app/rating';
import { OverviewModule } from '@app/overview';
import { PostingsModule } from '@app/postings';
import { ReviewModule } from '@app/review';
import { LawFirmsModule } from '@app/law-firms';
import { BusinessesModule } from './businesses/businesses.module';
import { XimaModule } from '@app/xima';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { SessionModule } from './session/session.module';
import { UsersModule } from './users/users.module';
import { ApiKeyGuard } from './auth/api-key.guard';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { HealthModule } from './health/health.module';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { LoggingModule } from './logging/logging.module';
import { StartupService } from './startup.service';
import { DemoDataService } from './demo/demo-data.service';
import { DemoModule } from './demo/demo.module';
import { ximaModuleOptions } from './xima-settings';

/** Our version in a PMS link's description (`LD`'s `V#`). */
const PMS_INTERFACE_VERSION = 'xima-billing 1';

@Module({})
export class AppModule {
  /** The whole service. Reads the environment when called. */
  static forRoot(): DynamicModule {
    // One object, imported twice: Nest makes one module of it.
    const xima = XimaModule.forRootAsync(ximaModuleOptions(true));
    const review = ReviewModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ adjustmentLimit: config.adjustmentLimit }),
    });
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(),
        CommonModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => config.instance,
        }),
        LoggingModule,
        LedgerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => config.ledgerLocation,
        }),
        ApiKeysModule,
        UsersModule,
        SessionModule,
        BusinessesModule,
        HealthModule.forRoot(xima),
        RatingModule,
        DemoModule,
        xima,
        review,
        LawFirmsModule.forRoot(review),
        InvoiceExportModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ delivery: config.delivery }),
        }),
        OverviewModule,
        PostingsModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            enabled: config.pmsLinksEnabled,
            interfaceVersion: PMS_INTERFACE_VERSION,
            idlePollMs: 200,
          }),
        }),
      ],
      providers: [
        // Registered as providers, not in main.ts, so that every test booting this module gets them.
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        StartupService,
        DemoDataService,
      ],
    };
  }
}
