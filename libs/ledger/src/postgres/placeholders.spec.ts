import { numberPlaceholders } from './placeholders';

describe("PostgreSQL's numbered placeholders from the stores' ? (numberPlaceholders)", () => {
  it.each([
    [
      'SELECT * FROM t WHERE a = ? AND b IN (?, ?)',
      'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)',
    ],
    ['INSERT INTO t (a, b) VALUES (?,?)', 'INSERT INTO t (a, b) VALUES ($1,$2)'],
    ['SELECT ?', 'SELECT $1'],
    ['SELECT ?::bigint + ?', 'SELECT $1::bigint + $2'],
  ])('numbers each placeholder in order: %s', (sql, expected) => {
    expect(numberPlaceholders(sql)).toBe(expected);
  });

  it.each([
    ["a string: 'is it?'", "SELECT 'is it?', ? FROM t", "SELECT 'is it?', $1 FROM t"],
    ["a string with a quote: 'it''s ?'", "SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"],
    ["an escape string: E'\\'?'", "SELECT E'\\'?', ?", "SELECT E'\\'?', $1"],
    [
      'a quoted identifier: "why?"',
      'SELECT "why?", "a""?" FROM t WHERE x = ?',
      'SELECT "why?", "a""?" FROM t WHERE x = $1',
    ],
    ['a line comment', 'SELECT ? -- is it?\n, ?', 'SELECT $1 -- is it?\n, $2'],
    ['a block comment', 'SELECT /* ? */ ?', 'SELECT /* ? */ $1'],
    [
      'a nested block comment',
      'SELECT /* a /* ? */ still ? */ ?',
      'SELECT /* a /* ? */ still ? */ $1',
    ],
    ['a dollar-quoted body', 'SELECT $$ ? $$, ?', 'SELECT $$ ? $$, $1'],
    ['a tagged dollar-quoted body', 'SELECT $fn$ ? $$ ? $fn$, ?', 'SELECT $fn$ ? $$ ? $fn$, $1'],
  ])('leaves alone a ? inside %s', (_where, sql, expected) => {
    expect(numberPlaceholders(sql)).toBe(expected);
  });

  it('takes `E` for an escape string only when it starts a word', () => {
    // `name'…'` is not E'…': a backslash there is a plain character, the quote ends the string.
    expect(numberPlaceholders("SELECT 'a\\' = ?")).toBe("SELECT 'a\\' = $1");
    expect(numberPlaceholders("SELECT e'\\\\', ?")).toBe("SELECT e'\\\\', $1");
  });

  it('reads `$` inside an identifier as part of it, not as a dollar quote', () => {
    expect(numberPlaceholders('SELECT a$b, ? FROM t$1')).toBe('SELECT a$b, $1 FROM t$1');
  });

  it('leaves SQL that already numbers its placeholders unchanged', () => {
    expect(numberPlaceholders('SELECT * FROM t WHERE a = $1 AND b = ?')).toBe(
      'SELECT * FROM t WHERE a = $1 AND b = ?',
    );
    expect(numberPlaceholders('SELECT $2, $1')).toBe('SELECT $2, $1');
  });

  it('leaves SQL without placeholders unchanged, and an unterminated string or comment ends it', () => {
    expect(numberPlaceholders('SELECT 1')).toBe('SELECT 1');
    expect(numberPlaceholders("SELECT ?, 'open ?")).toBe("SELECT $1, 'open ?");
    expect(numberPlaceholders('SELECT ? /* open ?')).toBe('SELECT $1 /* open ?');
    expect(numberPlaceholders('SELECT ?, $$ open ?')).toBe('SELECT $1, $$ open ?');
  });
});
