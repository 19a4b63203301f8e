import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditEvent } from './entities';
import { Ledger } from './ledger';
import { LedgerTx, assertOpen, managerOf } from './ledger-tx';
import { openTestLedger } from './testing';

describe('Ledger.transaction on the single better-sqlite3 connection', () => {
  let db: DataSource;
  let ledger: Ledger;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const event = (tx: LedgerTx, action: string) =>
    managerOf(tx).insert(AuditEvent, {
      occurredAtMs: 1,
      actorKeyId: null,
      actorName: 'test',
      action,
      entityType: 'thing',
      entityId: '1',
      oldJson: null,
      newJson: null,
      reason: null,
    });
  const actions = async () =>
    (await db.getRepository(AuditEvent).find({ order: { id: 'ASC' } })).map((e) => e.action);

  it('keeps a slow transaction whole when an overlapping one rolls back', async () => {
    const slow = ledger.transaction(async (manager) => {
      await event(manager, 'a1');
      await sleep(30);
      await event(manager, 'a2');
    });
    const failing = ledger.transaction(async (manager) => {
      await event(manager, 'b1');
      throw new Error('b fails');
    });
    await expect(slow).resolves.toBeUndefined();
    await expect(failing).rejects.toThrow('b fails');
    await expect(actions()).resolves.toEqual(['a1', 'a2']);
  });

  it('ends a transaction handle with its work, even while another transaction is open', async () => {
    let stale: LedgerTx | undefined;
    await ledger.transaction((tx) => Promise.resolve(void (stale = tx)));
    await ledger.transaction(async (tx) => {
      expect(() => assertOpen(tx)).not.toThrow();
      expect(() => assertOpen(stale!)).toThrow('has ended');
      expect(() => managerOf(stale!)).toThrow('has ended');
      await event(tx, 'still open');
    });
    await expect(actions()).resolves.toEqual(['still open']);
  });

  it('runs transactions in the order they were asked for, and goes on after a failure', async () => {
    const order: string[] = [];
    const runs = ['first', 'second', 'third'].map((name, index) =>
      ledger.transaction(async (manager) => {
        order.push(`${name} starts`);
        await sleep(index === 0 ? 20 : 1);
        await event(manager, name);
        order.push(`${name} ends`);
        if (name === 'second') throw new Error('second fails');
      }),
    );
    await Promise.allSettled(runs);
    expect(order).toEqual([
      'first starts',
      'first ends',
      'second starts',
      'second ends',
      'third starts',
      'third ends',
    ]);
    await expect(actions()).resolves.toEqual(['first', 'third']);
  });

  describe('statement', () => {
    const INSERT = `INSERT INTO audit_events (occurred_at_ms, actor_name, action, entity_type, entity_id)
      VALUES (1, 'test', ?, 'thing', '1')`;

    it('writes inside a transaction and rolls back with it', async () => {
      await ledger.transaction(async (tx) => {
        await expect(ledger.statement(tx, INSERT).run('s1')).resolves.toBe(1);
      });
      await expect(
        ledger.transaction(async (tx) => {
          await ledger.statement(tx, INSERT).run('s2');
          await event(tx, 'm2');
          throw new Error('undo both');
        }),
      ).rejects.toThrow('undo both');
      await expect(actions()).resolves.toEqual(['s1']);
    });

    it('returns the rows of a statement that returns rows', async () => {
      await ledger.transaction(async (tx) => {
        const returning = `${INSERT} RETURNING action`;
        await expect(ledger.statement(tx, returning).get('g1')).resolves.toEqual({
          action: 'g1',
        });
        await expect(
          ledger.statement(tx, 'SELECT action FROM audit_events ORDER BY id').all(),
        ).resolves.toEqual([{ action: 'g1' }]);
      });
    });

    it('refuses to run once its transaction has ended', async () => {
      let ended: LedgerTx | undefined;
      await ledger.transaction((tx) => {
        ended = tx;
        return Promise.resolve();
      });
      expect(() => ledger.statement(ended!, INSERT)).toThrow('This ledger transaction has ended');
    });
  });

  describe('preparedTransaction', () => {
    const INSERT = `INSERT INTO audit_events (occurred_at_ms, actor_name, action, entity_type, entity_id)
      VALUES (1, 'test', ?, 'thing', '1')`;

    it('commits its prepared writes, or none when it throws, in its place in the queue', async () => {
      const slow = ledger.transaction(async (manager) => {
        await event(manager, 'before');
        await sleep(20);
        await event(manager, 'before, later');
      });
      const fast = ledger.preparedTransaction(async (tx) => {
        await ledger.statement(tx, INSERT).run('prepared');
        return 7;
      });
      const undone = ledger.preparedTransaction(async (tx) => {
        await ledger.statement(tx, INSERT).run('undone');
        throw new Error('undo it');
      });
      await slow;
      await expect(fast).resolves.toBe(7);
      await expect(undone).rejects.toThrow('undo it');
      await expect(actions()).resolves.toEqual(['before', 'before, later', 'prepared']);
      // The connection is free again: a transaction after it works as ever.
      await ledger.transaction((manager) => event(manager, 'after'));
      await expect(actions()).resolves.toEqual(['before', 'before, later', 'prepared', 'after']);
    });

    it('gives its work no entity manager on SQLite (on PostgreSQL it is a transaction)', async () => {
      const prepared = ledger.preparedTransaction((tx) => managerOf(tx));
      if (ledger.dialect === 'sqlite') {
        await expect(prepared).rejects.toThrow('prepared statements only');
      } else {
        await expect(prepared).resolves.toBeDefined();
      }
      await expect(actions()).resolves.toEqual([]);
    });
  });

  describe('rows', () => {
    const SELECT = 'SELECT action, entity_id FROM audit_events WHERE id > ? ORDER BY id';

    it('reads rows as arrays in the order of the columns, at any time', async () => {
      await ledger.transaction((tx) => event(tx, 'r1'));
      await expect(ledger.rows(SELECT, 0)).resolves.toEqual([['r1', '1']]);
      await ledger.transaction((tx) => event(tx, 'r2'));
      await expect(ledger.rows(SELECT, 0)).resolves.toEqual([
        ['r1', '1'],
        ['r2', '1'],
      ]);
      await expect(ledger.rows(SELECT, 1)).resolves.toEqual([['r2', '1']]);
    });

    it('refuses a statement that writes, and writes nothing', async () => {
      await expect(ledger.rows("UPDATE audit_events SET action = 'x'")).rejects.toThrow(
        'Ledger.rows reads; use Ledger.transaction to write',
      );
      await expect(actions()).resolves.toEqual([]);
    });
  });
});
