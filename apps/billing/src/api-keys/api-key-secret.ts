import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so that a leaked key is recognisable in a secret scanner. */
export const API_KEY_PREFIX = 'xbk_';

/** A new key: 32 random bytes, base64url. Shown once; only its hash is stored. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Enough of a key for a person to tell keys apart, and no more. */
export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
