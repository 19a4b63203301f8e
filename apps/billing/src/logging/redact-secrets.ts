/**
 * Field names that hold credentials, at any depth: `authorization`, `token`, `deliverySecret`,
 * `newPassword`, `csrfToken`, `passwordHash`…
 */
const SECRET_FIELD =
  /^(authorization|proxy-authorization|cookie|set-cookie|key|x-csrf-token)$|(token|secret|password|password_?hash|api_?key)$/i;

export const REDACTED = '[redacted]';

/** pino-http's raw request and response: their serializers pick fields; pino's `redact` covers them. */
const SERIALIZED_ELSEWHERE = new Set(['req', 'res']);

const MAX_DEPTH = 8;

function isWalkable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (
    prototype === Object.prototype ||
    prototype === null ||
    Array.isArray(value) ||
    value instanceof Error
  );
}

/**
 * A copy of a log record with every secret-named field replaced, however deep it sits in plain
 * objects, arrays and errors. Untouched branches are shared, not copied.
 */
export function redactSecrets<T>(value: T): T {
  return walk(value, 0, new WeakSet()) as T;
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (!isWalkable(value) || depth > MAX_DEPTH || seen.has(value)) return value;
  seen.add(value);
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const [field, child] of Object.entries(value)) {
    if (depth === 0 && SERIALIZED_ELSEWHERE.has(field)) continue;
    const replaced =
      SECRET_FIELD.test(field) && child !== undefined && child !== null
        ? REDACTED
        : walk(child, depth + 1, seen);
    if (replaced !== child) {
      copy ??= Array.isArray(value) ? [...(value as unknown[])] : copyOf(value);
      (copy as Record<string, unknown>)[field] = replaced;
    }
  }
  return copy ?? value;
}

function copyOf(value: Record<string, unknown>): Record<string, unknown> {
  if (value instanceof Error) {
    // Keep what pino's error serializer reads: type, message, stack.
    return { ...value, type: value.name, message: value.message, stack: value.stack };
  }
  return { ...value };
}
