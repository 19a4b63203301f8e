import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { createTestApp } from './support/test-app';

describe('demo mode (e2e: in-process sandbox, sample data, a week synced)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'billing-demo-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const DEMO = { XIMA_BASE_URL: '', XIMA_API_KEY: '', ADMIN_API_KEY: '' };

  async function runsSettled(
    db: DataSource,
  ): Promise<{ status: string; inserted: number; rated: number }[]> {
    for (let i = 0; i < 100; i++) {
      const runs: { status: string; inserted: number; rated: number }[] = await db.query(
        `SELECT status, inserted, rated FROM sync_runs ORDER BY id`,
      );
      if (runs.length >= 2 && runs.every((r) => r.status !== 'running')) return runs;
      await sleep(100);
    }
    throw new Error('demo syncs did not finish');
  }

  it('seeds the sample plans and sources, syncs them, and adds nothing twice on restart', async () => {
    const DATABASE_URL = `sqlite:${join(dir, 'demo.sqlite')}`;
    const first = await createTestApp({ ...DEMO, DATABASE_URL });
    const db = first.app.get(DataSource);
    const runs = await runsSettled(db);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const counts = async (d: DataSource) =>
      (
        await d.query(`SELECT (SELECT count(*) FROM rate_plans) AS plans, (SELECT count(*) FROM sources) AS sources,
                              (SELECT count(*) FROM businesses) AS businesses,
                              (SELECT count(*) FROM line_items) AS items, (SELECT count(*) FROM call_records) AS calls`)
      )[0] as { plans: number; sources: number; businesses: number; items: number; calls: number };
    const after = await counts(db);
    // The default business, the hotel and the law firm; each demo source belongs to its own.
    expect(after).toMatchObject({ plans: 2, sources: 2, businesses: 3 });
    await expect(
      db.query(`SELECT s.name AS source, b.name AS business, b.kind, b.invoice_prefix AS prefix
                  FROM sources s JOIN businesses b ON b.id = s.business_id ORDER BY s.id`),
    ).resolves.toEqual([
      {
        source: 'Grand Hotel room calls (demo)',
        business: 'Grand Hotel Denver',
        kind: 'hotel',
        prefix: 'GH',
      },
      {
        source: 'Porter & Lane account codes (demo)',
        business: 'Porter & Lane LLP',
        kind: 'law-firm',
        prefix: 'PL',
      },
    ]);
    expect(after.calls).toBeGreaterThan(1000); // a week at 400 calls a day
    expect(after.items).toBeGreaterThan(100);
    await first.close();

    const second = await createTestApp({ ...DEMO, DATABASE_URL });
    const db2 = second.app.get(DataSource);
    await runsSettled(db2);
    const again = await counts(db2);
    expect(again.plans).toBe(2);
    expect(again.sources).toBe(2);
    expect(again.businesses).toBe(3);
    // The second week overlaps the first: no call is stored twice.
    const dupes = await db2.query(
      `SELECT count(*) AS n FROM (SELECT source_id, call_id FROM call_records GROUP BY 1, 2 HAVING count(*) > 1)`,
    );
    expect(dupes).toEqual([{ n: 0 }]);
    await second.close();
  });
});
