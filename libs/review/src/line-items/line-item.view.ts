import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { isoTime, localIsoTime } from '@app/common';
import { LINE_ITEM_STATUSES } from '@app/ledger';
import { formatMinor } from '@app/money';

/**
 * The columns a line item view is made of, as the ledger names them (from `line_items`). The
 * zone of the item's plan version (local times are the plan's, as on its invoice) is added by
 * `withPlanZones`, once per version rather than once per row: a plan may be a rate table of
 * thousands of prefixes, and bulk actions read these columns for up to 200,000 items.
 */
export const LINE_ITEM_COLUMNS = `id, source_id, call_id, billing_account, start_time_ms, extension,
  account_code, dialed_number, normalized_number, destination_prefix, destination_class,
  time_band, talk_seconds, billed_seconds, calls, currency, rated_amount_minor,
  adjusted_amount_minor, amount_minor, taxes_json, tax_minor, total_minor, status, reason,
  review_reason, rate_plan_id, rate_plan_version_id, rate_plan_version_number, invoice_id, version, created_at_ms,
  updated_at_ms`;

/** Fills each row's `timezone` from its plan version: one query for the versions the rows have. */
export async function withPlanZones<T extends LineItemRow>(
  manager: EntityManager,
  rows: T[],
): Promise<T[]> {
  const ids = [...new Set(rows.map((row) => row.rate_plan_version_id))];
  if (ids.length === 0) return rows;
  const zones = new Map(
    (
      await manager.query<{ id: number; timezone: string | null }[]>(
        `SELECT id, json_extract(plan_json, '$.timezone') AS timezone FROM rate_plan_versions
         WHERE id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      )
    ).map((version) => [version.id, version.timezone]),
  );
  for (const row of rows) row.timezone = zones.get(row.rate_plan_version_id) ?? null;
  return rows;
}

export interface LineItemRow {
  id: number;
  source_id: number;
  call_id: string;
  billing_account: string | null;
  start_time_ms: number;
  extension: string | null;
  account_code: string | null;
  dialed_number: string | null;
  normalized_number: string | null;
  destination_prefix: string | null;
  destination_class: string | null;
  time_band: string | null;
  talk_seconds: number;
  billed_seconds: number;
  calls: number;
  currency: string;
  rated_amount_minor: number;
  adjusted_amount_minor: number | null;
  amount_minor: number;
  taxes_json: string;
  tax_minor: number;
  total_minor: number;
  status: string;
  reason: string | null;
  review_reason: string | null;
  rate_plan_id: number;
  rate_plan_version_id: number;
  rate_plan_version_number: number;
  invoice_id: number | null;
  version: number;
  created_at_ms: number;
  updated_at_ms: number;
  /**
   * The plan version's zone (see `withPlanZones`); an account-summary plan may name none (then
   * UTC, as its invoices).
   */
  timezone?: string | null;
}

export class LineItemTaxView {
  @ApiProperty({ example: 'State sales tax' }) name!: string;
  @ApiProperty({ example: '6.25' }) ratePercent!: string;
  @ApiProperty({ example: '0.09' }) amount!: string;
}

/** A line item as the API shows it (product.md); money as decimal strings. */
export class LineItemView {
  @ApiProperty() id!: number;
  @ApiProperty() sourceId!: number;
  @ApiProperty() callId!: string;
  @ApiProperty({ nullable: true, type: String }) billingAccount!: string | null;
  @ApiProperty({ example: '2026-03-10T21:05:00.000Z', description: 'The instant, in UTC.' })
  startTime!: string;
  @ApiProperty({
    example: '2026-03-10T15:05:00.000-06:00',
    description: "The same instant on the plan's wall clock, with its offset (as on the invoice).",
  })
  localStartTime!: string;
  @ApiProperty({ nullable: true, type: String }) extension!: string | null;
  @ApiProperty({ nullable: true, type: String }) accountCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) dialedNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) normalizedNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) destinationPrefix!: string | null;
  @ApiProperty({ nullable: true, type: String }) destinationClass!: string | null;
  @ApiProperty({ nullable: true, type: String }) timeBand!: string | null;
  @ApiProperty() talkSeconds!: number;
  @ApiProperty() billedSeconds!: number;
  @ApiProperty() calls!: number;
  @ApiProperty({
    example: '1.50',
    description: "What is billed: the reviewer's adjustment, if any.",
  })
  amount!: string;
  @ApiProperty({ example: '1.50', description: 'What rating gave.' }) ratedAmount!: string;
  @ApiProperty() adjusted!: boolean;
  @ApiProperty({ type: [LineItemTaxView] }) taxes!: LineItemTaxView[];
  @ApiProperty({ example: '0.09' }) tax!: string;
  @ApiProperty({ example: '1.59' }) total!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: LINE_ITEM_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The reviewer's last reason." })
  reviewReason!: string | null;
  @ApiProperty() ratePlanId!: number;
  @ApiProperty() ratePlanVersion!: number;
  @ApiProperty({ nullable: true, type: Number }) invoiceId!: number | null;
  @ApiProperty({ description: 'Send it back (If-Match or body `version`) to act on this state.' })
  version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(row: LineItemRow): LineItemView {
    if (row.timezone === undefined) {
      throw new Error(`Line item ${row.id} has no plan zone: read it through withPlanZones`);
    }
    const money = (minor: number) => formatMinor(minor, row.currency);
    const taxes = JSON.parse(row.taxes_json) as {
      name: string;
      ratePercent: string;
      amountMinor: number;
    }[];
    return {
      id: row.id,
      sourceId: row.source_id,
      callId: row.call_id,
      billingAccount: row.billing_account,
      startTime: isoTime(row.start_time_ms),
      localStartTime: localIsoTime(row.start_time_ms, row.timezone ?? 'UTC'),
      extension: row.extension,
      accountCode: row.account_code,
      dialedNumber: row.dialed_number,
      normalizedNumber: row.normalized_number,
      destinationPrefix: row.destination_prefix,
      destinationClass: row.destination_class,
      timeBand: row.time_band,
      talkSeconds: row.talk_seconds,
      billedSeconds: row.billed_seconds,
      calls: row.calls,
      amount: money(row.amount_minor),
      ratedAmount: money(row.rated_amount_minor),
      adjusted: row.adjusted_amount_minor !== null,
      taxes: taxes.map((tax) => ({
        name: tax.name,
        ratePercent: tax.ratePercent,
        amount: money(tax.amountMinor),
      })),
      tax: money(row.tax_minor),
      total: money(row.total_minor),
      currency: row.currency,
      status: row.status,
      reason: row.reason,
      reviewReason: row.review_reason,
      ratePlanId: row.rate_plan_id,
      ratePlanVersion: row.rate_plan_version_number,
      invoiceId: row.invoice_id,
      version: row.version,
      createdAt: isoTime(row.created_at_ms),
      updatedAt: isoTime(row.updated_at_ms),
    };
  }
}

export class CurrencyTotalsView {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ example: '152.40' }) amount!: string;
  @ApiProperty({ example: '9.53' }) tax!: string;
  @ApiProperty({ example: '161.93' }) total!: string;
}

export class LineItemTotalsView {
  @ApiProperty({ description: 'Every item the filter matches, on every page.' }) count!: number;
  @ApiProperty({ type: [CurrencyTotalsView], description: 'Sums per currency.' })
  byCurrency!: CurrencyTotalsView[];
}

export class LineItemPageView {
  @ApiProperty({ type: [LineItemView] }) items!: LineItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
  @ApiPropertyOptional({
    type: LineItemTotalsView,
    nullable: true,
    description: 'On the first page (no cursor): the count and sums of everything matched.',
  })
  totals!: LineItemTotalsView | null;
}

/** One item with all that explains it: how it was priced, what Xima sent, what people did. */
export class LineItemDetailView extends LineItemView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'How rating priced it, step by step.',
  })
  breakdown!: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What Xima sent: the stored record (`kind` call-record or account-summary) and its raw row.',
  })
  sourceRecord!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The plan version that rated it: `{ id, version, effectiveFrom, plan }`.',
  })
  planVersion!: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Its audit events, oldest first: `{ id, occurredAt, actor, action, oldValue, newValue, reason }`.',
  })
  history!: object[];
}
