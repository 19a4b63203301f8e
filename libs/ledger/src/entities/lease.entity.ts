import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A lease: which instance of the service holds a piece of work (a source's sync, an invoice's
 * delivery, a PMS link) and until when. A holder renews it while the work goes on; once
 * `expiresAtMs` has passed any instance may take it over (docs/decisions/0032). A row lives as
 * long as its work (a released lease is deleted): the table stays small, and needs no index.
 */
@Entity('leases')
export class Lease {
  /** What is held, as `kind:id`: `sync:3`, `delivery:42`, `pms-link:1`. */
  @PrimaryColumn('text')
  name!: string;

  /** The instance holding it (its INSTANCE_ID). */
  @Column('text')
  holder!: string;

  /** When this holder took it (kept across its renewals). */
  @Column('integer')
  acquiredAtMs!: number;

  @Column('integer')
  expiresAtMs!: number;

  /** What the holder notes about the work (a sync's run id), as JSON; null: nothing. */
  @Column('text', { nullable: true })
  dataJson!: string | null;
}
