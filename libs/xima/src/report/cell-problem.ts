/** Why one cell could not be read; the parser prefixes the column's title. */
export class CellProblem {
  constructor(readonly message: string) {}
}

/** Longest text accepted from a cell; quoted values in messages are cut much shorter. */
export const MAX_TEXT_CHARS = 1000;
const QUOTE_CHARS = 60;

/** A value as it may appear in a message: bounded, whatever it is. */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > QUOTE_CHARS ? `${value.slice(0, QUOTE_CHARS)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a value of type ${typeof value}`;
}

export function tooLong(value: string): CellProblem {
  return new CellProblem(`is ${value.length} characters long (at most ${MAX_TEXT_CHARS})`);
}

export const EMPTY = new CellProblem('is empty');
