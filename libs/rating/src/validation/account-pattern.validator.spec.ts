import {
  accountPatternProblem,
  compileAccountPattern,
  namedGroups,
} from './account-pattern.validator';

describe('account patterns', () => {
  it.each([
    ['^(?<client>\\d{5})-(?<matter>\\d{3})$', ['client', 'matter']],
    ['(?<a>x)(?<b>y)', ['a', 'b']],
    ['\\(?<a>', []],
    ['[(?<a>)]', []],
    ['[\\](?<a>)]', []],
    ['[x](?<a>y)', ['a']],
    ['(?<=x)(?<!y)', []],
    ['\\\\(?<a>x)', ['a']],
  ])('%s names the groups %j', (pattern, groups) => {
    expect(namedGroups(pattern)).toEqual(groups);
  });

  it('matches a whole code, as the engine does', () => {
    const pattern = compileAccountPattern('(?<client>\\d{5})-(?<matter>\\d{3})');

    expect(pattern.exec('10234-001')?.groups).toEqual({ client: '10234', matter: '001' });
    expect(pattern.test('10234-0012')).toBe(false);
  });

  it('names every other group once', () => {
    expect(accountPatternProblem('(?<client>a)|(?<x>b)|(?<y>c)')).toBe(
      'may name only the groups client and matter, not "x", "y"',
    );
  });
});
