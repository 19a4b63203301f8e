import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { API_KEY_ROLES, Actor, ApiKeyRole, Clock, DomainError, SYSTEM_ACTOR } from '@app/common';
import { ApiKey, ApiKeyOrigin, AuditEventStore, Ledger, LedgerTx } from '@app/ledger';
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
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
  ) {}

  /** Creates a key; the returned secret is shown once and never stored. */
  async create(input: NewApiKey, actor: Actor): Promise<{ key: ApiKey; secret: string }> {
    const secret = generateApiKey();
    const key = await this.ledger.transaction((manager) =>
      this.insert(manager, input, secret, actor),
    );
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.ledger.manager.find(ApiKey, { order: { id: 'ASC' } });
  }

  revoke(id: number, actor: Actor): Promise<ApiKey> {
    return this.ledger.transaction(async (manager) => {
      const key = await manager.findOneBy(ApiKey, { id });
      if (!key) throw new DomainError('not-found', `API key ${id} does not exist`);
      if (key.revokedAtMs !== null) {
        throw new DomainError('conflict', `API key ${id} is already revoked`);
      }
      const revokedAtMs = await this.revokeWith(manager, key, actor, null);
      return { ...key, revokedAtMs };
    });
  }

  /** The live key with this secret, or null. */
  async authenticate(secret: string): Promise<ApiKey | null> {
    const key = await this.ledger.manager.findOneBy(ApiKey, {
      keyHash: hashApiKey(secret),
      revokedAtMs: IsNull(),
    });
    if (key) await this.touch(key);
    return key;
  }

  /**
   * Makes ADMIN_API_KEY a live admin key. A different earlier bootstrap key is revoked, so that
   * changing the variable retires the old key; so is every demo key, so that a key printed by a
   * demo run never opens a production ledger. A bootstrap key revoked through the API stays
   * revoked: the operator must set a new ADMIN_API_KEY.
   */
  ensureBootstrapKey(secret: string): Promise<void> {
    const keyHash = hashApiKey(secret);
    return this.ledger.transaction(async (manager) => {
      const retired = await manager.find(ApiKey, {
        where: [
          { origin: 'bootstrap', revokedAtMs: IsNull(), keyHash: Not(keyHash) },
          { origin: 'demo', revokedAtMs: IsNull() },
        ],
      });
      for (const key of retired) {
        const reason =
          key.origin === 'demo' ? 'demo keys end with demo mode' : 'ADMIN_API_KEY changed';
        await this.revokeWith(manager, key, SYSTEM_ACTOR, reason);
      }
      const existing = await manager.findOneBy(ApiKey, { keyHash });
      if (!existing) {
        await this.insert(
          manager,
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
    await this.ledger.transaction(async (manager) => {
      const previous = await manager.findBy(ApiKey, { origin: 'demo', revokedAtMs: IsNull() });
      for (const key of previous) {
        await this.revokeWith(manager, key, SYSTEM_ACTOR, 'a new demo run started');
      }
      await this.insert(
        manager,
        { name: 'Demo admin', role: 'admin', origin: 'demo' },
        secret,
        SYSTEM_ACTOR,
      );
    });
    return secret;
  }

  private async insert(
    manager: LedgerTx & EntityManager,
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
    const key = await manager.save(
      manager.create(ApiKey, {
        name,
        role: input.role,
        origin: input.origin,
        keyHash: hashApiKey(secret),
        keyPrefix: displayPrefix(secret),
        createdAtMs: now,
        lastUsedAtMs: null,
        revokedAtMs: null,
      }),
    );
    await this.audit.record(
      manager,
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
    manager: LedgerTx & EntityManager,
    key: ApiKey,
    actor: Actor,
    reason: string | null,
  ): Promise<number> {
    const now = this.clock.now();
    await manager.update(ApiKey, { id: key.id }, { revokedAtMs: now });
    await this.audit.record(
      manager,
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
    await this.ledger.transaction((manager) =>
      manager.update(ApiKey, { id: key.id }, { lastUsedAtMs: now }),
    );
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
