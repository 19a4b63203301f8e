import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { PmsLinksController } from './links/pms-links.controller';
import { PmsLinksService } from './links/pms-links.service';
import {
  LinkSupervisor,
  PMS_LINK_SETTINGS,
  PmsLinkSettings,
} from './links/link-supervisor.service';
import { PostingsController } from './postings/postings.controller';
import { PostingsService } from './postings/postings.service';
import { StaysController } from './stays/stays.controller';

export interface PostingsModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (string | symbol | Function)[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => PmsLinkSettings;
}

/** Hotels' PMS links: the links, their runners, stays and the postings queue. */
@Module({})
export class PostingsModule {
  static forRootAsync(options: PostingsModuleAsyncOptions): DynamicModule {
    return {
      module: PostingsModule,
      imports: options.imports ?? [],
      controllers: [PmsLinksController, PostingsController, StaysController],
      providers: [
        PmsLinksService,
        PostingsService,
        LinkSupervisor,
        {
          provide: PMS_LINK_SETTINGS,
          inject: options.inject ?? [],
          useFactory: (...args: unknown[]) => options.useFactory(...args),
        },
      ],
      exports: [PmsLinksService, LinkSupervisor],
    };
  }
}
