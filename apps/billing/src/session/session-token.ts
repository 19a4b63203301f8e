import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that carries a session's token. */
export const SESSION_COOKIE = 'xb_session';

/** The header a cookie-authenticated request that changes something carries its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** 32 random bytes in base64url: what a session's token (and CSRF token) looks like. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new random token: 32 bytes, base64url (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the ledger keeps of a session's token: its hex SHA-256. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isTokenShaped(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/**
 * The session token in a request's `Cookie` header: undefined when the cookie is not sent,
 * the raw value (maybe malformed) when it is.
 */
export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === SESSION_COOKIE) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** Whether the CSRF token a request sent is its session's, compared in constant time. */
export function csrfTokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
