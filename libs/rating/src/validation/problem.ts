import type { ErrorDetail } from '@app/common';
import { isJsonObject, type JsonValue } from './json-value';

export type PathSegment = string | number;

/** One thing wrong, at a JSON path of segments (a key may hold a dot: `rates["a.b"]`). */
export interface Problem {
  path: PathSegment[];
  message: string;
}

/** `rates.uk.perMinute`, `destinations.2.prefix`; the document itself is `''`. */
export function dottedPath(path: readonly PathSegment[]): string {
  return path.join('.');
}

/** Fields the document does not have (a missing required field) sort after those it has. */
const ABSENT = Number.MAX_SAFE_INTEGER;

/** The position of each segment of `path` among its siblings in `document`. */
function documentPosition(document: JsonValue, path: readonly PathSegment[]): number[] {
  const position: number[] = [];
  let node: JsonValue | undefined = document;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      position.push(segment);
      node = node[segment];
    } else if (isJsonObject(node) && Object.hasOwn(node, segment)) {
      position.push(Object.keys(node).indexOf(String(segment)));
      node = node[segment];
    } else {
      position.push(ABSENT);
      node = undefined;
    }
  }
  return position;
}

function compareLexically(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

/**
 * One detail per path, in the order the document holds the fields (a parent before its
 * children); several problems at one path are joined with `; `, as the global pipe does.
 */
export function toErrorDetails(problems: readonly Problem[], document: JsonValue): ErrorDetail[] {
  const byPath = new Map<string, { position: number[]; messages: string[] }>();
  for (const { path, message } of problems) {
    const field = dottedPath(path);
    const entry = byPath.get(field);
    if (!entry)
      byPath.set(field, { position: documentPosition(document, path), messages: [message] });
    else if (!entry.messages.includes(message)) entry.messages.push(message);
  }
  return [...byPath]
    .sort(([, a], [, b]) => compareLexically(a.position, b.position))
    .map(([field, { messages }]) => ({ field, message: messages.join('; ') }));
}
