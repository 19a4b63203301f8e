import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, SYSTEM_ACTOR } from '@app/common';
import {
  AuditEventStore,
  Ledger,
  LedgerTx,
  SessionStore,
  SignInAttemptStore,
  User,
  UserStore,
} from '@app/ledger';
import { AppConfig } from '../config/app-config';
import { UNKNOWN_USER_HASH, hashPassword, needsRehash, verifyPassword } from '../users/password';
import { normalizeEmail, validPassword } from '../users/user-rules';
import { UsersService } from '../users/users.service';
import { generateToken, hashSessionToken, isTokenShaped } from './session-token';
import type { SignedIn } from './signed-in';

/** Refused sign-ins of one email within this window lock it… */
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
/** …when there are this many… */
export const LOCKOUT_FAILURES = 5;
/** …for this long. */
export const LOCKOUT_MS = 15 * 60_000;

/**
 * Every refused sign-in answers this, whether the email is unknown, the password wrong, the
 * user disabled or the email locked: the answer tells nobody which emails exist.
 */
export const SIGN_IN_REFUSED =
  'Sign-in refused: the email or password is wrong, or the email is locked for 15 minutes after 5 wrong passwords';

/** A session just made: its token goes in the cookie, once. */
export interface NewSession {
  token: string;
  signedIn: SignedIn;
}

/** The actor a signed-in person is. */
export const actorOf = (user: User): Actor => ({ keyId: null, userId: user.id, name: user.name });

