import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Clock, DomainError } from '@app/common';
import { Actor, ApiKey, ApiKeyOrigin, ApiKeyRole, AuditLog, SYSTEM_ACTOR } from '@app/ledger';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key-secret';

/** How often a key's last-used time is written: reads must not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Creates a key; the returned secret is shown once and never stored. */
  async create(input: NewApiKey, actor: Actor): Promise<{ key: ApiKey; secret: string }> {
    const secret = generateApiKey();
    const key = await this.dataSource.transaction((manager) =>
      this.insert(manager, input, secret, actor),
    );
    return { key, secret };
  }

  list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { id: 'ASC' } });
  }

  async revoke(id: number, actor: Actor): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOneBy(ApiKey, { id });
      if (!key) throw new DomainError('not-found', `API key ${id} does not exist`);
      if (key.revokedAtMs !== null) {
        throw new DomainError('conflict', `API key ${id} is already revoked`);
      }
      const now = this.clock.now();
      await manager.update(ApiKey, { id }, { revokedAtMs: now });
      await this.audit.record(
        manager,
        actor,
        {
          action: 'api-key.revoke',
          entityType: 'api-key',
          entityId: id,
          oldValue: { revokedAt: null },
          newValue: { revokedAt: new Date(now).toISOString() },
        },
        now,
      );
      return { ...key, revokedAtMs: now };
    });
  }

  /** The live key with this secret, or null. */
  async authenticate(secret: string): Promise<ApiKey | null> {
    const key = await this.dataSource
      .getRepository(ApiKey)
      .findOneBy({ keyHash: hashApiKey(secret), revokedAtMs: IsNull() });
    if (key) await this.touch(key);
    return key;
  }

  /**
   * Makes ADMIN_API_KEY a live admin key. A different earlier bootstrap key is revoked, so that
   * changing the variable retires the old key. A bootstrap key revoked through the API stays
   * revoked: the operator must set a new ADMIN_API_KEY.
   */
  async ensureBootstrapKey(secret: string): Promise<void> {
    const keyHash = hashApiKey(secret);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const retired = await manager.findBy(ApiKey, {
        origin: 'bootstrap',
        revokedAtMs: IsNull(),
        keyHash: Not(keyHash),
      });
      for (const key of retired) {
        await manager.update(ApiKey, { id: key.id }, { revokedAtMs: now });
        await this.audit.record(
          manager,
          SYSTEM_ACTOR,
          {
            action: 'api-key.revoke',
            entityType: 'api-key',
            entityId: key.id,
            reason: 'ADMIN_API_KEY changed',
          },
          now,
        );
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
    await this.dataSource
      .getRepository(ApiKey)
      .update({ origin: 'demo', revokedAtMs: IsNull() }, { revokedAtMs: this.clock.now() });
    const { secret } = await this.create(
      { name: 'Demo admin', role: 'admin', origin: 'demo' },
      SYSTEM_ACTOR,
    );
    return secret;
  }

  private async insert(
    manager: EntityManager,
    input: NewApiKey,
    secret: string,
    actor: Actor,
  ): Promise<ApiKey> {
    const now = this.clock.now();
    const key = await manager.save(
      manager.create(ApiKey, {
        name: input.name.trim(),
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

  private async touch(key: ApiKey): Promise<void> {
    const now = this.clock.now();
    const last = this.lastUsedWritten.get(key.id) ?? key.lastUsedAtMs ?? 0;
    if (now - last < LAST_USED_RESOLUTION_MS) return;
    this.lastUsedWritten.set(key.id, now);
    await this.dataSource.getRepository(ApiKey).update({ id: key.id }, { lastUsedAtMs: now });
  }
}
