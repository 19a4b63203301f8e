import { Check, Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { RatePlanVersion } from './rate-plan-version.entity';

export const RATE_PLAN_KINDS = ['per-call', 'account-summary'] as const;
export type RatePlanKind = (typeof RATE_PLAN_KINDS)[number];

/** A named rate plan; its rules live in its versions. */
@Entity('rate_plans')
@Check('CK_rate_plans_kind', `"kind" IN ('per-call', 'account-summary')`)
export class RatePlan {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_rate_plans_name', { unique: true })
  @Column('text')
  name!: string;

  @Column('text')
  kind!: RatePlanKind;

  /** ISO 4217 code; every version of a plan has the same currency. */
  @Column('text')
  currency!: string;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;

  @OneToMany('RatePlanVersion', (version: RatePlanVersion) => version.ratePlan)
  versions?: RatePlanVersion[];
}
