import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { LineItem } from './line-item.entity';
import type { PmsLink } from './pms-link.entity';
import type { Stay } from './stay.entity';

export const POSTING_STATUSES = [
  'pending',
  'in-flight',
  'posted',
  'exception',
  'written-off',
] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/**
 * One charge on its way to a guest's folio (docs/pms-link.md): its `P#`, fixed when the row is
 * made and sent again unchanged until the PMS answers, the room and stay it goes to, and the
 * PMS's last answer. `in-flight` is written before the `PS` is sent, so that after a crash the
 * same number goes first. A correction of a posted charge is a posting of its own, negative.
 */
@Entity('postings')
@Check(
  'CK_postings_status',
  `"status" IN ('pending', 'in-flight', 'posted', 'exception', 'written-off')`,
)
@Check('CK_postings_number', `"posting_number" BETWEEN 1 AND 99999999`)
@Index('UQ_postings_number', ['linkId', 'postingNumber'], { unique: true })
@Index('IX_postings_queue', ['linkId', 'status', 'id'])
@Index('IX_postings_line_item', ['lineItemId'])
@Index('IX_postings_stay', ['stayId'])
export class Posting {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  linkId!: number;

  @ManyToOne('PmsLink', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'FK_postings_link' })
  link?: PmsLink;

  @Column('integer')
  lineItemId!: number;

  @ManyToOne('LineItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'line_item_id', foreignKeyConstraintName: 'FK_postings_line_item' })
  lineItem?: LineItem;

  /** `P#` */
  @Column('integer')
  postingNumber!: number;

  /** The room the charge goes to (`RN`): the call's room, or the room it was moved to. */
  @Column('text')
  room!: string;

  @Column('integer', { nullable: true })
  stayId!: number | null;

  @ManyToOne('Stay', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stay_id', foreignKeyConstraintName: 'FK_postings_stay' })
  stay?: Stay;

  /** `TA`: the charge with its taxes, minor units of `currency`; negative for a correction. */
  @Column('integer')
  amountMinor!: number;

  @Column('text')
  currency!: string;

  @Column('text')
  status!: PostingStatus;

  /** Why a posting is an exception: the PMS's `AS` (`NG`, `NP`, ...), `no-stay`, `checked-out`. */
  @Column('text', { nullable: true })
  reason!: string | null;

  /** The PMS's last answer status (`AS`), its clear text and the whole record as received. */
  @Column('text', { nullable: true })
  answerStatus!: string | null;

  @Column('text', { nullable: true })
  answerText!: string | null;

  @Column('text', { nullable: true })
  answerRecord!: string | null;

  /** Posted to a checked-out stay as a late charge. */
  @Column('boolean', { default: false })
  late!: boolean;

  /** The posting this one corrects (a negative posting of a posted charge). */
  @Column('integer', { nullable: true })
  correctsPostingId!: number | null;

  @Column('integer', { default: 0 })
  attempts!: number;

  /** Not sent again before this instant (after `RY`). */
  @Column('integer', { nullable: true })
  notBeforeMs!: number | null;

  @Column('integer', { nullable: true })
  sentAtMs!: number | null;

  @Column('integer', { nullable: true })
  postedAtMs!: number | null;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;
}
