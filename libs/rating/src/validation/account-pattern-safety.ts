import tokenize, { types, type Root, type SetToken, type Token } from 'ret';

/**
 * Longest account code the pattern is run on; a longer one is `unknown-account-code` without
 * being matched (decision 0015). Codes are typed on a phone keypad: 32 is far beyond any, and
 * 10,000 such codes still fit a quote's 1 MB body.
 */
export const ACCOUNT_CODE_MAX_LENGTH = 32;

/** Longest `billingAccount.pattern` accepted. */
export const ACCOUNT_PATTERN_MAX_LENGTH = 200;

/**
 * Most ways a pattern may have to match a code (counted as below). The engine may try each before
 * it refuses a code that almost matches, and each try reads at most the code: `\d+\d+` (32 ways)
 * refuses 10,000 codes of 31 digits and a `!` in a few hundredths of a second.
 */
export const ACCOUNT_PATTERN_MAX_WAYS = 100;

const NESTED =
  'must not repeat a part that can itself match in more than one way, like (\\d+)+ or (a|b)*: ' +
  'a code that almost matches would take exponential time; use a character class ([ab]*) or a ' +
  'fixed length inside';

const TOO_MANY_WAYS =
  `can match one account code in more than ${ACCOUNT_PATTERN_MAX_WAYS} ways, which makes a ` +
  'code that almost matches slow to refuse: give its parts fixed or bounded lengths ' +
  '(\\d{5}, \\d{1,10}) or end each run of digits with a separator (\\d+-\\d+)';

class Unsafe extends Error {}

/**
 * Why a pattern (one that compiles with `new RegExp`, no flags) is not safe to run on account
 * codes, or undefined (decision 0015). V8 matches by backtracking: a pattern that can match a code
 * in many ways tries them all before refusing a code that almost matches (`(\d+)+` on 30 digits
 * and a `!`: a billion). The ways are over-counted from the pattern's tokens: a repetition of
 * variable length chooses how many times it repeats (at most ACCOUNT_CODE_MAX_LENGTH + 1
 * choices) unless what follows it can never start with what it repeats (`\d+-`: one way), and
 * an alternation chooses a branch. A repetition whose body can itself match in more than one
 * way has no useful bound and is refused whole.
 */
export function accountPatternSafetyProblem(pattern: string): string | undefined {
  if (pattern.length > ACCOUNT_PATTERN_MAX_LENGTH) {
    return `must be at most ${ACCOUNT_PATTERN_MAX_LENGTH} characters (got ${pattern.length})`;
  }
  if (hasBackreference(pattern)) {
    return 'must not use a backreference (\\1, \\k<name>): an account code never needs one';
  }
  let ways: number | 'nested';
  try {
    ways = accountPatternWays(pattern);
  } catch {
    return 'uses syntax the safety check cannot read: write it more plainly';
  }
  if (ways === 'nested') return NESTED;
  return ways > ACCOUNT_PATTERN_MAX_WAYS ? TOO_MANY_WAYS : undefined;
}

/** The bound on ways described above, or 'nested' when there is none. */
export function accountPatternWays(pattern: string): number | 'nested' {
  try {
    return waysOf(tokenize(lookbehindsAsLookaheads(pattern)), END);
  } catch (error) {
    if (error instanceof Unsafe) return 'nested';
    throw error;
  }
}

/**
 * ret does not read lookbehinds. V8 matches one like a lookahead, backwards: the same ways, so
 * it is counted as one.
 */
function lookbehindsAsLookaheads(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
      out += `(?${pattern[i + 3]}`;
      i += 3;
      continue;
    }
    out += char;
  }
  return out;
}

/** What may come after a point of the pattern: characters, the end of the code, or anything. */
interface Follow {
  chars: Token[];
  canEnd: boolean;
  unknown: boolean;
}

const END: Follow = { chars: [], canEnd: true, unknown: false };
const ANYTHING: Follow = { chars: [], canEnd: true, unknown: true };

function union(a: Follow, b: Follow): Follow {
  return {
    chars: [...a.chars, ...b.chars],
    canEnd: a.canEnd || b.canEnd,
    unknown: a.unknown || b.unknown,
  };
}

