import { Injectable, Logger } from '@nestjs/common';
import { API_KEY_ROLES, Actor, ApiKeyRole, Clock, DomainError, SYSTEM_ACTOR } from '@app/common';
import { ApiKey, ApiKeyOrigin, ApiKeyStore, AuditEventStore, Ledger, LedgerTx } from '@app/ledger';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key-secret';

/** How often a key's last-used time is written: reads must not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const API_KEY_NAME_MAX = 100;

export interface NewApiKey {
  name: string;
  role: ApiKeyRole;
  origin: ApiKeyOrigin;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly lastUsedWritten = new Map<number, number>();

  constructor(
    private readonly ledger: Ledger,
    private readonly keys: ApiKeyStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
  ) {}

  /** Creates a key; the returned secret is shown once and never stored. */
  async create(input: NewApiKey, actor: Actor): Promise<{ key: ApiKey; secret: string }> {
    const secret = generateApiKey();
    const key = await this.ledger.transaction((tx) => this.insert(tx, input, secret, actor));
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  revoke(id: number, actor: Actor): Promise<ApiKey> {
    return this.ledger.transaction(async (tx) => {
      const key = await this.keys.findById(id, tx);
      if (!key) throw new DomainError('not-found', `API key ${id} does not exist`);
      if (key.revokedAtMs !== null) {
        throw new DomainError('conflict', `API key ${id} is already revoked`);
      }
      const revokedAtMs = await this.revokeWith(tx, key, actor, null);
      return { ...key, revokedAtMs };
    });
  }

  /** The live key with this secret, or null. */
  async authenticate(secret: string): Promise<ApiKey | null> {
    const key = await this.keys.findLiveByHash(hashApiKey(secret));
    if (key) await this.touch(key);
    return key;
  }

  /**
   * Makes ADMIN_API_KEY a live admin key. A different earlier bootstrap key is revoked, so that
   * changing the variable retires the old key; so is every demo key, so that a key printed by a
   * demo run never opens a production ledger. A bootstrap key revoked through the API stays
   * revoked: the operator must set a new ADMIN_API_KEY.
   */
  async ensureBootstrapKey(secret: string): Promise<void> {
    try {
      await this.ensureBootstrapKeyOnce(secret);
    } catch (error) {
      // Two instances started together both found no key and both inserted it: the one whose
      // insert lost finds the other's key on a second look.
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      await this.ensureBootstrapKeyOnce(secret);
    }
  }

  private ensureBootstrapKeyOnce(secret: string): Promise<void> {
    const keyHash = hashApiKey(secret);
    return this.ledger.transaction(async (tx) => {
      // Every demo key, even one whose secret ADMIN_API_KEY repeats: a demo key never survives.
      const retired = [
        ...(await this.keys.findLive({ origins: ['bootstrap'], exceptHash: keyHash }, tx)),
        ...(await this.keys.findLive({ origins: ['demo'] }, tx)),
      ].sort((a, b) => a.id - b.id);
      for (const key of retired) {
        const reason =
          key.origin === 'demo' ? 'demo keys end with demo mode' : 'ADMIN_API_KEY changed';
        await this.revokeWith(tx, key, SYSTEM_ACTOR, reason);
      }
      const existing = await this.keys.findByHash(keyHash, tx);
      if (!existing) {
        await this.insert(
          tx,
          { name: 'Bootstrap admin (ADMIN_API_KEY)', role: 'admin', origin: 'bootstrap' },
          secret,
          SYSTEM_ACTOR,
        );
      } else if (existing.revokedAtMs !== null) {
        this.logger.warn(
          `ADMIN_API_KEY (${existing.keyPrefix}…) was revoked through the API; set a new ADMIN_API_KEY`,
        );
      }
    });
  }

  /** Demo mode: a fresh admin key for this run; the previous run's demo keys are revoked. */
  async createDemoKey(): Promise<string> {
    const secret = generateApiKey();
    await this.ledger.transaction(async (tx) => {
      const previous = await this.keys.findLive({ origins: ['demo'] }, tx);
      for (const key of previous) {
        await this.revokeWith(tx, key, SYSTEM_ACTOR, 'a new demo run started');
      }
      await this.insert(
        tx,
        { name: 'Demo admin', role: 'admin', origin: 'demo' },
        secret,
        SYSTEM_ACTOR,
      );
    });
    return secret;
  }

  private async insert(
    tx: LedgerTx,
    input: NewApiKey,
    secret: string,
    actor: Actor,
  ): Promise<ApiKey> {
    const name = validName(input.name);
    if (!API_KEY_ROLES.includes(input.role)) {
      throw new DomainError('bad-request', `role must be one of ${API_KEY_ROLES.join(', ')}`, [
        { field: 'role', message: `role must be one of ${API_KEY_ROLES.join(', ')}` },
      ]);
    }
    const now = this.clock.now();
    const key = await this.keys.insert(tx, {
      name,
      role: input.role,
      origin: input.origin,
      keyHash: hashApiKey(secret),
      keyPrefix: displayPrefix(secret),
      createdAtMs: now,
      lastUsedAtMs: null,
      revokedAtMs: null,
    });
    await this.audit.record(
      tx,
      actor,
      {
        action: 'api-key.create',
        entityType: 'api-key',
        entityId: key.id,
        newValue: { name: key.name, role: key.role, origin: key.origin, keyPrefix: key.keyPrefix },
      },
      now,
    );
    return key;
  }

  private async revokeWith(
    tx: LedgerTx,
    key: ApiKey,
    actor: Actor,
    reason: string | null,
  ): Promise<number> {
    const now = this.clock.now();
    await this.keys.markRevoked(tx, key.id, now);
    await this.audit.record(
      tx,
      actor,
      {
        action: 'api-key.revoke',
        entityType: 'api-key',
        entityId: key.id,
        oldValue: { revokedAt: null },
        newValue: { revokedAt: new Date(now).toISOString() },
        reason,
      },
      now,
    );
    return now;
  }

  private async touch(key: ApiKey): Promise<void> {
    const now = this.clock.now();
    const last = this.lastUsedWritten.get(key.id) ?? key.lastUsedAtMs ?? 0;
    if (now - last < LAST_USED_RESOLUTION_MS) return;
    this.lastUsedWritten.set(key.id, now);
    await this.ledger.transaction((tx) => this.keys.markUsed(tx, key.id, now));
  }
}

/** The same rule for the API and the CLI: a name a person can read, trimmed, 1 to 100 characters. */
function validName(raw: string): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name.length === 0 || name.length > API_KEY_NAME_MAX) {
    const message = `name must be 1 to ${API_KEY_NAME_MAX} characters, not blank`;
    throw new DomainError('bad-request', message, [{ field: 'name', message }]);
  }
  return name;
}
