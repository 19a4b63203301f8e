import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorDetail } from '@app/common';
import {
  AuditEventStore,
  LawBookStore,
  Ledger,
  LedgerTx,
  MatterRule,
  MatterRuleStore,
  RatePlanStore,
} from '@app/ledger';
import { compareDecimals } from '@app/money';
import { isCalendarDate } from '../import/list-input';
import { LawBookRevalidation } from '../revalidation';
import { RevalidatedView } from '../revalidation';
import { CreateMatterRuleDto, MatterRuleView } from './dto/matter-rule.dto';

/** What a rule change did: the rule, the law book's version after it, what was re-validated. */
export interface MatterRuleChange {
  rule: MatterRule;
  lawBookVersion: number;
  revalidated: RevalidatedView;
}

const MARKUP = /^-?\d{1,4}(\.\d{1,6})?$/;

/** What is wrong with a markup: a decimal string above -100 and at most 1000 (percent). */
export function markupProblem(text: string): string | null {
  if (!MARKUP.test(text)) {
    return 'markupPercent must be a decimal string such as "12.5" (at most 6 decimals)';
  }
  const negative = text.startsWith('-');
  const magnitude = negative ? text.slice(1) : text;
  if (negative && compareDecimals(magnitude, '100') >= 0) {
    return 'markupPercent must be above -100 (-100 would make every call free: use no-charge)';
  }
  if (!negative && compareDecimals(magnitude, '1000') > 0) {
    return 'markupPercent must be at most 1000';
  }
  return null;
}

/**
 * A law firm's client and matter rules: no charge, a markup, or a rate plan of their own, from
 * a date on. Each change is one transaction with its audit event, the law book version's bump
 * and the re-validation of the firm's unsettled items.
 */
@Injectable()
export class MatterRulesService {
  constructor(
    private readonly ledger: Ledger,
    private readonly rules: MatterRuleStore,
    private readonly lawBook: LawBookStore,
    private readonly plans: RatePlanStore,
    private readonly audit: AuditEventStore,
    private readonly revalidation: LawBookRevalidation,
    private readonly clock: Clock,
  ) {}

  async create(
    businessId: number,
    input: CreateMatterRuleDto,
    actor: Actor,
  ): Promise<MatterRuleChange> {
    const problems = fieldProblems(input);
    if (problems.length > 0) throw DomainError.invalid('request', problems);
    return this.ledger.transaction(async (tx) => {
      await this.revalidation.lawFirm(businessId, tx);
      if (input.kind === 'rate-plan') await this.assertPlanFits(tx, businessId, input.ratePlanId!);
      const matterNumber = input.matterNumber ?? '';
      const taken = await this.rules.findAt(tx, {
        businessId,
        clientNumber: input.clientNumber,
        matterNumber,
        effectiveFrom: input.effectiveFrom,
      });
      if (taken) {
        const what =
          matterNumber === ''
            ? `client ${input.clientNumber}`
            : `client ${input.clientNumber} matter ${matterNumber}`;
        throw new DomainError(
          'conflict',
          `Rule ${taken.id} is already for ${what} from ${input.effectiveFrom}: delete it first, or choose another date`,
          [{ field: 'effectiveFrom', message: 'is taken for this client and matter' }],
        );
      }
      const now = this.clock.now();
      const rule = await this.rules.insert(tx, {
        businessId,
        clientNumber: input.clientNumber,
        matterNumber,
        kind: input.kind,
        markupPercent: input.kind === 'markup' ? input.markupPercent! : null,
        ratePlanId: input.kind === 'rate-plan' ? input.ratePlanId! : null,
        effectiveFrom: input.effectiveFrom,
        note: input.note ?? null,
        createdAtMs: now,
      });
      return this.changed(tx, businessId, rule, 'matter-rule.create', actor, now);
    });
  }

  async list(businessId: number): Promise<MatterRule[]> {
    await this.revalidation.lawFirm(businessId);
    return this.lawBook.findRules(businessId);
  }

