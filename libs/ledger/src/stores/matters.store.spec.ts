import 'reflect-metadata';
import { DomainError } from '@app/common';
import { DataSource } from 'typeorm';
import { Business } from '../entities';
import { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';
import { LawBookStore } from './law-book.store';
import { MatterRuleStore } from './matter-rules.store';
import { MatterFields, MatterStore } from './matters.store';
import { TimekeeperStore } from './timekeepers.store';
import { openTestLedger } from '../testing';

describe('the law book writes: MatterStore, TimekeeperStore, MatterRuleStore (in-memory ledger)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let matters: MatterStore;
  let lawBook: LawBookStore;
  let firmId: number;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    matters = new MatterStore(ledger);
    lawBook = new LawBookStore(ledger);
    const firm = await db.getRepository(Business).save({
      name: 'Porter & Lane',
      kind: 'law-firm',
      timezone: 'America/Denver',
      addressJson: '[]',
      taxId: null,
      invoicePrefix: 'PL',
      paymentTerms: null,
      isDefault: false,
      createdAtMs: 1,
      updatedAtMs: 1,
      version: 1,
    });
    firmId = firm.id;
  });

  afterEach(async () => {
    await db.destroy();
  });

  /** The stores' writes do not await: a transaction of them. */
  const inTx = <T>(work: (tx: LedgerTx) => T | Promise<T>): Promise<T> =>
    ledger.transaction(async (tx) => work(tx));

  const matter = (i: number): MatterFields => ({
    clientNumber: String(10000 + Math.floor(i / 1000)),
    clientName: `Client ${Math.floor(i / 1000)}`,
    matterNumber: String(i % 1000).padStart(3, '0'),
    matterName: `Matter ${i}`,
    status: i % 10 === 0 ? 'closed' : 'open',
    closedDate: i % 10 === 0 ? '2026-10-31' : null,
    billable: i % 7 !== 0,
  });

  it('writes 100,000 matters in one transaction within a few seconds, and bumps the version once', async () => {
    const all = Array.from({ length: 100_000 }, (_, i) => matter(i));
    const started = performance.now();
    const version = await inTx((tx) => matters.apply(tx, firmId, { insert: all, update: [] }, 5));
    const elapsedMs = performance.now() - started;
    expect(version).toBe(1);
    await expect(lawBook.countMatters(firmId)).resolves.toBe(100_000);
    await expect(lawBook.versionOf(firmId)).resolves.toBe(1);
    // A few hundred ms on a laptop; generous for a loaded shared machine.
    expect(elapsedMs).toBeLessThan(5_000);
    const stored = await inTx((tx) => matters.allOf(tx, firmId));
    expect(stored).toHaveLength(100_000);
    const first = stored.find((m) => m.clientNumber === '10000' && m.matterNumber === '000')!;
    expect(first).toMatchObject({ status: 'closed', closedDate: '2026-10-31', billable: false });
  });

  it('writes nothing, and keeps the version, when there is nothing to write', async () => {
    await expect(
      inTx((tx) => matters.apply(tx, firmId, { insert: [], update: [] }, 5)),
    ).resolves.toBeNull();
    await expect(lawBook.versionOf(firmId)).resolves.toBe(0);
  });

  it('updates matters in place and rolls back with the transaction', async () => {
    await inTx((tx) => matters.apply(tx, firmId, { insert: [matter(1)], update: [] }, 5));
    const [stored] = await inTx((tx) => matters.allOf(tx, firmId));
    await expect(
      inTx(async (tx) => {
        await matters.apply(
          tx,
          firmId,
          { insert: [], update: [{ ...stored, matterName: 'Renamed' }] },
          6,
        );
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    await expect(lawBook.findMatterById(stored.id)).resolves.toMatchObject({
      matterName: 'Matter 1',
    });
    await inTx((tx) =>
      matters.apply(tx, firmId, { insert: [], update: [{ ...stored, matterName: 'Renamed' }] }, 6),
    );
    await expect(lawBook.findMatterById(stored.id)).resolves.toMatchObject({
      matterName: 'Renamed',
      updatedAtMs: 6,
    });
    await expect(lawBook.versionOf(firmId)).resolves.toBe(2);
  });

  it('replaces timekeeper rows (delete, update, insert) under their unique index', async () => {
    const timekeepers = new TimekeeperStore(ledger);
    const row = {
      extension: '2101',
      timekeeperId: 'JDOE',
      name: 'Jane',
      classification: 'PARTNER',
      effectiveFrom: '',
    };
    await inTx((tx) =>
      timekeepers.apply(tx, firmId, { insert: [row], update: [], deleteIds: [] }, 1),
    );
    const [stored] = await inTx((tx) => timekeepers.allOf(tx, firmId));
    // The same extension and date again, after its old row is deleted: no unique violation.
    await inTx((tx) =>
      timekeepers.apply(
        tx,
        firmId,
        { insert: [{ ...row, name: 'Jane D.' }], update: [], deleteIds: [stored.id] },
        2,
      ),
    );
    await expect(lawBook.findTimekeepers(firmId)).resolves.toEqual([
      expect.objectContaining({ extension: '2101', name: 'Jane D.', effectiveFrom: '' }),
    ]);
    await expect(lawBook.versionOf(firmId)).resolves.toBe(2);
  });

  it('stores and deletes matter rules, bumping the version; a taken date is a 409', async () => {
    const rules = new MatterRuleStore(ledger);
    const rule = {
      businessId: firmId,
      clientNumber: '10234',
      matterNumber: '',
      kind: 'markup' as const,
      markupPercent: '10',
      ratePlanId: null,
      effectiveFrom: '2026-12-01',
      note: null,
      createdAtMs: 1,
    };
    const saved = await ledger.transaction((tx) => rules.insert(tx, rule));
    await expect(ledger.transaction((tx) => rules.insert(tx, rule))).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(lawBook.versionOf(firmId)).resolves.toBe(1);
    await ledger.transaction((tx) => rules.delete(tx, saved));
    await expect(lawBook.findRules(firmId)).resolves.toEqual([]);
    await expect(lawBook.versionOf(firmId)).resolves.toBe(2);
    await expect(rules.planKindsOf(firmId)).resolves.toEqual([]);
  });
});
