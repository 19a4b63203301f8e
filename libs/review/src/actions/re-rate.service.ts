import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError } from '@app/common';
import {
  Ledger,
  LineItem,
  RATED_LINE_ITEM_FIELDS,
  RatePlanVersion,
  Source,
  lineItemColumn,
} from '@app/ledger';
import { RatableRecord, RatePlansService, rateRecord, taxesOn } from '@app/rating';
import { formatMinor } from '@app/money';
import { LineItemFilterDto } from '../line-items/line-item-filter';
import { LineItemsService } from '../line-items/line-items.service';
import { changedOne, lineItemEvents } from './review.service';
import { BULK_MAX } from './review.dto';

export interface ReRateOutcome {
  /** Items the filter matched. */
  matched: number;
  /** Items whose rating, amounts or status changed (each audited with old and new). */
  changed: number;
  unchanged: number;
  /** On an invoice (finalised or draft): never touched by a re-rate. */
  skippedInvoiced: number;
  /** Before the first version of their source's plan: left as they were. */
  skippedNoVersion: number;
}

interface ItemRow {
  id: number;
  source_id: number;
  call_record_id: number | null;
  account_summary_id: number | null;
  call_id: string;
  start_time_ms: number;
  status: string;
  billing_account: string | null;
  adjusted_amount_minor: number | null;
  rated_amount_minor: number;
  amount_minor: number;
  tax_minor: number;
  total_minor: number;
  currency: string;
  breakdown_json: string;
  rate_plan_version_id: number;
  rate_plan_version_number: number;
  invoice_id: number | null;
  version: number;
  review_reason: string | null;
}

/**
 * Rates matched items again with the version of their source's plan in force at their start:
 * after a plan change, or a fix. One transaction. Nothing on an invoice is touched; reviewers'
 * decisions (approved, rejected, an adjusted amount) stay unless `resetReview`.
 */
@Injectable()
export class ReRateService {
  constructor(
    private readonly ledger: Ledger,
    private readonly plans: RatePlansService,
    private readonly items: LineItemsService,
    private readonly clock: Clock,
  ) {}

