import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const BUSINESS_KINDS = ['hotel', 'law-firm', 'other'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

/**
 * The business whose calls these are: a hotel, a law firm, or another. Its sources' invoices
 * carry its name, address and tax id, and are numbered in its own gapless sequence per year.
 * The first start makes a default business, so that a single property never has to make one.
 */
@Entity('businesses')
@Check('CK_businesses_kind', `"kind" IN ('hotel', 'law-firm', 'other')`)
@Index('UQ_businesses_default', ['isDefault'], { unique: true, where: '"is_default" = 1' })
export class Business {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_businesses_name', { unique: true })
  @Column('text')
  name!: string;

  @Column('text')
  kind!: BusinessKind;

  /** IANA zone: the year of an invoice number, and plain dates typed by its people. */
  @Column('text')
  timezone!: string;

  /** JSON array of the address's lines, as printed on an invoice. */
  @Column('text', { default: '[]' })
  addressJson!: string;

  @Column('text', { nullable: true })
  taxId!: string | null;

  /** `GH` makes `GH-2026-000001`; unique, so that an invoice number names one business. */
  @Index('UQ_businesses_invoice_prefix', { unique: true })
  @Column('text')
  invoicePrefix!: string;

  /** `Due within 30 days`: printed on its invoices. */
  @Column('text', { nullable: true })
  paymentTerms!: string | null;

  /** The business that sources created without one belong to. */
  @Column('boolean', { default: false })
  isDefault!: boolean;

  /**
   * Bumped by every change to the firm's matters, timekeepers or matter rules
   * (docs/law-firms.md): rating's cached copy of them is good while this is unchanged.
   */
  @Column('integer', { default: 0 })
  lawBookVersion!: number;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;

  @Column('integer', { default: 1 })
  version!: number;
}
