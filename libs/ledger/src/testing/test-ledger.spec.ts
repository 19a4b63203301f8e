import 'reflect-metadata';
import { Client } from 'pg';
import { openTestLedger, testLedgerDriver } from './test-ledger';
import { TEST_POSTGRES_URL_VARIABLE } from './test-environment';

const insertPlan = `INSERT INTO rate_plans (name, kind, currency, created_at_ms, updated_at_ms)
  VALUES (?, 'per-call', 'USD', 0, 0) RETURNING id`;

/** What a test finds in a ledger it opens: as the migrations leave it, whoever had it before. */
describe(`a test ledger (${testLedgerDriver()})`, () => {
  it.each([1, 2, 3])('is as new, its ids starting at 1 (ledger %d of three in a row)', async () => {
    const db = await openTestLedger();
    try {
      await expect(db.query(`SELECT count(*) AS n FROM rate_plans`)).resolves.toEqual([{ n: 0 }]);
      await expect(db.query(`SELECT id, name FROM businesses`)).resolves.toEqual([
        { id: 1, name: 'My business' },
      ]);
      await expect(db.query(insertPlan, ['Hotel'])).resolves.toEqual([{ id: 1 }]);
      // Rows a trigger would refuse to delete are left behind on purpose.
      await db.query(
        `INSERT INTO audit_events (occurred_at_ms, actor_name, action, entity_type, entity_id)
         VALUES (1, 'system', 'test', 'thing', '1')`,
      );
      await db.query(`UPDATE businesses SET name = 'Changed' WHERE id = 1`);
    } finally {
      await db.destroy();
    }
  });

  if (testLedgerDriver() === 'postgres') {
    it('is dropped, not handed on, when a test changed its schema', async () => {
      const db = await openTestLedger();
      const [{ name }] = await db.query<{ name: string }[]>(`SELECT current_database() AS name`);
      await db.query(`ALTER TABLE rate_plans ADD COLUMN note text`);
      await db.destroy();
      const admin = new Client({ connectionString: process.env[TEST_POSTGRES_URL_VARIABLE] });
      await admin.connect();
      try {
        const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
        expect(found.rowCount).toBe(0);
      } finally {
        await admin.end();
      }
    });
  }
});
