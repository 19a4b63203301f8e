import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Source } from './source.entity';

export const POSTING_MODES = ['on-approval', 'on-rating'] as const;
export type PostingMode = (typeof POSTING_MODES)[number];

/**
 * A live link to a hotel's PMS over FIAS (docs/pms-link.md): where its interface listens, the
 * charset it writes, when charges are posted, and the link's `P#` counter. The sources whose
 * rooms it posts are its `PmsLinkSource` rows.
 */
@Entity('pms_links')
@Check('CK_pms_links_mode', `"posting_mode" IN ('on-approval', 'on-rating')`)
@Check('CK_pms_links_port', `"port" BETWEEN 1 AND 65535`)
@Check('CK_pms_links_next_posting', `"next_posting_number" BETWEEN 1 AND 100000000`)
export class PmsLink {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_pms_links_name', { unique: true })
  @Column('text')
  name!: string;

  @Column('text')
  host!: string;

  @Column('integer')
  port!: number;

  /** `ascii`, `cp850`, `windows-1252` or `iso-8859-1`. */
  @Column('text')
  charset!: string;

  @Column('text')
  postingMode!: PostingMode;

  /** How long to wait for a posting's answer before the link is suspect. */
  @Column('integer')
  answerTimeoutMs!: number;

  /** Silence after which the link is checked with `LS`. */
  @Column('integer')
  aliveIntervalMs!: number;

  @Column('boolean', { default: true })
  enabled!: boolean;

  /** The next `P#` to give a posting: numbers are given once, in order, never reused. */
  @Column('integer', { default: 1 })
  nextPostingNumber!: number;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;
}

/** A source whose rooms a link posts; a source is posted by at most one link. */
@Entity('pms_link_sources')
@Index('IX_pms_link_sources_link', ['linkId'])
export class PmsLinkSource {
  @Column('integer', { primary: true })
  sourceId!: number;

  @ManyToOne('Source', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_pms_link_sources_source' })
  source?: Source;

  @Column('integer')
  linkId!: number;

  @ManyToOne('PmsLink', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'FK_pms_link_sources_link' })
  link?: PmsLink;
}
