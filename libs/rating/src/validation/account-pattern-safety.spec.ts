import fc from 'fast-check';
import {
  ACCOUNT_CODE_MAX_LENGTH,
  ACCOUNT_PATTERN_MAX_LENGTH,
  accountPatternSafetyProblem,
  accountPatternWays,
} from './account-pattern-safety';

const NESTED =
  'must not repeat a part that can itself match in more than one way, like (\\d+)+ or (a|b)*: ' +
  'a code that almost matches would take exponential time; use a character class ([ab]*) or a ' +
  'fixed length inside';
const TOO_MANY_WAYS =
  'can match one account code in more than 100 ways, which makes a code that almost matches ' +
  'slow to refuse: give its parts fixed or bounded lengths (\\d{5}, \\d{1,10}) or end each run ' +
  'of digits with a separator (\\d+-\\d+)';

/** Codes of the longest length matched that make a backtracking engine try every way. */
const ADVERSARIAL = [
  '1'.repeat(ACCOUNT_CODE_MAX_LENGTH - 1) + '!',
  '1'.repeat(ACCOUNT_CODE_MAX_LENGTH - 2) + '!1',
  '1-'.repeat(ACCOUNT_CODE_MAX_LENGTH / 2 - 1) + '1!',
  'A'.repeat(ACCOUNT_CODE_MAX_LENGTH - 1) + '!',
];

describe('account pattern safety (decision 0015)', () => {
  it.each([
    // The patterns people write: one way, or a few.
    ['(?<client>\\d{5})-(?<matter>\\d{3})', 1],
    ['^(?<client>\\d{5})-(?<matter>\\d{3})$', 1],
    ['(?<client>\\d+)-(?<matter>\\d+)', 1],
    ['\\d+-\\d+-\\d+-\\d+', 1],
    ['(?<client>[A-Z0-9]+)\\.(?<matter>\\d+)', 1],
    ['(?<client>\\d{5})(?:-(?<matter>\\d{3}))?', 2],
    ['(?<client>\\d+)(?:-(?<matter>\\d+))?', 2],
    ['(?<client>\\d{5})|GENERAL', 2],
    ['\\d{1,10}\\d{1,10}', 10],
    // A run of digits then digits: how many the first takes is a choice (32 choices at most).
    ['(?<client>\\d+)(?<matter>\\d{3})', 32],
    ['\\d+\\d+', 32],
    ['\\d*(?=\\d*x)', 33],
    ['\\d*(?<=\\d*x)', 33],
    ['[(?<=]\\d+', 1],
    ['\\d+?\\d+?', 32],
    ['(?:\\d{3}-)*\\d+', 33],
    ['\\d+\\d+\\d+', 1024],
    ['(?:1|1)(?:1|1)(?:1|1)(?:1|1)(?:1|1)(?:1|1)(?:1|1)', 128],
  ])('%s can match a code in at most %d ways', (pattern, ways) => {
    expect(accountPatternWays(pattern)).toBe(ways);
  });

  it.each([
    ['(?<client>(\\d+)+)-(?<matter>\\d{3})', NESTED],
    ['(\\d|\\d)*', NESTED],
    ['(?:\\d+-?)+', NESTED],
    ['(?:a|b)+', NESTED],
    ['\\d+\\d+\\d+', TOO_MANY_WAYS],
    ['(?:1|1)(?:1|1)(?:1|1)(?:1|1)(?:1|1)(?:1|1)(?:1|1)', TOO_MANY_WAYS],
    ['(\\d+)\\1', 'must not use a backreference (\\1, \\k<name>): an account code never needs one'],
    [
      '(?<client>\\d+)-\\k<client>',
      'must not use a backreference (\\1, \\k<name>): an account code never needs one',
    ],
    [
      'x'.repeat(ACCOUNT_PATTERN_MAX_LENGTH + 1),
      `must be at most ${ACCOUNT_PATTERN_MAX_LENGTH} characters (got ${ACCOUNT_PATTERN_MAX_LENGTH + 1})`,
    ],
  ])('%s is refused', (pattern, problem) => {
    expect(accountPatternSafetyProblem(pattern)).toBe(problem);
  });

  it.each([
    '(?<client>\\d{5})-(?<matter>\\d{3})',
    '(?<client>\\d{5})(?:-(?<matter>\\d{3}))?',
    '(?<client>\\d+)-(?<matter>\\d+)',
    '[\\\\(]+-\\d', // escapes and classes are read as V8 reads them
    '\\(\\d+\\)',
    'x'.repeat(ACCOUNT_PATTERN_MAX_LENGTH),
  ])('%s is accepted', (pattern) => {
    expect(accountPatternSafetyProblem(pattern)).toBeUndefined();
  });

  it('a backslash-escaped backslash before a digit is not a backreference', () => {
    expect(accountPatternSafetyProblem('\\\\1')).toBeUndefined();
    expect(accountPatternSafetyProblem('[\\1]')).toBeUndefined();
  });

  /**
   * The bound holds for patterns nobody thought of: any pattern it accepts refuses the codes that
   * make a backtracking engine try every way at well under a millisecond a code (a refused
   * `(\d+)+` takes seconds for one).
   */
  it('every accepted pattern matches adversarial codes quickly (property)', () => {
    const atom = fc.constantFrom('\\d', '1', '[0-9]', '.', '-', '[1-]', '\\w', '!', '[^!]', 'A');
    const quantifier = fc.constantFrom('', '*', '+', '?', '{0,32}', '{1,20}', '{2}', '+?', '{0,8}');
    const pattern = fc.letrec<{ seq: string; item: string }>((tie) => ({
      item: fc.oneof(
        { weight: 6, arbitrary: fc.tuple(atom, quantifier).map(([a, q]) => a + q) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(tie('seq'), tie('seq'), quantifier)
            .map(([a, b, q]) => `(?:${a}|${b})${q}`),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(tie('seq'), quantifier).map(([a, q]) => `(?:${a})${q}`),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('(?=', '(?!'), tie('seq'))
            .map(([look, a]) => `${look}${a})`),
        },
      ),
      seq: fc
        .array(tie('item'), { minLength: 1, maxLength: 4, depthIdentifier: 'seq' })
        .map((items) => items.join('')),
    })).seq;

    let accepted = 0;
    fc.assert(
      fc.property(pattern, (source) => {
        fc.pre(accountPatternSafetyProblem(source) === undefined);
        accepted++;
        const regex = new RegExp(`^(?:${source})$`);
        const started = performance.now();
        for (let i = 0; i < 50; i++) for (const code of ADVERSARIAL) regex.exec(code);
        // 200 codes; the worst accepted pattern needs about 10 ms, one that backtracks
        // exponentially needs seconds per code: a wide margin for a loaded machine.
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
