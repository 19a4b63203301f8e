import { Injectable } from '@nestjs/common';
import {
  API_KEY_ROLES,
  Actor,
  ApiKeyRole,
  Clock,
  DomainError,
  SYSTEM_ACTOR,
  refuseCleared,
} from '@app/common';
import {
  AuditEventStore,
  Ledger,
  LedgerTx,
  SessionStore,
  User,
  UserChanges,
  UserStore,
} from '@app/ledger';
import { generateOneTimePassword, hashPassword } from './password';
import {
  LAST_ADMIN_RULE,
  SELF_ADMIN_RULE,
  isEnabledAdmin,
  normalizeEmail,
  validEmail,
  validName,
  validPassword,
} from './user-rules';

export interface NewUser {
  email: string;
  name: string;
  role: ApiKeyRole;
  /** Absent: a one-time password is made, to be changed at first sign-in. */
  password?: string;
}

export interface UserChange {
  email?: string;
  name?: string;
  role?: ApiKeyRole;
  disabled?: boolean;
}

/** A user, with the one-time password made for them (null when they chose their own). */
export interface UserWithPassword {
  user: User;
  oneTimePassword: string | null;
}

/** A new password hash, who set it and why. */
export interface PasswordChange {
  passwordHash: string;
  /** True when someone else chose it: the user changes it at their next sign-in. */
  mustChangePassword: boolean;
  actor: Actor;
  action: 'user.reset-password' | 'user.change-password';
  /** The session that changed its own password stays; every other one ends. */
  keepSessionId?: number;
}

/** The demo's user: made at each demo start, printed beside the demo key. */
export const DEMO_USER = { email: 'demo@example.com', name: 'Demo admin', role: 'admin' } as const;

/** What an audit event shows of a user: never the password or its hash. */
const audited = (user: User) => ({
  email: user.email,
  name: user.name,
  role: user.role,
  mustChangePassword: Boolean(user.mustChangePassword),
  disabled: Boolean(user.disabled),
});

