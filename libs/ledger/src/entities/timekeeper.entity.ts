import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Business } from './business.entity';

/**
 * Who used an extension from a date on (docs/law-firms.md): the firm's timekeeper id, name and
 * classification (`PARTNER`, `ASSOCIATE`, `PARALEGAL`…), imported per business as a whole
 * list. A call is attributed to the row of its extension with the latest `effectiveFrom` on or
 * before the call's day (null `effectiveFrom`: since always).
 */
@Entity('timekeepers')
@Index('UQ_timekeepers_extension_from', ['businessId', 'extension', 'effectiveFrom'], {
  unique: true,
})
export class Timekeeper {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  businessId!: number;

  @ManyToOne('Business', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'business_id', foreignKeyConstraintName: 'FK_timekeepers_business' })
  business?: Business;

  @Column('text')
  extension!: string;

  /** The firm's own id for the person (LEDES TIMEKEEPER_ID). */
  @Column('text')
  timekeeperId!: string;

  @Column('text')
  name!: string;

  /** LEDES TIMEKEEPER_CLASSIFICATION: `PARTNER`, `ASSOCIATE`, `PARALEGAL`, … */
  @Column('text')
  classification!: string;

  /** `2026-11-01` in the business's zone, or '' for "since always" (unique with NULLs). */
  @Column('text', { default: '' })
  effectiveFrom!: string;

  @Column('integer')
  createdAtMs!: number;
}
