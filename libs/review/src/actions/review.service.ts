import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError } from '@app/common';
import {
  AuditEntry,
  AuditEventStore,
  BulkReviewChange,
  Ledger,
  LedgerTx,
  LineItem,
  LineItemStore,
  ListedLineItem,
  PostingStore,
  RatePlanStore,
  ReviewedFields,
} from '@app/ledger';
import { RatePlansService, taxesOn } from '@app/rating';
import { currencyExponent, decimalTextProblem, formatMinor, parseDecimal, pow10 } from '@app/money';
import { LineItemsService } from '../line-items/line-items.service';
import { LineItemView } from '../line-items/line-item.view';
import { REVIEW_SETTINGS, ReviewSettings } from '../review-settings';
import { BULK_MAX, BulkDto } from './review.dto';
import type { BulkOutcomeView } from './review-outcome.view';
import { ItemMatters } from '../matters/item-matters';
import { ItemState, REASON_REQUIRED, ReviewAction, refusal, statusAfter } from './review-moves';

export interface ActionInput {
  reason?: string;
  amount?: string;
  billingAccount?: string;
  /** A law firm's matter, for assign instead of billingAccount. */
  matterId?: number;
  /** The version the reviewer saw; a stale one is refused. */
  version?: number;
}

const stateOf = (item: ListedLineItem, withPostings?: ReadonlySet<number>): ItemState => ({
  id: item.id,
  status: item.status,
  billingAccount: item.billingAccount,
  invoiceId: item.invoiceId,
  reason: item.reason,
  accountCode: item.accountCode,
  hasPosting: withPostings?.has(item.id) ?? false,
});

/** An assign names a billing account or a law firm's matter: one of them. */
function assignTargetGiven(input: { billingAccount?: string; matterId?: number }): void {
  if ((input.billingAccount === undefined) === (input.matterId === undefined)) {
    throw DomainError.invalid('request', [
      {
        field: 'billingAccount',
        message: 'assign needs a billingAccount or a matterId (one of them, not both)',
      },
    ]);
  }
}

/** What an audit event keeps of an item before and after an action. */
const auditValue = (
  item: Pick<
    LineItem,
    'status' | 'billingAccount' | 'amountMinor' | 'taxMinor' | 'totalMinor' | 'currency' | 'version'
  >,
) => ({
  status: item.status,
  billingAccount: item.billingAccount,
  amount: formatMinor(item.amountMinor, item.currency),
  tax: formatMinor(item.taxMinor, item.currency),
  total: formatMinor(item.totalMinor, item.currency),
  version: item.version,
});

