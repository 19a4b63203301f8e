import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_ROLES, ApiKeyRole } from '@app/common';
import { API_KEY_ORIGINS, ApiKey, ApiKeyOrigin } from '@app/ledger';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** An API key as the API shows it: never its hash, and the key itself only once. */
export class ApiKeyView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: ApiKeyRole;
  @ApiProperty({ enum: API_KEY_ORIGINS }) origin!: ApiKeyOrigin;
  @ApiProperty({ example: 'xbk_Ab12Cd' }) keyPrefix!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;

  static of(key: ApiKey): ApiKeyView {
    return Object.assign(new ApiKeyView(), {
      id: key.id,
      name: key.name,
      role: key.role,
      origin: key.origin,
      keyPrefix: key.keyPrefix,
      createdAt: iso(key.createdAtMs),
      lastUsedAt: iso(key.lastUsedAtMs),
      revokedAt: iso(key.revokedAtMs),
    });
  }
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiPropertyOptional({ description: 'The key itself: shown this once, never again.' })
  key!: string;

  /** A key just made, with its secret (never stored, so never shown again). */
  static withSecret({ key, secret }: { key: ApiKey; secret: string }): CreatedApiKeyView {
    return Object.assign(ApiKeyView.of(key), { key: secret });
  }
}

export class ApiKeyListView {
  @ApiProperty({ type: [ApiKeyView] }) items!: ApiKeyView[];

  static of(keys: ApiKey[]): ApiKeyListView {
    return { items: keys.map((key) => ApiKeyView.of(key)) };
  }
}
