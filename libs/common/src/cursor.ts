import { DomainError } from './domain-error';

/**
 * A keyset page's cursor: where the page ended (the sort key's values, integers) and which
 * filter it belongs to, as opaque base64url. A cursor of another filter, or not one this API
 * gave, is a 400 naming `cursor`.
 */
export function encodeCursor(position: readonly number[], filterKey: string): string {
  return Buffer.from(JSON.stringify([1, ...position, filterKey])).toString('base64url');
}

export function decodeCursor(cursor: string, filterKey: string, arity: number): number[] {
  const refuse = (message: string) => DomainError.invalid('query', [{ field: 'cursor', message }]);
  const foreign = 'cursor is not one this API gave (use nextCursor as it was)';
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse(foreign);
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== arity + 2 ||
    decoded[0] !== 1 ||
    !decoded.slice(1, -1).every((value) => Number.isSafeInteger(value)) ||
    typeof decoded[arity + 1] !== 'string'
  ) {
    throw refuse(foreign);
  }
  if (decoded[arity + 1] !== filterKey) {
    throw refuse('cursor belongs to another filter: send the same filter with it, or start over');
  }
  return decoded.slice(1, -1) as number[];
}
