import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError } from '@app/common';
import {
  AuditEntry,
  AuditEventStore,
  Ledger,
  LedgerTx,
  LineItemStore,
  LineItemToReRate,
  PostingStore,
  RatePlanVersion,
  ReRateChange,
  RatedLineItemFields,
  RecordStore,
  Source,
  SourceStore,
} from '@app/ledger';
import {
  LawBookContext,
  LawBooks,
  RatableRecord,
  RatePlansService,
  RatingResult,
  rateRecord,
  taxesOn,
} from '@app/rating';
import { formatMinor } from '@app/money';
import { LineItemFilterDto } from '../line-items/line-item-filter.dto';
import { LineItemsService } from '../line-items/line-items.service';
import { BULK_MAX } from './review.dto';

export interface ReRateOutcome {
  /** Items the filter matched. */
  matched: number;
  /** Items whose rating, amounts or status changed (each audited with old and new). */
  changed: number;
  unchanged: number;
  /** On an invoice (finalised or draft): never touched by a re-rate. */
  skippedInvoiced: number;
  /** With a posting not written off (queued for the PMS or posted): never touched either. */
  skippedPosted: number;
  /** Before the first version of their source's plan: left as they were. */
  skippedNoVersion: number;
}

/**
 * Rates matched items again with the version of their source's plan in force at their start:
 * after a plan change, or a fix. One transaction. Nothing on an invoice or with a posting (not
 * written off) is touched; reviewers'
 * decisions (approved, rejected, an adjusted amount) stay unless `resetReview`.
 */
@Injectable()
export class ReRateService {
  constructor(
    private readonly ledger: Ledger,
    private readonly lineItems: LineItemStore,
    private readonly records: RecordStore,
    private readonly sourceStore: SourceStore,
    private readonly auditEvents: AuditEventStore,
    private readonly plans: RatePlansService,
    private readonly items: LineItemsService,
    private readonly clock: Clock,
    private readonly postings: PostingStore,
    private readonly lawBooks: LawBooks,
  ) {}

  async reRate(
    filterInput: LineItemFilterDto,
    resetReview: boolean,
    actor: Actor,
  ): Promise<ReRateOutcome> {
    const filter = await this.items.compile(filterInput);
    return this.ledger.transaction(async (tx) => {
      const items = await this.lineItems.findToReRate(tx, filter.query, BULK_MAX + 1);
      if (items.length > BULK_MAX) {
        throw DomainError.invalid('request', [
          { field: 'filter', message: `matches more than ${BULK_MAX} items; narrow it` },
        ]);
      }
      return this.reRateItems(tx, items, { resetReview }, actor);
    });
  }

