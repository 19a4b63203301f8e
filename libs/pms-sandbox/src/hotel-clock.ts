import { LocalClock } from '@app/xima-sandbox';

export const DAY_MS = 86_400_000;

const DATE = /^(\d{2})(\d{2})(\d{2})$/;
const TIME = /^(\d{2})(\d{2})(\d{2})$/;

/** FIAS writes local dates and times in the hotel's zone: `YYMMDD`, `HHMMSS`. */
export class HotelClock {
  private readonly local: LocalClock;

  constructor(readonly timeZone: string) {
    this.local = new LocalClock(timeZone);
  }

  /** `DA` and `TI` of an instant, in the hotel's zone. */
  fields(utcMs: number): { DA: string; TI: string } {
    const iso = new Date(this.local.wallClockMs(utcMs)).toISOString();
    return {
      DA: `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`,
      TI: `${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`,
    };
  }

  /** `YYMMDD` of an instant, in the hotel's zone. */
  date(utcMs: number): string {
    return this.fields(utcMs).DA;
  }

  /** The hotel's local day number (days since 1970-01-01 local) of an instant. */
  day(utcMs: number): number {
    return Math.floor(this.local.wallClockMs(utcMs) / DAY_MS);
  }

  /** The instant of a local wall-clock time given as ms since 1970-01-01T00:00 local. */
  instantOfWall(wallMs: number): number {
    const guess = wallMs - this.local.offsetMs(wallMs);
    return wallMs - this.local.offsetMs(guess);
  }

  /** The instant a `DA`/`TI` pair names, or null when either is not a real date or time. */
  instant(date: string, time: string): number | null {
    const d = DATE.exec(date);
    const t = TIME.exec(time);
    if (!d || !t) return null;
    const [year, month, day] = [2000 + Number(d[1]), Number(d[2]), Number(d[3])];
    const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3])];
    if (hour > 23 || minute > 59 || second > 59) return null;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(wall);
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
    return this.instantOfWall(wall);
  }
}
