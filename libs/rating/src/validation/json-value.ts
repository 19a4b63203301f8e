import type { PathSegment, Problem } from './problem';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Deeper than any plan (rates.x.timeBands.0.days.0 is 6): only garbage gets here. */
export const MAX_DEPTH = 32;

const NOT_JSON = 'must be a JSON value';

/** A plain object from any realm (a vm, Jest's sandbox, structuredClone), not a class instance. */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** An object of a copied JSON value (only `copyJson`'s output is read this way). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `input` made only of JSON values, so that what is validated is what is stored, and
 * neither later changes to the input nor getters can differ from it. Undefined properties are
 * dropped (as JSON.stringify does); anything else that JSON cannot hold is a problem.
 */
export function copyJson(
  input: unknown,
): { ok: true; value: JsonValue } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const ancestors = new Set<object>();

  const copy = (value: unknown, path: PathSegment[]): JsonValue => {
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value === null) return null;
    if (typeof value === 'object') {
      if (path.length >= MAX_DEPTH) {
        problems.push({ path, message: 'is nested too deeply' });
        return null;
      }
      if (ancestors.has(value)) {
        problems.push({ path, message: 'refers to itself' });
        return null;
      }
      if (Array.isArray(value)) {
        ancestors.add(value);
        const items: JsonValue[] = [];
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          if (item === undefined) problems.push({ path: [...path, index], message: NOT_JSON });
          else items.push(copy(item, [...path, index]));
        }
        ancestors.delete(value);
        return items;
      }
      if (isPlainObject(value)) {
        ancestors.add(value);
        const object: JsonObject = {};
        for (const key of Object.keys(value)) {
          const item: unknown = value[key];
          if (item === undefined) continue;
          // Assigning `__proto__` would set the copy's prototype; JSON.parse makes it a key.
          if (key === '__proto__') {
            Object.defineProperty(object, key, {
              value: copy(item, [...path, key]),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          } else {
            object[key] = copy(item, [...path, key]);
          }
        }
        ancestors.delete(value);
        return object;
      }
    }
    problems.push({ path, message: NOT_JSON });
    return null;
  };

  try {
    const value = copy(input, []);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
  } catch {
    // A getter or a proxy of the caller's threw while being read.
    return { ok: false, problems: [{ path: [], message: 'could not be read' }] };
  }
}
