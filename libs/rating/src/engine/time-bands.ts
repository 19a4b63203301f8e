import { WEEKDAYS } from '../plan/rate-plan';
import type { TimeBand } from '../plan/rate-plan';
import { InvalidPlanError } from './errors';
import type { MinuteOfWeek } from './zone-clock';

/** A band with its days as a set of weekday numbers (Monday 0) and its times in minutes. */
export interface ParsedBand {
  days: readonly boolean[];
  fromMinute: number;
  toMinute: number;
  label: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(value: unknown, path: string, allowEndOfDay: boolean): number {
  if (allowEndOfDay && value === '24:00') return 1440;
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (!match) {
    throw new InvalidPlanError(path, `${JSON.stringify(value)} is not a time HH:MM`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

export function parseBand(band: TimeBand, path: string): ParsedBand {
  if (!Array.isArray(band.days))
    throw new InvalidPlanError(`${path}.days`, 'must be a list of days');
  const days = WEEKDAYS.map(() => false);
  band.days.forEach((day, index) => {
    const weekday = WEEKDAYS.indexOf(day);
    if (weekday < 0) {
      throw new InvalidPlanError(`${path}.days.${index}`, `${JSON.stringify(day)} is not mon..sun`);
    }
    days[weekday] = true;
  });
  const fromMinute = minutes(band.from, `${path}.from`, false);
  const toMinute = minutes(band.to, `${path}.to`, true);
  if (toMinute <= fromMinute) {
    throw new InvalidPlanError(`${path}.to`, `must be after from (${band.from})`);
  }
  return { days, fromMinute, toMinute, label: `${band.days.join(',')} ${band.from}-${band.to}` };
}

/** docs/rating.md, step 4: `from` inclusive, `to` exclusive, on one of the band's days. */
export function bandCovers(band: ParsedBand, minuteOfWeek: MinuteOfWeek): boolean {
  const weekday = Math.floor(minuteOfWeek / 1440);
  const minute = minuteOfWeek - weekday * 1440;
  return band.days[weekday] && minute >= band.fromMinute && minute < band.toMinute;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Sat 10:15`, for explanations. */
export function describeMinuteOfWeek(minuteOfWeek: MinuteOfWeek): string {
  const weekday = Math.floor(minuteOfWeek / 1440);
  const minute = minuteOfWeek - weekday * 1440;
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${DAY_NAMES[weekday]} ${hh}:${mm}`;
}
