import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RatePlan } from './rate-plan.entity';

/** One immutable version of a plan; a record is rated with the version in force at its start. */
@Entity('rate_plan_versions')
@Index('UQ_rate_plan_versions_plan_version', ['ratePlanId', 'version'], { unique: true })
@Index('UQ_rate_plan_versions_plan_effective', ['ratePlanId', 'effectiveFromMs'], { unique: true })
export class RatePlanVersion {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  ratePlanId!: number;

  @ManyToOne('RatePlan', (plan: RatePlan) => plan.versions, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rate_plan_id', foreignKeyConstraintName: 'FK_rate_plan_versions_plan' })
  ratePlan?: RatePlan;

  /** 1, 2, 3… within the plan. */
  @Column('integer')
  version!: number;

  @Column('integer')
  effectiveFromMs!: number;

  /** The validated plan document (docs/rating.md), as JSON. */
  @Column('text')
  planJson!: string;

  @Column('integer')
  createdAtMs!: number;

  @Column('text')
  createdBy!: string;
}
