import { ApiProperty } from '@nestjs/swagger';
import { QuoteResult } from './quote.view';

/** The answer to a quote: a result for each record sent, in the order sent. */
export class QuoteView {
  @ApiProperty({ type: [QuoteResult], description: 'One a record, in the order sent.' })
  results!: QuoteResult[];

  static of(results: QuoteResult[]): QuoteView {
    return { results };
  }
}
