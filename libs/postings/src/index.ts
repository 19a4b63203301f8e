export { PostingsModule } from './postings.module';
export type { PostingsModuleAsyncOptions } from './postings.module';
export { LinkSupervisor, PMS_LINK_SETTINGS } from './links/link-supervisor.service';
export type { PmsLinkSettings } from './links/link-supervisor.service';
export { PmsLinksService } from './links/pms-links.service';
