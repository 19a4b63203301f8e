import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isoTime } from '@app/common';
import { Posting, POSTING_STATUSES } from '@app/ledger';
import { formatMinor } from '@app/money';
import { reasonText } from '../exception-reasons';

const optionalIso = (ms: number | null) => (ms === null ? null : isoTime(ms));

/** A charge on its way to (or on) a guest's folio. */
export class PostingView {
  @ApiProperty() id!: number;
  @ApiProperty() linkId!: number;
  @ApiProperty() lineItemId!: number;
  @ApiProperty({ description: 'P#: fixed when the posting is made, sent unchanged.' })
  postingNumber!: number;
  @ApiProperty() room!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) stayId!: number | null;
  @ApiProperty({ description: 'Minor units of currency, tax included (TA).' })
  amountMinor!: number;
  @ApiProperty({ example: '16.65' }) amount!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: POSTING_STATUSES }) status!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      "An exception's (or a write-off's) reason: `no-stay`, `checked-out`, the PMS's AS.",
  })
  reason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reasonText!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answerStatus!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answerText!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The PA as received.' })
  answerRecord!: string | null;
  @ApiProperty({ description: 'Posted to a checked-out stay as a late charge.' }) late!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'The posted charge this negative posting corrects.',
  })
  correctsPostingId!: number | null;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) sentAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) postedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;

  static of(posting: Posting): PostingView {
    const exceptional = posting.status === 'exception' || posting.status === 'written-off';
    return {
      id: posting.id,
      linkId: posting.linkId,
      lineItemId: posting.lineItemId,
      postingNumber: posting.postingNumber,
      room: posting.room,
      stayId: posting.stayId,
      amountMinor: posting.amountMinor,
      amount: formatMinor(posting.amountMinor, posting.currency),
      currency: posting.currency,
      status: posting.status,
      reason: posting.reason,
      reasonText:
        posting.status === 'exception'
          ? reasonText(posting.reason)
          : exceptional
            ? posting.reason
            : null,
      answerStatus: posting.answerStatus,
      answerText: posting.answerText,
      answerRecord: posting.answerRecord,
      late: posting.late,
      correctsPostingId: posting.correctsPostingId,
      attempts: posting.attempts,
      sentAt: optionalIso(posting.sentAtMs),
      postedAt: optionalIso(posting.postedAtMs),
      createdAt: isoTime(posting.createdAtMs),
      updatedAt: isoTime(posting.updatedAtMs),
      version: posting.version,
    };
  }
}

export class PostingListView {
  @ApiProperty({ type: [PostingView] }) items!: PostingView[];
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Send as beforeId for the next page; null on the last.',
  })
  nextBeforeId!: number | null;
}
