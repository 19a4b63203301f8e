export { validateRatePlan, type PlanValidation } from './validate-rate-plan';
export { validateRatePlanVersion, type PlanVersionValidation } from './validate-rate-plan-version';
export {
  compileAccountPattern,
  namedGroups,
  ACCOUNT_PATTERN_GROUPS,
} from './account-pattern.validator';
export { DECIMAL_STRING, RATE_DECIMALS } from './decimal-string.validator';
export {
  PerCallPlanDto,
  AccountSummaryPlanDto,
  PlanCommonDto,
  PLAN_KINDS,
} from './dto/rate-plan.dto';
export { RateDto, RateFieldsDto, TimeBandDto } from './dto/rate.dto';
export { DestinationDto } from './dto/destination.dto';
export {
  AccountCodeBillingAccountDto,
  ExtensionBillingAccountDto,
  ExtensionRangeDto,
} from './dto/billing-account.dto';
export { DialPlanDto } from './dto/dial-plan.dto';
export { LedesDto } from './dto/ledes.dto';
export { TaxDto } from './dto/tax.dto';
export { AccountOverrideDto, SummaryRateDto } from './dto/summary-rate.dto';
