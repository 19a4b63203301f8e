import { ApiProperty } from '@nestjs/swagger';
import { RevalidatedView } from '../../revalidation';
import { MatterRuleView } from './matter-rule.dto';

/** A rule made or deleted, with the law book's version after it and what was re-validated. */
export class MatterRuleChangeView {
  @ApiProperty({ type: MatterRuleView }) rule!: MatterRuleView;
  @ApiProperty({ example: 5 }) lawBookVersion!: number;
  @ApiProperty({ type: RevalidatedView }) revalidated!: RevalidatedView;
}
