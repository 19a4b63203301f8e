import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyRole } from '@app/common';

/** Where a key came from: the API, the CLI, ADMIN_API_KEY, or demo mode's generated key. */
export const API_KEY_ORIGINS = ['api', 'cli', 'bootstrap', 'demo'] as const;
export type ApiKeyOrigin = (typeof API_KEY_ORIGINS)[number];

/** A credential for the admin API. Only the SHA-256 of the key is stored. */
@Entity('api_keys')
@Check('CK_api_keys_role', `"role" IN ('viewer', 'accountant', 'admin')`)
@Check('CK_api_keys_origin', `"origin" IN ('api', 'cli', 'bootstrap', 'demo')`)
export class ApiKey {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('text')
  name!: string;

  @Column('text')
  role!: ApiKeyRole;

  @Column('text')
  origin!: ApiKeyOrigin;

  /** Hex SHA-256 of the whole key. */
  @Index('UQ_api_keys_key_hash', { unique: true })
  @Column('text')
  keyHash!: string;

  /** The first characters of the key, so that a person can tell keys apart. */
  @Column('text')
  keyPrefix!: string;

  @Column('integer')
  createdAtMs!: number;

  @Column('integer', { nullable: true })
  lastUsedAtMs!: number | null;

  @Column('integer', { nullable: true })
  revokedAtMs!: number | null;
}