/**
 * The reviewers' actions (docs/review.md): each in one transaction with its audit event,
 * refused with 409 and the item's current state when the state machine does not allow it
 * or the reviewer's version is stale.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly ledger: Ledger,
    private readonly lineItems: LineItemStore,
    private readonly auditEvents: AuditEventStore,
    private readonly ratePlans: RatePlanStore,
    private readonly plans: RatePlansService,
    private readonly items: LineItemsService,
    private readonly clock: Clock,
    @Inject(REVIEW_SETTINGS) private readonly settings: ReviewSettings,
    private readonly postings: PostingStore,
    private readonly itemMatters: ItemMatters,
  ) {}

  act(id: number, action: ReviewAction, input: ActionInput, actor: Actor): Promise<LineItemView> {
    if (REASON_REQUIRED.has(action) && !input.reason) {
      throw DomainError.invalid('request', [
        { field: 'reason', message: `${action} needs a reason` },
      ]);
    }
    if (action === 'assign') assignTargetGiven(input);
    return this.ledger.transaction(async (tx) => {
      const item = await this.lineItems.findListed(tx, id);
      if (!item) throw new DomainError('not-found', `Line item ${id} does not exist`);
      if (input.version !== undefined && input.version !== item.version) {
        throw new DomainError(
          'conflict',
          `Line item ${id} has changed: it is at version ${item.version} (${item.status}), not ${input.version}; reload it`,
          [
            { field: 'version', message: String(item.version) },
            { field: 'status', message: item.status },
          ],
        );
      }
      const withPostings = await this.postings.itemsWithLivePostings(tx, [id]);
      const refused = refusal(action, stateOf(item, withPostings));
      if (refused) {
        throw new DomainError('conflict', `Cannot ${action}: ${refused}`, [
          { field: 'status', message: item.status },
          { field: 'version', message: String(item.version) },
        ]);
      }
      const billingAccount =
        action === 'assign'
          ? await this.itemMatters.book(tx).assignTarget(item, input)
          : item.billingAccount;
      const now = this.clock.now();
      const next: ReviewedFields & Pick<LineItem, 'currency'> = {
        status: statusAfter(action, stateOf(item)),
        billingAccount,
        adjustedAmountMinor: item.adjustedAmountMinor,
        amountMinor: item.amountMinor,
        taxesJson: item.taxesJson,
        taxMinor: item.taxMinor,
        totalMinor: item.totalMinor,
        reviewReason: input.reason ?? null,
        currency: item.currency,
        ...(action === 'adjust' ? await this.adjusted(item, input.amount!) : {}),
      };
      // The change and its event are written together.
      await this.lineItems.reviewWriter(tx).review(id, item.version, next, now);
      await this.auditEvents.appender(tx)(
        actor,
        {
          action: `line-item.${action}`,
          entityType: 'line-item',
          entityId: id,
          oldValue: auditValue(item),
          newValue: auditValue({ ...next, version: item.version + 1 }),
          reason: input.reason ?? null,
        },
        now,
      );
      await this.enqueuePostable(tx, [item], now);
      const changed = await this.lineItems.findListed(tx, id);
      return (await this.items.views([changed!]))[0];
    });
  }

  /**
   * One action on many items, all or nothing: every item must allow it, or nothing changes
   * and the answer (409) lists the ones that do not.
   */
  async bulk(input: BulkDto, actor: Actor): Promise<BulkOutcomeView> {
    if ((input.ids === undefined) === (input.filter === undefined)) {
      throw DomainError.invalid('request', [
        { field: 'ids', message: 'give either ids or filter, not both and not neither' },
      ]);
    }
    if (REASON_REQUIRED.has(input.action) && !input.reason) {
      throw DomainError.invalid('request', [
        { field: 'reason', message: `${input.action} needs a reason` },
      ]);
    }
    if (input.action === 'assign') assignTargetGiven(input);
    const filter = input.filter ? await this.items.compile(input.filter) : null;
    return this.ledger.transaction(async (tx) => {
      let items: ListedLineItem[];
      if (filter) {
        items = await this.lineItems.findListedMatching(tx, filter.query, BULK_MAX + 1);
        if (items.length > BULK_MAX) {
          throw DomainError.invalid('request', [
            { field: 'filter', message: `matches more than ${BULK_MAX} items; narrow it` },
          ]);
        }
      } else {
        const ids = [...new Set(input.ids)];
        items = await this.lineItems.findListedByIds(tx, ids);
        if (items.length !== ids.length) {
          const found = new Set(items.map((item) => item.id));
          const missing = ids.filter((id) => !found.has(id));
          throw new DomainError(
            'not-found',
            `Line items ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''} do not exist; nothing was changed`,
          );
        }
      }
      const withPostings = await this.postings.itemsWithLivePostings(
        tx,
        items.map((item) => item.id),
      );
      const refused = items
        .map((item) => refusal(input.action, stateOf(item, withPostings)))
        .filter((why): why is string => why !== null);
      if (refused.length > 0) {
        throw new DomainError(
          'conflict',
          `Cannot ${input.action} ${refused.length} of ${items.length} items; nothing was changed: ${refused.slice(0, 10).join('; ')}${refused.length > 10 ? '; …' : ''}`,
        );
      }
      const accounts = new Map<number, string>();
      if (input.action === 'assign') {
        const book = this.itemMatters.book(tx);
        for (const item of items) accounts.set(item.id, await book.assignTarget(item, input));
      }
      const now = this.clock.now();
      const changes: BulkReviewChange[] = [];
      const events: AuditEntry[] = [];
      for (const item of items) {
        const status = statusAfter(input.action, stateOf(item));
        const billingAccount = accounts.get(item.id) ?? item.billingAccount;
        changes.push({
          id: item.id,
          readVersion: item.version,
          fields: { status, billingAccount, reviewReason: input.reason ?? null },
        });
        events.push({
          action: `line-item.${input.action}`,
          entityType: 'line-item',
          entityId: item.id,
          oldValue: auditValue(item),
          newValue: auditValue({ ...item, status, billingAccount, version: item.version + 1 }),
          reason: input.reason ?? null,
        });
      }
      await this.lineItems.reviewWriter(tx).reviewInBulk(changes, now);
      await this.auditEvents.appendAll(tx, actor, events, now);
      await this.enqueuePostable(tx, items, now);
      return { action: input.action, count: items.length };
    });
  }

  /**
   * The changed items that a PMS link posts and that are now postable get their postings in
   * the action's transaction: an approval (in either mode), or an item made `pending` again
   * (assign, reset) when its link posts on rating. Items of sources no link posts are never
   * read again.
   */
  private async enqueuePostable(
    tx: LedgerTx,
    items: readonly Pick<ListedLineItem, 'id' | 'sourceId'>[],
    nowMs: number,
  ): Promise<void> {
    const linked = await this.postings.linkedSourceIds(tx);
    if (linked.size === 0) return;
    const itemIds = items.filter((item) => linked.has(item.sourceId)).map((item) => item.id);
    if (itemIds.length > 0) await this.postings.enqueue(tx, { itemIds }, nowMs);
  }

  /**
   * The billed amount set by a reviewer, in the item's currency's decimals and at most the
   * adjustment limit (which LINE_AMOUNT_CEILING bounds, so that the line and its invoice stay
   * exact); taxes recomputed with the item's plan version.
   */
  private async adjusted(
    item: ListedLineItem,
    amount: string,
  ): Promise<
    Pick<LineItem, 'adjustedAmountMinor' | 'amountMinor' | 'taxesJson' | 'taxMinor' | 'totalMinor'>
  > {
    const exponent = currencyExponent(item.currency);
    const problem = decimalTextProblem(amount, {
      decimals: exponent,
      currency: item.currency,
      trailingZeros: true,
      max: this.settings.adjustmentLimit,
      maxIs: 'the adjustment limit (ADJUSTMENT_LIMIT)',
    });
    if (problem !== undefined) {
      throw DomainError.invalid('request', [{ field: 'amount', message: `amount ${problem}` }]);
    }
    // Exact: the decimals beyond the currency's, if any, are zeros.
    const { units, scale } = parseDecimal(amount);
    const minor = Number((units * pow10(exponent)) / pow10(scale));
    const version = await this.ratePlans.findVersion(item.ratePlanVersionId);
    if (!version) throw new Error(`Plan version ${item.ratePlanVersionId} does not exist`);
    const taxes = taxesOn(this.plans.compile(version), minor);
    const taxMinor = taxes.reduce((sum, tax) => sum + tax.amountMinor, 0);
    if (!Number.isSafeInteger(minor + taxMinor)) {
      // Only a plan with thousands of taxes gets here: the limit keeps each tax small.
      throw DomainError.invalid('request', [
        { field: 'amount', message: 'amount with its taxes is more than the ledger can hold' },
      ]);
    }
    return {
      adjustedAmountMinor: minor,
      amountMinor: minor,
      taxesJson: JSON.stringify(
        taxes.map(({ name, ratePercent, amountMinor }) => ({ name, ratePercent, amountMinor })),
      ),
      taxMinor: taxMinor,
      totalMinor: minor + taxMinor,
    };
  }
}
