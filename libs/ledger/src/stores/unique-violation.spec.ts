import 'reflect-metadata';
import { DomainError } from '@app/common';
import { DataSource } from 'typeorm';
import { Business, RatePlan } from '../entities';
import { rethrowUnique, uniqueViolation } from './unique-violation';
import { openTestLedger } from '../testing';

describe('uniqueViolation / rethrowUnique: a broken unique index becomes a 409', () => {
  let db: DataSource;

  beforeEach(async () => {
    db = await openTestLedger();
  });

  afterEach(async () => {
    await db.destroy();
  });

  const plan = { kind: 'per-call' as const, currency: 'USD', createdAtMs: 1, updatedAtMs: 1 };
  const failure = async (write: () => Promise<unknown>): Promise<unknown> => {
    try {
      await write();
    } catch (error) {
      return error;
    }
    throw new Error('the write succeeded');
  };

  it('names the columns of the index, however many', async () => {
    await db.manager.insert(RatePlan, { ...plan, name: 'Hotel' });
    const error = await failure(() => db.manager.insert(RatePlan, { ...plan, name: 'Hotel' }));
    expect(uniqueViolation(error)).toBe('rate_plans.name');
    expect(() => rethrowUnique(error, { 'rate_plans.name': 'taken' })).toThrow(
      new DomainError('conflict', 'taken'),
    );
  });

  it('passes on any other error as it is: another index, a CHECK, not a database error', async () => {
    const [business] = await db.manager.find(Business);
    const broken = await failure(() =>
      db.manager.insert(Business, { ...business, id: undefined, kind: 'shop' as never }),
    );
    expect(uniqueViolation(broken)).toBeNull(); // CHECK fails before the unique name
    expect(() => rethrowUnique(broken, { 'businesses.name': 'taken' })).toThrow(broken as Error);

    const duplicate = await failure(() =>
      db.manager.insert(Business, { ...business, id: undefined, isDefault: false }),
    );
    expect(uniqueViolation(duplicate)).toMatch(/^businesses\./);
    expect(() => rethrowUnique(duplicate, { 'sources.name': 'taken' })).toThrow(duplicate as Error);

    const plain = new Error('disk full');
    expect(uniqueViolation(plain)).toBeNull();
    expect(() => rethrowUnique(plain, {})).toThrow(plain);
  });
});
