import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import { SignInAttemptStore } from './sign-in-attempts.store';
import { openTestLedger } from '../testing';

describe('SignInAttemptStore (in-memory ledger, real migrations)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let attempts: SignInAttemptStore;
  const WINDOW = 15 * 60_000;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    attempts = new SignInAttemptStore(ledger);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const fail = (email: string, nowMs: number) =>
    ledger.transaction((tx) => attempts.recordFailure(tx, email, nowMs, nowMs - WINDOW));
  const rows = async (table: string) =>
    (await db.query<{ n: number }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n;

  it('counts an email’s failures within the window, forgetting older ones', async () => {
    await expect(fail('ana@example.com', 0)).resolves.toBe(1);
    await expect(fail('ana@example.com', 60_000)).resolves.toBe(2);
    await expect(fail('ben@example.com', 60_000)).resolves.toBe(1);
    // 15 min after the first: it falls out of the window.
    await expect(fail('ana@example.com', WINDOW + 1)).resolves.toBe(2);
    expect(await rows('sign_in_failures')).toBe(3);
    await ledger.transaction((tx) => attempts.clearFailures(tx, 'ana@example.com'));
    await expect(fail('ana@example.com', WINDOW + 2)).resolves.toBe(1);
  });

  it('locks an email until a time, and forgets the lock after it', async () => {
    await fail('ana@example.com', 0);
    await ledger.transaction((tx) => attempts.lock(tx, 'ana@example.com', 1000, 1000 + WINDOW));
    expect(await rows('sign_in_failures')).toBe(0);
    await expect(attempts.findLockout('ana@example.com', 1000)).resolves.toMatchObject({
      lockedAtMs: 1000,
      lockedUntilMs: 1000 + WINDOW,
    });
    await expect(attempts.findLockout('ben@example.com', 1000)).resolves.toBeNull();
    await expect(attempts.findLockout('ana@example.com', 1000 + WINDOW)).resolves.toBeNull();
    // Locked again later: the lock is replaced, not doubled.
    await ledger.transaction((tx) => attempts.lock(tx, 'ana@example.com', 5000, 5000 + WINDOW));
    expect(await rows('sign_in_lockouts')).toBe(1);
    await fail('ben@example.com', 5000 + WINDOW);
    expect(await rows('sign_in_lockouts')).toBe(0);
  });
});
