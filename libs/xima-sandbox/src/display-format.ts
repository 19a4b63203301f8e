const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Xima's H:MM:SS for a DURATION in milliseconds; 12673424 -> "3:31:13" (seconds are floored). */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return `${hours}:${twoDigits(minutes)}:${twoDigits(totalSeconds % 60)}`;
}

const DAY_MS = 86_400_000;
// Consecutive calls nearly always share a day: cache its "Oct 7, 2019 " rather than build a Date per value.
let cachedDay = Number.NaN;
let cachedDayText = '';

/** Xima's UI form, "Oct 7, 2019 3:11:26 pm", of a wall-clock time given as ms since 1970-01-01T00:00 local. */
export function formatWallClock(wallMs: number): string {
  const day = Math.floor(wallMs / DAY_MS);
  if (day !== cachedDay) {
    const date = new Date(day * DAY_MS);
    cachedDayText = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} `;
    cachedDay = day;
  }
  const secondOfDay = Math.floor((wallMs - day * DAY_MS) / 1000);
  const hour = Math.floor(secondOfDay / 3600);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const minute = Math.floor((secondOfDay % 3600) / 60);
  return (
    `${cachedDayText}${hour12}:${twoDigits(minute)}:${twoDigits(secondOfDay % 60)} ` +
    (hour < 12 ? 'am' : 'pm')
  );
}

/** Xima's formattedValue for an average: 14 -> "14.0". */
export function formatAverage(n: number): string {
  return n.toFixed(1);
}
