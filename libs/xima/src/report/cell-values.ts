import type { CanonicalCallRecord } from '@app/rating';
import { CellProblem, describe, EMPTY, MAX_TEXT_CHARS, tooLong } from './cell-problem';

type Direction = CanonicalCallRecord['direction'];

// Epoch numbers outside 1973..2286 are seconds or microseconds mistaken for milliseconds.
const MIN_EPOCH_MS = 1e11;
const MAX_EPOCH_MS = 1e13;
const DIGITS = /^\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;
// Globals read once: see report-table.ts.
const { isInteger, isSafeInteger, MAX_SAFE_INTEGER } = Number;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function notAnInstant(value: unknown): CellProblem {
  return new CellProblem(`${describe(value)} is not epoch milliseconds or ISO-8601 with an offset`);
}

function epochMs(ms: number, value: unknown): number | CellProblem {
  if (!isInteger(ms)) return notAnInstant(value);
  if (ms < MIN_EPOCH_MS || ms >= MAX_EPOCH_MS) {
    return new CellProblem(
      `${describe(value)} is outside epoch milliseconds for 1973-2286 (seconds or microseconds?)`,
    );
  }
  return ms;
}

/** Epoch milliseconds from epoch ms (number or digits) or ISO-8601 with `Z` or an offset. */
export function instantMs(value: unknown): number | CellProblem {
  if (value === undefined) return EMPTY;
  if (typeof value === 'number') return epochMs(value, value);
  if (typeof value !== 'string') return notAnInstant(value);
  if (value.length > MAX_TEXT_CHARS) return tooLong(value);
  const text = value.trim();
  if (text === '') return EMPTY;
  if (DIGITS.test(text)) return epochMs(Number(text), value);
  const m = ISO_WITH_OFFSET.exec(text);
  if (m === null) return notAnInstant(value);
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Digits past milliseconds are cut, not rounded, so a time never moves into the next ms.
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offsetMinutes =
    m[8] !== undefined ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
  const leapDay =
    month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > DAYS_IN_MONTH[month - 1] ||
    leapDay ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    Number(m[10] ?? 0) > 23 ||
    Number(m[11] ?? 0) > 59
  ) {
    return notAnInstant(value);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

export type WholeUnit = 'milliseconds' | 'count';

/**
 * A whole number >= 0 (a JSON number or decimal text). Fractions are refused, not rounded:
 * Xima's DURATION values are whole milliseconds, so a fraction means the encoding is not what
 * we think (seconds?), and rounding it would bill a wrong duration without anyone seeing it.
 */
export function wholeNumber(value: unknown, unit: WholeUnit): number | CellProblem {
  if (value === undefined) return EMPTY;
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string') {
    if (value.length > MAX_TEXT_CHARS) return tooLong(value);
    const text = value.trim();
    if (text === '') return EMPTY;
    if (!DECIMAL.test(text)) return notWhole(value, unit);
    n = Number(text);
  } else {
    return notWhole(value, unit);
  }
  if (n < 0) return new CellProblem(`${describe(value)} is negative`);
  if (!isInteger(n)) return notWhole(value, unit);
  if (n > MAX_SAFE_INTEGER) return new CellProblem(`${describe(value)} is too large`);
  return n;
}

function notWhole(value: unknown, unit: WholeUnit): CellProblem {
  const what = unit === 'milliseconds' ? 'a whole number of milliseconds' : 'a whole number';
  return new CellProblem(`${describe(value)} is not ${what}`);
}

/** Xima spells directions in any case; Intersite calls are internal for billing. */
export function direction(value: unknown): Direction | CellProblem {
  if (value === undefined) return EMPTY;
  if (typeof value !== 'string' || value.length > MAX_TEXT_CHARS) return notADirection(value);
  switch (value.trim().toLowerCase()) {
    case 'outbound':
      return 'outbound';
    case 'inbound':
      return 'inbound';
    case 'internal':
    case 'intersite':
      return 'internal';
    case '':
      return EMPTY;
    default:
      return notADirection(value);
  }
}

function notADirection(value: unknown): CellProblem {
  return new CellProblem(`${describe(value)} is not Inbound, Outbound, Internal or Intersite`);
}

/** Text of a cell, trimmed; null when empty. JSON numbers become their digits when exact. */
function text(value: unknown): string | null | CellProblem {
  if (value === undefined) return null;
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_CHARS) return tooLong(value);
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') {
    // A JSON number past 2^53 lost digits in JSON.parse: its text would be a different number.
    if (isSafeInteger(value) && value >= 0) return String(value);
    return new CellProblem(
      `${describe(value)} is a JSON number that cannot hold its digits exactly`,
    );
  }
  return new CellProblem(`${describe(value)} is not text`);
}

/**
 * `Room 1012(1012)` -> `1012`: the extension is inside the last parentheses. Without
 * parentheses the trimmed text is kept whole (digits or a name such as `Front Desk`), so a
 * reviewer sees what Xima recorded; plans match extensions against their ranges.
 */
export function extension(value: unknown): string | null | CellProblem {
  const agent = text(value);
  if (agent === null || agent instanceof CellProblem || !agent.endsWith(')')) return agent;
  const open = agent.lastIndexOf('(');
  if (open < 0) return agent;
  const inside = agent.slice(open + 1, -1).trim();
  if (inside === '')
    return new CellProblem(`${describe(value)} has no extension in its parentheses`);
  return inside;
}

/** The external party as recorded, only trimmed: rating normalises it. */
export const dialedNumber = text;

/** A call id: trimmed; blank is null so that the next id column, or the hash, is used. */
export const callIdText = text;

/**
 * Account codes are opaque: the text is kept untrimmed (the rating engine trims), only
 * whitespace-only is no code. A JSON number has already lost any leading zeros in JSON.parse;
 * it is taken as its decimal text because nothing better can be recovered.
 */
export function accountCode(value: unknown): string | null | CellProblem {
  if (value === undefined) return null;
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_CHARS) return tooLong(value);
    return value.trim() === '' ? null : value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return new CellProblem(`${describe(value)} is not text`);
}
