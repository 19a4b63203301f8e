import { DateTime } from 'luxon';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** Wall-clock fields of an instant in a zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** A stretch of time over which a zone's offset from UTC stays the same: `[startMs, endMs)`. */
export interface OffsetSpan {
  startMs: number;
  endMs: number;
  /** Minutes east of UTC. */
  offset: number;
}

/**
 * Instants as wall-clock times of one zone, as luxon gives them, at a fraction of its cost per
 * line (an export formats a time for every line). luxon finds the zone's offset once per UTC
 * hour; an hour whose two ends have different offsets holds a transition, and its instants are
 * each asked of luxon. Zones move their clocks at most once in an hour.
 */
export class ZonedTime {
  private readonly offsets = new Map<number, number | null>();
  /** `2026-03-02` by local day number (days since 1970-01-01 on this zone's wall clock). */
  private readonly dates = new Map<number, string>();
  /** luxon writes `Z` for a zone fixed at UTC, `+00:00` for a place that is at UTC today. */
  private readonly universal: boolean;

  constructor(private readonly zone: string) {
    this.universal = DateTime.fromMillis(0, { zone }).zone.isUniversal;
  }

  offsetAt(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const start = DateTime.fromMillis(hour * HOUR_MS, { zone: this.zone }).offset;
      const end = DateTime.fromMillis(hour * HOUR_MS + HOUR_MS - 1, { zone: this.zone }).offset;
      offset = start === end ? start : null;
      this.offsets.set(hour, offset);
    }
    return offset ?? DateTime.fromMillis(ms, { zone: this.zone }).offset;
  }

  at(ms: number): WallClock {
    const offset = this.offsetAt(ms);
    const local = new Date(ms + offset * 60_000);
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      millisecond: local.getUTCMilliseconds(),
      offset,
    };
  }

  /**
   * `[fromMs, toMs)` cut where the zone's offset changes, in order: what a query needs to turn
   * instants into local dates with SQL's arithmetic alone (a span's instants all move by the same
   * offset). Each UTC hour is looked at, so no change between two is missed.
   */
  offsetSpans(fromMs: number, toMs: number): OffsetSpan[] {
    const spans: OffsetSpan[] = [];
    let startMs = fromMs;
    let offset = this.offsetAt(fromMs);
    for (let hour = Math.floor(fromMs / HOUR_MS); hour * HOUR_MS < toMs; hour++) {
      const last = Math.min((hour + 1) * HOUR_MS, toMs) - 1;
      if (last < startMs || this.offsetAt(last) === offset) continue;
      // The offset changes in this hour (zones change theirs at most once in an hour): find
      // the first instant of the new one.
      // `low` keeps the old offset (the previous hour ended with it), `high` has the new one.
      let low = Math.max(hour * HOUR_MS - 1, startMs);
      let high = last;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (this.offsetAt(middle) === offset) low = middle;
        else high = middle;
      }
      spans.push({ startMs, endMs: high, offset });
      startMs = high;
      offset = this.offsetAt(high);
    }
    if (startMs < toMs) spans.push({ startMs, endMs: toMs, offset });
    return spans;
  }

  /**
   * The date on the wall clock, `2026-03-02`: what a ledger write computes for every line item,
   * so a day's text is made once (no Date, no object per call).
   */
  localDate(ms: number): string {
    const day = Math.floor((ms + this.offsetAt(ms) * 60_000) / DAY_MS);
    let date = this.dates.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.dates.set(day, date);
    }
    return date;
  }

  /** `2026-03-02T00:00:00.000-07:00`, as luxon's `toISO()`. */
  iso(ms: number): string {
    const t = this.at(ms);
    const millis = String(t.millisecond).padStart(3, '0');
    return `${this.date(t, '-')}T${this.time(t, ':')}.${millis}${this.offsetText(t.offset)}`;
  }

  /** `20260302` */
  yyyymmdd(ms: number): string {
    return this.date(this.at(ms), '');
  }

  date(t: WallClock, separator: string): string {
    return `${String(t.year).padStart(4, '0')}${separator}${two(t.month)}${separator}${two(t.day)}`;
  }

  time(t: WallClock, separator: string): string {
    return `${two(t.hour)}${separator}${two(t.minute)}${separator}${two(t.second)}`;
  }

  private offsetText(offset: number): string {
    if (offset === 0 && this.universal) return 'Z';
    const minutes = Math.abs(offset);
    return `${offset < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
  }
}
