import { INT8_OID, LEDGER_PG_TYPES, NUMERIC_OID, exactInteger, exactNumeric } from './integers';

describe("PostgreSQL's bigint and numeric read as exact numbers", () => {
  it.each([
    ['0', 0],
    ['-42', -42],
    ['1796400000000', 1_796_400_000_000],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['-9007199254740991', Number.MIN_SAFE_INTEGER],
  ])('reads the bigint %s as %d', (text, value) => {
    expect(exactInteger(text)).toBe(value);
  });

  it.each(['9007199254740992', '-9007199254740992', '9223372036854775807', '1.5', '', 'x'])(
    'refuses %p: a number would not hold it exactly',
    (text) => {
      expect(() => exactInteger(text)).toThrow(RangeError);
    },
  );

  it('reads a whole numeric (a sum of bigints) as a number, and refuses a fraction or more than 2^53', () => {
    expect(exactNumeric('123456789012')).toBe(123_456_789_012);
    expect(exactNumeric('-7.000')).toBe(-7);
    expect(() => exactNumeric('2.5')).toThrow(RangeError);
    expect(() => exactNumeric('9007199254740993')).toThrow(RangeError);
  });

  it("gives pg these parsers for int8 and numeric, and pg's own for the rest", () => {
    expect(LEDGER_PG_TYPES.getTypeParser(INT8_OID, 'text')).toBe(exactInteger);
    expect(LEDGER_PG_TYPES.getTypeParser(NUMERIC_OID)).toBe(exactNumeric);
    const int4 = LEDGER_PG_TYPES.getTypeParser(23, 'text');
    expect(int4('7')).toBe(7);
    const bool = LEDGER_PG_TYPES.getTypeParser(16, 'text');
    expect(bool('t')).toBe(true);
  });
});
