import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openLedgerDataSource } from '../ledger-options';
import { LEDGER_POSTGRES_MIGRATIONS } from '../migrations';
import { TEST_POSTGRES_URL_VARIABLE, testLedgerDriver } from '../testing';

/**
 * Several instances started at once on a new PostgreSQL database: the first runs the
 * migrations under the lock, the others wait and find them done (none fails on a table the
 * first made). On SQLite there is one process a ledger file: nothing to prove here.
 */
describe(`migrations of instances started at once (${testLedgerDriver()})`, () => {
  it('run once, whichever instance comes first; every instance opens the ledger', async () => {
    if (testLedgerDriver() !== 'postgres') return;
    const server = process.env[TEST_POSTGRES_URL_VARIABLE]!;
    const name = `lock_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      // A pool of one connection each: the lock must not need the pool's connection.
      const opened = await Promise.all(
        [1, 2, 3].map(() =>
          openLedgerDataSource({ kind: 'postgres', url: url.toString(), poolSize: 1 }),
        ),
      );
      const [{ ran }] = await opened[0].query<{ ran: number }[]>(
        'SELECT count(*) AS "ran" FROM migrations',
      );
      expect(ran).toBe(LEDGER_POSTGRES_MIGRATIONS.length);
      for (const dataSource of opened) {
        await expect(dataSource.query('SELECT count(*) AS n FROM leases')).resolves.toEqual([
          { n: 0 },
        ]);
        await dataSource.destroy();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    }
  });
});
