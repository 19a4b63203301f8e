// Periods and sums as people read them. Intl does the time-zone work; money stays decimal text.

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Whether an instant is a midnight on the zone's wall clock. */
function isMidnight(instant: Date, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return parts === '00:00:00';
}

/**
 * A period `[start, end)` as its days, the end's day excluded (`1 Nov 2026 – 30 Nov 2026`), when
 * both ends are midnights in the zone; otherwise null (the caller shows the two instants).
 */
export function periodDays(start: string, end: string, timeZone: string): string | null {
  const from = new Date(start);
  const to = new Date(end);
  if (!isMidnight(from, timeZone) || !isMidnight(to, timeZone)) return null;
  const format = dayFormat(timeZone);
  const first = format.format(from);
  const last = format.format(new Date(to.getTime() - 1));
  return first === last ? first : `${first} – ${last}`;
}

/** The digits after the point of a decimal text. */
const decimalsOf = (amount: string) => amount.split('.')[1]?.length ?? 0;

/** Decimal texts added exactly (no float between): `["1.50", "0.09"]` -> `"1.59"`. */
export function sumDecimals(amounts: string[]): string {
  const scale = Math.max(0, ...amounts.map(decimalsOf));
  let total = 0n;
  for (const amount of amounts) {
    const negative = amount.startsWith('-');
    const [whole, fraction = ''] = amount.replace('-', '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text =
    scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** Each currency's sum of the amounts in it, currencies in alphabetical order. */
export function sumsByCurrency(
  rows: { currency: string; amount: string }[],
): { currency: string; amount: string; count: number }[] {
  const groups = new Map<string, string[]>();
  for (const row of rows)
    groups.set(row.currency, [...(groups.get(row.currency) ?? []), row.amount]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amounts]) => ({
      currency,
      amount: sumDecimals(amounts),
      count: amounts.length,
    }));
}
