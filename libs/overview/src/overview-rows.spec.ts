import {
  RankedRow,
  currencyAmount,
  destinationKey,
  destinationLabel,
  topRows,
} from './overview-rows';

const row = (label: string, calls: number, ...amounts: [string, number][]): RankedRow => ({
  key: label,
  label,
  calls,
  byCurrency: amounts.map(([currency, minor]) => currencyAmount(currency, minor)),
});

describe('topRows', () => {
  it('puts the largest amount in any one currency first, compared as written (no exchange rates)', () => {
    const rows = [
      row('yen', 1, ['JPY', 1000]), // 1000 yen
      row('dollars', 1, ['USD', 99_999]), // 999.99 dollars
      row('dinars', 1, ['KWD', 1_500]), // 1.500 dinars
      row('both', 1, ['USD', 100], ['EUR', 200_000]), // 2000.00 euros
    ];
    expect(topRows(rows, 10).map((r) => r.label)).toEqual(['both', 'yen', 'dollars', 'dinars']);
  });

  it('then the most calls, then by label; and keeps `limit` rows', () => {
    const rows = [row('b', 3, ['USD', 500]), row('c', 9, ['USD', 500]), row('a', 3, ['USD', 500])];
    expect(topRows(rows, 10).map((r) => r.label)).toEqual(['c', 'a', 'b']);
    expect(topRows(rows, 1).map((r) => r.label)).toEqual(['c']);
  });

  it('ranks a row that bills nothing below one that bills a cent', () => {
    const rows = [row('free', 50, ['USD', 0]), row('cent', 1, ['USD', 1])];
    expect(topRows(rows, 10).map((r) => r.label)).toEqual(['cent', 'free']);
  });
});

describe('destinations', () => {
  it.each([
    ['international', '44', 'International +44', 'international:44'],
    ['long-distance', '1303', 'Long distance +1303', 'long-distance:1303'],
    ['toll_free', '', 'Toll free', 'toll_free:'],
    ['', '', 'No destination', null],
  ])('%s %s reads "%s"', (destinationClass, prefix, label, key) => {
    expect(destinationLabel(destinationClass, prefix)).toBe(label);
    expect(destinationKey(destinationClass, prefix)).toBe(key);
  });
});
