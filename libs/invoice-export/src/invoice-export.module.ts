import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { BillingSystemClient } from './delivery/billing-system-client';
import { DeliveriesController } from './delivery/deliveries.controller';
import { DELIVERY_SETTINGS, DeliverySettings } from './delivery/delivery-settings';
import { DeliveryService } from './delivery/delivery.service';
import { InvoiceFilesService } from './exporters/invoice-files.service';
import { InvoicesApiService } from './invoices/invoices-api.service';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesService } from './invoices/invoices.service';
import { CallDetailController } from './stays/call-detail.controller';
import { CallDetailService } from './stays/call-detail.service';

export interface InvoiceExportModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (string | symbol | Function)[];
  /** How finalised invoices are delivered to billing systems. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => { delivery: DeliverySettings };
}

/** Invoices, their numbering and exports, and their delivery to billing systems. */
@Module({})
export class InvoiceExportModule {
  static forRootAsync(options: InvoiceExportModuleAsyncOptions): DynamicModule {
    return {
      module: InvoiceExportModule,
      imports: options.imports ?? [],
      controllers: [InvoicesController, DeliveriesController, CallDetailController],
      providers: [
        InvoicesService,
        InvoicesApiService,
        InvoiceFilesService,
        DeliveryService,
        BillingSystemClient,
        CallDetailService,
        {
          provide: DELIVERY_SETTINGS,
          inject: options.inject ?? [],
          useFactory: (...args: unknown[]) => options.useFactory(...args).delivery,
        },
      ],
      exports: [InvoicesService, InvoiceFilesService, CallDetailService],
    };
  }
}
