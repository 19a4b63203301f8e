import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Business } from './business.entity';
import type { RatePlan } from './rate-plan.entity';

export const MATTER_RULE_KINDS = ['standard', 'no-charge', 'markup', 'rate-plan'] as const;
export type MatterRuleKind = (typeof MATTER_RULE_KINDS)[number];

/**
 * How a client's calls, or one matter's, are charged from a date on (docs/law-firms.md):
 * `no-charge`, a `markup` on the plan's charge, a `rate-plan` of their own (a plan at cost),
 * or `standard` (back to the source's plan). A matter's rule wins over its client's; the rule
 * with the latest `effectiveFrom` on or before the call's day is in force.
 */
@Entity('matter_rules')
@Check('CK_matter_rules_kind', `"kind" IN ('standard', 'no-charge', 'markup', 'rate-plan')`)
@Check(
  'CK_matter_rules_fields',
  `("kind" = 'markup') = ("markup_percent" IS NOT NULL) AND ("kind" = 'rate-plan') = ("rate_plan_id" IS NOT NULL)`,
)
@Index('UQ_matter_rules_from', ['businessId', 'clientNumber', 'matterNumber', 'effectiveFrom'], {
  unique: true,
})
export class MatterRule {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  businessId!: number;

  @ManyToOne('Business', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'business_id', foreignKeyConstraintName: 'FK_matter_rules_business' })
  business?: Business;

  @Column('text')
  clientNumber!: string;

  /** '' for every matter of the client (unique with NULLs would not be). */
  @Column('text', { default: '' })
  matterNumber!: string;

  @Column('text')
  kind!: MatterRuleKind;

  /** `10`, `-100`, `12.5`: percent added to the plan's charge before rounding. */
  @Column('text', { nullable: true })
  markupPercent!: string | null;

  @Column('integer', { nullable: true })
  ratePlanId!: number | null;

  @ManyToOne('RatePlan', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rate_plan_id', foreignKeyConstraintName: 'FK_matter_rules_rate_plan' })
  ratePlan?: RatePlan;

  /** `2026-11-01` in the business's zone. */
  @Column('text')
  effectiveFrom!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('integer')
  createdAtMs!: number;
}
