import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ROUNDING_MODES } from '../../plan/rate-plan';
import type { RoundingMode } from '../../plan/rate-plan';
import { decimalString, RATE_DECIMALS } from '../decimal-string.validator';
import {
  type DtoClass,
  Forbidden,
  NestedArray,
  NestedObject,
  NestedRecord,
  Optional,
  Required,
  Unchecked,
} from '../field.decorators';
import type { JsonObject } from '../json-value';
import {
  currencyCode,
  DAY_SECONDS,
  integer,
  oneOf,
  text,
  timeZone,
} from '../plan-fields.validator';
import {
  AccountCodeBillingAccountDto,
  billingAccountClass,
  ExtensionBillingAccountDto,
  summaryBillingAccountClass,
} from './billing-account.dto';
import { DestinationDto } from './destination.dto';
import { DialPlanDto } from './dial-plan.dto';
import { LedesDto } from './ledes.dto';
import { RateDto } from './rate.dto';
import { AccountOverrideDto, SummaryRateDto } from './summary-rate.dto';
import { TaxDto } from './tax.dto';

export const PLAN_KINDS = ['per-call', 'account-summary'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

const ONLY_PER_CALL = 'is only allowed in per-call plans';
export const MAX_MARKUP_PERCENT = '1000';
const ONLY_ACCOUNT_SUMMARY = 'is only allowed in account-summary plans';

export class PlanCommonDto {
  @ApiProperty({ example: 'Grand Hotel guest calls', maxLength: 200 })
  @Required(text({ maxLength: 200 }))
  name!: string;

  @ApiProperty({ enum: PLAN_KINDS })
  @Required(oneOf(PLAN_KINDS))
  kind!: PlanKind;

  @ApiProperty({ example: 'USD', description: 'ISO 4217, upper case' })
  @Required(currencyCode)
  currency!: string;

  @ApiPropertyOptional({ enum: ROUNDING_MODES, default: 'half-up' })
  @Optional(oneOf(ROUNDING_MODES))
  rounding?: RoundingMode;

  @ApiPropertyOptional({ type: () => TaxDto, isArray: true })
  @NestedArray(() => TaxDto, { optional: true })
  taxes?: TaxDto[];

  @ApiPropertyOptional({ type: () => LedesDto })
  @NestedObject(() => LedesDto, { optional: true })
  ledes?: LedesDto;
}

@ApiExtraModels(ExtensionBillingAccountDto, AccountCodeBillingAccountDto, RateDto)
export class PerCallPlanDto extends PlanCommonDto {
  declare kind: 'per-call';

  @ApiProperty({ example: 'America/Denver', description: 'IANA time zone of the time bands' })
  @Required(timeZone)
  timezone!: string;

  @ApiPropertyOptional({ type: () => DialPlanDto })
  @NestedObject(() => DialPlanDto, { optional: true })
  dialPlan?: DialPlanDto;

  @ApiPropertyOptional({
    type: 'integer',
    example: 30,
    minimum: 0,
    maximum: DAY_SECONDS,
    default: 0,
  })
  @Optional(integer(0, DAY_SECONDS))
  gracePeriodSeconds?: number;

  // Above 1,000 % (eleven times the carrier's price) is a typo, such as a rate typed as markup.
  @ApiPropertyOptional({
    example: '0',
    description: `Percent; up to 6 decimals; may exceed 100, at most ${MAX_MARKUP_PERCENT}`,
  })
  @Optional(decimalString({ maxDecimals: RATE_DECIMALS, max: MAX_MARKUP_PERCENT }))
  markupPercent?: string;

  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(ExtensionBillingAccountDto) },
      { $ref: getSchemaPath(AccountCodeBillingAccountDto) },
    ],
  })
  @NestedObject(billingAccountClass)
  billingAccount!: ExtensionBillingAccountDto | AccountCodeBillingAccountDto;

  @ApiProperty({ type: () => DestinationDto, isArray: true, minItems: 1 })
  @NestedArray(() => DestinationDto, { nonEmpty: true })
  destinations!: DestinationDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(RateDto) },
    description: 'Keyed by destination class',
  })
  @NestedRecord(() => RateDto)
  rates!: Record<string, RateDto>;

  @Forbidden(ONLY_ACCOUNT_SUMMARY)
  summaryRate?: never;

  @Forbidden(ONLY_ACCOUNT_SUMMARY)
  accounts?: never;
}

export class AccountSummaryPlanDto extends PlanCommonDto {
  declare kind: 'account-summary';

  @ApiPropertyOptional({ example: 'America/Denver', description: 'IANA time zone; default UTC' })
  @Optional(timeZone)
  timezone?: string;

  @ApiProperty({ type: () => AccountCodeBillingAccountDto })
  @NestedObject(summaryBillingAccountClass)
  billingAccount!: AccountCodeBillingAccountDto;

  @ApiProperty({ type: () => SummaryRateDto })
  @NestedObject(() => SummaryRateDto)
  summaryRate!: SummaryRateDto;

  @ApiPropertyOptional({ type: () => AccountOverrideDto, isArray: true })
  @NestedArray(() => AccountOverrideDto, { optional: true })
  accounts?: AccountOverrideDto[];

  @Forbidden(ONLY_PER_CALL)
  dialPlan?: never;

  @Forbidden(ONLY_PER_CALL)
  gracePeriodSeconds?: never;

  @Forbidden(ONLY_PER_CALL)
  markupPercent?: never;

  @Forbidden(ONLY_PER_CALL)
  destinations?: never;

  @Forbidden(ONLY_PER_CALL)
  rates?: never;
}

/**
 * `kind` is missing or wrong: the common fields are judged, the fields of either kind are let
 * be (which rules apply to them depends on the kind), anything else is unknown.
 */
class PlanOfUnknownKindDto extends PlanCommonDto {
  @NestedObject(billingAccountClass)
  billingAccount!: unknown;

  @Unchecked()
  timezone?: unknown;

  @Unchecked()
  dialPlan?: unknown;

  @Unchecked()
  gracePeriodSeconds?: unknown;

  @Unchecked()
  markupPercent?: unknown;

  @Unchecked()
  destinations?: unknown;

  @Unchecked()
  rates?: unknown;

  @Unchecked()
  summaryRate?: unknown;

  @Unchecked()
  accounts?: unknown;
}

export function ratePlanClass(raw: JsonObject): DtoClass {
  if (raw.kind === 'per-call') return PerCallPlanDto;
  if (raw.kind === 'account-summary') return AccountSummaryPlanDto;
  return PlanOfUnknownKindDto;
}