  /**
   * Rates `items` again inside `tx`, the caller's transaction, each change audited: for a
   * re-rate asked for by filter, and for a change that other items depend on (a law firm's
   * matters, timekeepers or rules) in the transaction of that change.
   */
  async reRateItems(
    tx: LedgerTx,
    items: readonly LineItemToReRate[],
    { resetReview }: { resetReview: boolean },
    actor: Actor,
  ): Promise<ReRateOutcome> {
    // What every item needs is read first; then batch by batch, its records are read and its
    // changes written together: a few statements for thousands of items (on PostgreSQL a
    // statement is a round trip).
    const sources = new Map<number, Source>();
    const versionsOf = new Map<number, RatePlanVersion[]>();
    const lawBooks = new Map<number, LawBookContext | null>();
    for (const sourceId of new Set(items.map((item) => item.sourceId))) {
      const source = await this.sourceStore.findById(sourceId, tx);
      if (!source) throw new Error(`Source ${sourceId} does not exist`);
      sources.set(sourceId, source);
      if (!versionsOf.has(source.ratePlanId)) {
        versionsOf.set(source.ratePlanId, (await this.plans.get(source.ratePlanId)).versions);
      }
      if (!lawBooks.has(source.businessId)) {
        lawBooks.set(source.businessId, await this.lawBooks.contextFor(source.businessId, tx));
      }
    }
    const changes: ReRateChange[] = [];
    const events: AuditEntry[] = [];
    const writer = this.lineItems.reviewWriter(tx);
    const now = this.clock.now();
    // Each batch's changes written together, in this transaction.
    const flush = async () => {
      await writer.reRateInBulk(changes, now);
      await this.auditEvents.appendAll(tx, actor, events, now);
      changes.length = 0;
      events.length = 0;
    };
    const outcome: ReRateOutcome = {
      matched: items.length,
      changed: 0,
      unchanged: 0,
      skippedInvoiced: 0,
      skippedPosted: 0,
      skippedNoVersion: 0,
    };
    const withPostings = await this.postings.itemsWithLivePostings(
      tx,
      items.map((item) => item.id),
    );
    const linked = await this.postings.linkedSourceIds(tx);
    const toEnqueue: number[] = [];
    // A few thousand items at a time: their records read, rated, written.
    for (let start = 0; start < items.length; start += RE_RATE_BATCH) {
      const batch = items.slice(start, start + RE_RATE_BATCH);
      const records = await this.records.ratingInputs(tx, {
        calls: batch.flatMap((item) => (item.callRecordId === null ? [] : [item.callRecordId])),
        summaries: batch.flatMap((item) =>
          item.callRecordId === null && item.accountSummaryId !== null
            ? [item.accountSummaryId]
            : [],
        ),
      });
      for (const item of batch) {
        if (item.status === 'invoiced' || item.invoiceId !== null) {
          outcome.skippedInvoiced++;
          continue;
        }
        // Its charge is on its way to a folio or on one: a correction is a posting's, not ours.
        if (item.status === 'posted' || withPostings.has(item.id)) {
          outcome.skippedPosted++;
          continue;
        }
        const source = sources.get(item.sourceId)!;
        const plan = this.plans.inForce(versionsOf.get(source.ratePlanId)!, item.startTimeMs);
        if (!plan) {
          outcome.skippedNoVersion++;
          continue;
        }
        const input: RatableRecord =
          item.callRecordId !== null
            ? {
                kind: 'call',
                recordId: item.callRecordId,
                record: records.calls.get(item.callRecordId)!,
              }
            : {
                kind: 'summary',
                recordId: item.accountSummaryId,
                record: records.summaries.get(item.accountSummaryId!)!,
              };
        const rating = rateRecord(
          input,
          plan,
          {
            id: item.sourceId,
            ratePlanId: source.ratePlanId,
            autoApprove: false,
            lawBook: lawBooks.get(source.businessId) ?? null,
          },
          now,
        );
        const { result } = rating;
        // A record the plan no longer bills (an extension outside its ranges now): no charge.
        const rated = rating.billable ? rating.item : null;
        const next: RatedLineItemFields = rated ?? {
          billingAccount: item.billingAccount,
          normalizedNumber: null,
          destinationPrefix: null,
          destinationClass: null,
          timeBand: null,
          talkSeconds: 0,
          billedSeconds: 0,
          calls: 1,
          currency: item.currency,
          ratedAmountMinor: 0,
          adjustedAmountMinor: null,
          amountMinor: 0,
          taxesJson: '[]',
          taxMinor: 0,
          totalMinor: 0,
          timekeeperId: null,
          timekeeperName: null,
          timekeeperClassification: null,
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
        if (!resetReview && accountProblem && reviewerSettledAccount(item)) {
          // A reviewer assigned the account rating cannot find: it stays, and so may the item.
          next.billingAccount = item.billingAccount;
          next.status = 'pending';
        }
        const keepDecision =
          !resetReview && !free && (item.status === 'approved' || item.status === 'rejected');
        if (keepDecision) next.status = item.status;
        if (
          !resetReview &&
          !free &&
          rated &&
          item.adjustedAmountMinor !== null &&
          next.currency === item.currency // an adjustment in another currency means nothing now
        ) {
          const taxes = taxesOn(plan.compiled, item.adjustedAmountMinor);
          next.adjustedAmountMinor = item.adjustedAmountMinor;
          next.amountMinor = item.adjustedAmountMinor;
          next.taxesJson = JSON.stringify(
            taxes.map(({ name, ratePercent, amountMinor }) => ({ name, ratePercent, amountMinor })),
          );
          next.taxMinor = taxes.reduce((sum, tax) => sum + tax.amountMinor, 0);
          next.totalMinor = next.amountMinor + next.taxMinor;
        }
        // The reviewer's last reason stays unless the review is reset.
        if (!resetReview) next.reviewReason = item.reviewReason;
        const before = {
          status: item.status,
          billingAccount: item.billingAccount,
          ratedAmount: formatMinor(item.ratedAmountMinor, item.currency),
          amount: formatMinor(item.amountMinor, item.currency),
          tax: formatMinor(item.taxMinor, item.currency),
          total: formatMinor(item.totalMinor, item.currency),
          ratePlanVersion: item.ratePlanVersionNumber,
        };
        const after = {
          status: next.status,
          billingAccount: next.billingAccount,
          ratedAmount: formatMinor(next.ratedAmountMinor, next.currency),
          amount: formatMinor(next.amountMinor, next.currency),
          tax: formatMinor(next.taxMinor, next.currency),
          total: formatMinor(next.totalMinor, next.currency),
          ratePlanVersion: next.ratePlanVersionNumber,
        };
        if (
          JSON.stringify(before) === JSON.stringify(after) &&
          item.breakdownJson === next.breakdownJson &&
          item.ratePlanVersionId === next.ratePlanVersionId
        ) {
          outcome.unchanged++;
          continue;
        }
        changes.push({ id: item.id, readVersion: item.version, fields: next });
        events.push({
          action: 'line-item.re-rate',
          entityType: 'line-item',
          entityId: item.id,
          oldValue: { ...before, version: item.version },
          newValue: { ...after, version: item.version + 1 },
          reason: resetReview ? 're-rated, review reset' : 're-rated',
        });
        outcome.changed++;
        if (linked.has(item.sourceId)) toEnqueue.push(item.id);
      }
      await flush();
    }
    // Re-rated items a link posts that are postable now (a charge where there was none, a
    // price for an item that needed review) get their postings in the same transaction.
    if (toEnqueue.length > 0) await this.postings.enqueue(tx, { itemIds: toEnqueue }, now);
    return outcome;
  }
}

/** Items a re-rate reads, rates and writes at once: a re-rate of 200,000 never holds them all. */
const RE_RATE_BATCH = 5_000;

/**
 * Whether a reviewer settled the item's billing account: assigned one other than rating's, or
 * moved the item out of `needs-review` by assigning rating's own. The item's breakdown is what
 * rating made of it last time. Rating fills an unknown code's account with the code as typed,
 * so a filled account alone says nothing: an untouched item stays in review.
 */
function reviewerSettledAccount(item: LineItemToReRate): boolean {
  if (item.billingAccount === null) return false;
  const rated = JSON.parse(item.breakdownJson) as Pick<RatingResult, 'billingAccount' | 'status'>;
  return (
    item.billingAccount !== rated.billingAccount ||
    (rated.status === 'needs-review' && item.status !== 'needs-review')
  );
}