/**
 * Signing in and out, sessions and their expiry (idle time, and a lifetime from sign-in),
 * password changes and the lockout
 * (docs/decisions/0025-users-and-sessions.md).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly ledger: Ledger,
    private readonly sessions: SessionStore,
    private readonly users: UserStore,
    private readonly attempts: SignInAttemptStore,
    private readonly audit: AuditEventStore,
    private readonly usersService: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * A new session for the user with this email and password, or the one 401 of every refusal.
   * The password is checked even when no user has the email (against a hash nobody can open),
   * so that the answer takes as long either way.
   */
  async signIn(typedEmail: string, password: string): Promise<NewSession> {
    const email = normalizeEmail(typedEmail);
    const user = await this.users.findByEmail(email);
    const passwordRight = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    const opens = user !== null && passwordRight && !user.disabled;
    const rehashed = opens && needsRehash(user.passwordHash) ? await hashPassword(password) : null;
    const session = await this.ledger.transaction(async (tx) => {
      const now = this.clock.now();
      if (await this.attempts.findLockout(email, now, tx)) return null;
      // The user as it is now: disabled or given a new password while the hash ran, it fails.
      const current = opens ? await this.users.findById(user.id, tx) : null;
      if (!current || current.disabled || current.passwordHash !== user!.passwordHash) {
        await this.countFailure(tx, email, now);
        return null;
      }
      await this.attempts.clearFailures(tx, email);
      if (rehashed !== null) {
        await this.users.update(tx, current.id, { passwordHash: rehashed });
      }
      await this.sessions.deleteIdleSince(tx, now - this.config.sessionIdleMs);
      await this.sessions.deleteStartedAtOrBefore(tx, now - this.config.sessionMaxMs);
      const made = await this.open(tx, current, now);
      await this.audit.record(
        tx,
        actorOf(current),
        { action: 'session.sign-in', entityType: 'user', entityId: current.id },
        now,
      );
      return made;
    });
    if (!session) throw new DomainError('unauthorized', SIGN_IN_REFUSED);
    return session;
  }

  /**
   * The live session with this token, or null: unknown, idle too long, signed in longer ago
   * than the lifetime (however busy), or its user disabled (such a session is ended on the
   * way). Its last-seen time is written at most once a minute.
   */
  async authenticate(token: string): Promise<SignedIn | null> {
    if (!isTokenShaped(token)) return null;
    const session = await this.sessions.findByTokenHash(hashSessionToken(token));
    if (!session) return null;
    const now = this.clock.now();
    const idleMs = this.config.sessionIdleMs;
    const expiresAtMs = session.createdAtMs + this.config.sessionMaxMs;
    if (session.user.disabled || now - session.lastSeenAtMs > idleMs || now >= expiresAtMs) {
      await this.ledger.transaction((tx) => this.sessions.delete(tx, session.id));
      return null;
    }
    // A tenth of the idle time, at most a minute: the expiry errs by no more than that.
    if (now - session.lastSeenAtMs >= Math.min(60_000, idleMs / 10)) {
      await this.ledger.transaction((tx) => this.sessions.markSeen(tx, session.id, now));
    }
    return {
      sessionId: session.id,
      csrfToken: session.csrfToken,
      user: session.user,
      expiresAtMs,
    };
  }

  /** Ends the session (signing out). */
  signOut(signedIn: SignedIn): Promise<void> {
    return this.ledger.transaction(async (tx) => {
      const now = this.clock.now();
      await this.sessions.delete(tx, signedIn.sessionId);
      await this.audit.record(
        tx,
        actorOf(signedIn.user),
        { action: 'session.sign-out', entityType: 'user', entityId: signedIn.user.id },
        now,
      );
    });
  }

  /**
   * The signed-in person's new password. The current one must be right (a wrong one counts
   * towards the lockout, so that a session left open cannot guess it). Every session of the
   * user ends; this person gets a new one, returned with its token.
   */
  async changePassword(
    signedIn: SignedIn,
    currentPassword: string,
    newPassword: string,
  ): Promise<NewSession> {
    validPassword(newPassword, 'newPassword');
    if (newPassword === currentPassword) {
      const message = 'newPassword must differ from currentPassword';
      throw new DomainError('bad-request', message, [{ field: 'newPassword', message }]);
    }
    const user = await this.users.findById(signedIn.user.id);
    if (!user) throw new DomainError('unauthorized', 'Your session has ended: sign in again');
    const right = await verifyPassword(currentPassword, user.passwordHash);
    const passwordHash = right ? await hashPassword(newPassword) : null;
    const session = await this.ledger.transaction(async (tx) => {
      const now = this.clock.now();
      const locked = (await this.attempts.findLockout(user.email, now, tx)) !== null;
      if (passwordHash === null || locked) {
        if (!locked) await this.countFailure(tx, user.email, now);
        return null;
      }
      await this.attempts.clearFailures(tx, user.email);
      const changed = await this.usersService.setPassword(tx, user, {
        passwordHash,
        mustChangePassword: false,
        actor: actorOf(user),
        action: 'user.change-password',
      });
      return this.open(tx, changed, now);
    });
    if (!session) {
      const message =
        'currentPassword is wrong, or too many wrong passwords were given: wait 15 minutes';
      throw new DomainError('bad-request', message, [{ field: 'currentPassword', message }]);
    }
    return session;
  }

  private async open(tx: LedgerTx, user: User, now: number): Promise<NewSession> {
    const token = generateToken();
    const csrfToken = generateToken();
    const session = await this.sessions.insert(tx, {
      tokenHash: hashSessionToken(token),
      csrfToken,
      userId: user.id,
      createdAtMs: now,
      lastSeenAtMs: now,
    });
    const expiresAtMs = now + this.config.sessionMaxMs;
    return { token, signedIn: { sessionId: session.id, csrfToken, user, expiresAtMs } };
  }

  /** Counts a refused sign-in of `email`; the fifth within the window locks it (audited). */
  private async countFailure(tx: LedgerTx, email: string, now: number): Promise<void> {
    const failures = await this.attempts.recordFailure(tx, email, now, now - LOCKOUT_WINDOW_MS);
    if (failures < LOCKOUT_FAILURES) return;
    const lockedUntilMs = now + LOCKOUT_MS;
    await this.attempts.lock(tx, email, now, lockedUntilMs);
    await this.audit.record(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'sign-in.lockout',
        entityType: 'sign-in',
        entityId: email,
        newValue: { failures, lockedUntil: new Date(lockedUntilMs).toISOString() },
        reason: `${failures} wrong passwords within ${LOCKOUT_WINDOW_MS / 60_000} minutes`,
      },
      now,
    );
  }
}
