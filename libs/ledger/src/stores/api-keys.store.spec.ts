import 'reflect-metadata';
import { DomainError } from '@app/common';
import { DataSource } from 'typeorm';
import { ApiKey } from '../entities';
import { Ledger } from '../ledger';
import { ApiKeyStore } from './api-keys.store';
import { openTestLedger } from '../testing';

describe('ApiKeyStore (in-memory ledger, real migrations)', () => {
  let db: DataSource;
  let ledger: Ledger;
  let keys: ApiKeyStore;

  beforeEach(async () => {
    db = await openTestLedger();
    ledger = new Ledger(db);
    keys = new ApiKeyStore(ledger);
  });

  afterEach(async () => {
    await db.destroy();
  });

  const key = (name: string, origin: ApiKey['origin'], revokedAtMs: number | null = null) =>
    ledger.transaction((tx) =>
      keys.insert(tx, {
        name,
        role: 'admin',
        origin,
        keyHash: `hash-${name}`,
        keyPrefix: `xbk_${name}`,
        createdAtMs: 1,
        lastUsedAtMs: null,
        revokedAtMs,
      }),
    );
  const names = (list: ApiKey[]) => list.map((k) => k.name);

  it('finds live keys by origin, oldest first, leaving out revoked ones and the one spared', async () => {
    await key('boot-old', 'bootstrap');
    await key('demo-1', 'demo');
    await key('boot-revoked', 'bootstrap', 5);
    await key('api', 'api');
    await key('boot-now', 'bootstrap');
    await key('demo-2', 'demo');

    const retired = await ledger.transaction((tx) =>
      keys.findLive({ origins: ['bootstrap', 'demo'], exceptHash: 'hash-boot-now' }, tx),
    );
    expect(names(retired)).toEqual(['boot-old', 'demo-1', 'demo-2']);
    expect(names(await keys.findLive({ origins: ['demo'] }))).toEqual(['demo-1', 'demo-2']);
    expect(names(await keys.list())).toEqual([
      'boot-old',
      'demo-1',
      'boot-revoked',
      'api',
      'boot-now',
      'demo-2',
    ]);
  });

  it('opens a request only with a live key; revoking and use are written', async () => {
    const created = await key('front', 'api');
    expect(created.id).toBeGreaterThan(0);
    await expect(keys.findLiveByHash('hash-front')).resolves.toMatchObject({ name: 'front' });

    await ledger.transaction((tx) => keys.markUsed(tx, created.id, 60_000));
    await ledger.transaction((tx) => keys.markRevoked(tx, created.id, 120_000));
    await expect(keys.findLiveByHash('hash-front')).resolves.toBeNull();
    await expect(keys.findByHash('hash-front')).resolves.toMatchObject({
      lastUsedAtMs: 60_000,
      revokedAtMs: 120_000,
    });
    await expect(keys.findById(created.id)).resolves.toMatchObject({ name: 'front' });
  });

  it('refuses a second key with the same hash as a conflict, not a database error', async () => {
    await key('twin', 'api');
    await expect(key('twin', 'cli')).rejects.toThrow(
      new DomainError('conflict', 'An API key with this secret already exists'),
    );
    expect(await keys.list()).toHaveLength(1);
  });
});
