import { DateTime } from 'luxon';
import type { FiasDateTime } from '@app/pms';

/**
 * The instant a PMS's local `DA`/`TI` (`YYMMDD`, `HHMMSS`) names on the hotel's wall clock, or
 * null when they are not a date and time. Years are 2000–2099: FIAS writes two digits.
 */
export function instantOf(at: FiasDateTime, zone: string): number | null {
  const date = /^(\d{2})(\d{2})(\d{2})$/.exec(at.date);
  const time = /^(\d{2})(\d{2})(\d{2})?$/.exec(at.time);
  if (!date || !time) return null;
  const local = DateTime.fromObject(
    {
      year: 2000 + Number(date[1]),
      month: Number(date[2]),
      day: Number(date[3]),
      hour: Number(time[1]),
      minute: Number(time[2]),
      second: Number(time[3] ?? 0),
    },
    { zone },
  );
  return local.isValid ? local.toMillis() : null;
}

/** The start of a `YYMMDD` day on the hotel's wall clock (an arrival date), or null. */
export function dayStartOf(date: string, zone: string): number | null {
  return instantOf({ date, time: '000000' }, zone);
}
