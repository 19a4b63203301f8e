import { ApiProperty } from '@nestjs/swagger';
import { MATTER_STATUSES } from '@app/ledger';
import type { CodedMatter, Suggestion } from './matter-suggestions';

/** A law firm's matter, with the code that bills it. */
export class SuggestedMatterView {
  @ApiProperty({ description: 'Send as `matterId` to assign it.' }) id!: number;
  @ApiProperty({ example: '10234' }) clientNumber!: string;
  @ApiProperty({ example: 'Acme Holdings' }) clientName!: string;
  @ApiProperty({ example: '001' }) matterNumber!: string;
  @ApiProperty({ example: 'Smith lease' }) matterName!: string;
  @ApiProperty({ example: '10234-001', description: 'The code as billed.' }) code!: string;
  @ApiProperty({ enum: MATTER_STATUSES }) status!: string;
  @ApiProperty() billable!: boolean;

  static of({ matter, code }: CodedMatter): SuggestedMatterView {
    return {
      id: matter.id,
      clientNumber: matter.clientNumber,
      clientName: matter.clientName,
      matterNumber: matter.matterNumber,
      matterName: matter.matterName,
      code,
      status: matter.status,
      billable: matter.billable,
    };
  }
}

export class MatterSuggestionView {
  @ApiProperty({ type: SuggestedMatterView }) matter!: SuggestedMatterView;
  @ApiProperty({
    example: 6,
    description:
      'The sum of its signals: one edit from the dialed code 4, used by the extension 2, an open matter of the dialed client 1.',
  })
  score!: number;
  @ApiProperty({
    type: [String],
    example: ['one edit from 10243-001', 'used 12 times by extension 253 in the last 90 days'],
  })
  why!: string[];

  static of(suggestion: Suggestion): MatterSuggestionView {
    return {
      matter: SuggestedMatterView.of(suggestion),
      score: suggestion.score,
      why: suggestion.why,
    };
  }
}

export class MatterSuggestionsView {
  @ApiProperty() lineItemId!: number;
  @ApiProperty({ nullable: true, type: String, example: '10243-001' }) accountCode!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'unknown-matter' }) reason!: string | null;
  @ApiProperty({ type: [MatterSuggestionView], description: 'Best first, at most 10.' })
  suggestions!: MatterSuggestionView[];
}
