import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from './user.entity';

/**
 * A person signed in from a browser. The cookie holds the session's token (32 random bytes);
 * only its SHA-256 is stored, so that a copy of the ledger opens no session. A session ends
 * when its person signs out, after an idle time, a fixed lifetime after its sign-in, or when its
 * user's password changes or the user is disabled.
 */
@Entity('sessions')
@Index('IX_sessions_user', ['userId'])
@Index('IX_sessions_last_seen', ['lastSeenAtMs'])
export class Session {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Hex SHA-256 of the cookie's token. */
  @Index('UQ_sessions_token_hash', { unique: true })
  @Column('text')
  tokenHash!: string;

  /** What a state-changing request of this session sends in `X-CSRF-Token`. */
  @Column('text')
  csrfToken!: string;

  @Column('integer')
  userId!: number;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sessions_user' })
  user?: User;

  /** The sign-in: the session's lifetime counts from it. */
  @Column('integer')
  createdAtMs!: number;

  /** The session's last request (written at most once a minute): idle expiry counts from it. */
  @Column('integer')
  lastSeenAtMs!: number;
}
