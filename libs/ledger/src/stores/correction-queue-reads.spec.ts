import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { localDate } from '@app/common';
import { Ledger } from '../ledger';
import { LawBookStore } from './law-book.store';
import { lineItemWhere } from './line-item-where';
import { LineItemTotalsStore } from './line-item-totals.store';
import { LineItemStore } from './line-items.store';
import { RatePlanStore } from './rate-plans.store';
import { openTestLedger, testLedgerDriver } from '../testing';

const T0 = Date.parse('2026-03-02T17:00:00Z');
const DAY = 86_400_000;

describe("the correction queue's reads (real migrations on :memory:)", () => {
  let db: DataSource;
  let ledger: Ledger;
  let serial = 0;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Firm', 'per-call', 'USD', 0, 0)`);
    await db.query(
      `INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms, plan_json,
         created_at_ms, created_by) VALUES (1, 1, 1, 0, ?, 0, 'test'), (2, 1, 2, 1, ?, 0, 'test')`,
      [
        JSON.stringify({
          billingAccount: { by: 'accountCode', pattern: '^(?<client>\\d{5})-(?<matter>\\d{3})$' },
        }),
        JSON.stringify({ billingAccount: { by: 'extension', ranges: [] } }),
      ],
    );
    for (const id of [1, 2]) {
      await db.query(
        `INSERT INTO sources (id, name, kind, historic_data_key, rate_plan_id, business_id,
           timezone, created_at_ms, updated_at_ms)
         VALUES (?, ?, 'call-records', 'CALLDTL1', 1, 1, 'America/Denver', 0, 0)`,
        [id, `Calls ${id}`],
      );
    }
  });

  afterEach(async () => {
    await db.destroy();
  });

  const seed = async (item: {
    startTimeMs: number;
    billingAccount: string | null;
    extension?: string;
    sourceId?: number;
    status?: string;
    reason?: string | null;
  }): Promise<number> => {
    const callId = `c${++serial}`;
    const [record] = await db.query<{ id: number }[]>(
      `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, talk_ms, raw_json,
         created_at_ms) VALUES (?, ?, ?, 'outbound', 61000, '{}', 0) RETURNING id`,
      [item.sourceId ?? 1, callId, item.startTimeMs],
    );
    const [row] = await db.query<{ id: number }[]>(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
         extension, talk_seconds, billed_seconds, currency, rated_amount_minor, amount_minor,
         tax_minor, total_minor, status, reason, rate_plan_id, rate_plan_version_id,
         rate_plan_version_number, breakdown_json, created_at_ms, updated_at_ms, local_date)
       VALUES (?, ?, ?, ?, ?, ?, 61, 66, 'USD', 150, 150, 0, 150, ?, ?, 1, 1, 1, '{}', 0, 0, ?)
       RETURNING id`,
      [
        item.sourceId ?? 1,
        record.id,
        callId,
        item.billingAccount,
        item.startTimeMs,
        item.extension ?? '253',
        item.status ?? 'pending',
        item.reason ?? null,
        localDate(item.startTimeMs, 'America/Denver'),
      ],
    );
    return row.id;
  };

  describe('LineItemStore.accountsUsedByExtension', () => {
    it("counts an extension's codes of a source in the window, most used first, then by code", async () => {
      const typo = await seed({
        startTimeMs: T0,
        billingAccount: '10243-001',
        status: 'needs-review',
        reason: 'unknown-matter',
      });
      for (const d of [1, 2, 3])
        await seed({ startTimeMs: T0 - d * DAY, billingAccount: '10234-001' });
      for (const d of [4, 5, 6])
        await seed({ startTimeMs: T0 - d * DAY, billingAccount: '55555-010' });
      await seed({ startTimeMs: T0 - 7 * DAY, billingAccount: '20000-001' });
      // Not counted: another extension, another source, too old, the call itself and later,
      // rejected, a code known to be wrong, no code.
      await seed({ startTimeMs: T0 - DAY, billingAccount: '20000-001', extension: '254' });
      await seed({ startTimeMs: T0 - DAY, billingAccount: '20000-001', sourceId: 2 });
      await seed({ startTimeMs: T0 - 91 * DAY, billingAccount: '20000-001' });
      await seed({ startTimeMs: T0 + 1, billingAccount: '20000-001' });
      await seed({ startTimeMs: T0 - DAY, billingAccount: '20000-001', status: 'rejected' });
      await seed({
        startTimeMs: T0 - DAY,
        billingAccount: '10243-001',
        status: 'needs-review',
        reason: 'unknown-matter',
      });
      await seed({ startTimeMs: T0 - DAY, billingAccount: null });
      const store = new LineItemStore(ledger, new LineItemTotalsStore(ledger));
      const query = {
        sourceId: 1,
        extension: '253',
        fromMs: T0 - 90 * DAY,
        toMs: T0,
        exceptId: typo,
        exceptReasons: ['unknown-matter', 'closed-matter'],
        limit: 50,
      };
      await expect(store.accountsUsedByExtension(query)).resolves.toEqual([
        { billingAccount: '10234-001', uses: 3 },
        { billingAccount: '55555-010', uses: 3 },
        { billingAccount: '20000-001', uses: 1 },
      ]);
      await expect(store.accountsUsedByExtension({ ...query, limit: 1 })).resolves.toHaveLength(1);
    });
  });

  describe('LawBookStore.findMattersByNumbers', () => {
    beforeEach(async () => {
      await db.query(
        `INSERT INTO businesses (id, name, kind, timezone, invoice_prefix, is_default,
           created_at_ms, updated_at_ms)
         VALUES (2, 'Other firm', 'law-firm', 'UTC', 'OF', FALSE, 0, 0)`,
      );
      const insert = `INSERT INTO matters (business_id, client_number, client_name, matter_number,
         matter_name, status, closed_date, billable, created_at_ms, updated_at_ms)
         VALUES (?, ?, 'C', ?, 'M', 'open', NULL, TRUE, 0, 0)`;
      for (let n = 0; n < 600; n++) {
        await db.query(insert, [1, '10234', String(n).padStart(3, '0')]);
      }
      await db.query(insert, [2, '10234', '999']);
    });

    it("finds the business's matters among the keys, in chunks, and no other business's", async () => {
      const lawBook = new LawBookStore(ledger);
      const keys = Array.from({ length: 700 }, (_, n) => ({
        clientNumber: '10234',
        matterNumber: String(n).padStart(3, '0'),
      }));
      const found = await lawBook.findMattersByNumbers(1, keys);
      expect(found).toHaveLength(600);
      expect(new Set(found.map((m) => m.businessId))).toEqual(new Set([1]));
      await expect(
        lawBook.findMattersByNumbers(1, [{ clientNumber: '10234', matterNumber: '999' }]),
      ).resolves.toEqual([]);
      await expect(lawBook.findMattersByNumbers(1, [])).resolves.toEqual([]);
    });

    it('looks each key up in the unique index: no scan of the firm’s matters', async () => {
      // SQLite's plan; PostgreSQL plans a table this small as a scan whatever the index.
      if (testLedgerDriver() !== 'sqlite') return;
      const plan = await db.query<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT * FROM matters m WHERE m.business_id = ?
           AND (m.client_number, m.matter_number) IN (VALUES (?, ?), (?, ?))`,
        [1, '10234', '001', '10243', '001'],
      );
      expect(plan.map((row) => row.detail).join('\n')).toContain('UQ_matters_number');
    });
  });

  it("RatePlanStore.accountPattern: an account-code plan's pattern, else null", async () => {
    const ratePlans = new RatePlanStore(ledger);
    await expect(ratePlans.accountPattern(1)).resolves.toBe(
      '^(?<client>\\d{5})-(?<matter>\\d{3})$',
    );
    await expect(ratePlans.accountPattern(2)).resolves.toBeNull();
    await expect(ratePlans.accountPattern(99)).resolves.toBeNull();
  });

  it('lineItemWhere: reason, extension and timekeeper', () => {
    expect(
      lineItemWhere({
        reasons: ['unknown-matter', 'closed-matter'],
        extension: '253',
        timekeeperId: 'TK-1',
      }),
    ).toEqual({
      sql: 'reason IN (?, ?) AND extension = ? AND timekeeper_id = ?',
      params: ['unknown-matter', 'closed-matter', '253', 'TK-1'],
    });
  });
});
