import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import { SessionStore } from './sessions.store';
import { UserStore } from './users.store';
import { openTestLedger } from '../testing';

describe('SessionStore (in-memory ledger, real migrations)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let sessions: SessionStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    sessions = new SessionStore(ledger);
    const users = new UserStore(ledger);
    await ledger.transaction(async (tx) => {
      for (const email of ['ana@example.com', 'ben@example.com']) {
        await users.insert(tx, {
          email,
          name: email.split('@')[0],
          role: 'viewer',
          passwordHash: 'scrypt$hash',
          mustChangePassword: false,
          disabled: false,
          createdAtMs: 1,
          updatedAtMs: 1,
        });
      }
    });
  });

  afterEach(async () => {
    await db.destroy();
  });

  const session = (tokenHash: string, userId: number, lastSeenAtMs = 1000, createdAtMs = 1000) =>
    ledger.transaction((tx) =>
      sessions.insert(tx, {
        tokenHash,
        csrfToken: `csrf-${tokenHash}`,
        userId,
        createdAtMs,
        lastSeenAtMs,
      }),
    );
  const hashes = async () =>
    (await db.query<{ token_hash: string }[]>('SELECT token_hash FROM sessions ORDER BY id')).map(
      (row) => row.token_hash,
    );

  it('finds a session by its token hash, with its user', async () => {
    await session('h1', 1);
    await expect(sessions.findByTokenHash('h1')).resolves.toMatchObject({
      csrfToken: 'csrf-h1',
      userId: 1,
      user: { email: 'ana@example.com', role: 'viewer' },
    });
    await expect(sessions.findByTokenHash('h2')).resolves.toBeNull();
  });

  it('marks a session seen, and ends one, a user’s others, or the idle ones', async () => {
    const a1 = await session('a1', 1, 1000);
    await session('a2', 1, 5000);
    await session('a3', 1, 9000);
    await session('b1', 2, 2000);
    await ledger.transaction((tx) => sessions.markSeen(tx, a1.id, 8000));
    await expect(sessions.findByTokenHash('a1')).resolves.toMatchObject({ lastSeenAtMs: 8000 });

    await expect(ledger.transaction((tx) => sessions.deleteIdleSince(tx, 6000))).resolves.toBe(2);
    expect(await hashes()).toEqual(['a1', 'a3']);
    await expect(ledger.transaction((tx) => sessions.deleteForUser(tx, 1, a1.id))).resolves.toBe(1);
    expect(await hashes()).toEqual(['a1']);
    await ledger.transaction((tx) => sessions.delete(tx, a1.id));
    expect(await hashes()).toEqual([]);
  });

  it('ends the sessions signed in at or before a cutoff, however recently seen', async () => {
    await session('old', 1, 9000, 1000);
    await session('edge', 1, 9000, 5000);
    await session('new', 2, 9000, 5001);
    await expect(
      ledger.transaction((tx) => sessions.deleteStartedAtOrBefore(tx, 5000)),
    ).resolves.toBe(2);
    expect(await hashes()).toEqual(['new']);
  });
});
