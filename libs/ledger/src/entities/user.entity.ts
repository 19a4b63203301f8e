import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyRole } from '@app/common';

/**
 * A person who signs in with an email and a password (API keys stay for machines). Roles are
 * those of API keys. The email is kept in lower case, so that it is unique whatever case a
 * person types it in. Users are disabled, never deleted: audit events name them.
 */
@Entity('users')
@Check('CK_users_role', `"role" IN ('viewer', 'accountant', 'admin')`)
@Check('CK_users_email_lower_case', `"email" = lower("email")`)
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_users_email', { unique: true })
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text')
  role!: ApiKeyRole;

  /** `scrypt$N$r$p$salt$hash` (docs/decisions/0025-users-and-sessions.md); never shown. */
  @Column('text')
  passwordHash!: string;

  /** The password was given to the person by someone else: they change it at first sign-in. */
  @Column('boolean', { default: false })
  mustChangePassword!: boolean;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer')
  updatedAtMs!: number;
}
