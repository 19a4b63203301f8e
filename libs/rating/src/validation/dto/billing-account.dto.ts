import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExtensionRange } from '../../plan/rate-plan';
import {
  ACCOUNT_CODE_MAX_LENGTH,
  ACCOUNT_PATTERN_MAX_LENGTH,
  ACCOUNT_PATTERN_MAX_WAYS,
} from '../account-pattern-safety';
import { accountPattern } from '../account-pattern.validator';
import {
  type DtoClassOf,
  Forbidden,
  NestedArray,
  Optional,
  Required,
  Unchecked,
} from '../field.decorators';
import { oneOf, printableString, rangeEnd, text } from '../plan-fields.validator';

export const BILLING_ACCOUNT_KINDS = ['extension', 'accountCode'] as const;

export class ExtensionRangeDto implements ExtensionRange {
  @ApiProperty({ example: '1001' })
  @Required(text({ trimmed: true }))
  from!: string;

  @ApiProperty({ example: '1999', description: 'Not less than from (as numbers when both are)' })
  @Required(rangeEnd)
  to!: string;
}

export class ExtensionBillingAccountDto {
  @ApiProperty({ enum: ['extension'] })
  @Required(oneOf(['extension']))
  by!: 'extension';

  @ApiProperty({ type: () => ExtensionRangeDto, isArray: true, minItems: 1 })
  @NestedArray(() => ExtensionRangeDto, { nonEmpty: true })
  ranges!: ExtensionRangeDto[];

  @ApiPropertyOptional({ example: 'ROOM-', description: 'Put before the extension' })
  @Optional(printableString)
  prefix?: string;
}

const ONLY_BY_EXTENSION = 'is only allowed when by is extension';

export class AccountCodeBillingAccountDto {
  @ApiProperty({ enum: ['accountCode'] })
  @Required(oneOf(['accountCode']))
  by!: 'accountCode';

  @ApiPropertyOptional({
    example: '^(?<client>\\d{5})-(?<matter>\\d{3})$',
    description:
      'Matched against the whole code; named groups client and matter only. No backreferences, ' +
      'lookbehinds or nested repetitions like (\\d+)+; a code may be matched in at most ' +
      `${ACCOUNT_PATTERN_MAX_WAYS} ways (docs/rating.md). Codes longer than ` +
      `${ACCOUNT_CODE_MAX_LENGTH} characters are never matched: needs-review.`,
    maxLength: ACCOUNT_PATTERN_MAX_LENGTH,
  })
  @Optional(accountPattern)
  pattern?: string;

  @Forbidden(ONLY_BY_EXTENSION)
  ranges?: never;

  @Forbidden(ONLY_BY_EXTENSION)
  prefix?: never;
}

/** `by` is wrong: only `by` is judged, the rest waits until it is known what they belong to. */
class BillingAccountOfUnknownKindDto {
  @Required(oneOf(BILLING_ACCOUNT_KINDS))
  by!: string;

  @Unchecked()
  ranges?: unknown;

  @Unchecked()
  prefix?: unknown;

  @Unchecked()
  pattern?: unknown;
}

class SummaryBillingAccountNotByAccountCodeDto {
  @Required(oneOf(['accountCode'], 'must be accountCode on account-summary plans'))
  by!: string;

  @Unchecked()
  ranges?: unknown;

  @Unchecked()
  prefix?: unknown;

  @Unchecked()
  pattern?: unknown;
}

export const billingAccountClass: DtoClassOf = (raw) =>
  raw.by === 'extension'
    ? ExtensionBillingAccountDto
    : raw.by === 'accountCode'
      ? AccountCodeBillingAccountDto
      : BillingAccountOfUnknownKindDto;

/** Account-summary reports are keyed by account code: there is no other way to bill their rows. */
export const summaryBillingAccountClass: DtoClassOf = (raw) =>
  raw.by === 'accountCode'
    ? AccountCodeBillingAccountDto
    : SummaryBillingAccountNotByAccountCodeDto;
