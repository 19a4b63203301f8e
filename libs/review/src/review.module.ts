import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { RatingModule } from '@app/rating';
import { AuditEventsController } from './audit/audit-events.controller';
import { AuditEventsService } from './audit/audit-events.service';
import { ReviewController } from './actions/review.controller';
import { ReviewService } from './actions/review.service';
import { ReRateService } from './actions/re-rate.service';
import { LineItemsController } from './line-items/line-items.controller';
import { LineItemsService } from './line-items/line-items.service';
import { ItemMatters } from './matters/item-matters';
import { MatterSuggestionsController } from './matters/matter-suggestions.controller';
import { MatterSuggestionsService } from './matters/matter-suggestions.service';
import { REVIEW_SETTINGS, ReviewSettings } from './review-settings';

export interface ReviewModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (string | symbol | Function)[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => ReviewSettings;
}

/** The accountants' side: line items to review, their actions, the audit trail. */
@Module({})
export class ReviewModule {
  static forRootAsync(options: ReviewModuleAsyncOptions): DynamicModule {
    return {
      module: ReviewModule,
      imports: [RatingModule, ...(options.imports ?? [])],
      controllers: [
        ReviewController,
        LineItemsController,
        AuditEventsController,
        MatterSuggestionsController,
      ],
      providers: [
        ItemMatters,
        MatterSuggestionsService,
        AuditEventsService,
        LineItemsService,
        ReviewService,
        ReRateService,
        { provide: REVIEW_SETTINGS, inject: options.inject ?? [], useFactory: options.useFactory },
      ],
      exports: [LineItemsService, ReRateService],
    };
  }
}
