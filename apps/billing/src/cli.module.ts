import { DynamicModule, Module } from '@nestjs/common';
import { CommonModule } from '@app/common';
import { InvoiceFilesService, InvoicesService } from '@app/invoice-export';
import { LawFirmsModule } from '@app/law-firms';
import { LedgerModule } from '@app/ledger';
import { RatingModule } from '@app/rating';
import { ReviewModule } from '@app/review';
import { XimaModule } from '@app/xima';
import { ximaModuleOptions } from './xima-settings';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { UsersModule } from './users/users.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';

/** What the command line needs: configuration, the ledger and the services it drives; no HTTP. */
@Module({})
export class CliModule {
  static forRoot(): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(),
        // A command is an instance of its own (never the service's INSTANCE_ID: it would take
        // over what the running service holds), with the service's lease timing.
        CommonModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ ...config.instance, id: undefined }),
        }),
        LedgerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => config.ledgerLocation,
        }),
        ApiKeysModule,
        UsersModule,
        RatingModule,
        XimaModule.forRootAsync(ximaModuleOptions(false)),
        // A law firm's list imports re-rate its unsettled items with review's re-rate.
        LawFirmsModule.forRoot(
          ReviewModule.forRootAsync({
            inject: [AppConfig],
            useFactory: (config: AppConfig) => ({ adjustmentLimit: config.adjustmentLimit }),
          }),
        ),
      ],
      // Invoices to read and export; not the invoice module itself, whose delivery service
      // would, at start, mark a running service's deliveries in flight as interrupted.
      providers: [InvoicesService, InvoiceFilesService],
    };
  }
}
