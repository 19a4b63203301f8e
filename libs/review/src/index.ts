export { ReviewModule } from './review.module';
export type { ReviewModuleAsyncOptions } from './review.module';
export type { ReviewSettings } from './review-settings';
export { LineItemsService } from './line-items/line-items.service';
export { compileFilter, encodeCursor } from './line-items/line-item-filter';
export { ReRateService } from './actions/re-rate.service';
