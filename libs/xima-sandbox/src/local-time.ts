const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED_OFFSETS = 200_000;

/**
 * Wall-clock time in one IANA zone. Offsets are cached per UTC quarter hour: every zone's
 * transitions fall on quarter-hour instants, and Intl is far too slow to call once per call.
 */
export class LocalClock {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  /** Throws a RangeError for a zone the runtime does not know. */
  constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to a UTC instant to get the zone's wall-clock time. */
  offsetMs(utcMs: number): number {
    const quarter = Math.floor(utcMs / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = this.computeOffsetMs(quarter * QUARTER_HOUR_MS);
      if (this.offsets.size >= MAX_CACHED_OFFSETS) this.offsets.clear();
      this.offsets.set(quarter, offset);
    }
    return offset;
  }

  /** The zone's wall-clock time as ms since 1970-01-01T00:00 local (read it with UTC getters). */
  wallClockMs(utcMs: number): number {
    return utcMs + this.offsetMs(utcMs);
  }

  /** `2019-10-07T15:11:26.000-06:00`: the instant as the zone's wall clock with its offset. */
  isoWithOffset(utcMs: number): string {
    const offsetMs = this.offsetMs(utcMs);
    const wall = new Date(utcMs + offsetMs).toISOString().slice(0, -1);
    const offsetMinutes = Math.abs(offsetMs) / 60_000;
    const hours = String(Math.floor(offsetMinutes / 60)).padStart(2, '0');
    const minutes = String(offsetMinutes % 60).padStart(2, '0');
    return `${wall}${offsetMs < 0 ? '-' : '+'}${hours}:${minutes}`;
  }

  private computeOffsetMs(utcMs: number): number {
    const fields: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(new Date(utcMs))) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wallMs = Date.UTC(
      fields.year,
      fields.month - 1,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
    );
    return wallMs - utcMs;
  }
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
