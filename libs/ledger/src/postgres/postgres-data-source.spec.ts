import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { RatePlan } from '../entities';
import { openTestLedger, testLedgerDriver } from '../testing';

/**
 * The stores' SQL, written once with `?`, runs through every door TypeORM offers, and the
 * entities' integers come back as numbers: on SQLite as they always did, on PostgreSQL through
 * the ledger DataSource's patches.
 */
describe(`the ledger's DataSource runs the stores' SQL (${testLedgerDriver()})`, () => {
  let db: DataSource;

  beforeEach(async () => {
    db = await openTestLedger();
  });

  afterEach(async () => {
    await db.destroy();
  });

  const insertPlan = `INSERT INTO rate_plans (name, kind, currency, created_at_ms, updated_at_ms)
    VALUES (?, 'per-call', ?, ?, ?)`;
  const plans = `SELECT name, created_at_ms AS "createdAtMs" FROM rate_plans WHERE currency = ? ORDER BY id`;

  it('numbers `?` for DataSource.query, EntityManager.query, a query runner and a transaction', async () => {
    await db.query(insertPlan, ['A', 'USD', 1_796_400_000_000, 1]);
    await db.manager.query(insertPlan, ['B', 'USD', 2, 2]);
    await db.transaction(async (manager) => {
      await manager.query(insertPlan, ['C', 'USD', 3, 3]);
    });
    const runner = db.createQueryRunner();
    try {
      await runner.query(insertPlan, ['D', 'USD', 4, 4]);
    } finally {
      await runner.release();
    }
    await expect(db.query(plans, ['USD'])).resolves.toEqual([
      { name: 'A', createdAtMs: 1_796_400_000_000 },
      { name: 'B', createdAtMs: 2 },
      { name: 'C', createdAtMs: 3 },
      { name: 'D', createdAtMs: 4 },
    ]);
  });

  it('leaves a ? inside a string alone', async () => {
    await db.query(insertPlan, ['Why? Because', 'EUR', 5, 5]);
    await expect(
      db.query(`SELECT name FROM rate_plans WHERE name LIKE '%?%' AND currency = ?`, ['EUR']),
    ).resolves.toEqual([{ name: 'Why? Because' }]);
  });

  it('saves and finds entities, their generated ids and integers numbers', async () => {
    const saved = await db.getRepository(RatePlan).save({
      name: 'Hotel',
      kind: 'per-call',
      currency: 'USD',
      createdAtMs: 1_796_400_000_123,
      updatedAtMs: 1_796_400_000_456,
    });
    expect(typeof saved.id).toBe('number');
    await expect(
      db.getRepository(RatePlan).findOneByOrFail({ id: saved.id }),
    ).resolves.toMatchObject({ id: saved.id, createdAtMs: 1_796_400_000_123 });
  });

  it('reads counts and sums as exact numbers', async () => {
    await db.query(insertPlan, ['A', 'USD', 2 ** 52, 0]);
    await db.query(insertPlan, ['B', 'USD', 2 ** 52 - 1, 0]);
    await expect(
      db.query(`SELECT count(*) AS n, sum(created_at_ms) AS total FROM rate_plans`),
    ).resolves.toEqual([{ n: 2, total: 2 ** 53 - 1 }]);
  });
});
