import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { formatMinor } from '@app/money';
import type { RateUsed, TaxAmount } from '../../engine';
import type { RatePlanDocument } from '../../plan/rate-plan';
import type { RecordRating } from '../../rate-record';

export class TaxView {
  @ApiProperty({ example: 'State sales tax' }) name!: string;
  @ApiProperty({ example: '6.25' }) ratePercent!: string;
  @ApiProperty({ example: '0.09' }) amount!: string;
}

/**
 * A quoted record: the fields of the line item sync would store for it, without ids
 * (docs/api.md); a record that makes no line item has its status and reason only.
 */
export class QuoteResult {
  @ApiProperty() callId!: string;
  @ApiProperty({ enum: ['pending', 'no-charge', 'needs-review', 'not-billable'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) billingAccount?: string | null;
  @ApiPropertyOptional({ example: '2026-03-10T14:05:00.000-06:00' }) startTime?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) extension?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) accountCode?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) dialedNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) normalizedNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) destinationPrefix?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) destinationClass?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) timeBand?: string | null;
  @ApiPropertyOptional() talkSeconds?: number;
  @ApiPropertyOptional() billedSeconds?: number;
  @ApiPropertyOptional() calls?: number;
  @ApiPropertyOptional({ example: '1.50' }) amount?: string;
  @ApiPropertyOptional({ type: [TaxView] }) taxes?: TaxView[];
  @ApiPropertyOptional({ example: '1.59' }) total?: string;
  @ApiPropertyOptional({ example: 'USD' }) currency?: string;
  @ApiPropertyOptional() ratePlanId?: number;
  @ApiPropertyOptional() ratePlanVersion?: number;
  @ApiPropertyOptional({ description: 'The exact charge before rounding.' }) charge?: string;
  @ApiPropertyOptional({ description: 'The rate fields that priced the call.' })
  rate?: RateUsed | null;
  @ApiPropertyOptional({
    example:
      '66 s billed: 60 s first increment + 1 x 6 s; 0.45/min -> 0.495; + 1.00 connect = 1.495 -> 1.50',
  })
  explanation?: string;
}

/** A time in the plan's zone, with its offset: what a reviewer sees on the guest's bill. */
export function localIso(ms: number, timezone: string | undefined): string {
  return DateTime.fromMillis(ms, { zone: timezone ?? 'UTC' }).toISO() ?? new Date(ms).toISOString();
}

/**
 * A record's quote from its rating: the line item `rateRecord` made, field by field as sync
 * stores it, with the rating's own explanation of its charge; `callId` is the record's id as
 * the caller knows it.
 */
export function quoteResult(
  rating: RecordRating,
  context: { document: RatePlanDocument; callId: string },
): QuoteResult {
  if (!rating.billable) {
    return { callId: context.callId, status: rating.result.status, reason: rating.reason };
  }
  const { item, result } = rating;
  const money = (minor: number) => formatMinor(minor, item.currency);
  const taxes = JSON.parse(item.taxesJson) as TaxAmount[];
  return {
    callId: context.callId,
    status: item.status,
    reason: item.reason,
    billingAccount: item.billingAccount,
    startTime: localIso(item.startTimeMs, context.document.timezone),
    extension: item.extension,
    accountCode: item.accountCode,
    dialedNumber: item.dialedNumber,
    normalizedNumber: item.normalizedNumber,
    destinationPrefix: item.destinationPrefix,
    destinationClass: item.destinationClass,
    timeBand: item.timeBand,
    talkSeconds: item.talkSeconds,
    billedSeconds: item.billedSeconds,
    calls: item.calls,
    amount: money(item.amountMinor),
    taxes: taxes.map((tax) => ({
      name: tax.name,
      ratePercent: tax.ratePercent,
      amount: money(tax.amountMinor),
    })),
    total: money(item.totalMinor),
    currency: item.currency,
    ratePlanId: item.ratePlanId,
    ratePlanVersion: item.ratePlanVersionNumber,
    charge: result.charge,
    rate: result.rate,
    explanation: result.explanation,
  };
}
