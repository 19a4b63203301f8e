import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PLAN_CHANGE_KINDS,
  PLAN_DIFF_SECTIONS,
  type PlanChangeKind,
  type PlanDiffSection,
} from '../../plan/plan-diff';
import type { VersionDiff } from '../rate-plans.service';
import { RatePlanVersionSummaryView } from './rate-plan.view';

/** A value of a plan document: a setting's or a field's value, or a whole row. */
const PLAN_VALUE = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

export class PlanChangeView {
  @ApiProperty({
    enum: PLAN_DIFF_SECTIONS,
    enumName: 'PlanDiffSection',
    example: 'rates',
    description:
      'The part of the plan: `settings` (top-level values), `dialPlan`, `billingAccount`, `summaryRate` and `ledes` (their values), or a table: `extensionRanges`, `taxes`, `destinations`, `rates`, `timeBands`, `accounts`.',
  })
  section!: PlanDiffSection;

  @ApiProperty({
    enum: PLAN_CHANGE_KINDS,
    enumName: 'PlanChangeKind',
    example: 'changed',
    description:
      '`added` and `removed` are whole settings or rows; `changed` is one value of a setting, or one field of a row in both versions (`field`).',
  })
  kind!: PlanChangeKind;

  @ApiProperty({
    example: 'long-distance',
    description:
      'The setting (its path in the section, `a.b`) or what identifies the row: a destination by its `prefix` (`""` is the catch-all), a rate by its class, a time band by `class: days from-to`, a tax by its name, an extension range by `from-to`, an account by its code. A time band change of `order` is keyed by its class.',
  })
  key!: string;

  @ApiPropertyOptional({
    example: 'perMinute',
    description:
      'The field of the row that changed; `order` for the time bands of a class listed in another order (the first band that covers a call prices it). Absent for settings and for whole rows.',
  })
  field?: string;

  @ApiPropertyOptional({
    ...PLAN_VALUE,
    example: '0.45',
    description: 'The value in version `from`: absent when added; a whole row when removed.',
  })
  before?: unknown;

  @ApiPropertyOptional({
    ...PLAN_VALUE,
    example: '0.50',
    description: 'The value in version `to`: absent when removed; a whole row when added.',
  })
  after?: unknown;
}

export class PlanDiffSummaryView {
  @ApiProperty({ example: 1 }) added!: number;
  @ApiProperty({ example: 0 }) removed!: number;
  @ApiProperty({ example: 2 }) changed!: number;
}

/** What changed from one version of a plan to another. */
export class RatePlanVersionDiffView {
  @ApiProperty({ example: 1 }) planId!: number;
  @ApiProperty({ type: RatePlanVersionSummaryView, description: 'Version `a` of the path.' })
  from!: RatePlanVersionSummaryView;
  @ApiProperty({ type: RatePlanVersionSummaryView, description: 'Version `b` of the path.' })
  to!: RatePlanVersionSummaryView;
  @ApiProperty({
    type: [PlanChangeView],
    description:
      'By section (in the order of `section`’s values), then by key and field. Empty when the two versions are the same plan.',
  })
  changes!: PlanChangeView[];
  @ApiProperty({ type: PlanDiffSummaryView }) summary!: PlanDiffSummaryView;

  static of({ plan, from, to, diff }: VersionDiff): RatePlanVersionDiffView {
    return {
      planId: plan.id,
      from: RatePlanVersionSummaryView.of(from),
      to: RatePlanVersionSummaryView.of(to),
      changes: diff.changes,
      summary: diff.summary,
    };
  }
}
