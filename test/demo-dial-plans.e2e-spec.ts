import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@app/common';
import { RatePlansService } from '@app/rating';
import grandHotel from '../apps/billing/src/demo/plans/grand-hotel.json';
import { TestApp, createTestApp } from './support/test-app';

/**
 * The demo hotel's week: a local call dialed as 7 digits, directory assistance (411) and a
 * feature code (*67, #) are never priced as international, and a demo ledger left by a release
 * that did price them so is mended at the next start.
 */
describe('demo mode: dial plans over the demo week (e2e)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'billing-demo-dial-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const DEMO = { XIMA_BASE_URL: '', XIMA_API_KEY: '', ADMIN_API_KEY: '' };

  interface HotelItem {
    id: number;
    dialed: string | null;
    destinationClass: string | null;
    status: string;
    reason: string | null;
    amountMinor: number;
    talkSeconds: number;
  }

  type Kind = 'local-7' | 'service-411' | 'feature-code' | 'other';

  /** What the guest dialed, read from the number as recorded (access code 9). */
  function kindOf(dialed: string | null): Kind {
    if (dialed === null) return 'other';
    if (/[*#]/.test(dialed)) return 'feature-code';
    let digits = dialed.replace(/\D/g, '');
    if (digits.startsWith('9') && digits.length >= 4) digits = digits.slice(1);
    if (digits === '411') return 'service-411';
    if (/^[2-9]\d{6}$/.test(digits) && !dialed.trim().startsWith('+')) return 'local-7';
    return 'other';
  }

  async function runsSettled(db: DataSource, count: number): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const runs: { status: string }[] = await db.query(`SELECT status FROM sync_runs`);
      if (runs.length >= count && runs.every((r) => r.status !== 'running')) return;
      await sleep(100);
    }
    throw new Error('demo syncs did not finish');
  }

  async function hotelItems(db: DataSource): Promise<HotelItem[]> {
    return db.query(
      `SELECT l.id, c.dialed_number AS dialed, l.destination_class AS destinationClass, l.status,
              l.reason, l.amount_minor AS amountMinor, l.talk_seconds AS talkSeconds
         FROM line_items l JOIN call_records c ON c.id = l.call_record_id
         JOIN sources s ON s.id = l.source_id
        WHERE s.name = 'Grand Hotel room calls (demo)'`,
    );
  }

  function expectDialedRight(items: HotelItem[]): void {
    const byKind = new Map<Kind, HotelItem[]>();
    for (const item of items) {
      const kind = kindOf(item.dialed);
      byKind.set(kind, [...(byKind.get(kind) ?? []), item]);
    }
    // The demo week holds each kind: otherwise this test would prove nothing.
    for (const kind of ['local-7', 'service-411', 'feature-code'] as const) {
      expect(byKind.get(kind)?.length ?? 0).toBeGreaterThan(0);
    }
    for (const item of byKind.get('local-7')!) {
      if (item.talkSeconds === 0) expect(item.reason).toBe('unanswered');
      else if (item.talkSeconds < 30) expect(item.reason).toBe('grace');
      else expect(item).toMatchObject({ destinationClass: 'local', amountMinor: 75 });
    }
    for (const kind of ['service-411', 'feature-code'] as const) {
      for (const item of byKind.get(kind)!) {
        expect(item.destinationClass).not.toBe('international');
        expect(item.amountMinor).toBe(0);
        if (item.talkSeconds === 0) expect(item.reason).toBe('unanswered');
        else if (item.talkSeconds < 30) expect(item.reason).toBe('grace');
        else {
          expect(item.status).toBe('needs-review');
          expect(item.reason).toBe(kind === 'service-411' ? 'unroutable-number' : 'feature-code');
        }
      }
    }
  }

  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('the demo week prices no local call, 411 or feature code as international; an older demo ledger is re-rated at start', async () => {
    const DATABASE_URL = `sqlite:${join(dir, 'demo.sqlite')}`;
    app = await createTestApp({ ...DEMO, DATABASE_URL });
    let db = app.app.get(DataSource);
    await runsSettled(db, 2);
    const fresh = await hotelItems(db);
    expectDialedRight(fresh);

    // The ledger as the previous release left it: the bundled plan had no areaCode, and the
    // engine priced local 7-digit calls, 411 and *67 by the "" catch-all, as international.
    const [{ oldest }] = await db.query(
      `SELECT min(start_time_ms) AS oldest FROM line_items l JOIN sources s ON s.id = l.source_id
        WHERE s.name = 'Grand Hotel room calls (demo)'`,
    );
    const plan = (await db.query(`SELECT id FROM rate_plans WHERE name = ?`, [grandHotel.name]))[0];
    const oldDialPlan = {
      country: grandHotel.dialPlan.country,
      accessCode: grandHotel.dialPlan.accessCode,
    };
    await app.app.get(RatePlansService).addVersion(
      plan.id,
      {
        ...grandHotel,
        dialPlan: oldDialPlan,
        effectiveFrom: new Date(oldest - 3_600_000).toISOString(),
      },
      SYSTEM_ACTOR,
    );
    const mispriced = fresh.filter(
      (item) => kindOf(item.dialed) !== 'other' && item.talkSeconds >= 30,
    );
    expect(mispriced.length).toBeGreaterThan(5);
    for (const item of mispriced) {
      await db.query(
        `UPDATE line_items SET destination_prefix = '', destination_class = 'international',
           status = 'pending', reason = NULL, rated_amount_minor = 744, amount_minor = 744,
           tax_minor = 47, total_minor = 791 WHERE id = ?`,
        [item.id],
      );
    }
    await app.close();

    app = await createTestApp({ ...DEMO, DATABASE_URL });
    db = app.app.get(DataSource);
    await runsSettled(db, 4);
    const mended = await hotelItems(db);
    expectDialedRight(mended);
    const international = mended.filter(
      (item) => item.destinationClass === 'international' && kindOf(item.dialed) !== 'other',
    );
    expect(international).toEqual([]);
    // Every mispriced item was re-rated, each change audited with its old and new value.
    const audited: { n: number }[] = await db.query(
      `SELECT count(DISTINCT entity_id) AS n FROM audit_events
        WHERE entity_type = 'line-item' AND action = 'line-item.re-rate' AND actor_name = 'demo'`,
    );
    expect(audited[0].n).toBeGreaterThanOrEqual(mispriced.length);
  });
});
