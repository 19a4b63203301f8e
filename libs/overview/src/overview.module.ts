import { Module } from '@nestjs/common';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

/** The console's overview: read-only sums of the ledger's sources, runs and line items. */
@Module({ controllers: [OverviewController], providers: [OverviewService] })
export class OverviewModule {}