  async reRate(
    filterInput: LineItemFilterDto,
    resetReview: boolean,
    actor: Actor,
  ): Promise<ReRateOutcome> {
    const filter = await this.items.compile(filterInput);
    return this.ledger.transaction(async (manager) => {
      const rows = await manager.query<ItemRow[]>(
        `SELECT id, source_id, call_record_id, account_summary_id, call_id, start_time_ms, status,
           billing_account, adjusted_amount_minor, rated_amount_minor, amount_minor, tax_minor,
           total_minor, currency, breakdown_json, rate_plan_version_id, rate_plan_version_number,
           invoice_id, version, review_reason
         FROM line_items WHERE ${filter.where} LIMIT ?`,
        [...filter.params, BULK_MAX + 1],
      );
      if (rows.length > BULK_MAX) {
        throw DomainError.invalid('request', [
          { field: 'filter', message: `matches more than ${BULK_MAX} items; narrow it` },
        ]);
      }
      // Everything the loop needs is read first: the writes below never await, so no read
      // from another request sees a re-rate half done.
      const sources = new Map<number, Source>();
      const versionsOf = new Map<number, RatePlanVersion[]>();
      for (const sourceId of new Set(rows.map((row) => row.source_id))) {
        const source = await manager.findOneByOrFail(Source, { id: sourceId });
        sources.set(sourceId, source);
        if (!versionsOf.has(source.ratePlanId)) {
          versionsOf.set(source.ratePlanId, (await this.plans.get(source.ratePlanId)).versions);
        }
      }
      const callRecord = this.ledger.statement(
        `SELECT call_id, start_time_ms, direction, extension, dialed_number, talk_ms, account_code
         FROM call_records WHERE id = ?`,
      );
      const summary = this.ledger.statement(
        `SELECT account_code, period_start_ms, period_end_ms, calls, total_talk_ms
         FROM account_summaries WHERE id = ?`,
      );
      const update = this.ledger.statement(
        `UPDATE line_items SET ${RATED_LINE_ITEM_FIELDS.map((f) => `${lineItemColumn(f)} = ?`).join(', ')},
           version = version + 1, updated_at_ms = ? WHERE id = ? AND version = ?`,
      );
      const event = lineItemEvents(this.ledger);
      const outcome: ReRateOutcome = {
        matched: rows.length,
        changed: 0,
        unchanged: 0,
        skippedInvoiced: 0,
        skippedNoVersion: 0,
      };
      const now = this.clock.now();
      for (const row of rows) {
        if (row.status === 'invoiced' || row.invoice_id !== null) {
          outcome.skippedInvoiced++;
          continue;
        }
        const source = sources.get(row.source_id)!;
        const plan = this.plans.inForce(versionsOf.get(source.ratePlanId)!, row.start_time_ms);
        if (!plan) {
          outcome.skippedNoVersion++;
          continue;
        }
        let input: RatableRecord;
        if (row.call_record_id !== null) {
          const r = callRecord.get<Record<string, never>>(row.call_record_id)!;
          input = {
            kind: 'call',
            recordId: row.call_record_id,
            record: {
              callId: r.call_id,
              startTimeMs: r.start_time_ms,
              direction: r.direction,
              extension: r.extension,
              dialedNumber: r.dialed_number,
              talkMs: r.talk_ms,
              accountCode: r.account_code,
            },
          };
        } else {
          const s = summary.get<Record<string, never>>(row.account_summary_id)!;
          input = {
            kind: 'summary',
            recordId: row.account_summary_id,
            record: {
              accountCode: s.account_code,
              periodStartMs: s.period_start_ms,
              periodEndMs: s.period_end_ms,
              calls: s.calls,
              totalTalkMs: s.total_talk_ms,
            },
          };
        }
        const rating = rateRecord(
          input,
          plan,
          { id: row.source_id, ratePlanId: source.ratePlanId, autoApprove: false },
          now,
        );
        const { result } = rating;
        // A record the plan no longer bills (an extension outside its ranges now): no charge.
        const rated = rating.billable ? rating.item : null;
        const next: Partial<LineItem> = rated ?? {
          billingAccount: row.billing_account,
          normalizedNumber: null,
          destinationPrefix: null,
          destinationClass: null,
          timeBand: null,
          talkSeconds: 0,
          billedSeconds: 0,
          calls: 1,
          currency: row.currency,
          ratedAmountMinor: 0,
          adjustedAmountMinor: null,
          amountMinor: 0,
          taxesJson: '[]',
          taxMinor: 0,
          totalMinor: 0,
          status: 'no-charge',
          reason: result.reason,
          reviewReason: null,
          ratePlanId: source.ratePlanId,
          ratePlanVersionId: plan.version.id,
          ratePlanVersionNumber: plan.version.version,
          breakdownJson: JSON.stringify(result),
        };
        // What the reviewers decided stays (unless resetReview), but a call that is now free
        // or not billed at all is no charge whatever was decided about its old price.
        const free = next.status === 'no-charge';
        const accountProblem =
          result.reason === 'missing-account-code' || result.reason === 'unknown-account-code';
        if (!resetReview && accountProblem && row.billing_account !== null) {
          // A reviewer assigned the account rating cannot find: it stays, and so may the item.
          next.billingAccount = row.billing_account;
          next.status = 'pending';
        }
        const keepDecision =
          !resetReview && !free && (row.status === 'approved' || row.status === 'rejected');
        if (keepDecision) next.status = row.status as LineItem['status'];
        if (
          !resetReview &&
          !free &&
          rated &&
          row.adjusted_amount_minor !== null &&
          next.currency === row.currency // an adjustment in another currency means nothing now
        ) {
          const taxes = taxesOn(plan.compiled, row.adjusted_amount_minor);
          next.adjustedAmountMinor = row.adjusted_amount_minor;
          next.amountMinor = row.adjusted_amount_minor;
          next.taxesJson = JSON.stringify(
            taxes.map(({ name, ratePercent, amountMinor }) => ({ name, ratePercent, amountMinor })),
          );
          next.taxMinor = taxes.reduce((sum, tax) => sum + tax.amountMinor, 0);
          next.totalMinor = next.amountMinor + next.taxMinor;
        }
        if (!resetReview) next.reviewReason = undefined;
        const before = {
          status: row.status,
          billingAccount: row.billing_account,
          ratedAmount: formatMinor(row.rated_amount_minor, row.currency),
          amount: formatMinor(row.amount_minor, row.currency),
          tax: formatMinor(row.tax_minor, row.currency),
          total: formatMinor(row.total_minor, row.currency),
          ratePlanVersion: row.rate_plan_version_number,
        };
        const after = {
          status: next.status,
          billingAccount: next.billingAccount,
          ratedAmount: formatMinor(next.ratedAmountMinor!, next.currency!),
          amount: formatMinor(next.amountMinor!, next.currency!),
          tax: formatMinor(next.taxMinor!, next.currency!),
          total: formatMinor(next.totalMinor!, next.currency!),
          ratePlanVersion: next.ratePlanVersionNumber,
        };
        if (
          JSON.stringify(before) === JSON.stringify(after) &&
          row.breakdown_json === next.breakdownJson &&
          row.rate_plan_version_id === next.ratePlanVersionId
        ) {
          outcome.unchanged++;
          continue;
        }
        if (next.reviewReason === undefined) next.reviewReason = row.review_reason;
        changedOne(
          update.run(
            ...RATED_LINE_ITEM_FIELDS.map((field) => next[field] ?? null),
            now,
            row.id,
            row.version,
          ),
          row.id,
        );
        event(
          now,
          actor,
          'line-item.re-rate',
          row.id,
          { ...before, version: row.version },
          { ...after, version: row.version + 1 },
          resetReview ? 're-rated, review reset' : 're-rated',
        );
        outcome.changed++;
      }
      return outcome;
    });
  }
}
