export { ReviewModule } from './review.module';
export { LineItemsService } from './line-items/line-items.service';
export { compileFilter, encodeCursor } from './line-items/line-item-filter';
export { ReRateService } from './actions/re-rate.service';
