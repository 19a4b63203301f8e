import 'reflect-metadata';
import { DomainError } from '@app/common';
import { DataSource } from 'typeorm';
import { User } from '../entities';
import { Ledger } from '../ledger';
import { UserStore } from './users.store';
import { openTestLedger } from '../testing';

describe('UserStore (in-memory ledger, real migrations)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let users: UserStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    users = new UserStore(ledger);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const user = (email: string, fields: Partial<User> = {}) =>
    ledger.transaction((tx) =>
      users.insert(tx, {
        email,
        name: email.split('@')[0],
        role: 'accountant',
        passwordHash: 'scrypt$hash',
        mustChangePassword: false,
        disabled: false,
        createdAtMs: 1,
        updatedAtMs: 1,
        ...fields,
      }),
    );

  it('stores users, finds them by id and email, lists them oldest first', async () => {
    const ana = await user('ana@example.com', { mustChangePassword: true });
    await user('ben@example.com', { disabled: true });
    expect(ana).toMatchObject({ id: 1, mustChangePassword: true, disabled: false });
    await expect(users.findByEmail('ana@example.com')).resolves.toMatchObject({ id: ana.id });
    await expect(users.findById(2)).resolves.toMatchObject({
      email: 'ben@example.com',
      disabled: true,
    });
    expect((await users.list()).map((u) => u.email)).toEqual([
      'ana@example.com',
      'ben@example.com',
    ]);
  });

  it('refuses a second user with the same email as a conflict, on insert and on update', async () => {
    await user('ana@example.com');
    const ben = await user('ben@example.com');
    const conflict = new DomainError('conflict', 'Another user has this email');
    await expect(user('ana@example.com')).rejects.toThrow(conflict);
    await expect(
      ledger.transaction((tx) => users.update(tx, ben.id, { email: 'ana@example.com' })),
    ).rejects.toThrow(conflict);
    await ledger.transaction((tx) => users.update(tx, ben.id, { name: 'Ben', role: 'admin' }));
    await expect(users.findById(ben.id)).resolves.toMatchObject({ name: 'Ben', role: 'admin' });
  });

  it('keeps emails in lower case, so that one email is one user whatever its case', async () => {
    await expect(user('Ana@Example.com')).rejects.toThrow(/CK_users_email_lower_case/);
  });

  it('counts the enabled admins besides one user, seeing the transaction’s own writes', async () => {
    const ana = await user('ana@example.com', { role: 'admin' });
    const ben = await user('ben@example.com', { role: 'admin' });
    await user('cleo@example.com', { role: 'admin', disabled: true });
    await user('dan@example.com', { role: 'accountant' });
    const besides = (id: number) =>
      ledger.transaction((tx) => users.countEnabledAdminsBesides(tx, id));
    await expect(besides(ana.id)).resolves.toBe(1);
    await expect(besides(999)).resolves.toBe(2);
    await expect(
      ledger.transaction(async (tx) => {
        await users.update(tx, ben.id, { role: 'viewer' });
        return users.countEnabledAdminsBesides(tx, ana.id);
      }),
    ).resolves.toBe(0);
  });
});
