import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { RatingModule } from '@app/rating';
import { XimaClient, XimaClientOptions } from './client';
import { SourcesController } from './sources/sources.controller';
import { SOURCE_SETTINGS, SourceSettings, SourcesService } from './sources/sources.service';
import { SyncController } from './sync/sync.controller';
import { SYNC_SCHEDULE_OPTIONS, SyncScheduleOptions, SyncScheduler } from './sync/sync.scheduler';
import { SyncService, XIMA_GATEWAY } from './sync/sync.service';
import { SyncStatusService } from './sync/sync-status.service';
import { XimaContact } from './sync/xima-contact';

const XIMA_SETTINGS = Symbol('XIMA_SETTINGS');

export interface XimaModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (string | symbol | Function)[];
  /** The connection to Xima (null when none is configured) and the sync schedule. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => {
    client: XimaClientOptions | null;
    schedule: SyncScheduleOptions;
    sources: SourceSettings;
  };
}

/** Xima's reports: sources to pull, the client that pulls them, parsing and sync. */
@Module({})
export class XimaModule {
  static forRootAsync(options: XimaModuleAsyncOptions): DynamicModule {
    return {
      module: XimaModule,
      imports: [RatingModule, ScheduleModule.forRoot(), ...(options.imports ?? [])],
      controllers: [SourcesController, SyncController],
      providers: [
        SourcesService,
        SyncService,
        SyncScheduler,
        SyncStatusService,
        XimaContact,
        {
          provide: XIMA_SETTINGS,
          inject: options.inject ?? [],
          useFactory: (...args: unknown[]) => options.useFactory(...args),
        },
        {
          provide: XIMA_GATEWAY,
          inject: [XIMA_SETTINGS],
          useFactory: (settings: { client: XimaClientOptions | null }) =>
            settings.client ? new XimaClient(settings.client) : null,
        },
        {
          provide: SOURCE_SETTINGS,
          inject: [XIMA_SETTINGS],
          useFactory: (settings: { sources: SourceSettings }) => settings.sources,
        },
        {
          provide: SYNC_SCHEDULE_OPTIONS,
          inject: [XIMA_SETTINGS],
          useFactory: (settings: { schedule: SyncScheduleOptions }) => settings.schedule,
        },
      ],
      exports: [SourcesService, SyncService, SyncStatusService],
    };
  }
}
