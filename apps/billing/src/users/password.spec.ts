import {
  PASSWORD_MIN_LENGTH,
  UNKNOWN_USER_HASH,
  generateOneTimePassword,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './password';

describe('passwords (scrypt)', () => {
  it('hashes with a fresh salt each time, in the stored format, and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('correct horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', a)).resolves.toBe(false);
    await expect(verifyPassword('', a)).resolves.toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('reads the parameters from the stored hash, so that older hashes still verify', async () => {
    const stored = await hashPassword('correct horse battery');
    // The same key made with N = 2^14 would differ: parameters are part of the hash.
    const weaker = stored.replace('$32768$', '$16384$');
    await expect(verifyPassword('correct horse battery', weaker)).resolves.toBe(false);
    expect(needsRehash(weaker)).toBe(true);
  });

  it('refuses malformed and too costly stored hashes without running scrypt on them', async () => {
    for (const stored of [
      '',
      'plain-text-password',
      'scrypt$32768$8$1$salt$key',
      UNKNOWN_USER_HASH.replace('$32768$', '$30000$'),
      UNKNOWN_USER_HASH.replace('$32768$', '$2097152$'),
      UNKNOWN_USER_HASH.replace('$8$1$', '$8$99$'),
    ]) {
      await expect(verifyPassword('anything at all', stored)).resolves.toBe(false);
    }
  });

  it('has a well-formed hash for unknown emails that no typed password opens', async () => {
    expect(needsRehash(UNKNOWN_USER_HASH)).toBe(false);
    await expect(verifyPassword('', UNKNOWN_USER_HASH)).resolves.toBe(false);
    await expect(verifyPassword('password1234', UNKNOWN_USER_HASH)).resolves.toBe(false);
  });

  it('makes one-time passwords long enough to be passwords, easy to type, each different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword();
      expect(password).toMatch(/^[2-9a-hjkmnp-z]{5}(-[2-9a-hjkmnp-z]{5}){3}$/);
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
