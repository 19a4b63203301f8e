// How the console shows money and time: the browser's Intl does the formatting and the time-zone
// arithmetic; the API's amounts are exact decimal strings and are never turned into floats.

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `"1234.5"` in USD -> `$1,234.50`: the amount's own currency, formatted from its decimal text. */
export function formatMoney(amount: string, currency: string): string {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(amount as Intl.StringNumericLiteral);
}

const digitsByCurrency = new Map<string, number>();

/** A currency's minor-unit digits (USD 2, JPY 0, BHD 3), as Intl knows them. */
function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Integer minor units (the overview's sums) as the decimal text formatMoney takes. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant on a time zone's wall clock, naming the zone: `10 Mar 2026, 15:05 CST`. */
export function formatTime(instant: string | number | Date, timeZone = 'UTC'): string {
  let format = timeFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(undefined, {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, format);
  }
  const date = new Date(instant);
  return `${format.format(date)} ${zoneName(date, timeZone)}`;
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at that instant (`CST`, `GMT+1`). One formatter per zone: making one costs more than using it. */
export function zoneName(instant: Date, timeZone: string): string {
  let format = zoneNames.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    zoneNames.set(timeZone, format);
  }
  const part = format.formatToParts(instant).find((piece) => piece.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A duration in seconds as people say it: `42 s`, `3 min 20 s`, `2 h 5 min`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const s = seconds % 60;
    return `${Math.floor(seconds / 60)} min${s ? ` ${s} s` : ''}`;
  }
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${Math.floor(seconds / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

/** Today's date (YYYY-MM-DD) in a time zone, for date inputs' defaults. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
