import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A wrong password (or an unknown or disabled email) given for an email: five within the
 * lockout window lock the email. Kept only as long as the window; the email whether or not a
 * user has it, so that a lockout says nothing about which emails exist.
 */
@Entity('sign_in_failures')
@Index('IX_sign_in_failures_email', ['email', 'failedAtMs'])
@Index('IX_sign_in_failures_failed', ['failedAtMs'])
export class SignInFailure {
  @PrimaryGeneratedColumn()
  id!: number;

  /** As typed, trimmed and in lower case. */
  @Column('text')
  email!: string;

  @Column('integer')
  failedAtMs!: number;
}
