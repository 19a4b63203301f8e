import { formatTime } from './format';

/** An instant shown on a zone's wall clock, with the zone's name and the full zone as a title. */
export function Time({
  instant,
  timeZone = 'UTC',
}: {
  instant: string | null | undefined;
  timeZone?: string;
}) {
  if (!instant) return <span className="muted">—</span>;
  return (
    <time dateTime={new Date(instant).toISOString()} title={timeZone}>
      {formatTime(instant, timeZone)}
    </time>
  );
}
