import { Injectable } from '@nestjs/common';
import { LessThan, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { SignInFailure, SignInLockout } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { readerOf } from './reader';

/**
 * Wrong passwords per email and the emails they locked.
 * Tables: sign_in_failures, sign_in_lockouts. It holds the SQL of these tables. Emails are
 * given as stored: trimmed, in lower case.
 */
@Injectable()
export class SignInAttemptStore {
  constructor(private readonly ledger: Ledger) {}

  /** The email's lockout if it lasts beyond `nowMs`, else null. */
  findLockout(email: string, nowMs: number, tx?: LedgerTx): Promise<SignInLockout | null> {
    return readerOf(this.ledger, tx).findOneBy(SignInLockout, {
      email,
      lockedUntilMs: MoreThanOrEqual(nowMs + 1),
    });
  }

  /**
   * Records a failure of `email` at `nowMs` and answers how many it has had since
   * `windowStartMs`, this one included. Failures and lockouts older than that are forgotten,
   * every email's, so that the tables hold one window's worth.
   */
  async recordFailure(
    tx: LedgerTx,
    email: string,
    nowMs: number,
    windowStartMs: number,
  ): Promise<number> {
    const manager = managerOf(tx);
    await manager.delete(SignInFailure, { failedAtMs: LessThan(windowStartMs) });
    await manager.delete(SignInLockout, { lockedUntilMs: LessThanOrEqual(nowMs) });
    await manager.insert(SignInFailure, { email, failedAtMs: nowMs });
    return manager.countBy(SignInFailure, {
      email,
      failedAtMs: MoreThanOrEqual(windowStartMs),
    });
  }

  /** Locks the email until `lockedUntilMs`; its failures are forgotten, so that they count anew after. */
  async lock(
    tx: LedgerTx,
    email: string,
    lockedAtMs: number,
    lockedUntilMs: number,
  ): Promise<void> {
    const manager = managerOf(tx);
    await manager.upsert(SignInLockout, { email, lockedAtMs, lockedUntilMs }, ['email']);
    await manager.delete(SignInFailure, { email });
  }

  /** A right password forgets the email's failures. */
  async clearFailures(tx: LedgerTx, email: string): Promise<void> {
    await managerOf(tx).delete(SignInFailure, { email });
  }
}
