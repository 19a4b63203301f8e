import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DomainError, localDate } from '@app/common';
import { AccountSummary, AuditEvent, CallRecord, LineItem } from '../entities';
import { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';
import { columnOf } from './columns';
import { lineItemWhere } from './line-item-where';
import { LineItemTotalsStore } from './line-item-totals.store';
import {
  LineItemQuery,
  LineItemStore,
  ListedLineItem,
  RatedLineItemFields,
} from './line-items.store';
import { openTestLedger, testLedgerDriver } from '../testing';

const T0 = Date.parse('2026-03-02T07:00:00Z');
const MINUTE = 60_000;

interface Seed {
  startTimeMs?: number;
  status?: string;
  billingAccount?: string | null;
  destinationClass?: string | null;
  dialedNumber?: string | null;
  normalizedNumber?: string | null;
  accountCode?: string | null;
  currency?: string;
  amountMinor?: number;
  taxMinor?: number;
  sourceId?: number;
}

describe('lineItemWhere: a LineItemQuery as SQL', () => {
  it('matches every item when the query names nothing', () => {
    expect(lineItemWhere({})).toEqual({ sql: 'TRUE', params: [] });
  });

  it('narrows with AND in a fixed order, each value a parameter', () => {
    const query: LineItemQuery = {
      text: '555',
      maxAmount: [{ currency: 'USD', minor: 10_000n }],
      minAmount: [
        { currency: 'JPY', minor: 2n },
        { currency: 'USD', minor: 101n },
      ],
      toMs: 2000,
      fromMs: 1000,
      destinationClass: 'international',
      billingAccount: 'ROOM-1012',
      statuses: ['pending', 'needs-review'],
      sourceId: 3,
    };
    expect(lineItemWhere(query)).toEqual({
      sql: [
        'source_id = ?',
        'status IN (?, ?)',
        'billing_account = ?',
        'destination_class = ?',
        'start_time_ms >= ?',
        'start_time_ms < ?',
        '((currency = ? AND amount_minor >= ?) OR (currency = ? AND amount_minor >= ?))',
        '((currency = ? AND amount_minor <= ?))',
        `(dialed_number LIKE ? ESCAPE '\\' OR normalized_number LIKE ? ESCAPE '\\' OR account_code LIKE ? ESCAPE '\\')`,
      ].join(' AND '),
      params: [
        3,
        'pending',
        'needs-review',
        'ROOM-1012',
        'international',
        1000,
        2000,
        'JPY',
        2n,
        'USD',
        101n,
        'USD',
        10_000n,
        '%555%',
        '%555%',
        '%555%',
      ],
    });
  });

  it('matches nothing on an amount bound in no currency (the ledger bills in none)', () => {
    expect(lineItemWhere({ minAmount: [] })).toEqual({ sql: 'FALSE', params: [] });
  });

  it('searches for %, _ and \\ as themselves', () => {
    expect(lineItemWhere({ text: '5%_\\' }).params).toEqual(Array(3).fill('%5\\%\\_\\\\%'));
  });
});

describe('LineItemStore (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let store: LineItemStore;
  let serial = 0;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    store = new LineItemStore(ledger, new LineItemTotalsStore(ledger));
    await db.query(`INSERT INTO rate_plans (id, name, kind, currency, created_at_ms, updated_at_ms)
      VALUES (1, 'Hotel', 'per-call', 'USD', 0, 0)`);
    await db.query(`INSERT INTO rate_plan_versions (id, rate_plan_id, version, effective_from_ms,
        plan_json, created_at_ms, created_by) VALUES (1, 1, 1, 0, '{}', 0, 'test')`);
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

  /** A call record and its line item; returns the item's id. */
  const seed = async (item: Seed = {}): Promise<number> => {
    const callId = `c${++serial}`;
    const startTimeMs = item.startTimeMs ?? T0;
    const [record] = await db.query<{ id: number }[]>(
      `INSERT INTO call_records (source_id, call_id, start_time_ms, direction, talk_ms, raw_json,
         created_at_ms) VALUES (?, ?, ?, 'outbound', 61000, '{}', 0) RETURNING id`,
      [item.sourceId ?? 1, callId, startTimeMs],
    );
    const amount = item.amountMinor ?? 150;
    const tax = item.taxMinor ?? 0;
    const [row] = await db.query<{ id: number }[]>(
      `INSERT INTO line_items (source_id, call_record_id, call_id, billing_account, start_time_ms,
         dialed_number, normalized_number, account_code, destination_class, talk_seconds,
         billed_seconds, currency, rated_amount_minor, amount_minor, tax_minor, total_minor,
         status, rate_plan_id, rate_plan_version_id, rate_plan_version_number, breakdown_json,
         created_at_ms, updated_at_ms, local_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 61, 66, ?, ?, ?, ?, ?, ?, 1, 1, 1, '{}', 0, 0, ?)
       RETURNING id`,
      [
        item.sourceId ?? 1,
        record.id,
        callId,
        item.billingAccount === undefined ? 'ROOM-1012' : item.billingAccount,
        startTimeMs,
        item.dialedNumber === undefined ? '9 1 303 555 0100' : item.dialedNumber,
        item.normalizedNumber === undefined ? '13035550100' : item.normalizedNumber,
        item.accountCode ?? null,
        item.destinationClass === undefined ? 'long-distance' : item.destinationClass,
        item.currency ?? 'USD',
        amount,
        amount,
        tax,
        amount + tax,
        item.status ?? 'pending',
        localDate(startTimeMs, 'America/Denver'),
      ],
    );
    return row.id;
  };

  const idsOf = (items: ListedLineItem[]) => items.map((item) => item.id);
  const matching = async (query: LineItemQuery) => idsOf(await store.findPage(query, null, 100));

  it('reads a listed item with every listed field, under its field name', async () => {
    const id = await seed({ billingAccount: 'ROOM-1012', amountMinor: 150, taxMinor: 9 });
    const [item] = await store.findPage({}, null, 10);
    expect(item).toEqual({
      id,
      sourceId: 1,
      callId: 'c1',
      billingAccount: 'ROOM-1012',
      startTimeMs: T0,
      extension: null,
      accountCode: null,
      dialedNumber: '9 1 303 555 0100',
      normalizedNumber: '13035550100',
      destinationPrefix: null,
      destinationClass: 'long-distance',
      timeBand: null,
      timekeeperId: null,
      timekeeperName: null,
      timekeeperClassification: null,
      talkSeconds: 61,
      billedSeconds: 66,
      calls: 1,
      currency: 'USD',
      ratedAmountMinor: 150,
      adjustedAmountMinor: null,
      amountMinor: 150,
      taxesJson: '[]',
      taxMinor: 9,
      totalMinor: 159,
      status: 'pending',
      reason: null,
      reviewReason: null,
      ratePlanId: 1,
      ratePlanVersionId: 1,
      ratePlanVersionNumber: 1,
      invoiceId: null,
      version: 1,
      createdAtMs: 0,
      updatedAtMs: 0,
      stayId: null,
    });
  });

  it('narrows by every field of the query', async () => {
    const a = await seed({ status: 'approved', billingAccount: 'ROOM-1' });
    const b = await seed({ sourceId: 2, destinationClass: 'international', startTimeMs: T0 + 1 });
    const c = await seed({ status: 'needs-review', billingAccount: null, startTimeMs: T0 + 2 });
    const d = await seed({ dialedNumber: '9 011 44 20 5_5%', startTimeMs: T0 + 3 });
    expect(await matching({})).toEqual([a, b, c, d]);
    expect(await matching({ sourceId: 2 })).toEqual([b]);
    expect(await matching({ statuses: ['approved', 'needs-review'] })).toEqual([a, c]);
    expect(await matching({ billingAccount: 'ROOM-1' })).toEqual([a]);
    expect(await matching({ destinationClass: 'international' })).toEqual([b]);
    expect(await matching({ fromMs: T0 + 1, toMs: T0 + 3 })).toEqual([b, c]);
    expect(await matching({ text: '5_5%' })).toEqual([d]);
    expect(await matching({ text: '5%5' })).toEqual([]);
    // d's normalised number ends in 0100; b is another source's, c needs review.
    expect(await matching({ sourceId: 1, statuses: ['pending'], text: '0100' })).toEqual([d]);
  });

  it('compares amounts in each currency with its own bound', async () => {
    const usd = await seed({ currency: 'USD', amountMinor: 101 });
    const usdLow = await seed({ currency: 'USD', amountMinor: 100, startTimeMs: T0 + 1 });
    const jpy = await seed({ currency: 'JPY', amountMinor: 2, startTimeMs: T0 + 2 });
    const eur = await seed({ currency: 'EUR', amountMinor: 5000, startTimeMs: T0 + 3 });
    const atLeast = [
      { currency: 'JPY', minor: 2n },
      { currency: 'USD', minor: 101n },
    ];
    expect(await matching({ minAmount: atLeast })).toEqual([usd, jpy]);
    expect(await matching({ maxAmount: [{ currency: 'USD', minor: 100n }] })).toEqual([usdLow]);
    // An item in a currency no bound names (EUR) is not matched by the bound.
    expect(await matching({ minAmount: [] })).toEqual([]);
    expect(await matching({})).toContain(eur);
  });

  it('pages in (start time, id) order: every item once, items of one instant split across pages', async () => {
    const starts = [T0 + MINUTE, T0, T0, T0 + 2 * MINUTE, T0, T0 + MINUTE, T0 + 3 * MINUTE];
    const ids: { id: number; start: number }[] = [];
    for (const start of starts) ids.push({ id: await seed({ startTimeMs: start }), start });
    const expected = ids.sort((x, y) => x.start - y.start || x.id - y.id).map((item) => item.id);
    const seen: number[] = [];
    let after = null;
    for (let page = 0; page < 10; page++) {
      const items = await store.findPage({}, after, 3);
      if (items.length === 0) break;
      seen.push(...idsOf(items));
      const last = items[items.length - 1];
      after = { startTimeMs: last.startTimeMs, id: last.id };
    }
    expect(seen).toEqual(expected);

    const batches: number[][] = [];
    for await (const batch of store.findAll({}, 2)) batches.push(idsOf(batch));
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 2, 1]);
    expect(batches.flat()).toEqual(expected);
  });

  it('keeps to a filter across pages, and seeks its index rather than sorting', async () => {
    for (let i = 0; i < 6; i++) {
      await seed({ startTimeMs: T0 + i, status: i % 2 === 0 ? 'pending' : 'approved' });
    }
    const query: LineItemQuery = { statuses: ['pending'] };
    const first = await store.findPage(query, null, 2);
    const last = first[first.length - 1];
    const spy = jest.spyOn(db.manager, 'query');
    const second = await store.findPage(query, { startTimeMs: last.startTimeMs, id: last.id }, 2);
    expect([...first, ...second].map((item) => item.startTimeMs)).toEqual([T0, T0 + 2, T0 + 4]);
    const [sql, params] = spy.mock.calls[0];
    spy.mockRestore();
    // SQLite's plan; PostgreSQL plans a table this small as a scan (bench:review measures it).
    if (testLedgerDriver() !== 'sqlite') return;
    const plan = await db.query<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, params);
    const details = plan.map((step) => step.detail).join('\n');
    expect(details).toContain('IX_line_items_status_start');
    expect(details).not.toContain('TEMP B-TREE');
  });

  it('counts and sums what a query matches, per currency in order', async () => {
    await seed({ currency: 'USD', amountMinor: 150, taxMinor: 9 });
    await seed({ currency: 'USD', amountMinor: 200, taxMinor: 12 });
    await seed({ currency: 'EUR', amountMinor: 300, taxMinor: 0 });
    await seed({ currency: 'EUR', amountMinor: 999, status: 'rejected' });
    expect(await store.sumByCurrency({ statuses: ['pending'] })).toEqual([
      { currency: 'EUR', count: 1, amountMinor: 300, taxMinor: 0, totalMinor: 300 },
      { currency: 'USD', count: 2, amountMinor: 350, taxMinor: 21, totalMinor: 371 },
    ]);
    expect(await store.sumByCurrency({ billingAccount: 'nobody' })).toEqual([]);
  });

  it('reads one item whole, and items by id or by query inside a transaction', async () => {
    const a = await seed();
    const b = await seed({ status: 'approved' });
    expect(await store.findOne(a)).toMatchObject({ id: a, callRecordId: 1, breakdownJson: '{}' });
    expect(await store.findOne(999)).toBeNull();
    await ledger.transaction(async (tx) => {
      expect((await store.findListed(tx, b))?.status).toBe('approved');
      expect(await store.findListed(tx, 999)).toBeNull();
      expect(idsOf(await store.findListedByIds(tx, [b, 999, a])).sort()).toEqual([a, b]);
      expect(idsOf(await store.findListedMatching(tx, { statuses: ['approved'] }, 10))).toEqual([
        b,
      ]);
      expect(await store.findListedMatching(tx, {}, 1)).toHaveLength(1);
      const [toReRate] = await store.findToReRate(tx, { statuses: ['approved'] }, 10);
      expect(toReRate).toMatchObject({ id: b, callRecordId: 2, accountSummaryId: null });
    });
  });

  it('writes a review only at the version read, bumping it; a stale version is a conflict', async () => {
    const id = await seed();
    const fields = {
      status: 'approved',
      billingAccount: 'ROOM-7',
      adjustedAmountMinor: 100,
      amountMinor: 100,
      taxesJson: '[]',
      taxMinor: 6,
      totalMinor: 106,
      reviewReason: 'checked',
    } as const;
    await ledger.transaction((tx) => store.reviewWriter(tx).review(id, 1, fields, 42));
    expect(await store.findOne(id)).toMatchObject({ ...fields, version: 2, updatedAtMs: 42 });
    const stale = ledger.transaction((tx) =>
      store.reviewWriter(tx).reviewInBulk(
        [
          {
            id,
            readVersion: 1,
            fields: { status: 'rejected', billingAccount: null, reviewReason: 'no' },
          },
        ],
        43,
      ),
    );
    await expect(stale).rejects.toThrow(DomainError);
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.findOne(id)).toMatchObject({ status: 'approved', version: 2 });
    // A writer is made inside the work of its transaction: after it, it is refused.
    let ended: LedgerTx | undefined;
    await ledger.transaction((tx) => Promise.resolve(void (ended = tx)));
    expect(() => store.reviewWriter(ended!).review(id, 2, fields, 44)).toThrow('has ended');
  });

  it('re-rates many items at their versions read, every rated field, nulls and quotes kept; one stale version is a conflict and nothing changes', async () => {
    const [a, b, c] = [await seed(), await seed(), await seed({ status: 'approved' })];
    const rated = (account: string | null, amountMinor: number): RatedLineItemFields => ({
      billingAccount: account,
      normalizedNumber: null,
      destinationPrefix: '1303',
      destinationClass: 'local',
      timeBand: 'evening',
      talkSeconds: 61,
      billedSeconds: 120,
      calls: 1,
      currency: 'USD',
      ratedAmountMinor: amountMinor,
      adjustedAmountMinor: null,
      amountMinor,
      taxesJson: '[{"name":"State \\"sales\\" tax","ratePercent":"6","amountMinor":9}]',
      taxMinor: 9,
      totalMinor: amountMinor + 9,
      status: 'pending',
      reason: null,
      reviewReason: "the guest's {braces}, commas",
      ratePlanId: 1,
      ratePlanVersionId: 1,
      ratePlanVersionNumber: 1,
      breakdownJson: '{"steps":["a,b","c"]}',
      timekeeperId: account === null ? null : 'TK-0042',
      timekeeperName: account === null ? null : 'Avery "Ave" Lane',
      timekeeperClassification: account === null ? null : 'PT',
    });
    await ledger.transaction((tx) =>
      store.reviewWriter(tx).reRateInBulk(
        [
          { id: a, readVersion: 1, fields: rated('ROOM-1', 150_000_000_000) },
          { id: b, readVersion: 1, fields: rated(null, 0) },
        ],
        77,
      ),
    );
    expect(await store.findOne(a)).toMatchObject({
      ...rated('ROOM-1', 150_000_000_000),
      version: 2,
      updatedAtMs: 77,
    });
    expect(await store.findOne(b)).toMatchObject({ ...rated(null, 0), version: 2 });
    // b was read at version 1 and is at 2 now: the whole re-rate is refused, c untouched.
    const stale = ledger.transaction((tx) =>
      store.reviewWriter(tx).reRateInBulk(
        [
          { id: c, readVersion: 1, fields: rated('ROOM-3', 5) },
          { id: b, readVersion: 1, fields: rated('ROOM-2', 5) },
        ],
        78,
      ),
    );
    await expect(stale).rejects.toThrow(`Line item ${b} changed while it was being updated`);
    expect(await store.findOne(c)).toMatchObject({ status: 'approved', version: 1 });
  });

  it.each([LineItem, CallRecord, AccountSummary, AuditEvent])(
    "maps each field of %p to the column the ledger's naming makes",
    (entity) => {
      for (const column of db.getMetadata(entity).columns) {
        expect(columnOf(column.propertyName)).toBe(column.databaseName);
      }
    },
  );

  it("moves a source's items to its new zone's days, across a change of the clocks, and their sums with them", async () => {
    const starts = [
      Date.parse('2026-03-07T23:30:00-07:00'), // Denver's 7th; Tokyo's 8th
      Date.parse('2026-03-08T22:30:00-06:00'), // after the clocks went forward: Denver's 8th
      Date.parse('2026-03-09T12:00:00Z'),
    ];
    for (const startTimeMs of starts) await seed({ startTimeMs });
    await seed({ sourceId: 2, startTimeMs: starts[0] }); // another source stays
    // Seeded with SQL: their sums are made from them.
    await ledger.transaction((tx) => new LineItemTotalsStore(ledger).rebuild(tx));
    const dates = async () =>
      (
        await db.query<{ id: number; local_date: string }[]>(
          'SELECT id, local_date FROM line_items ORDER BY id',
        )
      ).map((row) => row.local_date);
    await expect(dates()).resolves.toEqual([
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-07',
    ]);

    await ledger.transaction((tx) => store.moveToZone(tx, 1, 'Asia/Tokyo'));
    await expect(dates()).resolves.toEqual([
      '2026-03-08',
      '2026-03-09',
      '2026-03-09',
      '2026-03-07',
    ]);
    // The triggers moved the items' sums to their new days.
    await expect(
      db.query(
        `SELECT local_date, source_id, items FROM line_item_daily_totals
         ORDER BY source_id, local_date`,
      ),
    ).resolves.toEqual([
      { local_date: '2026-03-08', source_id: 1, items: 1 },
      { local_date: '2026-03-09', source_id: 1, items: 2 },
      { local_date: '2026-03-07', source_id: 2, items: 1 },
    ]);
  });
});
