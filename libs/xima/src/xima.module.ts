import { Module } from '@nestjs/common';
import { SourcesController } from './sources/sources.controller';
import { SourcesService } from './sources/sources.service';

/** Xima's reports: sources to pull (and, next, the client, parsing and sync). */
@Module({
  controllers: [SourcesController],
  providers: [SourcesService],
  exports: [SourcesService],
})
export class XimaModule {}
