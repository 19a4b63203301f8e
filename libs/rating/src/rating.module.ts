import { LawBooks } from './law-book/law-books.service';
import { Module } from '@nestjs/common';
import { QuoteService } from './rate-plans/quote.service';
import { RatePlansController } from './rate-plans/rate-plans.controller';
import { RatePlansService } from './rate-plans/rate-plans.service';

/** Rate plans, their versions, quotes, and the pure rating engine behind them. */
@Module({
  controllers: [RatePlansController],
  providers: [RatePlansService, QuoteService, LawBooks],
  exports: [RatePlansService, LawBooks],
})
export class RatingModule {}
