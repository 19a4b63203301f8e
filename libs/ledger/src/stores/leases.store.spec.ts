import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger';
import { ledgerDataSourceOptions } from '../ledger-options';
import { LeaseKeeper } from '../lease-keeper';
import { LeaseStore, isHeld } from './leases.store';

const TTL = 30_000;

describe('LeaseStore: who holds a piece of work, until when (real migrations on :memory:)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let leases: LeaseStore;

  beforeEach(async () => {
    db = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path: ':memory:' }));
    await db.initialize();
    ledger = new Ledger(db);
    leases = new LeaseStore(ledger);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const take = (name: string, holder: string, nowMs: number, data?: unknown) =>
    ledger.transaction((tx) => leases.take(tx, name, holder, TTL, nowMs, data));
  const renew = (name: string, holder: string, nowMs: number) =>
    ledger.transaction((tx) => leases.renew(tx, name, holder, TTL, nowMs));
  const release = (name: string, holder: string) =>
    ledger.transaction((tx) => leases.release(tx, name, holder));

  it('takes a free lease, and holds it until ttl later', async () => {
    await expect(take('sync:1', 'a', 1_000, { runId: 7 })).resolves.toBe(true);
    await expect(leases.find('sync:1')).resolves.toEqual({
      name: 'sync:1',
      holder: 'a',
      acquiredAtMs: 1_000,
      expiresAtMs: 31_000,
      dataJson: '{"runId":7}',
    });
    expect(isHeld(await leases.find('sync:1'), 30_999)).toBe(true);
    expect(isHeld(await leases.find('sync:1'), 31_000)).toBe(false);
  });

  it('refuses a lease another holder holds, until it expires; then hands it over', async () => {
    await take('delivery:5', 'a', 0);
    await expect(take('delivery:5', 'b', 29_999)).resolves.toBe(false);
    await expect(leases.find('delivery:5')).resolves.toMatchObject({ holder: 'a' });
    await expect(take('delivery:5', 'b', 30_000)).resolves.toBe(true);
    await expect(leases.find('delivery:5')).resolves.toMatchObject({
      holder: 'b',
      acquiredAtMs: 30_000,
      expiresAtMs: 60_000,
    });
    // The old holder, back from a pause, has lost it: it can neither renew nor release it.
    await expect(renew('delivery:5', 'a', 30_001)).resolves.toBe(false);
    await expect(release('delivery:5', 'a')).resolves.toBe(false);
    await expect(leases.find('delivery:5')).resolves.toMatchObject({ holder: 'b' });
  });

  it('takes again what it holds (a renewal keeping when it was first taken)', async () => {
    await take('pms-link:1', 'a', 0);
    await expect(take('pms-link:1', 'a', 10_000)).resolves.toBe(true);
    await expect(leases.find('pms-link:1')).resolves.toMatchObject({
      acquiredAtMs: 0,
      expiresAtMs: 40_000,
    });
  });

  it('renews only for its holder, even lapsed as long as nobody took it', async () => {
    await take('sync:2', 'a', 0);
    await expect(renew('sync:2', 'b', 10_000)).resolves.toBe(false);
    await expect(renew('sync:2', 'a', 40_000)).resolves.toBe(true);
    await expect(leases.find('sync:2')).resolves.toMatchObject({ expiresAtMs: 70_000 });
    await expect(renew('sync:9', 'a', 0)).resolves.toBe(false);
  });

  it('releases for its holder only: then anyone takes it at once', async () => {
    await take('sync:3', 'a', 0);
    await expect(release('sync:3', 'b')).resolves.toBe(false);
    await expect(release('sync:3', 'a')).resolves.toBe(true);
    await expect(leases.find('sync:3')).resolves.toBeNull();
    await expect(take('sync:3', 'b', 1)).resolves.toBe(true);
  });

  it('hands over: the lease expires now, its holder and data kept for the one taking over', async () => {
    await take('delivery:8', 'a', 0, { firstAttempt: 1 });
    await expect(
      ledger.transaction((tx) => leases.handOver(tx, 'delivery:8', 'a', 5_000)),
    ).resolves.toBe(true);
    await expect(leases.orphans('delivery:', 5_000)).resolves.toEqual([
      expect.objectContaining({ name: 'delivery:8', holder: 'a', dataJson: '{"firstAttempt":1}' }),
    ]);
    await expect(take('delivery:8', 'b', 5_000)).resolves.toBe(true);
  });

  it('lists by prefix, and the orphans: expired ones, and those the asking holder left', async () => {
    await take('delivery:1', 'a', 0);
    await take('delivery:2', 'b', 20_000);
    await take('delivery:3', 'c', 0);
    await take('sync:1', 'a', 0);
    await take('deliveryx', 'a', 0);
    const names = (rows: { name: string }[]) => rows.map((row) => row.name);
    expect(names(await leases.list('delivery:'))).toEqual([
      'delivery:1',
      'delivery:2',
      'delivery:3',
    ]);
    expect(names(await leases.orphans('delivery:', 30_000))).toEqual(['delivery:1', 'delivery:3']);
    expect(names(await leases.orphans('delivery:', 10_000))).toEqual([]);
    expect(names(await leases.orphans('delivery:', 10_000, 'b'))).toEqual(['delivery:2']);
  });

  it('lets one of two holders asking at once win, the other told no', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((holder) => take('sync:4', holder, 100)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('LeaseKeeper: renews what one service holds, tells it of a lease lost', () => {
  let db: DataSource;
  let ledger: Ledger;
  let leases: LeaseStore;
  let nowMs: number;

  beforeEach(async () => {
    db = new DataSource(ledgerDataSourceOptions({ kind: 'sqlite', path: ':memory:' }));
    await db.initialize();
    ledger = new Ledger(db);
    leases = new LeaseStore(ledger);
    nowMs = 0;
  });

  afterEach(async () => {
    await db.destroy();
  });

  const keeper = (holder: string, onError = jest.fn()) =>
    new LeaseKeeper({
      ledger,
      leases,
      holder,
      ttlMs: TTL,
      renewMs: 60_000,
      now: () => nowMs,
      onError,
    });

  it('renews its leases, and drops one another holder took over, telling its owner', async () => {
    const a = keeper('a');
    const lost = jest.fn();
    await expect(a.take('pms-link:1', lost)).resolves.toBe(true);
    await expect(a.take('pms-link:2')).resolves.toBe(true);
    nowMs = 20_000;
    await a.renew();
    await expect(leases.find('pms-link:1')).resolves.toMatchObject({ expiresAtMs: 50_000 });

    nowMs = 50_000; // `a` paused past the expiry; `b` takes the first link over.
    const b = keeper('b');
    await expect(b.take('pms-link:1')).resolves.toBe(true);
    await a.renew();
    expect(lost).toHaveBeenCalledTimes(1);
    expect(a.holds('pms-link:1')).toBe(false);
    expect(a.holds('pms-link:2')).toBe(true);
    await expect(leases.find('pms-link:2')).resolves.toMatchObject({ holder: 'a' });
    await a.release('pms-link:2');
    b.stop();
    await expect(leases.list('pms-link:')).resolves.toEqual([
      expect.objectContaining({ name: 'pms-link:1', holder: 'b' }),
    ]);
  });

  it('releases everything it holds at once, and only what it holds', async () => {
    const a = keeper('a');
    const b = keeper('b');
    await a.take('pms-link:1');
    await a.take('pms-link:2');
    await b.take('pms-link:3');
    await a.releaseAll();
    expect(a.holds('pms-link:1')).toBe(false);
    await expect(leases.list('pms-link:')).resolves.toEqual([
      expect.objectContaining({ name: 'pms-link:3', holder: 'b' }),
    ]);
    b.stop();
  });
});
