import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An email locked after too many wrong passwords: no sign-in with it until `lockedUntilMs`. */
@Entity('sign_in_lockouts')
export class SignInLockout {
  /** As typed, trimmed and in lower case. */
  @PrimaryColumn('text')
  email!: string;

  @Column('integer')
  lockedAtMs!: number;

  @Column('integer')
  lockedUntilMs!: number;
}
