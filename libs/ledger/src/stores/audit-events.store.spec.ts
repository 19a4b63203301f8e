import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';
import { AuditEventStore } from './audit-events.store';
import { openTestLedger } from '../testing';

describe('AuditEventStore (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let store: AuditEventStore;
  const auditor = { keyId: 3, userId: null, name: 'night auditor' };
  const system = { keyId: null, userId: null, name: 'system' };
  const clerk = { keyId: null, userId: 5, name: 'Ana Clerk' };

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    store = new AuditEventStore(ledger);
    await ledger.transaction(async (tx) => {
      const append = store.appender(tx);
      await append(
        auditor,
        {
          action: 'line-item.approve',
          entityType: 'line-item',
          entityId: 1,
          oldValue: { v: 1 },
          newValue: { v: 2 },
        },
        1000,
      );
      await append(
        auditor,
        { action: 'line-item.reject', entityType: 'line-item', entityId: 2, reason: 'no' },
        2000,
      );
      await store.record(
        tx,
        system,
        { action: 'rate-plan.create', entityType: 'rate-plan', entityId: '1' },
        3000,
      );
      await append(
        system,
        { action: 'line-item.re-rate', entityType: 'line-item', entityId: 1 },
        4000,
      );
    });
    await ledger.transaction((tx) =>
      store.record(
        tx,
        clerk,
        { action: 'line-item.adjust', entityType: 'line-item', entityId: 3 },
        5000,
      ),
    );
  });

  afterEach(async () => {
    await db.destroy();
  });

  const actions = (events: { action: string }[]) => events.map((event) => event.action);

  it('appends events as `record` does: values as JSON, null when not given', async () => {
    const [first, second] = await store.findFor('line-item', 1);
    expect(first).toEqual({
      id: 1,
      occurredAtMs: 1000,
      actorKeyId: 3,
      actorUserId: null,
      actorName: 'night auditor',
      action: 'line-item.approve',
      entityType: 'line-item',
      entityId: '1',
      oldJson: '{"v":1}',
      newJson: '{"v":2}',
      reason: null,
    });
    expect(second).toMatchObject({ id: 4, actorKeyId: null, oldJson: null, newJson: null });
  });

  it('names the person who acted, and finds their events', async () => {
    const [event] = await store.findFor('line-item', 3);
    expect(event).toMatchObject({ actorKeyId: null, actorUserId: 5, actorName: 'Ana Clerk' });
    expect((await store.find({ actorUserId: 5 }, 10)).map((e) => e.id)).toEqual([5]);
    expect(await store.find({ actorUserId: 3 }, 10)).toEqual([]);
  });

  it('finds events newest first, narrowed by each field, a page before an id', async () => {
    expect(actions(await store.find({}, 10))).toEqual([
      'line-item.adjust',
      'line-item.re-rate',
      'rate-plan.create',
      'line-item.reject',
      'line-item.approve',
    ]);
    expect(actions(await store.find({ entityType: 'line-item', entityId: '1' }, 10))).toEqual([
      'line-item.re-rate',
      'line-item.approve',
    ]);
    expect(actions(await store.find({ action: 'line-item.reject' }, 10))).toEqual([
      'line-item.reject',
    ]);
    expect((await store.find({ actorKeyId: 3 }, 10)).map((event) => event.id)).toEqual([2, 1]);
    expect((await store.find({ fromMs: 2000, toMs: 4000 }, 10)).map((event) => event.id)).toEqual([
      3, 2,
    ]);
    expect((await store.find({}, 2)).map((event) => event.id)).toEqual([5, 4]);
    expect((await store.find({ beforeId: 3 }, 2)).map((event) => event.id)).toEqual([2, 1]);
  });

  it('appends only inside a transaction, and rolls back with it', async () => {
    let ended: LedgerTx | undefined;
    await ledger.transaction((tx) => Promise.resolve(void (ended = tx)));
    expect(() =>
      store.appender(ended!)(system, { action: 'x', entityType: 'y', entityId: 1 }, 1),
    ).toThrow('has ended');
    await expect(
      ledger.transaction(async (tx) => {
        await store.appender(tx)(system, { action: 'lost', entityType: 'y', entityId: 1 }, 5000);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await store.find({ action: 'lost' }, 10)).toEqual([]);
  });
});
