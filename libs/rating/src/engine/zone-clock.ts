import { IANAZone } from 'luxon';
import { InvalidPlanError } from './errors';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const CACHE_LIMIT = 50_000;

/** Minutes since Monday 00:00, local: `weekday * 1440 + minuteOfDay`, weekday 0 = Monday. */
export type MinuteOfWeek = number;

/**
 * Local wall-clock time of an instant in one IANA zone, from the zone's real rules (never a fixed
 * offset: bands must be right on DST change days). Asking Intl for an offset costs microseconds,
 * so offsets are cached per UTC hour; an hour in which the offset changes is never cached.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  /** UTC hour -> offset in minutes, or NaN when the offset changes within that hour. */
  private readonly offsets = new Map<number, number>();

  constructor(readonly timezone: string) {
    if (typeof timezone !== 'string' || !IANAZone.isValidZone(timezone)) {
      throw new InvalidPlanError(
        'timezone',
        `${JSON.stringify(timezone)} is not an IANA time zone`,
      );
    }
    this.zone = IANAZone.create(timezone);
  }

  minuteOfWeek(epochMs: number): MinuteOfWeek {
    const local = epochMs + this.offsetMinutes(epochMs) * MINUTE_MS;
    const day = Math.floor(local / DAY_MS);
    // 1970-01-01 was a Thursday: weekday 3 when Monday is 0.
    const weekday = (((day + 3) % 7) + 7) % 7;
    return weekday * 1440 + Math.floor((local - day * DAY_MS) / MINUTE_MS);
  }

  private offsetMinutes(epochMs: number): number {
    const hour = Math.floor(epochMs / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const start = hour * HOUR_MS;
      const atStart = this.zone.offset(start);
      offset = atStart === this.zone.offset(start + HOUR_MS - 1) ? atStart : NaN;
      if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(hour, offset);
    }
    return Number.isNaN(offset) ? this.zone.offset(epochMs) : offset;
  }
}