  delete(businessId: number, ruleId: number, actor: Actor): Promise<MatterRuleChange> {
    return this.ledger.transaction(async (tx) => {
      await this.revalidation.lawFirm(businessId, tx);
      const rule = await this.rules.findById(ruleId, tx);
      if (!rule || rule.businessId !== businessId) {
        throw new DomainError('not-found', `Business ${businessId} has no matter rule ${ruleId}`);
      }
      await this.rules.delete(tx, rule);
      return this.changed(tx, businessId, rule, 'matter-rule.delete', actor, this.clock.now());
    });
  }

  private async changed(
    tx: LedgerTx,
    businessId: number,
    rule: MatterRule,
    action: 'matter-rule.create' | 'matter-rule.delete',
    actor: Actor,
    now: number,
  ): Promise<MatterRuleChange> {
    const lawBookVersion = (await this.lawBook.versionOf(businessId, tx))!;
    const revalidated = await this.revalidation.revalidate(tx, businessId, actor);
    const view = MatterRuleView.of(rule);
    await this.audit.record(
      tx,
      actor,
      {
        action,
        entityType: 'matter-rule',
        entityId: rule.id,
        ...(action === 'matter-rule.create' ? { newValue: view } : { oldValue: view }),
        reason: `law book version ${lawBookVersion}; re-validated ${revalidated.matched} items, ${revalidated.changed} changed`,
      },
      now,
    );
    return { rule, lawBookVersion, revalidated };
  }

  /**
   * A client's own plan rates the same records as a source's plan would: it must be of the
   * kind (per call or account summary) and in the currency of the plan of at least one of the
   * business's sources, else it could rate nothing (rating applies it only to the records of
   * sources whose plan it matches: decision 0030). A firm without sources yet takes any plan.
   */
  private async assertPlanFits(tx: LedgerTx, businessId: number, planId: number): Promise<void> {
    const plan = await this.plans.findById(planId, tx);
    if (!plan) {
      throw DomainError.invalid('request', [
        { field: 'ratePlanId', message: `rate plan ${planId} does not exist` },
      ]);
    }
    const kinds = await this.rules.planKindsOf(businessId, tx);
    if (kinds.length === 0) return;
    if (kinds.some((k) => k.kind === plan.kind && k.currency === plan.currency)) return;
    const other = kinds[0];
    const differences = [
      ...(other.kind !== plan.kind ? [`kind ${plan.kind}, not ${other.kind}`] : []),
      ...(other.currency !== plan.currency
        ? [`currency ${plan.currency}, not ${other.currency}`]
        : []),
    ];
    throw new DomainError(
      'conflict',
      `Rate plan ${planId} ("${plan.name}") does not fit business ${businessId}'s sources: it has ${differences.join(' and ')}`,
      [{ field: 'ratePlanId', message: differences.join('; ') }],
    );
  }
}

/** The fields that go with each kind, and their values: every problem, named by field. */
function fieldProblems(input: CreateMatterRuleDto): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!isCalendarDate(input.effectiveFrom)) {
    problems.push({
      field: 'effectiveFrom',
      message: `effectiveFrom "${input.effectiveFrom}" is not a date (YYYY-MM-DD)`,
    });
  }
  if (input.kind === 'markup') {
    if (input.markupPercent === undefined) {
      problems.push({ field: 'markupPercent', message: 'markupPercent is required for a markup' });
    } else {
      const problem = markupProblem(input.markupPercent);
      if (problem) problems.push({ field: 'markupPercent', message: problem });
    }
  } else if (input.markupPercent !== undefined) {
    problems.push({ field: 'markupPercent', message: 'markupPercent is only for kind markup' });
  }
  if (input.kind === 'rate-plan') {
    if (input.ratePlanId === undefined) {
      problems.push({ field: 'ratePlanId', message: 'ratePlanId is required for kind rate-plan' });
    }
  } else if (input.ratePlanId !== undefined) {
    problems.push({ field: 'ratePlanId', message: 'ratePlanId is only for kind rate-plan' });
  }
  return problems;
}
