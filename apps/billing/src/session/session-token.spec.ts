import {
  SESSION_COOKIE,
  csrfTokenMatches,
  generateToken,
  hashSessionToken,
  isTokenShaped,
  sessionTokenOf,
} from './session-token';

describe('session tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const token = generateToken();
    expect(isTokenShaped(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['theme=dark', undefined],
    [`${SESSION_COOKIE}=abc`, 'abc'],
    [`theme=dark; ${SESSION_COOKIE}=abc; lang=en`, 'abc'],
    [`theme=dark;${SESSION_COOKIE}= abc `, 'abc'],
    [`x${SESSION_COOKIE}=abc`, undefined],
    [`${SESSION_COOKIE}=a=b`, 'a=b'],
  ])('finds the session cookie in %j -> %j', (header, token) => {
    expect(sessionTokenOf(header)).toBe(token);
  });

  it('matches the CSRF token only when it is exactly the session’s', () => {
    const token = generateToken();
    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches(token.slice(1), token)).toBe(false);
    expect(csrfTokenMatches(token.toUpperCase(), token)).toBe(false);
    expect(csrfTokenMatches(undefined, token)).toBe(false);
    expect(csrfTokenMatches([token], token)).toBe(false);
  });
});
