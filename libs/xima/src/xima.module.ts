import { Module } from '@nestjs/common';

/** The Xima client, report parsing, sources and sync; filled by the sync issue. */
@Module({})
export class XimaModule {}
