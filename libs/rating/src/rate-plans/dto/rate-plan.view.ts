import { ApiProperty } from '@nestjs/swagger';
import { isoTime as iso } from '@app/common';
import type { RatePlan, RatePlanVersion } from '@app/ledger';
import type { RatePlanDocument } from '../../plan/rate-plan';

/** A version of a plan, without its document. */
export class RatePlanVersionSummaryView {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ example: '2026-12-01T07:00:00.000Z' }) effectiveFrom!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'The API key (or `cli`) that made the version.' }) createdBy!: string;

  static of(version: RatePlanVersion): RatePlanVersionSummaryView {
    return {
      version: version.version,
      effectiveFrom: iso(version.effectiveFromMs),
      createdAt: iso(version.createdAtMs),
      createdBy: version.createdBy,
    };
  }
}

export class RatePlanVersionView extends RatePlanVersionSummaryView {
  @ApiProperty({ description: 'The plan document (docs/rating.md).' }) plan!: RatePlanDocument;

  static override of(version: RatePlanVersion): RatePlanVersionView {
    return {
      ...RatePlanVersionSummaryView.of(version),
      plan: JSON.parse(version.planJson) as RatePlanDocument,
    };
  }
}

export class RatePlanSummaryView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['per-call', 'account-summary'] }) kind!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(plan: RatePlan): RatePlanSummaryView {
    return {
      id: plan.id,
      name: plan.name,
      kind: plan.kind,
      currency: plan.currency,
      createdAt: iso(plan.createdAtMs),
      updatedAt: iso(plan.updatedAtMs),
    };
  }
}

export class RatePlanListView {
  @ApiProperty({ type: [RatePlanSummaryView] }) items!: RatePlanSummaryView[];

  static of(plans: RatePlan[]): RatePlanListView {
    return { items: plans.map((plan) => RatePlanSummaryView.of(plan)) };
  }
}

/** A plan with every version, oldest first; old versions stay readable. */
export class RatePlanView extends RatePlanSummaryView {
  @ApiProperty({ type: [RatePlanVersionView] }) versions!: RatePlanVersionView[];

  static withVersions({
    plan,
    versions,
  }: {
    plan: RatePlan;
    versions: RatePlanVersion[];
  }): RatePlanView {
    return {
      ...RatePlanSummaryView.of(plan),
      versions: versions.map((v) => RatePlanVersionView.of(v)),
    };
  }
}
