import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { ApiKey, ApiKeyOrigin } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';
import { readerOf } from './reader';
import { rethrowUnique } from './unique-violation';

/**
 * API keys: their hashed secrets, roles and revocation.
 * Tables: api_keys. It holds the SQL of these tables (its reads may join others').
 * Reads take the open transaction as their last argument when they run inside one.
 */
@Injectable()
export class ApiKeyStore {
  constructor(private readonly ledger: Ledger) {}

  /** Every key, live or revoked, oldest first. */
  list(): Promise<ApiKey[]> {
    return this.ledger.manager.find(ApiKey, { order: { id: 'ASC' } });
  }

  findById(id: number, tx?: LedgerTx): Promise<ApiKey | null> {
    return readerOf(this.ledger, tx).findOneBy(ApiKey, { id });
  }

  /** The key with this hash, live or revoked. */
  findByHash(keyHash: string, tx?: LedgerTx): Promise<ApiKey | null> {
    return readerOf(this.ledger, tx).findOneBy(ApiKey, { keyHash });
  }

  /** The live (not revoked) key with this hash: what a request's key opens. */
  findLiveByHash(keyHash: string): Promise<ApiKey | null> {
    return this.ledger.manager.findOneBy(ApiKey, { keyHash, revokedAtMs: IsNull() });
  }

  /** The live keys of these origins, oldest first; `exceptHash`: but not the key with this hash. */
  findLive(
    { origins, exceptHash }: { origins: ApiKeyOrigin[]; exceptHash?: string },
    tx?: LedgerTx,
  ): Promise<ApiKey[]> {
    return readerOf(this.ledger, tx).find(ApiKey, {
      where: {
        origin: In(origins),
        revokedAtMs: IsNull(),
        ...(exceptHash === undefined ? {} : { keyHash: Not(exceptHash) }),
      },
      order: { id: 'ASC' },
    });
  }

  /** Stores a new key; its hash is unique (a 409 in the unlikely case it is not). */
  async insert(tx: LedgerTx, key: Omit<ApiKey, 'id'>): Promise<ApiKey> {
    const manager = managerOf(tx);
    try {
      return await manager.save(manager.create(ApiKey, key));
    } catch (error) {
      rethrowUnique(error, { 'api_keys.key_hash': 'An API key with this secret already exists' });
    }
  }

  async markRevoked(tx: LedgerTx, id: number, revokedAtMs: number): Promise<void> {
    await managerOf(tx).update(ApiKey, { id }, { revokedAtMs });
  }

  /** When the key last opened a request (written at most once a minute by its caller). */
  async markUsed(tx: LedgerTx, id: number, lastUsedAtMs: number): Promise<void> {
    await managerOf(tx).update(ApiKey, { id }, { lastUsedAtMs });
  }
}
