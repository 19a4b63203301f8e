import { DestinationTrie } from './destination-trie';

describe('DestinationTrie (longest prefix, docs/rating.md step 3)', () => {
  const trie = new DestinationTrie();
  for (const [prefix, cls] of [
    ['1', 'nanp'],
    ['1303', 'local'],
    ['130355', 'exchange'],
    ['44', 'uk'],
  ]) {
    trie.add({ prefix, class: cls });
  }

  it.each([
    ['13035550100', 'exchange'],
    ['13034440100', 'local'],
    ['12125550100', 'nanp'],
    ['1', 'nanp'],
    ['130', 'nanp'],
    ['442079460000', 'uk'],
  ])('%s -> %s', (digits, cls) => {
    expect(trie.lookup(digits, true)?.class).toBe(cls);
  });

  it('no match without "": null', () => {
    expect(trie.lookup('33123456789', true)).toBeNull();
    expect(trie.lookup('', true)).toBeNull();
  });

  it('"" matches every routable number', () => {
    const all = new DestinationTrie();
    all.add({ prefix: '', class: 'any' });
    all.add({ prefix: '44', class: 'uk' });
    expect(all.lookup('33123456789', true)?.class).toBe('any');
    expect(all.lookup('4', true)?.class).toBe('any');
    expect(all.lookup('44', true)?.class).toBe('uk');
  });

  it('"" matches no unroutable number; a non-empty prefix still does', () => {
    const all = new DestinationTrie();
    all.add({ prefix: '', class: 'any' });
    all.add({ prefix: '911', class: 'emergency' });
    expect(all.lookup('411', false)).toBeNull();
    expect(all.lookup('', false)).toBeNull();
    expect(all.lookup('911', false)?.class).toBe('emergency');
  });

  it('finds the longest of 5 000 prefixes', () => {
    const big = new DestinationTrie();
    for (let i = 0; i < 5000; i++) big.add({ prefix: String(200_000 + i), class: `c${i}` });
    big.add({ prefix: '2000', class: 'short' });
    expect(big.lookup('2012344567', true)?.class).toBe('c1234');
    expect(big.lookup('2001234567', true)?.class).toBe('c123');
    expect(big.lookup('2000', true)?.class).toBe('short');
  });
});
