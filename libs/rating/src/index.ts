export { RatingModule } from './rating.module';
export * from './engine';
export * from './plan/rate-plan';
export { RatePlansService } from './rate-plans/rate-plans.service';
export { validateRatePlan, validateRatePlanVersion } from './validation';
export { RATE_TABLE_COLUMNS } from './rate-plans/rate-table-csv';
export { summaryCallId } from './plan/summary-call-id';
export {
  LINE_ITEM_FIELDS,
  RATED_LINE_ITEM_FIELDS,
  lineItemColumn,
  lineItemFromResult,
} from './line-item-from-result';
export type { LineItemOrigin } from './line-item-from-result';
