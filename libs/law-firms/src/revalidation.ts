import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Actor, DomainError } from '@app/common';
import { AuditEventStore, Business, BusinessStore, LedgerTx, LineItemStore } from '@app/ledger';
import { ReRateService } from '@app/review';

/** What re-validating a firm's unsettled items did. */
export class RevalidatedView {
  @ApiProperty({
    example: 120,
    description: 'Items not yet settled: pending, needs-review, no-charge.',
  })
  matched!: number;

  @ApiProperty({ example: 7, description: 'Items whose rating changed (each audited).' })
  changed!: number;
}

export const NOTHING_REVALIDATED: RevalidatedView = { matched: 0, changed: 0 };

/**
 * After a change to a firm's law book, its items that nobody has settled yet (pending,
 * needs-review, no-charge; on no invoice, not posted) are rated again in the same transaction:
 * a matter just imported makes yesterday's unknown code valid. Approved, rejected, invoiced and
 * posted items keep what they are.
 */
@Injectable()
export class LawBookRevalidation {
  constructor(
    private readonly businesses: BusinessStore,
    private readonly lineItems: LineItemStore,
    private readonly reRate: ReRateService,
    private readonly audit: AuditEventStore,
  ) {}

  /** The business, which must be a law firm: 404 when there is none, 409 for another kind. */
  async lawFirm(businessId: number, tx?: LedgerTx): Promise<Business> {
    const business = await this.businesses.findById(businessId, tx);
    if (!business) throw new DomainError('not-found', `Business ${businessId} does not exist`);
    if (business.kind !== 'law-firm') {
      throw new DomainError(
        'conflict',
        `Business ${businessId} ("${business.name}") is of kind ${business.kind}: matters, timekeepers and matter rules are a law firm's (kind law-firm)`,
      );
    }
    return business;
  }

  async revalidate(tx: LedgerTx, businessId: number, actor: Actor): Promise<RevalidatedView> {
    const items = await this.lineItems.findNotFinalOfBusiness(tx, businessId);
    if (items.length === 0) return { ...NOTHING_REVALIDATED };
    const outcome = await this.reRate.reRateItems(tx, items, { resetReview: false }, actor);
    return { matched: outcome.matched, changed: outcome.changed };
  }

  /**
   * After an import that changed the firm's book, in its transaction: the unsettled items
   * re-validated, and the import audited with its summary and what re-validation did.
   */
  async afterImport(
    tx: LedgerTx,
    businessId: number,
    action: 'matters.import' | 'timekeepers.import',
    summary: object,
    actor: Actor,
    nowMs: number,
  ): Promise<RevalidatedView> {
    const revalidated = await this.revalidate(tx, businessId, actor);
    await this.audit.record(
      tx,
      actor,
      {
        action,
        entityType: 'business',
        entityId: businessId,
        newValue: { ...summary, revalidated },
      },
      nowMs,
    );
    return revalidated;
  }
}
