/**
 * A report row still as Xima's text. A day of a busy tenant is tens of thousands of rows;
 * parsing each one only when it is stored keeps a chunk's memory to its text, and the text
 * itself is the raw record the ledger keeps, byte for byte, with no re-serialising.
 */
export class RawRow {
  constructor(readonly json: string) {}
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** After the string that opens at `i`; -1 when it never closes. */
function stringEnd(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * After the value that starts at `i`, by its brackets and strings alone; -1 when it never
 * ends or a bracket closes the wrong kind. What is inside is not checked: JSON.parse does
 * that, of the rest and of each row.
 */
function valueEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return stringEnd(text, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    const closers: number[] = [];
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        const end = stringEnd(text, j);
        if (end < 0) return -1;
        j = end - 1;
      } else if (c === OPEN_BRACE) {
        closers.push(CLOSE_BRACE);
      } else if (c === OPEN_BRACKET) {
        closers.push(CLOSE_BRACKET);
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (closers.pop() !== c) return -1;
        if (closers.length === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c <= 32) break;
  }
  return j === i ? -1 : j;
}

function malformed(at: number): never {
  throw new SyntaxError(`not valid JSON at position ${at}`);
}

/** The elements of the array from `start` to `end`, each as its text. */
function arrayElements(text: string, start: number, end: number): RawRow[] {
  const rows: RawRow[] = [];
  let i = skipSpace(text, start + 1);
  if (text.charCodeAt(i) === CLOSE_BRACKET) return rows;
  for (;;) {
    const elementEnd = valueEnd(text, i);
    if (elementEnd < 0 || elementEnd > end) malformed(i);
    rows.push(new RawRow(text.slice(i, elementEnd)));
    i = skipSpace(text, elementEnd);
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACKET && i === end - 1) return rows;
    if (c !== COMMA) malformed(i);
    i = skipSpace(text, i + 1);
  }
}

/**
 * Parses a report's JSON text except its top-level `rows` array, whose elements come back as
 * RawRow texts, parsed later one by one. Everything outside the rows is checked by JSON.parse
 * and the rows' brackets and strings by this scan, so a cut-off or broken body throws
 * SyntaxError here, at once, as JSON.parse of the whole would; a row broken inside its own
 * brackets is that row's problem, found when it is parsed. Without a `rows` array the text is
 * simply JSON.parse'd.
 */
export function parseReportText(text: string): unknown {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return JSON.parse(text);
  let rows: { start: number; end: number; elements: RawRow[] } | undefined;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) !== CLOSE_BRACE) {
    for (;;) {
      if (text.charCodeAt(i) !== QUOTE) malformed(i);
      const keyEnd = stringEnd(text, i);
      if (keyEnd < 0) malformed(i);
      const quoted = text.slice(i, keyEnd);
      const key = quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
      i = skipSpace(text, keyEnd);
      if (text.charCodeAt(i) !== COLON) malformed(i);
      const start = skipSpace(text, i + 1);
      const end = valueEnd(text, start);
      if (end < 0) malformed(start);
      // JSON.parse keeps the last of repeated keys; so does this.
      if (key === 'rows') {
        rows =
          text.charCodeAt(start) === OPEN_BRACKET
            ? { start, end, elements: arrayElements(text, start, end) }
            : undefined;
      }
      i = skipSpace(text, end);
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) malformed(i);
      i = skipSpace(text, i + 1);
    }
  }
  if (!rows) return JSON.parse(text);
  const rest = JSON.parse(`${text.slice(0, rows.start)}[]${text.slice(rows.end)}`) as {
    rows: unknown;
  };
  rest.rows = rows.elements;
  return rest;
}
