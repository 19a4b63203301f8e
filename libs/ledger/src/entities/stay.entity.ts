import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { PmsLink } from './pms-link.entity';

export const STAY_ENDINGS = ['check-out', 'move', 'resync'] as const;
export type StayEnding = (typeof STAY_ENDINGS)[number];

/**
 * A guest in a room from one instant to another, as the PMS told it (check-in `GI`, check-out
 * `GO`, guest change `GC`, resync): one row per reservation and room, so that a room move ends
 * the old room's row (`endedBy` `move`) and starts the new room's. A call is charged to the
 * row that held its room when it started (the primary guest's, when sharers are in).
 */
@Entity('stays')
@Check('CK_stays_ended_by', `"ended_by" IS NULL OR "ended_by" IN ('check-out', 'move', 'resync')`)
@Check('CK_stays_span', `"to_ms" IS NULL OR "to_ms" >= "from_ms"`)
@Index('IX_stays_room', ['linkId', 'room', 'fromMs'])
@Index('IX_stays_reservation', ['linkId', 'reservation', 'fromMs'])
export class Stay {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  linkId!: number;

  @ManyToOne('PmsLink', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'FK_stays_link' })
  link?: PmsLink;

  @Column('text')
  room!: string;

  /** `G#`: the PMS's reservation number. */
  @Column('text')
  reservation!: string;

  @Column('text', { nullable: true })
  guestName!: string | null;

  /** A second guest sharing the room; charges go to the primary guest. */
  @Column('boolean', { default: false })
  sharer!: boolean;

  /** Check-in (or the move into this room). */
  @Column('integer')
  fromMs!: number;

  /** Check-out (or the move out of this room); null while the guest is in. */
  @Column('integer', { nullable: true })
  toMs!: number | null;

  @Column('text', { nullable: true })
  endedBy!: StayEnding | null;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;
}
