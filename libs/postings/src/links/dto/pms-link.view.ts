import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isoTime } from '@app/common';
import { PmsLink, POSTING_MODES, PostingCounts } from '@app/ledger';
import { LINK_STATES } from '@app/pms';

export class PostingCountsView {
  @ApiProperty() pending!: number;
  @ApiProperty({ name: 'in-flight' }) 'in-flight'!: number;
  @ApiProperty() posted!: number;
  @ApiProperty() exception!: number;
  @ApiProperty({ name: 'written-off' }) 'written-off'!: number;
}

/**
 * A link's state as the API shows it: its runner's, or `elsewhere` when another instance of the
 * service runs it (the live state is known there).
 */
export const LINK_VIEW_STATES = [...LINK_STATES, 'elsewhere'] as const;
export type LinkViewState = (typeof LINK_VIEW_STATES)[number];

/** What a link is doing now, as its runner knows it, and which instance runs it. */
export interface LinkStatus {
  readonly state: LinkViewState;
  readonly lastHeardAtMs: number | null;
  /** The INSTANCE_ID of the instance running the link; null when none does. */
  readonly instance: string | null;
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
    enum: LINK_VIEW_STATES,
    description:
      '`down` also for a disabled link, or when links are off in this process and no other instance runs it; `elsewhere`: another instance of the service runs the link (ask it for the live state).',
  })
  state!: LinkViewState;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'The instance of the service (its INSTANCE_ID) running the link; null when none does.',
  })
  instance!: string | null;
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
      instance: status.instance,
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
