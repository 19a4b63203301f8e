import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { RatingModule } from '@app/rating';
import { XimaClient, XimaClientOptions } from './client';
import { SourcesController } from './sources/sources.controller';
import { SourcesService } from './sources/sources.service';
import { SyncController } from './sync/sync.controller';
import { SyncService, XIMA_GATEWAY } from './sync/sync.service';

export interface XimaModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (string | symbol | Function)[];
  /** The connection to Xima, or null when none is configured. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => XimaClientOptions | null;
}

/** Xima's reports: sources to pull, the client that pulls them, parsing and sync. */
@Module({})
export class XimaModule {
  static forRootAsync(options: XimaModuleAsyncOptions): DynamicModule {
    return {
      module: XimaModule,
      imports: [RatingModule, ...(options.imports ?? [])],
      controllers: [SourcesController, SyncController],
      providers: [
        SourcesService,
        SyncService,
        {
          provide: XIMA_GATEWAY,
          inject: options.inject ?? [],
          useFactory: (...args: unknown[]) => {
            const settings = options.useFactory(...args);
            return settings ? new XimaClient(settings) : null;
          },
        },
      ],
      exports: [SourcesService, SyncService],
    };
  }
}
