import { Injectable } from '@nestjs/common';
import { LessThan, LessThanOrEqual, Not } from 'typeorm';
import { Session, User } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';

/** A session with the user it signs in. */
export type SessionOfUser = Session & { user: User };

/**
 * Sessions: who is signed in from a browser, by the hash of the cookie's token.
 * Tables: sessions. It holds the SQL of these tables (its reads may join others').
 */
@Injectable()
export class SessionStore {
  constructor(private readonly ledger: Ledger) {}

  /** The session whose token has this hash, with its user; expiry is the caller's to judge. */
  async findByTokenHash(tokenHash: string): Promise<SessionOfUser | null> {
    const session = await this.ledger.manager.findOne(Session, {
      where: { tokenHash },
      relations: { user: true },
    });
    return session?.user ? (session as SessionOfUser) : null;
  }

  async insert(tx: LedgerTx, session: Omit<Session, 'id' | 'user'>): Promise<Session> {
    const manager = managerOf(tx);
    return manager.save(manager.create(Session, session));
  }

  /** When the session last answered a request (written at most once a minute by its caller). */
  async markSeen(tx: LedgerTx, id: number, lastSeenAtMs: number): Promise<void> {
    await managerOf(tx).update(Session, { id }, { lastSeenAtMs });
  }

  /** Ends one session (signing out). */
  async delete(tx: LedgerTx, id: number): Promise<void> {
    await managerOf(tx).delete(Session, { id });
  }

  /** Ends every session of a user, but `exceptId`'s when given; answers how many ended. */
  async deleteForUser(tx: LedgerTx, userId: number, exceptId?: number): Promise<number> {
    const result = await managerOf(tx).delete(Session, {
      userId,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    return result.affected ?? 0;
  }

  /** Ends the sessions idle since before `cutoffMs`; answers how many ended. */
  async deleteIdleSince(tx: LedgerTx, cutoffMs: number): Promise<number> {
    const result = await managerOf(tx).delete(Session, { lastSeenAtMs: LessThan(cutoffMs) });
    return result.affected ?? 0;
  }

  // --- used by the session lifetime

  /** Ends the sessions signed in at or before `cutoffMs`, however busy; answers how many ended. */
  async deleteStartedAtOrBefore(tx: LedgerTx, cutoffMs: number): Promise<number> {
    const result = await managerOf(tx).delete(Session, {
      createdAtMs: LessThanOrEqual(cutoffMs),
    });
    return result.affected ?? 0;
  }
}
