import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { User } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { readerOf } from './reader';
import { rethrowUnique } from './unique-violation';

/** What a change to a user may set: everything but its id and when it was made. */
export type UserChanges = Partial<Omit<User, 'id' | 'createdAtMs'>>;

const UNIQUE = { 'users.email': 'Another user has this email' };

/**
 * Users: people who sign in, their roles and password hashes.
 * Tables: users. It holds the SQL of these tables (its reads may join others').
 * Reads take the open transaction as their last argument when they run inside one.
 */
@Injectable()
export class UserStore {
  constructor(private readonly ledger: Ledger) {}

  /** Every user, enabled or disabled, oldest first. */
  list(): Promise<User[]> {
    return this.ledger.manager.find(User, { order: { id: 'ASC' } });
  }

  findById(id: number, tx?: LedgerTx): Promise<User | null> {
    return readerOf(this.ledger, tx).findOneBy(User, { id });
  }

  /** The user with this email, which must already be in lower case as stored. */
  findByEmail(email: string, tx?: LedgerTx): Promise<User | null> {
    return readerOf(this.ledger, tx).findOneBy(User, { email });
  }

  /** Stores a new user; an email another user has is a 409. */
  async insert(tx: LedgerTx, user: Omit<User, 'id'>): Promise<User> {
    const manager = managerOf(tx);
    try {
      return await manager.save(manager.create(User, user));
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  /** Writes the changed fields; an email another user has is a 409. */
  async update(tx: LedgerTx, id: number, changes: UserChanges): Promise<void> {
    try {
      await managerOf(tx).update(User, { id }, changes);
    } catch (error) {
      rethrowUnique(error, UNIQUE);
    }
  }

  // --- used by the last-admin rule

  /**
   * How many enabled admin users there are besides `exceptId`, read in the transaction that
   * will change that user, so that the count and the change cannot be raced.
   */
  countEnabledAdminsBesides(tx: LedgerTx, exceptId: number): Promise<number> {
    return managerOf(tx).countBy(User, { role: 'admin', disabled: false, id: Not(exceptId) });
  }
}
