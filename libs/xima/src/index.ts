export { XimaModule } from './xima.module';
export type { XimaModuleAsyncOptions } from './xima.module';
export { SourcesService } from './sources/sources.service';
export { SyncService, XIMA_GATEWAY } from './sync/sync.service';
export type { ChunkObserver, XimaGateway } from './sync/sync.service';
export * from './client';
export * from './report';
export { chunkRequestBody, chunksOf, requestedWindow } from './sync/sync-window';
export type { Chunk } from './sync/sync-window';
