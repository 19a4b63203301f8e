const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The characters a one-edit candidate may put in: the digits, the code's own characters (its
 * separators), and the capital letters when the code has a letter.
 */
function alphabetOf(code: string): string[] {
  const chars = new Set(DIGITS);
  for (const c of code) chars.add(c);
  if (/[A-Za-z]/.test(code)) for (const c of LETTERS) chars.add(c);
  return [...chars];
}

/**
 * Every code one edit away from `code` (the optimal-string-alignment Damerau distance 1): one
 * character changed, two adjacent characters swapped, one deleted, or one inserted. `10243-001`
 * gives `10234-001` (a swap) and `10243-011` (a change), among a few hundred. Sorted, without
 * `code` itself; a code of n characters gives at most about 2 * n * |alphabet| candidates, so
 * they are looked up by key instead of comparing the code with every matter of a firm.
 */
export function oneEditCodes(code: string): string[] {
  const alphabet = alphabetOf(code);
  const out = new Set<string>();
  for (let i = 0; i <= code.length; i++) {
    const head = code.slice(0, i);
    for (const c of alphabet) out.add(head + c + code.slice(i));
    if (i === code.length) break;
    const tail = code.slice(i + 1);
    out.add(head + tail);
    for (const c of alphabet) out.add(head + c + tail);
    if (i + 1 < code.length) out.add(head + code[i + 1] + code[i] + code.slice(i + 2));
  }
  out.delete(code);
  return [...out].sort();
}

/** Whether two codes are one edit apart, in the sense of oneEditCodes. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return (
      diff.length === 2 &&
      diff[1] === diff[0] + 1 &&
      a[diff[0]] === b[diff[1]] &&
      a[diff[1]] === b[diff[0]]
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
