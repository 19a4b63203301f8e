import { arrayLiteral } from './copy-ends';

describe("PostgreSQL's array literals of a page's column (arrayLiteral)", () => {
  it('writes numbers and booleans as they print, and NULL for null', () => {
    expect(arrayLiteral([1, -2, 1_125_899_906_842_624, null, true, false])).toBe(
      '{1,-2,1125899906842624,NULL,true,false}',
    );
  });

  it('quotes every string, so that NULL, commas, braces and spaces stay text', () => {
    expect(arrayLiteral(['NULL', 'a,b', '{x}', ' padded ', '', 'zoë ✓'])).toBe(
      '{"NULL","a,b","{x}"," padded ","","zoë ✓"}',
    );
  });

  it('escapes quotes and backslashes', () => {
    expect(arrayLiteral(['say "hi"', 'C:\\calls', '\\"'])).toBe(
      '{"say \\"hi\\"","C:\\\\calls","\\\\\\""}',
    );
  });

  it('writes an empty array', () => {
    expect(arrayLiteral([])).toBe('{}');
  });
});