/**
 * People who sign in (docs/decisions/0025-users-and-sessions.md). Each change is one
 * transaction with its audit event; disabling a user or resetting their password ends their
 * sessions in the same transaction.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly ledger: Ledger,
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
  ) {}

  async create(input: NewUser, actor: Actor): Promise<UserWithPassword> {
    const email = validEmail(input.email);
    const name = validName(input.name);
    const role = validRole(input.role);
    const oneTimePassword = input.password === undefined ? generateOneTimePassword() : null;
    const passwordHash = await hashPassword(oneTimePassword ?? validPassword(input.password!));
    const user = await this.ledger.transaction(async (tx) => {
      await this.assertEmailFree(tx, email, null);
      const now = this.clock.now();
      const user = await this.users.insert(tx, {
        email,
        name,
        role,
        passwordHash,
        mustChangePassword: oneTimePassword !== null,
        disabled: false,
        createdAtMs: now,
        updatedAtMs: now,
      });
      await this.audit.record(
        tx,
        actor,
        { action: 'user.create', entityType: 'user', entityId: user.id, newValue: audited(user) },
        now,
      );
      return user;
    });
    return { user, oneTimePassword };
  }

  list(): Promise<User[]> {
    return this.users.list();
  }

  get(id: number): Promise<User> {
    return this.existing(id);
  }

  /**
   * Changes the fields given; disabling ends the user's sessions at once. A change that would
   * leave no enabled admin user, or by which an admin disables or demotes themself, is a 409:
   * the count and the change are in one transaction, so two admins demoting each other at once
   * cannot both succeed.
   */
  update(id: number, input: UserChange, actor: Actor): Promise<User> {
    refuseCleared(input, ['email', 'name', 'role', 'disabled']);
    const changes: UserChanges = {};
    if (input.email !== undefined) changes.email = validEmail(input.email);
    if (input.name !== undefined) changes.name = validName(input.name);
    if (input.role !== undefined) changes.role = validRole(input.role);
    if (input.disabled !== undefined) changes.disabled = input.disabled;
    return this.ledger.transaction(async (tx) => {
      const user = await this.existing(id, tx);
      if (changes.email !== undefined) await this.assertEmailFree(tx, changes.email, id);
      const now = this.clock.now();
      const updated: User = { ...user, ...changes, updatedAtMs: now };
      await this.assertAdminRemains(tx, user, updated, actor);
      await this.users.update(tx, id, { ...changes, updatedAtMs: now });
      if (changes.disabled === true) await this.sessions.deleteForUser(tx, id);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          oldValue: audited(user),
          newValue: audited(updated),
        },
        now,
      );
      return updated;
    });
  }

  /**
   * A new one-time password for the user, who must change it at their next sign-in; their
   * sessions end.
   */
  async resetPassword(id: number, actor: Actor): Promise<UserWithPassword> {
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const user = await this.ledger.transaction(async (tx) => {
      const user = await this.existing(id, tx);
      return this.setPassword(tx, user, {
        passwordHash,
        mustChangePassword: true,
        actor,
        action: 'user.reset-password',
      });
    });
    return { user, oneTimePassword };
  }

  /** The user with this email (in any case), or a 404. */
  async findByEmail(email: string): Promise<User> {
    const user = await this.users.findByEmail(normalizeEmail(email));
    if (!user) throw new DomainError('not-found', `No user has the email ${email}`);
    return user;
  }

  /**
   * Demo mode: the demo user, made or brought back (enabled, admin) with a fresh password for
   * this run; its earlier sessions end. It signs in without changing the password: the banner
   * shows it.
   */
  async ensureDemoUser(): Promise<{ email: string; password: string }> {
    const password = generateOneTimePassword();
    const passwordHash = await hashPassword(password);
    await this.ledger.transaction(async (tx) => {
      const now = this.clock.now();
      const fields = { ...DEMO_USER, passwordHash, mustChangePassword: false, disabled: false };
      const existing = await this.users.findByEmail(DEMO_USER.email, tx);
      if (!existing) {
        const user = await this.users.insert(tx, { ...fields, createdAtMs: now, updatedAtMs: now });
        await this.audit.record(
          tx,
          SYSTEM_ACTOR,
          { action: 'user.create', entityType: 'user', entityId: user.id, newValue: audited(user) },
          now,
        );
        return;
      }
      await this.users.update(tx, existing.id, { ...fields, updatedAtMs: now });
      await this.sessions.deleteForUser(tx, existing.id);
      await this.audit.record(
        tx,
        SYSTEM_ACTOR,
        {
          action: 'user.reset-password',
          entityType: 'user',
          entityId: existing.id,
          oldValue: audited(existing),
          newValue: audited({ ...existing, ...fields }),
          reason: 'a new demo run started',
        },
        now,
      );
    });
    return { email: DEMO_USER.email, password };
  }

  /**
   * A production start (ADMIN_API_KEY set): the demo user, if a demo run left one, is disabled,
   * as demo keys are revoked: a password printed by a demo never opens a production ledger.
   */
  disableDemoUser(): Promise<void> {
    return this.ledger.transaction(async (tx) => {
      const demo = await this.users.findByEmail(DEMO_USER.email, tx);
      if (!demo || demo.disabled) return;
      const now = this.clock.now();
      await this.users.update(tx, demo.id, { disabled: true, updatedAtMs: now });
      await this.sessions.deleteForUser(tx, demo.id);
      await this.audit.record(
        tx,
        SYSTEM_ACTOR,
        {
          action: 'user.update',
          entityType: 'user',
          entityId: demo.id,
          oldValue: audited(demo),
          newValue: audited({ ...demo, disabled: true }),
          reason: 'the demo user ends with demo mode',
        },
        now,
      );
    });
  }

  /**
   * Writes a new password hash; every session of the user ends but `keepSessionId`'s. Audited
   * without the password or its hash.
   */
  async setPassword(tx: LedgerTx, user: User, change: PasswordChange): Promise<User> {
    const { passwordHash, mustChangePassword, actor, action, keepSessionId } = change;
    const now = this.clock.now();
    const updated: User = { ...user, passwordHash, mustChangePassword, updatedAtMs: now };
    await this.users.update(tx, user.id, { passwordHash, mustChangePassword, updatedAtMs: now });
    const ended = await this.sessions.deleteForUser(tx, user.id, keepSessionId);
    await this.audit.record(
      tx,
      actor,
      {
        action,
        entityType: 'user',
        entityId: user.id,
        oldValue: { mustChangePassword: Boolean(user.mustChangePassword) },
        newValue: { mustChangePassword, sessionsEnded: ended },
      },
      now,
    );
    return updated;
  }

  private async existing(id: number, tx?: LedgerTx): Promise<User> {
    const user = await this.users.findById(id, tx);
    if (!user) throw new DomainError('not-found', `User ${id} does not exist`);
    return user;
  }

  /**
   * Refuses a change that takes an enabled admin's rights away (disabling or demoting them)
   * when no other enabled admin user would remain, or when the admin is the one acting.
   */
  private async assertAdminRemains(
    tx: LedgerTx,
    before: User,
    after: User,
    actor: Actor,
  ): Promise<void> {
    if (!isEnabledAdmin(before) || isEnabledAdmin(after)) return;
    const fields = [
      ...(after.role !== before.role ? ['role'] : []),
      ...(after.disabled ? ['disabled'] : []),
    ];
    const refuse = (message: string) =>
      new DomainError(
        'conflict',
        message,
        fields.map((field) => ({ field, message })),
      );
    if ((await this.users.countEnabledAdminsBesides(tx, before.id)) === 0) {
      throw refuse(
        `Refused: ${LAST_ADMIN_RULE}, and user ${before.id} (${before.email}) is the last one: make another user an admin first`,
      );
    }
    if (actor.userId === before.id) throw refuse(`Refused: ${SELF_ADMIN_RULE}`);
  }

  private async assertEmailFree(tx: LedgerTx, email: string, ownId: number | null): Promise<void> {
    const other = await this.users.findByEmail(email, tx);
    if (other && other.id !== ownId) {
      throw new DomainError('conflict', `User ${other.id} has the email ${email}`, [
        { field: 'email', message: 'is taken by another user' },
      ]);
    }
  }
}

function validRole(role: ApiKeyRole): ApiKeyRole {
  if (!API_KEY_ROLES.includes(role)) {
    const message = `role must be one of ${API_KEY_ROLES.join(', ')}`;
    throw new DomainError('bad-request', message, [{ field: 'role', message }]);
  }
  return role;
}
