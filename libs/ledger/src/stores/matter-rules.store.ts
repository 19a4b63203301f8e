import { Injectable } from '@nestjs/common';
import { MatterRule, RatePlanKind } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { bumpLawBookVersion } from './law-book-version';
import { readerOf } from './reader';
import { rethrowUnique } from './unique-violation';

export type NewMatterRule = Omit<MatterRule, 'id' | 'business' | 'ratePlan'>;

/** The kind and currency of a plan some source of a business is rated by. */
export interface BusinessPlanKind {
  kind: RatePlanKind;
  currency: string;
}

const UNIQUE = {
  'matter_rules.business_id, matter_rules.client_number, matter_rules.matter_number, matter_rules.effective_from':
    'The business has a rule for this client and matter from this date already',
};

/** Writes of a firm's matter rules (table matter_rules; LawBookStore has the reads). */
@Injectable()
export class MatterRuleStore {
  constructor(private readonly ledger: Ledger) {}

  findById(id: number, tx?: LedgerTx): Promise<MatterRule | null> {
    return readerOf(this.ledger, tx).findOneBy(MatterRule, { id });
  }

  /** The business's rule for this client, matter ('' = every matter) and date, if any. */
  findAt(
    tx: LedgerTx,
    rule: Pick<MatterRule, 'businessId' | 'clientNumber' | 'matterNumber' | 'effectiveFrom'>,
  ): Promise<MatterRule | null> {
    return managerOf(tx).findOneBy(MatterRule, {
      businessId: rule.businessId,
      clientNumber: rule.clientNumber,
      matterNumber: rule.matterNumber,
      effectiveFrom: rule.effectiveFrom,
    });
  }

  /** The kinds and currencies of the plans the business's sources are rated by. */
  planKindsOf(businessId: number, tx?: LedgerTx): Promise<BusinessPlanKind[]> {
    return readerOf(this.ledger, tx).query<BusinessPlanKind[]>(
      `SELECT DISTINCT p.kind AS "kind", p.currency AS "currency"
       FROM sources s JOIN rate_plans p ON p.id = s.rate_plan_id
       WHERE s.business_id = ? ORDER BY p.kind, p.currency`,
      [businessId],
    );
  }

  /** Stores the rule and bumps its business's law book version; a taken date is a 409. */
  async insert(tx: LedgerTx, rule: NewMatterRule): Promise<MatterRule> {
    const manager = managerOf(tx);
    let saved: MatterRule;
    try {
      saved = await manager.save(manager.create(MatterRule, rule));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
    await bumpLawBookVersion(this.ledger, tx, rule.businessId);
    return saved;
  }

  /** Deletes the rule and bumps its business's law book version. */
  async delete(tx: LedgerTx, rule: Pick<MatterRule, 'id' | 'businessId'>): Promise<void> {
    await managerOf(tx).delete(MatterRule, { id: rule.id });
    await bumpLawBookVersion(this.ledger, tx, rule.businessId);
  }
}
