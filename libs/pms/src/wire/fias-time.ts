import type { FiasDateTime } from '../link/link-types';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: '2-digit',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * An instant as the wall clock of `timeZone` shows it, written as FIAS does: `YYMMDD`, `HHMMSS`.
 * Without a zone, the process's own. The PMS reads every date and time as its local time; the
 * link itself knows no zone, so whoever builds a record passes the hotel's zone here.
 */
export function fiasDateTime(epochMs: number, timeZone?: string): FiasDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatFor(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    date: `${parts.year}${parts.month}${parts.day}`,
    time: `${parts.hour}${parts.minute}${parts.second}`,
  };
}

const DATE = /^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3])[0-5]\d[0-5]\d$/;

export function isFiasDate(text: string): boolean {
  return DATE.test(text);
}

export function isFiasTime(text: string): boolean {
  return TIME.test(text);
}
