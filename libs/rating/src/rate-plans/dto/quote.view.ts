import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import type { RatePlan, RatePlanVersion } from '@app/ledger';
import type { RateUsed, RatingResult } from '../../engine';
import { formatMinor } from '@app/money';
import type { RatePlanDocument } from '../../plan/rate-plan';

export class TaxView {
  @ApiProperty({ example: 'State sales tax' }) name!: string;
  @ApiProperty({ example: '6.25' }) ratePercent!: string;
  @ApiProperty({ example: '0.09' }) amount!: string;
}

/** A quoted record: the fields its line item would have, without ids (product.md). */
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

export interface QuotedRecord {
  callId: string;
  extension?: string | null;
  dialedNumber?: string | null;
  accountCode?: string | null;
}

/** A time in the plan's zone, with its offset: what a reviewer sees on the guest's bill. */
export function localIso(ms: number, timezone: string | undefined): string {
  return DateTime.fromMillis(ms, { zone: timezone ?? 'UTC' }).toISO() ?? new Date(ms).toISOString();
}

export function quoteResult(input: {
  plan: RatePlan;
  version: RatePlanVersion;
  document: RatePlanDocument;
  result: RatingResult;
  record: QuotedRecord;
  startTimeMs: number;
}): QuoteResult {
  const { plan, version, document, result, record } = input;
  if (result.status === 'not-billable') {
    return { callId: record.callId, status: result.status, reason: result.reason };
  }
  const money = (minor: number) => formatMinor(minor, result.currency);
  return {
    callId: record.callId,
    status: result.status,
    reason: result.reason,
    billingAccount: result.billingAccount,
    startTime: localIso(input.startTimeMs, document.timezone),
    extension: record.extension ?? null,
    accountCode: record.accountCode ?? null,
    dialedNumber: record.dialedNumber ?? null,
    normalizedNumber: result.normalizedNumber,
    destinationPrefix: result.destinationPrefix,
    destinationClass: result.destinationClass,
    timeBand: result.timeBand,
    talkSeconds: result.talkSeconds,
    billedSeconds: result.billedSeconds,
    calls: result.calls,
    amount: money(result.amountMinor),
    taxes: result.taxes.map((tax) => ({
      name: tax.name,
      ratePercent: tax.ratePercent,
      amount: money(tax.amountMinor),
    })),
    total: money(result.totalMinor),
    currency: result.currency,
    ratePlanId: plan.id,
    ratePlanVersion: version.version,
    charge: result.charge,
    rate: result.rate,
    explanation: result.explanation,
  };
}
