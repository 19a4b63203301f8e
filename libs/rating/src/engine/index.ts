export { compilePlan } from './compile-plan';
export type { CompiledPlan, CompiledPerCallPlan, CompiledSummaryPlan } from './compiled-plan';
export { AccountCodes } from './billing-account';
export { rateCall } from './rate-call';
export { taxesOn } from './charge';
export { rateSummary } from './rate-summary';
export { InvalidPlanError, InvalidRecordError } from './errors';
export type {
  RateUsed,
  RatingReason,
  RatingResult,
  RatingStatus,
  TaxAmount,
  TimekeeperRef,
} from './rating-result';
export { LawBook, applyLawBook } from './law-book';
export type {
  LawBookInput,
  LawBookMatter,
  LawBookRule,
  LawBookTimekeeper,
  LawRuleKind,
  MatterVerdict,
  RuleInForce,
} from './law-book';
