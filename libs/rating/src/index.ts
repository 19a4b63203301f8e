export { RatingModule } from './rating.module';
export * from './engine';
export * from './plan/rate-plan';
export { RatePlansService } from './rate-plans/rate-plans.service';
export { validateRatePlan, validateRatePlanVersion } from './validation';
export { RATE_TABLE_COLUMNS } from './rate-plans/rate-table-csv';
export { summaryCallId } from './plan/summary-call-id';
export { rateRecord, recordStart } from './rate-record';
export type { PlanInForce, RatableRecord, RatingSource, RecordRating } from './rate-record';
