export { RatingModule } from './rating.module';
export * from './engine';
export * from './plan/rate-plan';
export { PLAN_CHANGE_KINDS, PLAN_DIFF_SECTIONS, diffPlans } from './plan/plan-diff';
export type { PlanChange, PlanChangeKind, PlanDiff, PlanDiffSection } from './plan/plan-diff';
export { RatePlansService } from './rate-plans/rate-plans.service';
export { validateRatePlan, validateRatePlanVersion } from './validation';
export { RATE_TABLE_COLUMNS } from './rate-plans/rate-table-csv';
export { summaryCallId } from './plan/summary-call-id';
export { rateRecord, recordStart } from './rate-record';
export type {
  LawBookContext,
  PlanInForce,
  RatableRecord,
  RatingSource,
  RecordRating,
} from './rate-record';
export { LawBooks } from './law-book/law-books.service';
