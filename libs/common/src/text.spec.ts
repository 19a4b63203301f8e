import { spreadsheetSafe } from './csv';
import { isPrintable, withoutControlCharacters } from './text';

describe('text a person or a file reader sees', () => {
  it.each([
    ['ROOM-\x02101\x03', 'ROOM-101'],
    ['two\r\nlines', 'two  lines'],
    ['tab\there', 'tab here'],
    ['nul\x00 and del\x7f', 'nul and del'],
    ['rlo\u202e zwsp\u200b bom\ufeff', 'rlo zwsp bom'],
    ['Zürich 東京', 'Zürich 東京'],
  ])('withoutControlCharacters(%j) is %j', (value, expected) => {
    expect(withoutControlCharacters(value)).toBe(expected);
  });

  it.each([
    ['ROOM-101', true],
    ['Suite Zürich 東京 1', true],
    ['ROOM-\x02101', false],
    ['a\nb', false],
    ['a\u2028b', false],
    ['a\u202eb', false],
    ['lone \ud800 surrogate', false],
  ])('isPrintable(%j) is %s', (value, printable) => {
    expect(isPrintable(value)).toBe(printable);
  });
});

describe('spreadsheetSafe: no cell runs as a formula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\x00=cmd|"/c calc"!A1', '\'\x00=cmd|"/c calc"!A1'],
    ['\x00', "'\x00"],
    ['ROOM-1012', 'ROOM-1012'],
    ['', ''],
  ])('%j -> %j', (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });
});
