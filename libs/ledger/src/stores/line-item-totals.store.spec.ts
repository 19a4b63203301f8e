import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import { LineItemTotalsStore, TotalledLineItem } from './line-item-totals.store';
import { openTestLedger } from '../testing';

/** A line item as the sums read it; pending, 1 call, 1.00 USD, ROOM-1, long distance +1. */
const item = (fields: Partial<TotalledLineItem> = {}): TotalledLineItem => ({
  sourceId: 1,
  status: 'pending',
  currency: 'USD',
  calls: 1,
  amountMinor: 100,
  billingAccount: 'ROOM-1',
  destinationClass: 'long-distance',
  destinationPrefix: '1',
  ...fields,
});

describe('LineItemTotalsStore (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let store: LineItemTotalsStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    store = new LineItemTotalsStore(ledger);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const add = (items: [TotalledLineItem, string][]) =>
    ledger.transaction((tx) => {
      const adder = store.adder(tx);
      for (const [fields, localDate] of items) adder.add(fields, localDate);
      return Promise.resolve();
    });

  it("adds a transaction's items by day, source, currency and group, and adds to rows already there", async () => {
    await add([
      [item(), '2026-03-02'],
      [item({ status: 'rejected', amountMinor: 250, calls: 3 }), '2026-03-02'],
      [
        item({ billingAccount: null, destinationClass: null, destinationPrefix: null }),
        '2026-03-02',
      ],
      [item({ sourceId: 2, currency: 'GBP' }), '2026-03-02'],
      [item(), '2026-03-03'],
    ]);
    await add([[item({ amountMinor: 50 }), '2026-03-02']]);
    await expect(
      db.query(`SELECT * FROM line_item_daily_totals ORDER BY local_date, source_id, status`),
    ).resolves.toEqual([
      {
        local_date: '2026-03-02',
        source_id: 1,
        status: 'pending',
        currency: 'USD',
        items: 3,
        calls: 3,
        amount_minor: 250,
      },
      {
        local_date: '2026-03-02',
        source_id: 1,
        status: 'rejected',
        currency: 'USD',
        items: 1,
        calls: 3,
        amount_minor: 250,
      },
      {
        local_date: '2026-03-02',
        source_id: 2,
        status: 'pending',
        currency: 'GBP',
        items: 1,
        calls: 1,
        amount_minor: 100,
      },
      {
        local_date: '2026-03-03',
        source_id: 1,
        status: 'pending',
        currency: 'USD',
        items: 1,
        calls: 1,
        amount_minor: 100,
      },
    ]);
    // The rejected item's calls count, its amount is not billed; no account or destination: ''.
    await expect(
      store.sumByAccount({ from: '2026-03-02', to: '2026-03-02', sourceId: 1 }),
    ).resolves.toEqual(
      expect.arrayContaining([
        { billingAccount: 'ROOM-1', currency: 'USD', items: 3, calls: 5, billedMinor: 150 },
        { billingAccount: '', currency: 'USD', items: 1, calls: 1, billedMinor: 100 },
      ]),
    );
    await expect(store.sumByDestination({ from: '2026-03-02', to: '2026-03-03' })).resolves.toEqual(
      expect.arrayContaining([
        {
          destinationClass: 'long-distance',
          destinationPrefix: '1',
          currency: 'USD',
          items: 4,
          calls: 6,
          billedMinor: 250,
        },
        {
          destinationClass: '',
          destinationPrefix: '',
          currency: 'USD',
          items: 1,
          calls: 1,
          billedMinor: 100,
        },
        {
          destinationClass: 'long-distance',
          destinationPrefix: '1',
          currency: 'GBP',
          items: 1,
          calls: 1,
          billedMinor: 100,
        },
      ]),
    );
  });

  it('sums days of one source or of all, per currency, in day order', async () => {
    await add([
      [item(), '2026-03-01'],
      [item({ status: 'no-charge', amountMinor: 0 }), '2026-03-02'],
      [item({ amountMinor: 300 }), '2026-03-02'],
      [item({ sourceId: 2, currency: 'GBP', amountMinor: 70 }), '2026-03-02'],
      [item(), '2026-03-04'],
    ]);
    await expect(store.sumByDay({ from: '2026-03-02', to: '2026-03-03' })).resolves.toEqual([
      { localDate: '2026-03-02', currency: 'GBP', calls: 1, billedMinor: 70 },
      { localDate: '2026-03-02', currency: 'USD', calls: 2, billedMinor: 300 },
    ]);
    await expect(
      store.sumByDay({ from: '2026-03-01', to: '2026-03-04', sourceId: 2 }),
    ).resolves.toEqual([{ localDate: '2026-03-02', currency: 'GBP', calls: 1, billedMinor: 70 }]);
  });

  it('sums what waits, by source and currency, over every day', async () => {
    await add([
      [item(), '2026-01-01'],
      [item({ status: 'needs-review', amountMinor: 20 }), '2026-03-02'],
      [item({ status: 'approved' }), '2026-03-02'],
      [item({ sourceId: 2, currency: 'GBP' }), '2026-03-02'],
    ]);
    await expect(store.sumByStatuses(['pending', 'needs-review'])).resolves.toEqual([
      { sourceId: 1, currency: 'USD', items: 2, amountMinor: 120 },
      { sourceId: 2, currency: 'GBP', items: 1, amountMinor: 100 },
    ]);
  });

  it('leaves no empty row when the transaction that adds an item also takes it away again', async () => {
    // What a trigger leaves when an item is changed in the transaction that stored it: its old
    // group taken down before the adder writes it.
    await ledger.transaction(async (tx) => {
      store.adder(tx).add(item(), '2026-03-02');
      await db.query(
        `INSERT INTO line_item_daily_totals VALUES ('2026-03-02', 1, 'pending', 'USD', -1, -1, -100)`,
      );
    });
    await expect(db.query(`SELECT * FROM line_item_daily_totals`)).resolves.toEqual([]);
  });

  it('makes every sum again from the items: a row no item backs goes (rebuild)', async () => {
    await add([[item(), '2026-03-02']]);
    await ledger.transaction((tx) => store.rebuild(tx));
    // There are no items: nothing to sum.
    await expect(db.query(`SELECT * FROM line_item_account_totals`)).resolves.toEqual([]);
  });
});
