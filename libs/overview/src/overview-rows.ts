import { currencyExponent, formatMinor, pow10 } from '@app/money';

/** An amount in one currency: integer minor units, and the same as the currency writes it. */
export interface CurrencyAmount {
  currency: string;
  amountMinor: number;
  amount: string;
}

export const currencyAmount = (currency: string, amountMinor: number): CurrencyAmount => ({
  currency,
  amountMinor,
  amount: formatMinor(amountMinor, currency),
});

/** A row of a top list before it is ranked: its calls and its amounts, one per currency. */
export interface RankedRow {
  key: string | null;
  label: string;
  calls: number;
  byCurrency: CurrencyAmount[];
}

/**
 * The largest of a row's amounts, as an exact integer of 10^-6 units of its currency: amounts
 * in two currencies are compared as they are written (`12.50 USD` above `9 JPY`), with no rate
 * of exchange. Each currency's own minor units stay exact (at most 6 decimals: ISO 4217 has 4).
 */
function largestAmount(row: RankedRow): bigint {
  let largest = -1n;
  for (const { currency, amountMinor } of row.byCurrency) {
    const scaled = BigInt(amountMinor) * pow10(6 - currencyExponent(currency));
    if (scaled > largest) largest = scaled;
  }
  return largest;
}

/**
 * A top list's order: the largest amount in any one currency first, then the most calls, then
 * by label (so that equal rows keep one order). Its first `limit` rows.
 */
export function topRows(rows: RankedRow[], limit: number): RankedRow[] {
  const ranked = rows.map((row) => ({ row, largest: largestAmount(row) }));
  ranked.sort(
    (a, b) =>
      (a.largest === b.largest ? 0 : a.largest > b.largest ? -1 : 1) ||
      b.row.calls - a.row.calls ||
      (a.row.label < b.row.label ? -1 : a.row.label > b.row.label ? 1 : 0),
  );
  return ranked.slice(0, limit).map(({ row }) => row);
}

/** Rows grouped by key from per-currency sums (in any order), currencies in code order. */
export function groupByKey<T extends { currency: string; calls: number; billedMinor: number }>(
  sums: T[],
  keyOf: (sum: T) => string,
): Map<string, { first: T; calls: number; byCurrency: CurrencyAmount[] }> {
  const groups = new Map<string, { first: T; calls: number; byCurrency: CurrencyAmount[] }>();
  for (const sum of sums) {
    const key = keyOf(sum);
    let group = groups.get(key);
    if (group === undefined) {
      group = { first: sum, calls: 0, byCurrency: [] };
      groups.set(key, group);
    }
    group.calls += sum.calls;
    group.byCurrency.push(currencyAmount(sum.currency, sum.billedMinor));
  }
  for (const group of groups.values()) {
    group.byCurrency.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  }
  return groups;
}

/** `long-distance` -> `Long distance`. */
const className = (destinationClass: string): string => {
  const words = destinationClass.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A destination as a person reads it: its class and the prefix that matched (`International
 * +44`), the class alone for a catch-all prefix, `No destination` when rating found none (an
 * account-code summary, a number no prefix matches).
 */
export function destinationLabel(destinationClass: string, destinationPrefix: string): string {
  if (destinationClass === '') return 'No destination';
  const name = className(destinationClass);
  return destinationPrefix === '' ? name : `${name} +${destinationPrefix}`;
}

/** A destination's key in the API: `class:prefix` (`international:44`); null for none. */
export function destinationKey(destinationClass: string, destinationPrefix: string): string | null {
  return destinationClass === '' ? null : `${destinationClass}:${destinationPrefix}`;
}
