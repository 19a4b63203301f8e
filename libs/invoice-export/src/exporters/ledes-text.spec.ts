import { ledesText } from './ledes-exporter';

describe('ledesText: a field as LEDES 1998B allows it', () => {
  it.each([
    ['Telephone: +13035551234, 4 min', 'Telephone: +13035551234, 4 min'],
    ['a|b', 'a b'],
    ['[x]', ' x '],
    ['Café Zürich', 'Cafe Zurich'],
    ['two\r\nlines', 'two  lines'],
    ['東京', '??'],
    ['tab\there', 'tab here'],
    ['STX\x02 ETX\x03 NUL\x00 RLO\u202e', 'STX ETX NUL RLO'],
    ['', ''],
  ])('%j -> %j', (value, expected) => {
    expect(ledesText(value)).toBe(expected);
  });

  it('is empty for no value', () => {
    expect(ledesText(null)).toBe('');
  });

  it('keeps every printable ASCII character but the three that end a field or a line', () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const char = String.fromCharCode(code);
      expect(ledesText(`a${char}b`)).toBe('|[]'.includes(char) ? 'a b' : `a${char}b`);
    }
  });
});
