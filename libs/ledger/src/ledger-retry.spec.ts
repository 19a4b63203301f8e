import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { Ledger } from './ledger';
import { openLedgerDataSource } from './ledger-options';
import { managerOf } from './ledger-tx';
import { TestLedgerLocation, testLedgerDriver, testLedgerLocation } from './testing';

/**
 * Two instances' transactions that take the same rows in opposite orders: PostgreSQL rolls one
 * back (a deadlock), and the ledger runs it again, so both commit. On SQLite one process writes
 * a ledger file at a time: there is no such race to prove.
 */
describe(`a transaction that loses a race with another instance's (${testLedgerDriver()})`, () => {
  let location: TestLedgerLocation;
  let sources: DataSource[] = [];

  beforeEach(async () => {
    location = await testLedgerLocation();
  });

  afterEach(async () => {
    for (const source of sources) await source.destroy();
    sources = [];
    await location.release();
  });

  it('is run again when PostgreSQL rolls it back for a deadlock, and both commit', async () => {
    if (testLedgerDriver() !== 'postgres') return;
    sources = [
      await openLedgerDataSource(location.location),
      await openLedgerDataSource(location.location),
    ];
    const [a, b] = sources.map((source) => new Ledger(source));
    await sources[0].query(
      `INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
       VALUES (1, 'One', 'per-call', 'USD', 0, 0), (2, 'Two', 'per-call', 'USD', 0, 0)`,
    );
    const signal = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open, opened };
    };
    const aHoldsOne = signal();
    const bHoldsTwo = signal();
    const runs = { a: 0, b: 0 };
    const rename = (id: number, to: string) =>
      `UPDATE rate_plans SET updated_at_ms = updated_at_ms + 1, name = name || '${to}' WHERE id = ${id}`;
    const first = a.transaction(async (tx) => {
      runs.a++;
      await managerOf(tx).query(rename(1, '+a'));
      aHoldsOne.open();
      await bHoldsTwo.opened;
      await managerOf(tx).query(rename(2, '+a'));
    });
    const second = b.transaction(async (tx) => {
      runs.b++;
      await aHoldsOne.opened;
      await managerOf(tx).query(rename(2, '+b'));
      bHoldsTwo.open();
      await managerOf(tx).query(rename(1, '+b'));
    });
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
    // One of the two was rolled back once and ran again; each change is there once.
    expect(runs.a + runs.b).toBe(3);
    const plans = await sources[0].query<{ name: string; updatedAtMs: number }[]>(
      'SELECT name, updated_at_ms AS "updatedAtMs" FROM rate_plans ORDER BY id',
    );
    expect(plans.map((plan) => plan.updatedAtMs)).toEqual([2, 2]);
    expect(plans.map((plan) => plan.name.length)).toEqual(['One+a+b'.length, 'Two+a+b'.length]);
  });
});
