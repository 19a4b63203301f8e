export { ReviewModule } from './review.module';
export { LineItemsService } from './line-items/line-items.service';
