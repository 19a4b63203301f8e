import { Module } from '@nestjs/common';
import { RatingModule } from '@app/rating';
import { AuditEventsController } from './audit/audit-events.controller';
import { ReviewController } from './actions/review.controller';
import { ReviewService } from './actions/review.service';
import { ReRateService } from './actions/re-rate.service';
import { LineItemsController } from './line-items/line-items.controller';
import { LineItemsService } from './line-items/line-items.service';

/** The accountants' side: line items to review, their actions, the audit trail. */
@Module({
  imports: [RatingModule],
  controllers: [ReviewController, LineItemsController, AuditEventsController],
  providers: [LineItemsService, ReviewService, ReRateService],
  exports: [LineItemsService, ReRateService],
})
export class ReviewModule {}
