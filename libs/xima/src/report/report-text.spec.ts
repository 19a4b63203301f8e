import fc from 'fast-check';
import { RawRow, parseReportText } from './report-text';

/** What parseReportText gives, with every RawRow parsed: must equal JSON.parse of the text. */
function expanded(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  if (!Array.isArray(object.rows)) return value;
  return {
    ...object,
    rows: object.rows.map((row) =>
      row instanceof RawRow ? (JSON.parse(row.json) as unknown) : row,
    ),
  };
}

// Strings full of what a scanner could trip on: quotes, backslashes, brackets, braces, commas.
const tricky = fc.string({
  unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ':', ' ', 'a', 'é', '\n', '\u2028'),
  maxLength: 12,
});
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    tricky,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const report = fc.record({
  title: tricky,
  columns: fc.array(fc.record({ key: tricky, title: tricky }), { maxLength: 3 }),
  rows: fc.array(json, { maxLength: 8 }),
  after: json,
});

describe('parseReportText', () => {
  it('reads what JSON.parse reads, with the rows kept as their own text, at any indentation', () => {
    fc.assert(
      fc.property(report, fc.constantFrom(undefined, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = parseReportText(text) as { rows: RawRow[] };
        expect(parsed.rows.every((row) => row instanceof RawRow)).toBe(true);
        expect(expanded(parsed)).toEqual(JSON.parse(text));
        // Each row's text is the exact slice of the body, in order: the ledger keeps Xima's bytes.
        let at = text.indexOf('"rows"');
        for (const row of parsed.rows) {
          const found = text.indexOf(row.json, at);
          expect(found).toBeGreaterThanOrEqual(at);
          at = found + row.json.length;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws SyntaxError for every body cut short, as JSON.parse of the whole would', () => {
    fc.assert(
      fc.property(report, fc.nat(), (value, at) => {
        const text = JSON.stringify(value);
        const cut = text.slice(0, at % text.length);
        expect(() => parseReportText(cut)).toThrow(SyntaxError);
      }),
      { numRuns: 300 },
    );
  });

  it('throws for a body missing its closing brace or with anything after it', () => {
    const text = JSON.stringify({ columns: [], rows: [{ values: {} }] });
    expect(() => parseReportText(text.slice(0, -1))).toThrow(SyntaxError);
    expect(() => parseReportText(`${text} x`)).toThrow(SyntaxError);
    expect(() => parseReportText(text.replace('],', '] '))).toThrow(SyntaxError);
    expect(() => parseReportText('{"rows":[{"a":1} {"b":2}]}')).toThrow(SyntaxError);
    expect(() => parseReportText('{"rows":[{"a":1},,{"b":2}]}')).toThrow(SyntaxError);
  });

  it('throws when a bracket closes the wrong kind, rather than merging good rows into one', () => {
    for (const text of [
      '{"rows":[{"v":[},{"v":1},{"v":2}]]}',
      '{"rows":[{"v":1]]}',
      '{"rows":[[1}]}',
      '{"rows":[{"v":"]"}]]}',
    ]) {
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
      expect(() => parseReportText(text)).toThrow(SyntaxError);
    }
  });

  it('leaves a row broken inside its own brackets to be found when the row is read', () => {
    const parsed = parseReportText('{"rows":[{"values":{"0":}}, {"values":{}}]}') as {
      rows: RawRow[];
    };
    expect(parsed.rows.map((row) => row.json)).toEqual(['{"values":{"0":}}', '{"values":{}}']);
  });

  it('keeps the last of repeated rows keys, however the key is written, as JSON.parse does', () => {
    for (const text of [
      '{"rows":[1],"rows":[2,3]}',
      '{"rows":[1],"ro\\u0077s":[2,3]}',
      '{"ro\\u0077s":[1],"rows":[2,3]}',
      '{"rows":[1],"rows":null}',
    ]) {
      expect(expanded(parseReportText(text))).toEqual(JSON.parse(text));
    }
  });

  it('parses anything but an object with rows exactly as JSON.parse', () => {
    for (const text of ['[1,2]', '"rows"', '{}', ' { } ', '{"rows":{"a":[1]}}', 'null']) {
      expect(parseReportText(text)).toEqual(JSON.parse(text));
    }
    expect(() => parseReportText('')).toThrow(SyntaxError);
  });
});
