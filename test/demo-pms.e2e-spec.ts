import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Demo mode links the demo hotel to the stand-in PMS: the week's billable calls are posted to
 * the guests' folios, and the exceptions are only those the demo hotel makes on purpose (its
 * no-post guest, its empty rooms). A restart points the link at the new stand-in and posts
 * nothing twice.
 */
describe('demo mode: the demo hotel posts to the stand-in PMS (e2e)', () => {
  let dir: string;
  let app: TestApp | undefined;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'billing-demo-pms-'))));
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const DEMO = {
    XIMA_BASE_URL: '',
    XIMA_API_KEY: '',
    ADMIN_API_KEY: '',
    PMS_LINKS_ENABLED: 'true',
  };

  interface Counts {
    items: number;
    postings: number;
    pending: number;
    posted: number;
    numbers: number;
  }

  async function settled(db: DataSource): Promise<Counts> {
    for (let i = 0; i < 600; i++) {
      const runs: { status: string }[] = await db.query(`SELECT status FROM sync_runs`);
      const [counts] = await db.query<Counts[]>(
        `SELECT (SELECT count(*) FROM line_items li JOIN sources s ON s.id = li.source_id
                  WHERE s.kind = 'call-records' AND li.total_minor > 0
                    AND li.status IN ('pending', 'approved', 'posted')) AS items,
                (SELECT count(*) FROM postings) AS postings,
                (SELECT count(*) FROM postings WHERE status IN ('pending', 'in-flight')) AS pending,
                (SELECT count(*) FROM postings WHERE status = 'posted') AS posted,
                (SELECT count(DISTINCT posting_number) FROM postings) AS numbers`,
      );
      if (
        runs.length >= 2 &&
        runs.every((r) => r.status !== 'running') &&
        counts.postings > 0 &&
        counts.pending === 0
      ) {
        return counts;
      }
      await sleep(100);
    }
    throw new Error('the demo postings did not settle');
  }

  it('posts the week, holds only the planned exceptions, and doubles nothing on restart', async () => {
    const DATABASE_URL = `sqlite:${join(dir, 'demo.sqlite')}`;
    app = await createTestApp({ ...DEMO, DATABASE_URL });
    let db = app.app.get(DataSource);
    const first = await settled(db);
    expect(first.postings).toBe(first.items);
    expect(first.numbers).toBe(first.postings);
    expect(first.posted / first.postings).toBeGreaterThan(0.8);
    const reasons: { reason: string; extension: string }[] = await db.query(
      `SELECT p.reason, li.extension FROM postings p JOIN line_items li ON li.id = p.line_item_id
        WHERE p.status = 'exception'`,
    );
    for (const { reason, extension } of reasons) {
      if (reason === 'NP') expect(extension).toBe('1013');
      else expect(reason).toBe('no-stay');
    }
    const [link] = await db.query<{ port: number }[]>(`SELECT port FROM pms_links`);
    await app.close();

    app = await createTestApp({ ...DEMO, DATABASE_URL });
    db = app.app.get(DataSource);
    const again = await settled(db);
    const [moved] = await db.query<{ port: number }[]>(`SELECT port FROM pms_links`);
    expect(moved.port).not.toBe(link.port);
    expect(again.numbers).toBe(again.postings);
    expect(again.postings).toBe(again.items);
    expect(again.posted).toBeGreaterThanOrEqual(first.posted);
  }, 120_000);
});
