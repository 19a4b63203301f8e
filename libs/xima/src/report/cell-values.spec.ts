import { CellProblem } from './cell-problem';
import {
  accountCode,
  dialedNumber,
  direction,
  extension,
  instantMs,
  wholeNumber,
} from './cell-values';

const message = (result: unknown) => (result instanceof CellProblem ? result.message : result);

describe('instantMs', () => {
  it.each([
    [1767626130250, 1767626130250],
    ['1767626130250', 1767626130250],
    [' 1767626130250 ', 1767626130250],
    ['2026-01-05T15:15:30.250Z', 1767626130250],
    ['2026-01-05T08:15:30.250-07:00', 1767626130250],
    ['2026-01-05T20:45:30.250+0530', 1767626130250],
    ['2026-01-05T16:15:30.250+01', 1767626130250],
    ['2026-01-05 15:15:30.250z', 1767626130250],
    ['2026-01-05T15:15:30.2509Z', 1767626130250], // digits past ms are cut
    ['2026-01-05T15:15Z', 1767626100000],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%j -> %d', (value, expected) => {
    expect(instantMs(value)).toBe(expected);
  });

  it.each([
    [
      'Oct 7, 2019 3:11:26 pm',
      '"Oct 7, 2019 3:11:26 pm" is not epoch milliseconds or ISO-8601 with an offset',
    ],
    [
      '2026-01-05T15:15:30',
      '"2026-01-05T15:15:30" is not epoch milliseconds or ISO-8601 with an offset',
    ],
    [
      '2025-02-29T00:00:00Z',
      '"2025-02-29T00:00:00Z" is not epoch milliseconds or ISO-8601 with an offset',
    ],
    [
      '2026-13-01T00:00:00Z',
      '"2026-13-01T00:00:00Z" is not epoch milliseconds or ISO-8601 with an offset',
    ],
    [
      '2026-01-01T24:00:00Z',
      '"2026-01-01T24:00:00Z" is not epoch milliseconds or ISO-8601 with an offset',
    ],
    [1767626130.25, '1767626130.25 is not epoch milliseconds or ISO-8601 with an offset'],
    [
      1767626130,
      '1767626130 is outside epoch milliseconds for 1973-2286 (seconds or microseconds?)',
    ],
    [
      1767626130250000,
      '1767626130250000 is outside epoch milliseconds for 1973-2286 (seconds or microseconds?)',
    ],
    [true, 'true is not epoch milliseconds or ISO-8601 with an offset'],
    [{}, 'an object is not epoch milliseconds or ISO-8601 with an offset'],
    [undefined, 'is empty'],
    ['  ', 'is empty'],
    ['x'.repeat(5000), 'is 5000 characters long (at most 1000)'],
  ])('%j is refused: %s', (value, expected) => {
    expect(message(instantMs(value))).toBe(expected);
  });
});

describe('wholeNumber', () => {
  it.each([
    [0, 0],
    [61000, 61000],
    ['61000', 61000],
    [' 61000 ', 61000],
    ['61000.0', 61000],
  ])('%j -> %d', (value, expected) => {
    expect(wholeNumber(value, 'milliseconds')).toBe(expected);
  });

  it.each([
    [-5, '-5 is negative'],
    ['-5', '"-5" is negative'],
    [61000.5, '61000.5 is not a whole number of milliseconds'],
    ['1:01', '"1:01" is not a whole number of milliseconds'],
    ['1e3', '"1e3" is not a whole number of milliseconds'],
    [2 ** 60, `${2 ** 60} is too large`],
    [null, 'null is not a whole number of milliseconds'],
    [undefined, 'is empty'],
  ])('%j is refused: %s', (value, expected) => {
    expect(message(wholeNumber(value, 'milliseconds'))).toBe(expected);
  });

  it('says "a whole number" for counts', () => {
    expect(message(wholeNumber(1.5, 'count'))).toBe('1.5 is not a whole number');
  });
});

describe('direction', () => {
  it.each([
    ['Outbound', 'outbound'],
    ['OUTBOUND', 'outbound'],
    [' inbound ', 'inbound'],
    ['Internal', 'internal'],
    ['Intersite', 'internal'],
    ['INTERSITE', 'internal'],
  ])('%j -> %s', (value, expected) => {
    expect(direction(value)).toBe(expected);
  });

  it.each([
    ['Transfer', '"Transfer" is not Inbound, Outbound, Internal or Intersite'],
    [1, '1 is not Inbound, Outbound, Internal or Intersite'],
    ['', 'is empty'],
    [undefined, 'is empty'],
  ])('%j is refused', (value, expected) => {
    expect(message(direction(value))).toBe(expected);
  });
});

describe('extension', () => {
  it.each([
    ['Room 1012(1012)', '1012'],
    ['Spencer Porter(253)', '253'],
    ['Spencer Porter (253) ', '253'],
    ['Agent (x) (200)', '200'],
    ['1012', '1012'],
    [' 1012 ', '1012'],
    [1012, '1012'],
    ['Front Desk', 'Front Desk'],
    ['', null],
    [undefined, null],
  ])('%j -> %j', (value, expected) => {
    expect(extension(value)).toBe(expected);
  });

  it('refuses empty parentheses and non-text', () => {
    expect(message(extension('Lobby()'))).toBe('"Lobby()" has no extension in its parentheses');
    expect(message(extension(['200']))).toBe('an array is not text');
  });
});

describe('dialedNumber', () => {
  it.each([
    ['9911', '9911'],
    ['+44 20 7946 0969', '+44 20 7946 0969'],
    [' 9 (303) 555-0174 ', '9 (303) 555-0174'],
    [13035550100, '13035550100'],
    ['', null],
  ])('%j -> %j', (value, expected) => {
    expect(dialedNumber(value)).toBe(expected);
  });

  it('refuses a JSON number that lost digits', () => {
    const parsed: unknown = JSON.parse('90114420794608401234');
    expect(message(dialedNumber(parsed))).toBe(
      '90114420794608400000 is a JSON number that cannot hold its digits exactly',
    );
  });
});

describe('accountCode', () => {
  it.each([
    ['0964', '0964'],
    [' 10234-001 ', ' 10234-001 '],
    ['100.001', '100.001'],
    [964, '964'],
    ['   ', null],
    [undefined, null],
  ])('%j -> %j', (value, expected) => {
    expect(accountCode(value)).toBe(expected);
  });
});
