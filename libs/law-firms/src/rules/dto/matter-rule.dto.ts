import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Absent, IdParam, Printable } from '@app/common';
import { MATTER_RULE_KINDS, MatterRule, MatterRuleKind } from '@app/ledger';

/** A rule for a client's calls, or one matter's, from a date on (docs/law-firms.md). */
export class CreateMatterRuleDto {
  @ApiProperty({ example: '10234' })
  @IsString()
  @Length(1, 64)
  @Printable()
  clientNumber!: string;

  @ApiPropertyOptional({ example: '001', description: 'Left out: every matter of the client.' })
  @Absent()
  @IsString()
  @Length(1, 64)
  @Printable()
  matterNumber?: string;

  @ApiProperty({ enum: MATTER_RULE_KINDS, example: 'markup' })
  @IsIn(MATTER_RULE_KINDS, { message: `kind must be one of ${MATTER_RULE_KINDS.join(', ')}` })
  kind!: MatterRuleKind;

  @ApiPropertyOptional({
    example: '12.5',
    description: 'Only for markup: percent added to the charge, above -100 and at most 1000.',
  })
  @Absent()
  @IsString({ message: 'markupPercent must be a decimal string such as "12.5"' })
  markupPercent?: string;

  @ApiPropertyOptional({
    example: 4,
    description:
      "Only for rate-plan: a plan of the kind and currency of the business's sources' plans.",
  })
  @Absent()
  @IsInt({ message: 'ratePlanId must be a positive integer' })
  @Min(1, { message: 'ratePlanId must be a positive integer' })
  ratePlanId?: number;

  @ApiProperty({ example: '2026-12-01', description: 'From this day on, in the business zone.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date (YYYY-MM-DD)' })
  effectiveFrom!: string;

  @ApiPropertyOptional({ example: 'Billed at cost per engagement letter' })
  @Absent()
  @IsString()
  @Length(1, 500)
  @Printable()
  note?: string;
}

/** `:id/matter-rules/:ruleId` in a path. */
export class MatterRuleParams extends IdParam {
  @ApiProperty({ example: 7 })
  @Type(() => Number)
  @IsInt({ message: 'ruleId must be a positive integer' })
  @Min(1, { message: 'ruleId must be a positive integer' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'ruleId must be a positive integer' })
  ruleId!: number;
}

export class MatterRuleView {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: '10234' }) clientNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: '001', description: 'null: every matter.' })
  matterNumber!: string | null;
  @ApiProperty({ enum: MATTER_RULE_KINDS, example: 'markup' }) kind!: MatterRuleKind;
  @ApiProperty({ type: String, nullable: true, example: '12.5' }) markupPercent!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) ratePlanId!: number | null;
  @ApiProperty({ example: '2026-12-01' }) effectiveFrom!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) note!: string | null;
  @ApiProperty({ example: '2026-11-30T17:00:00.000Z' }) createdAt!: string;

  static of(rule: MatterRule): MatterRuleView {
    return {
      id: rule.id,
      clientNumber: rule.clientNumber,
      matterNumber: rule.matterNumber === '' ? null : rule.matterNumber,
      kind: rule.kind,
      markupPercent: rule.markupPercent,
      ratePlanId: rule.ratePlanId,
      effectiveFrom: rule.effectiveFrom,
      note: rule.note,
      createdAt: new Date(rule.createdAtMs).toISOString(),
    };
  }
}

export class MatterRuleListView {
  @ApiProperty({ type: [MatterRuleView] }) items!: MatterRuleView[];
}