/** What can come first in `token` followed by `after`. */
function firstOf(token: Token, after: Follow): Follow {
  switch (token.type) {
    case types.CHAR:
    case types.SET:
      return { chars: [token], canEnd: false, unknown: false };
    case types.POSITION:
      return after;
    case types.REFERENCE:
      return ANYTHING;
    case types.GROUP:
      // A lookaround runs a match of its own before what follows: no cheap bound through it.
      if (token.followedBy || token.notFollowedBy) return ANYTHING;
      return options(token).reduce<Follow>((first, seq) => union(first, firstOfSeq(seq, after)), {
        chars: [],
        canEnd: false,
        unknown: false,
      });
    case types.REPETITION: {
      const body = firstOf(token.value, after);
      return token.min === 0 ? union(body, after) : body;
    }
  }
}

function firstOfSeq(tokens: Token[], after: Follow): Follow {
  return tokens.reduceRight<Follow>((next, token) => firstOf(token, next), after);
}

function options(group: { options?: Token[][]; stack?: Token[] }): Token[][] {
  return group.options ?? [group.stack ?? []];
}

function waysOf(token: Root | Token, after: Follow): number {
  switch (token.type) {
    case types.ROOT:
    case types.GROUP: {
      const inner = token.type === types.GROUP && (token.followedBy || token.notFollowedBy);
      const end = inner ? ANYTHING : after;
      return capped(options(token).reduce((sum, seq) => sum + waysOfSeq(seq, end), 0));
    }
    case types.REPETITION:
      return waysOfRepetition(token.min, token.max, token.value, after);
    case types.SET:
    case types.POSITION:
    case types.REFERENCE:
    case types.CHAR:
      return 1;
  }
}

function waysOfSeq(tokens: Token[], after: Follow): number {
  let ways = 1;
  let next = after;
  for (let i = tokens.length - 1; i >= 0; i--) {
    ways = capped(ways * waysOf(tokens[i], next));
    next = firstOf(tokens[i], next);
  }
  return ways;
}

function waysOfRepetition(min: number, max: number | null, body: Token, after: Follow): number {
  // ret reads the lazy `x+?` as `(x+)?`: V8 compiled the pattern, so `?` after a repetition can
  // only be that (`x{2}{3}` does not compile), and a lazy repetition tries as many ways.
  if (min === 0 && max === 1 && body.type === types.REPETITION) {
    return waysOfRepetition(body.min, body.max, body.value, after);
  }
  const again = max === null || max > 1 ? union(firstOf(body, after), after) : after;
  const inner = waysOf(body, again);
  if (max === min) return capped(inner ** min);
  if (max === 1) return capped(1 + inner);
  if (inner > 1) throw new Unsafe();
  // `\d+-`: giving back a digit leaves a digit where `-` must be, so only the longest run goes
  // on: one way (each give-back fails at once).
  if (isOneCharacter(body) && disjoint(body, after)) return 1;
  return Math.max(1, Math.min(max ?? Infinity, ACCOUNT_CODE_MAX_LENGTH) - min + 1);
}

function isOneCharacter(token: Token): boolean {
  return token.type === types.CHAR || token.type === types.SET;
}

/** No UTF-16 code unit (what V8 matches without the u flag) is both `token` and in `after`. */
function disjoint(token: Token, after: Follow): boolean {
  if (after.unknown) return false;
  for (let unit = 0; unit <= 0xffff; unit++) {
    if (matches(token, unit) && after.chars.some((other) => matches(other, unit))) return false;
  }
  return true;
}

function matches(token: Token | SetToken, unit: number): boolean {
  if (token.type === types.CHAR) return token.value === unit;
  if (token.type === types.RANGE) return token.from <= unit && unit <= token.to;
  if (token.type === types.SET)
    return token.set.some((member) => matches(member, unit)) !== token.not;
  return false;
}

function capped(ways: number): number {
  return Math.min(ways, Number.MAX_SAFE_INTEGER);
}

/** `\1`..`\9` or `\k<`, outside a character class and not escaped themselves. */
function hasBackreference(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && ((next >= '1' && next <= '9') || next === 'k')) return true;
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    }
  }
  return false;
}
