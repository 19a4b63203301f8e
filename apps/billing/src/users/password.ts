import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * How passwords are hashed (docs/decisions/0025-users-and-sessions.md): scrypt, memory-hard,
 * N = 2^15, r = 8, p = 1 (32 MiB and about 0.1 s a hash), a 16-byte random salt, a 32-byte
 * key. Stored as `scrypt$N$r$p$salt$key` (base64url), so that stronger parameters can come
 * later without making the stored hashes unreadable.
 */
export const SCRYPT_PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; a megabyte of "password" is not. */
export const PASSWORD_MAX_LENGTH = 1024;

/** The most a stored hash may ask of the machine: a forged row must not stall the service. */
const LIMITS = { N: 2 ** 20, r: 32, p: 16 };

interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParameters): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Node refuses a run needing more than `maxmem`; scrypt needs about 128 * N * r bytes.
    scrypt(password, salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A new hash of `password`, with a fresh salt, in the stored format. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMETERS);
  const { N, r, p } = SCRYPT_PARAMETERS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([\w-]{16,})\$([\w-]{32,})$/.exec(
    stored,
  );
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > LIMITS.N || r < 1 || r > LIMITS.r || p < 1 || p > LIMITS.p) return null;
  return {
    parameters: { N, r, p },
    salt: Buffer.from(match[4], 'base64url'),
    key: Buffer.from(match[5], 'base64url'),
  };
}

/** Whether `password` is the one `stored` was made from; compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.parameters);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Whether a hash was made with weaker parameters than today's: it is remade at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  const { N, r, p } = SCRYPT_PARAMETERS;
  return !parsed || parsed.parameters.N < N || parsed.parameters.r < r || parsed.parameters.p < p;
}

/**
 * The hash of a password nobody knows (its text was thrown away). An email no user has is
 * checked against it, so that a sign-in takes as long whether the email exists or not.
 */
export const UNKNOWN_USER_HASH =
  'scrypt$32768$8$1$an4IwCZp_rUcBUTEio0Auw$z3PaKOmps1kyvrGHd8Cbc1gWDxyjY8OlSGmOkjO_bew';

/** Letters and digits a person cannot confuse when typing (no 0/o, 1/l/i). */
const ONE_TIME_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/**
 * A password to hand to a person once, who must change it at first sign-in: 20 random
 * characters (about 99 bits) in four groups of five, `k7m2q-x9dfr-…`.
 */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
