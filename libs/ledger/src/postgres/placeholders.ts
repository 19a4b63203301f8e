/**
 * The stores write their SQL once, with SQLite's `?` placeholders; PostgreSQL numbers them
 * (`$1`, `$2`, …). This rewrites each `?` of the SQL itself into the next number, and leaves
 * alone every `?` that is not a placeholder: inside a string ('…', E'…'), a quoted identifier
 * ("…"), a comment (-- … and nested /* … *\/) or a dollar-quoted body ($$ … $$, $tag$ … $tag$).
 *
 * SQL that already numbers its placeholders (TypeORM's own, or a store's PostgreSQL variant)
 * is returned unchanged: the two styles are never mixed. PostgreSQL's operators spelt with `?`
 * (jsonb's `?`, `?|`, `?&`) cannot be told from a placeholder, so the ledger's SQL never uses
 * them: their functions (`jsonb_exists`…) say the same.
 */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let copiedTo = 0;
  let count = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'") {
      i = endOfString(sql, i, isEscapeString(sql, i));
    } else if (c === '"') {
      i = endOfQuoted(sql, i, '"');
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === '/' && next === '*') {
      i = endOfBlockComment(sql, i);
    } else if (c === '$') {
      if (next !== undefined && /[0-9]/.test(next) && !isIdentifierChar(sql[i - 1])) {
        return sql; // already numbered
      }
      const tag = dollarTag(sql, i);
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end < 0 ? n : end + tag.length;
      } else {
        i += 1;
      }
    } else if (c === '?') {
      count += 1;
      out += `${sql.slice(copiedTo, i)}$${count}`;
      i += 1;
      copiedTo = i;
    } else {
      i += 1;
    }
  }
  return count === 0 ? sql : out + sql.slice(copiedTo);
}

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}

/** `E'…'` (or `e'…'`) takes backslash escapes; `E` must start a word, not end one (`name'`). */
function isEscapeString(sql: string, quote: number): boolean {
  const before = sql[quote - 1];
  return (before === 'E' || before === 'e') && !isIdentifierChar(sql[quote - 2]);
}

/** The index after a string's closing quote; `''` is a quote inside it. */
function endOfString(sql: string, start: number, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === "'") {
      if (sql[i + 1] === "'") i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/** The index after a quoted identifier's closing quote; a doubled quote is one inside it. */
function endOfQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/** PostgreSQL's block comments nest: `/* a /* b *\/ c *\/` is one comment. */
function endOfBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth += 1;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/** `$$` or `$tag$` opening a dollar-quoted body at `start`, or undefined. */
function dollarTag(sql: string, start: number): string | undefined {
  if (isIdentifierChar(sql[start - 1])) return undefined; // `a$b` is an identifier
  const match = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(
    sql.slice(start, start + 64),
  );
  return match?.[0];
}
