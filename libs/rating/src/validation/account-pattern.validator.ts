import { accountPatternSafetyProblem } from './account-pattern-safety';
import type { Check } from './field.decorators';

/** The named groups the LEDES export reads (docs/rating.md, "Law firms: account codes"). */
export const ACCOUNT_PATTERN_GROUPS = ['client', 'matter'] as const;

/**
 * The regular expression the engine matches a whole account code with (decision 0007): the
 * pattern, anchored at both ends, no flags. Throws a SyntaxError when it does not compile.
 */
export function compileAccountPattern(pattern: string): RegExp {
  // Compiled alone first: `a)|(b` compiles once wrapped, but is not a pattern.
  new RegExp(pattern);
  return new RegExp(`^(?:${pattern})$`);
}

/**
 * The names of the named groups `(?<name>...)` of a pattern that compiles. Escapes and
 * character classes are skipped, so `\(?<x>` and `[(?<x>]` are not groups; lookbehinds
 * `(?<=` and `(?<!` are not named.
 */
export function namedGroups(pattern: string): string[] {
  const names: string[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (pattern.startsWith('(?<', i) && !'=!'.includes(pattern[i + 3] ?? '=')) {
      const end = pattern.indexOf('>', i + 3);
      names.push(pattern.slice(i + 3, end));
      i = end;
    }
  }
  return names;
}

export function accountPatternProblem(pattern: string): string | undefined {
  try {
    compileAccountPattern(pattern);
  } catch (error) {
    return `must be a valid regular expression (${(error as Error).message})`;
  }
  const allowed: readonly string[] = ACCOUNT_PATTERN_GROUPS;
  const others = [...new Set(namedGroups(pattern).filter((name) => !allowed.includes(name)))];
  if (others.length > 0) {
    const list = others.map((name) => `"${name}"`).join(', ');
    return `may name only the groups client and matter, not ${list}`;
  }
  return accountPatternSafetyProblem(pattern);
}

export const accountPattern: Check = (value) =>
  typeof value === 'string' ? accountPatternProblem(value) : 'must be a string';
