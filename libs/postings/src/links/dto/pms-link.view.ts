import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isoTime } from '@app/common';
import { PmsLink, POSTING_MODES, PostingCounts } from '@app/ledger';
import { LINK_STATES, LinkState } from '@app/pms';

export class PostingCountsView {
  @ApiProperty() pending!: number;
  @ApiProperty({ name: 'in-flight' }) 'in-flight'!: number;
  @ApiProperty() posted!: number;
  @ApiProperty() exception!: number;
  @ApiProperty({ name: 'written-off' }) 'written-off'!: number;
}

/** What a link is doing now, as its runner knows it. */
export interface LinkStatus {
  readonly state: LinkState;
  readonly lastHeardAtMs: number | null;
}

/** A PMS link as the API shows it, with its live state and its queue. */
export class PmsLinkView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() host!: string;
  @ApiProperty() port!: number;
  @ApiProperty({ type: [Number] }) sourceIds!: number[];
  @ApiProperty({ enum: POSTING_MODES }) postingMode!: string;
  @ApiProperty() charset!: string;
  @ApiProperty() answerTimeoutMs!: number;
  @ApiProperty() aliveIntervalMs!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({
    enum: LINK_STATES,
    description: '`down` also for a disabled link, or when links are off in this process.',
  })
  state!: LinkState;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'When the PMS last sent anything.',
  })
  lastHeardAt!: string | null;
  @ApiProperty({ type: PostingCountsView }) queue!: PostingCountsView;
  @ApiProperty({ description: 'The next posting number (P#) the link will give.' })
  nextPostingNumber!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;

  static of(
    link: PmsLink,
    sourceIds: number[],
    status: LinkStatus,
    queue: PostingCounts,
  ): PmsLinkView {
    return {
      id: link.id,
      name: link.name,
      host: link.host,
      port: link.port,
      sourceIds,
      postingMode: link.postingMode,
      charset: link.charset,
      answerTimeoutMs: link.answerTimeoutMs,
      aliveIntervalMs: link.aliveIntervalMs,
      enabled: link.enabled,
      state: status.state,
      lastHeardAt: status.lastHeardAtMs === null ? null : isoTime(status.lastHeardAtMs),
      queue,
      nextPostingNumber: link.nextPostingNumber,
      createdAt: isoTime(link.createdAtMs),
      updatedAt: isoTime(link.updatedAtMs),
      version: link.version,
    };
  }
}

export class PmsLinkListView {
  @ApiProperty({ type: [PmsLinkView] }) items!: PmsLinkView[];
}
