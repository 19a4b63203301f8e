/**
 * How a law firm's account code splits into client and matter, and back: the plan's
 * account-code pattern with its named groups `client` and `matter` (docs/law-firms.md).
 */
export interface MatterCode {
  /** The client and matter numbers of a code, or null when the code is not of the pattern. */
  parse(code: string): { client: string; matter: string } | null;
  /**
   * The code of a client and matter, made from the pattern's literal text around its two
   * groups (`^(?<client>\d{5})-(?<matter>\d{3})$` gives `10234-001`), and checked by the
   * pattern; null when the pattern has no such plain shape or refuses the numbers.
   */
  codeFor(client: string, matter: string): string | null;
}

/** Characters that make a pattern's text more than a literal. */
const META = new Set(['^', '$', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|']);

/** The end (exclusive) of the group that opens at `start`, or -1. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

type Piece = string | { group: 'client' | 'matter' };

/**
 * The pattern as literal text and its two groups, or null when anything else in it is not a
 * plain character (an alternation, a class, a quantifier outside the groups...). Anchors at
 * the ends are dropped: the engine matches the whole code anyway.
 */
export function codeTemplate(pattern: string): Piece[] | null {
  let source = pattern;
  if (source.startsWith('^')) source = source.slice(1);
  if (source.endsWith('$') && !source.endsWith('\\$')) source = source.slice(0, -1);
  const pieces: Piece[] = [];
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const named = /^\(\?<(client|matter)>/.exec(source.slice(i));
    if (named) {
      const end = groupEnd(source, i);
      if (end < 0) return null;
      if (text !== '') pieces.push(text);
      text = '';
      pieces.push({ group: named[1] as 'client' | 'matter' });
      i = end - 1;
      continue;
    }
    if (c === '\\') {
      const next = source[i + 1];
      // `\-`, `\.`, `\/`: an escaped punctuation mark is itself; `\d`, `\w`... are not literals.
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
      text += next;
      i++;
      continue;
    }
    if (META.has(c)) return null;
    text += c;
  }
  if (text !== '') pieces.push(text);
  const groups = pieces.filter((piece) => typeof piece !== 'string');
  return groups.length === 2 && groups[0].group !== groups[1].group ? pieces : null;
}

/** The plan's pattern as a MatterCode, or null when it names no client and matter groups. */
export function matterCode(pattern: string): MatterCode | null {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
  if (!pattern.includes('(?<client>') || !pattern.includes('(?<matter>')) return null;
  const template = codeTemplate(pattern);
  const parse = (code: string) => {
    const groups = regex.exec(code.trim())?.groups;
    const client = groups?.client;
    const matter = groups?.matter;
    return client === undefined || matter === undefined ? null : { client, matter };
  };
  return {
    parse,
    codeFor(client, matter) {
      if (template === null) return null;
      const code = template
        .map((piece) =>
          typeof piece === 'string' ? piece : piece.group === 'client' ? client : matter,
        )
        .join('');
      const back = parse(code);
      return back !== null && back.client === client && back.matter === matter ? code : null;
    },
  };
}
